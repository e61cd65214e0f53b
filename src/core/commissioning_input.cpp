#include "core/commissioning_input.h"

#include <algorithm>

namespace tandem {

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

bool link_like(const std::string& url) {
  if (url.find_first_of(" \t\r\n<>\"") != std::string::npos) return false;
  if (url.starts_with("https://") || url.starts_with("http://")) return url.size() > url.find("//") + 3;
  return url.size() > 1 && url[0] == '/' && url[1] != '/';
}

}  // namespace

Result<Activity> make_activity(const ActivityInput& in) {
  std::vector<FieldError> errors;
  if (blank(in.title))
    errors.push_back({"title", "Enter what is being commissioned, like Re-commission SEMH provision"});
  if (!in.kind) errors.push_back({"kind", "Choose the kind: commission, review, re-commission or decommission"});
  if (!in.level) {
    errors.push_back({"level", "Choose the level: individual, operational, service, strategic or regional"});
  }
  if (in.partners.empty()) {
    errors.push_back({"partners", "Give at least one partner's share of the budget, like Council education 100%"});
  } else if (auto ok = validate_shares(in.partners, "partners"); !ok) {
    errors.push_back(ok.error().fields.front());
  } else {
    for (const auto& s : in.partners) {
      if (s.agency == Agency::provider || s.agency == Agency::school) {
        errors.push_back({"partners", "Only the council, the ICB and NHS England commission here; a " +
                                          std::string(agency_label(s.agency)) + " cannot hold a share"});
        break;
      }
    }
  }
  if (!in.budget) {
    errors.push_back({"budget", "Enter the budget the partners commit, like £250,000 (£0 if none yet)"});
  } else if (in.budget->value < 0) {
    errors.push_back({"budget", "The budget cannot be less than £0"});
  }
  if (in.stage && *in.stage == CycleStage::closed) {
    errors.push_back({"stage", "A new activity starts at joint understanding, planning, delivery or review"});
  }
  if (!in.stage_due_on) {
    errors.push_back({"stage_due_on", "Enter the date the stage's gate is due, like 2026-06-30"});
  }
  if (!errors.empty()) return fail(std::move(errors));
  Activity a;
  a.id = in.id;
  a.area_id = in.area_id;
  a.title = in.title;
  a.kind = *in.kind;
  a.level = *in.level;
  a.partners = in.partners;
  a.budget = *in.budget;
  a.stage = in.stage.value_or(CycleStage::joint_understanding);
  a.stage_due_on = *in.stage_due_on;
  a.contract_id = in.contract_id;
  return a;
}

Result<EvidenceLink> make_evidence(const Activity& a, const EvidenceInput& in) {
  std::vector<FieldError> errors;
  if (a.stage == CycleStage::closed) return fail("stage", "The activity is closed: it needs no more evidence");
  const auto needs = evidence_for(a.stage, a.kind);
  const bool known = std::any_of(needs.begin(), needs.end(), [&](const EvidenceNeed& n) { return n.id == in.need_id; });
  if (!known) {
    std::string list;
    for (const auto& n : needs) list += (list.empty() ? "" : ", ") + std::string(n.label);
    errors.push_back(
        {"need_id", "Choose what the evidence shows for " + std::string(cycle_stage_label(a.stage)) + ": " + list});
  }
  if (blank(in.title)) errors.push_back({"title", "Enter the evidence's title, like JSNA 2025: SEMH chapter"});
  const bool has_url = !blank(in.url), has_contract = !blank(in.contract_id);
  if (has_url && has_contract) {
    errors.push_back({"url", "Give either a link or a Tandem contract, not both"});
  } else if (!has_url && !has_contract) {
    errors.push_back({"url", "Give a link to the evidence (https://... or a Tandem page) or choose a Tandem contract"});
  } else if (has_url && !link_like(in.url)) {
    errors.push_back({"url", "The link must start https:// or http://, or be a Tandem page starting /"});
  }
  if (!errors.empty()) return fail(std::move(errors));
  EvidenceLink e;
  e.stage = a.stage;
  e.need_id = in.need_id;
  e.title = in.title;
  e.contract_id = has_contract ? in.contract_id : "";
  e.url = has_contract ? "/contracts/" + in.contract_id : in.url;
  return e;
}

Result<SignOff> make_sign_off(const Activity& a, const SignOffInput& in, Date today) {
  std::vector<FieldError> errors;
  if (a.stage == CycleStage::closed) return fail("stage", "The activity is closed: there is no gate to decide");
  SignOff s;
  s.stage = a.stage;
  if (!in.board) {
    const bool partner = in.agency && std::any_of(a.partners.begin(), a.partners.end(),
                                                  [&](const FundingShare& p) { return p.agency == *in.agency; });
    if (!partner) {
      std::string list;
      for (const auto& p : a.partners) list += (list.empty() ? "" : ", ") + std::string(agency_label(p.agency));
      errors.push_back({"agency", "Choose the partner whose decision this is: " + list});
    } else {
      s.agency = *in.agency;
    }
  }
  if (!in.decided_on) {
    errors.push_back({"decided_on", "Enter the date of the decision, like 2026-01-15"});
  } else if (*in.decided_on > today) {
    errors.push_back({"decided_on", "The decision date cannot be in the future (today is " + format_date(today) + ")"});
  } else {
    s.decided_on = *in.decided_on;
  }
  if (!in.decision) {
    errors.push_back({"decision", "Choose the decision: approved, deferred or declined"});
  } else {
    s.decision = *in.decision;
  }
  if (blank(in.decision_maker)) {
    errors.push_back({"decision_maker", in.board ? "Name the board, like SEND Partnership Board"
                                                 : "Name who decided, like ICB Finance and Performance Committee"});
  }
  if (in.decision && *in.decision != SignOffDecision::approved && blank(in.note)) {
    errors.push_back({"note", "Say why the decision was deferred or declined"});
  }
  if (!errors.empty()) return fail(std::move(errors));
  s.decision_maker = in.decision_maker;
  s.note = in.note;
  return s;
}

}  // namespace tandem
