#include "core/provision_request.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "core/named.h"
#include "core/need.h"

namespace tandem {

namespace {

constexpr std::array<Named<Criterion>, 5> kCriteria{{
    {Criterion::efficacy, "efficacy", "Efficacy"},
    {Criterion::cost, "cost", "Cost"},
    {Criterion::safety, "safety", "Safety"},
    {Criterion::quality, "quality", "Quality"},
    {Criterion::outcomes, "outcomes", "Outcomes"},
}};
constexpr std::array<Named<Finding>, 3> kFindings{{
    {Finding::met, "met", "Meets the criterion"},
    {Finding::not_met, "not_met", "Does not meet it"},
    {Finding::unclear, "unclear", "Not yet clear"},
}};
constexpr std::array<Named<RequestDecision>, 3> kDecisions{{
    {RequestDecision::add_to_offer, "add_to_offer", "Add to the Local Offer"},
    {RequestDecision::fund_for_child, "fund_for_child", "Fund for this child only"},
    {RequestDecision::decline, "decline", "Decline"},
}};
constexpr std::array<Named<RequestStage>, 3> kStages{{
    {RequestStage::received, "received", "Received"},
    {RequestStage::verifying, "verifying", "Being verified"},
    {RequestStage::decided, "decided", "Decided"},
}};

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

std::string names(const std::vector<Criterion>& cs) {
  std::string out;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == cs.size() ? " and " : ", ") + std::string(to_string(cs[i]));
  }
  return out;
}

}  // namespace

std::string_view to_string(Criterion c) { return id_of(kCriteria, c); }
std::string_view criterion_label(Criterion c) { return label_of(kCriteria, c); }
std::string_view criterion_question(Criterion c) {
  switch (c) {
    case Criterion::efficacy: return "Is there evidence it works for needs like these?";
    case Criterion::cost: return "Is it cost effective against what the offer already has?";
    case Criterion::safety: return "Is it safe: safeguarding, registration, insurance, risk assessments?";
    case Criterion::quality: return "Is it of good quality: qualified staff, inspection, standards?";
    case Criterion::outcomes: return "Will it improve outcomes, and can they be measured?";
  }
  return "";
}
std::optional<Criterion> parse_criterion(std::string_view text) { return parse_of(kCriteria, text); }
std::span<const Criterion> all_criteria() {
  static constexpr auto values = values_in(kCriteria);
  return values;
}

std::string_view to_string(Finding f) { return id_of(kFindings, f); }
std::string_view finding_label(Finding f) { return label_of(kFindings, f); }
std::optional<Finding> parse_finding(std::string_view text) { return parse_of(kFindings, text); }
std::span<const Finding> all_findings() {
  static constexpr auto values = values_in(kFindings);
  return values;
}

std::string_view to_string(RequestDecision d) { return id_of(kDecisions, d); }
std::string_view request_decision_label(RequestDecision d) { return label_of(kDecisions, d); }
std::optional<RequestDecision> parse_request_decision(std::string_view text) { return parse_of(kDecisions, text); }
std::span<const RequestDecision> all_request_decisions() {
  static constexpr auto values = values_in(kDecisions);
  return values;
}

std::string_view to_string(RequestStage s) { return id_of(kStages, s); }
std::string_view request_stage_label(RequestStage s) { return label_of(kStages, s); }
std::optional<RequestStage> parse_request_stage(std::string_view text) { return parse_of(kStages, text); }

std::string_view to_string(RequestOrigin s) { return s == RequestOrigin::family ? "family" : "staff"; }

RequestStage stage_of(const ProvisionRequest& r) {
  if (r.decision) return RequestStage::decided;
  return r.checks.empty() ? RequestStage::received : RequestStage::verifying;
}

const CriterionCheck* check_of(const ProvisionRequest& r, Criterion c) {
  for (const auto& k : r.checks) {
    if (k.criterion == c) return &k;
  }
  return nullptr;
}

Result<ProvisionRequest> new_provision_request(const ProvisionRequestInput& in, Date today, std::int64_t now) {
  std::vector<FieldError> errors;
  ProvisionRequest r;
  r.id = in.id;
  r.area_id = in.area_id;
  r.received_on = today;
  r.received_at = now;
  r.source = in.source;
  r.requested_by = in.requested_by;
  r.child_id = in.child_id;
  r.provision = in.provision;
  r.provider = in.provider;
  r.reason = in.reason;
  r.contact = in.contact;
  if (blank(in.provision))
    errors.push_back({"provision", "Say what provision is asked for"});
  else if (in.provision.size() > 200)
    errors.push_back({"provision", "Describe the provision in 200 characters or fewer; give detail under why"});
  if (in.provider.size() > 200) errors.push_back({"provider", "The provider's name must be 200 characters or fewer"});
  if (blank(in.reason))
    errors.push_back({"reason", "Say why it is needed and what the Local Offer lacks"});
  else if (in.reason.size() > 4000)
    errors.push_back({"reason", "Keep the reasons to 4000 characters or fewer"});
  if (!in.need_code.empty() && !find_need(in.need_code))
    errors.push_back({"need_code", "Choose a need from the list, or none"});
  else
    r.need_code = in.need_code;
  if (!in.age.empty()) {
    int age = -1;
    auto [p, ec] = std::from_chars(in.age.data(), in.age.data() + in.age.size(), age);
    if (ec != std::errc() || p != in.age.data() + in.age.size() || age < 0 || age > 25)
      errors.push_back({"age", "Enter the age in whole years from 0 to 25, like 7, or leave it empty"});
    else
      r.age = age;
  }
  if (in.source == RequestOrigin::family && blank(in.contact))
    errors.push_back({"contact", "Give an email address or phone number so we can tell you the decision"});
  if (in.contact.size() > 200) errors.push_back({"contact", "Contact details must be 200 characters or fewer"});
  if (in.source == RequestOrigin::family && !in.child_id.empty())
    errors.push_back({"child_id", "Only staff can link a request to a child's record"});
  if (!errors.empty()) return fail(std::move(errors));
  return r;
}

Result<ProvisionRequest> record_check(const ProvisionRequest& r, std::string_view criterion, std::string_view finding,
                                      const std::string& note, const std::string& by, std::int64_t at) {
  std::vector<FieldError> errors;
  if (r.decision) errors.push_back({"criterion", "This request has been decided; its checks can no longer change"});
  const auto c = parse_criterion(criterion);
  if (!c) errors.push_back({"criterion", "Choose a criterion: " + ids_of(kCriteria)});
  const auto f = parse_finding(finding);
  if (!f) errors.push_back({"finding", "Choose a finding: " + ids_of(kFindings)});
  if (blank(note))
    errors.push_back({"note", "Write a note: the evidence the finding rests on"});
  else if (note.size() > 2000)
    errors.push_back({"note", "Keep the note to 2000 characters or fewer"});
  if (!errors.empty()) return fail(std::move(errors));
  ProvisionRequest out = r;
  CriterionCheck k{*c, *f, note, by, at};
  auto it =
      std::find_if(out.checks.begin(), out.checks.end(), [&](const CriterionCheck& x) { return x.criterion == *c; });
  if (it != out.checks.end())
    *it = k;
  else
    out.checks.push_back(k);
  const auto order = all_criteria();
  std::sort(out.checks.begin(), out.checks.end(), [&](const CriterionCheck& a, const CriterionCheck& b) {
    return std::find(order.begin(), order.end(), a.criterion) < std::find(order.begin(), order.end(), b.criterion);
  });
  return out;
}

std::vector<Criterion> unchecked(const ProvisionRequest& r) {
  std::vector<Criterion> out;
  for (auto c : all_criteria()) {
    if (!check_of(r, c)) out.push_back(c);
  }
  return out;
}

Result<ProvisionRequest> decide(const ProvisionRequest& r, std::string_view decision, const std::string& reasons,
                                const std::string& by, Date today) {
  std::vector<FieldError> errors;
  if (r.decision) {
    return fail("decision",
                "This request was decided on " + format_date_long(*r.decided_on) + "; it cannot be decided again");
  }
  const auto d = parse_request_decision(decision);
  if (!d) errors.push_back({"decision", "Choose a decision: " + ids_of(kDecisions)});
  if (blank(reasons))
    errors.push_back({"reasons", "Give the reasons for the decision"});
  else if (reasons.size() > 4000)
    errors.push_back({"reasons", "Keep the reasons to 4000 characters or fewer"});
  if (d && *d != RequestDecision::decline) {
    const auto missing = unchecked(r);
    if (!missing.empty()) {
      errors.push_back({"decision", "Verify every criterion first: " + names(missing) + " not yet checked"});
    } else if (*d == RequestDecision::add_to_offer) {
      std::vector<Criterion> short_of;
      for (const auto& k : r.checks) {
        if (k.finding != Finding::met) short_of.push_back(k.criterion);
      }
      if (!short_of.empty())
        errors.push_back({"decision", "Only provision that meets all five criteria joins the Local Offer; " +
                                          names(short_of) + " not met"});
    } else {
      std::vector<Criterion> short_of;
      for (auto c : {Criterion::safety, Criterion::quality}) {
        if (check_of(r, c)->finding != Finding::met) short_of.push_back(c);
      }
      if (!short_of.empty())
        errors.push_back(
            {"decision", "Provision is funded only when safety and quality are met; " + names(short_of) + " not met"});
    }
    if (*d == RequestDecision::fund_for_child && r.child_id.empty())
      errors.push_back({"decision", "Funding for one child needs the request linked to that child's record"});
  }
  if (!errors.empty()) return fail(std::move(errors));
  ProvisionRequest out = r;
  out.decision = *d;
  out.decision_reasons = reasons;
  out.decided_by = by;
  out.decided_on = today;
  return out;
}

}  // namespace tandem
