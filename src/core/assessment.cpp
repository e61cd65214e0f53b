#include "core/assessment.h"

#include <algorithm>
#include <array>

#include "core/named.h"

namespace tandem {

namespace {

constexpr std::array<Named<RequestSource>, 4> kSources{{
    {RequestSource::parent, "parent", "Parent"},
    {RequestSource::young_person, "young_person", "Young person"},
    {RequestSource::school_or_setting, "school_or_setting", "School, college or setting"},
    {RequestSource::other_professional, "other_professional", "Another professional"},
}};

constexpr std::array<Named<AdviceKind>, 7> kAdvice{{
    {AdviceKind::educational, "educational", "Educational advice (reg 6(1)(b))"},
    {AdviceKind::medical, "medical", "Medical advice from health (reg 6(1)(c))"},
    {AdviceKind::psychological, "psychological", "Psychological advice from an educational psychologist (reg 6(1)(d))"},
    {AdviceKind::social_care, "social_care", "Social care advice (reg 6(1)(e))"},
    {AdviceKind::preparing_for_adulthood, "preparing_for_adulthood",
     "Preparing for adulthood advice, from year 9 (reg 6(1)(f))"},
    {AdviceKind::sensory, "sensory", "Advice from a qualified teacher of the sensory impaired (reg 6(1)(g)-(h))"},
    {AdviceKind::other, "other", "Other advice (reg 6(1)(i))"},
}};

constexpr std::array<Named<AssessmentStage>, 7> kStages{{
    {AssessmentStage::awaiting_decision, "awaiting_decision", "Deciding whether to assess"},
    {AssessmentStage::not_assessing, "not_assessing", "Decided not to assess"},
    {AssessmentStage::assessing, "assessing", "Assessing"},
    {AssessmentStage::not_issuing, "not_issuing", "Decided not to issue a plan"},
    {AssessmentStage::draft_issued, "draft_issued", "Draft plan issued"},
    {AssessmentStage::final_issued, "final_issued", "Final plan issued"},
    {AssessmentStage::withdrawn, "withdrawn", "Request withdrawn"},
}};

Result<Assessment> not_future(const Assessment& a, const char* field, Date on, Date today) {
  if (on > today) return fail(field, "The date cannot be in the future");
  if (on < a.received_on) {
    return fail(field, "The date cannot be before the request was received (" + format_date_long(a.received_on) + ")");
  }
  return a;
}

std::vector<ClockException> exceptions_of(const Assessment& a) {
  std::vector<ClockException> out;
  for (const auto& e : a.exceptions) out.push_back(e.exception);
  return out;
}

}  // namespace

std::string_view to_string(RequestSource s) { return id_of(kSources, s); }
std::string_view request_source_label(RequestSource s) { return label_of(kSources, s); }
std::optional<RequestSource> parse_request_source(std::string_view s) { return parse_of(kSources, s); }
std::span<const RequestSource> all_request_sources() {
  static const std::array<RequestSource, 4> all{RequestSource::parent, RequestSource::young_person,
                                                RequestSource::school_or_setting, RequestSource::other_professional};
  return all;
}
std::string_view to_string(AdviceKind k) { return id_of(kAdvice, k); }
std::string_view advice_kind_label(AdviceKind k) { return label_of(kAdvice, k); }
std::optional<AdviceKind> parse_advice_kind(std::string_view s) { return parse_of(kAdvice, s); }
std::span<const AdviceKind> all_advice_kinds() {
  static const std::array<AdviceKind, 7> all{AdviceKind::educational,
                                             AdviceKind::medical,
                                             AdviceKind::psychological,
                                             AdviceKind::social_care,
                                             AdviceKind::preparing_for_adulthood,
                                             AdviceKind::sensory,
                                             AdviceKind::other};
  return all;
}
std::string_view to_string(AssessmentStage s) { return id_of(kStages, s); }
std::string_view stage_label(AssessmentStage s) { return label_of(kStages, s); }

AssessmentStage stage_of(const Assessment& a) {
  if (a.withdrawn_on) return AssessmentStage::withdrawn;
  if (a.final_issued_on) return AssessmentStage::final_issued;
  if (a.not_to_issue_on) return AssessmentStage::not_issuing;
  if (a.draft_served_on) return AssessmentStage::draft_issued;
  if (!a.decided_on) return AssessmentStage::awaiting_decision;
  return a.assess ? AssessmentStage::assessing : AssessmentStage::not_assessing;
}

Assessment open_assessment(std::string id, std::string area_id, std::string child_id, Date received,
                           RequestSource source) {
  Assessment a;
  a.id = std::move(id);
  a.area_id = std::move(area_id);
  a.child_id = std::move(child_id);
  a.received_on = received;
  a.source = source;
  return a;
}

Result<Assessment> decide_whether_to_assess(const Assessment& a, Date on, bool assess, Date today) {
  if (a.decided_on) return fail("decided_on", "The decision whether to assess has already been recorded");
  if (a.withdrawn_on) return fail("decided_on", "The request was withdrawn: there is nothing left to decide");
  auto ok = not_future(a, "decided_on", on, today);
  if (!ok) return ok;
  Assessment out = a;
  out.decided_on = on;
  out.assess = assess;
  return out;
}

Result<Assessment> request_advice(const Assessment& a, AdviceRequest request, Date today) {
  if (stage_of(a) != AssessmentStage::assessing) {
    return fail("kind", "Advice can be asked for only while assessing, after the decision to assess");
  }
  if (request.provider.empty() && !request.reused) {
    return fail("provider", "Name who is asked for the advice, for example the educational psychology service");
  }
  if (request.provider.size() > 200) return fail("provider", "Provider must be 200 characters or fewer");
  auto ok = not_future(a, "requested_on", request.requested_on, today);
  if (!ok) return ok;
  if (request.requested_on < *a.decided_on) {
    return fail("requested_on",
                "Advice cannot be requested before the decision to assess (" + format_date_long(*a.decided_on) + ")");
  }
  if (request.received_on && *request.received_on < request.requested_on) {
    return fail("received_on", "Advice cannot come back before it was asked for");
  }
  Assessment out = a;
  if (request.reused && !request.received_on) request.received_on = request.requested_on;
  out.advice.push_back(std::move(request));
  return out;
}

Result<Assessment> receive_advice(const Assessment& a, const std::string& advice_id, Date on, Date today) {
  Assessment out = a;
  auto it =
      std::find_if(out.advice.begin(), out.advice.end(), [&](const AdviceRequest& r) { return r.id == advice_id; });
  if (it == out.advice.end()) return fail("advice_id", "There is no such advice request on this case");
  if (it->received_on) return fail("received_on", "This advice has already been recorded as received");
  if (on > today) return fail("received_on", "The date cannot be in the future");
  if (on < it->requested_on) {
    return fail("received_on",
                "Advice cannot come back before it was asked for (" + format_date_long(it->requested_on) + ")");
  }
  it->received_on = on;
  return out;
}

namespace {
// The two ways an assessment can end its "assessing" stage (a draft, or a
// decision not to issue) share their checks: only while assessing, dated
// between the decision to assess and today.
Result<Assessment> end_assessing(const Assessment& a, const char* field, Date on, Date today, const char* out_of_order,
                                 std::optional<Date> Assessment::*slot) {
  if (stage_of(a) != AssessmentStage::assessing) return fail(field, out_of_order);
  auto ok = not_future(a, field, on, today);
  if (!ok) return ok;
  if (on < *a.decided_on) return fail(field, "The date cannot be before the decision to assess");
  Assessment out = a;
  out.*slot = on;
  return out;
}
}  // namespace

Result<Assessment> decide_not_to_issue(const Assessment& a, Date on, Date today) {
  return end_assessing(a, "not_to_issue_on", on, today,
                       "A decision not to issue follows an assessment, before any draft plan",
                       &Assessment::not_to_issue_on);
}

Result<Assessment> serve_draft(const Assessment& a, Date on, Date today) {
  return end_assessing(a, "draft_served_on", on, today, "A draft plan follows the decision to assess, and only once",
                       &Assessment::draft_served_on);
}

Result<Assessment> issue_final(const Assessment& a, Date on, Date today) {
  if (stage_of(a) != AssessmentStage::draft_issued) {
    return fail("final_issued_on", "The final plan follows a draft plan (reg 13)");
  }
  auto ok = not_future(a, "final_issued_on", on, today);
  if (!ok) return ok;
  const auto window = draft_plan_comments(*a.draft_served_on);
  if (on < window.earliest_final_plan.date) {
    return fail("final_issued_on", "The family has 15 days from the draft (served " +
                                       format_date_long(*a.draft_served_on) +
                                       ") to comment and ask for a setting (reg 13(1)): the final plan can be issued "
                                       "from " +
                                       format_date_long(window.earliest_final_plan.date));
  }
  Assessment out = a;
  out.final_issued_on = on;
  return out;
}

Result<Assessment> record_exception(const Assessment& a, RecordedException e, Date today) {
  if (e.reason.empty()) return fail("reason", "Say what happened: the family is told which exception applies and why");
  if (e.reason.size() > 1000) return fail("reason", "Reason must be 1,000 characters or fewer");
  if (e.exception.start > today) return fail("start", "An exception cannot start in the future");
  if (e.exception.start < a.received_on) return fail("start", "An exception cannot start before the request");
  auto made = make_exception(e.exception.ground, e.exception.start, e.exception.end);
  if (!made) return tl::unexpected<Error>(made.error());
  Assessment out = a;
  out.exceptions.push_back(std::move(e));
  return out;
}

Result<Assessment> withdraw_request(const Assessment& a, Date on, Date today) {
  switch (stage_of(a)) {
    case AssessmentStage::awaiting_decision:
    case AssessmentStage::assessing:
    case AssessmentStage::draft_issued: break;
    case AssessmentStage::withdrawn: return fail("withdrawn_on", "The request has already been recorded as withdrawn");
    case AssessmentStage::not_assessing:
    case AssessmentStage::not_issuing:
    case AssessmentStage::final_issued:
      return fail("withdrawn_on",
                  "A request can be withdrawn only while the case runs: before a decision not to assess, a decision "
                  "not to issue or the final plan");
  }
  auto ok = not_future(a, "withdrawn_on", on, today);
  if (!ok) return ok;
  for (const auto& [when, what] :
       {std::pair{a.decided_on, "the decision whether to assess"}, std::pair{a.draft_served_on, "the draft plan"}}) {
    if (when && on < *when) {
      return fail("withdrawn_on",
                  std::string("The request cannot be withdrawn before ") + what + " (" + format_date_long(*when) + ")");
    }
  }
  Assessment out = a;
  out.withdrawn_on = on;
  return out;
}

namespace {
struct Candidate {
  ClockStep step;
  const char* label;
};
}  // namespace

std::optional<NextStep> next_step(const Assessment& a, Date today, int at_risk_days) {
  Candidate c{};
  switch (stage_of(a)) {
    case AssessmentStage::awaiting_decision:
      c = {ClockStep::decide_whether_to_assess, "Decide whether to assess"};
      break;
    case AssessmentStage::assessing:
    case AssessmentStage::draft_issued: c = {ClockStep::final_plan, "Issue the final plan"}; break;
    case AssessmentStage::not_assessing:
    case AssessmentStage::not_issuing:
    case AssessmentStage::final_issued:
    case AssessmentStage::withdrawn: return std::nullopt;
  }
  // While assessing, a decision not to issue has the earlier limit (16 weeks):
  // until the draft is out, that is the date at risk.
  if (stage_of(a) == AssessmentStage::assessing) {
    auto not_issue = step_status(ClockStep::notify_decision_not_to_issue, a.received_on, std::nullopt, today,
                                 at_risk_days, exceptions_of(a));
    if (not_issue && not_issue->status != StepStatus::overdue) {
      c = {ClockStep::notify_decision_not_to_issue, "Decide whether to issue a plan"};
    }
  }
  auto state = step_status(c.step, a.received_on, std::nullopt, today, at_risk_days, exceptions_of(a));
  if (!state) return std::nullopt;
  NextStep out{c.step, c.label, *state, static_cast<int>((state->deadline.date - today).count())};
  return out;
}

namespace {
// The first day an exception lifts `step`'s limit, as step_status() decides it:
// the earliest start among exceptions whose ground applies to the step and that
// overlap the days the limit ran; the limit is lifted from that day on.
std::optional<Date> lifted_from(ClockStep step, Date from, const std::vector<ClockException>& exceptions) {
  const Date deadline = step_deadline(step, from).date;
  std::optional<Date> out;
  for (const auto& e : exceptions) {
    if (!exception_basis(step, e.ground) || e.start > deadline || e.end <= from) continue;
    if (!out || e.start < *out) out = e.start;
  }
  return out;
}
}  // namespace

CaseClock case_clock(const Assessment& a) {
  CaseClock c;
  const auto exceptions = exceptions_of(a);
  for (const auto& e : exceptions) {
    if (!make_exception(e.ground, e.start, e.end)) return c;
  }
  std::optional<ClockStep> first, then;
  switch (stage_of(a)) {
    case AssessmentStage::awaiting_decision: first = ClockStep::decide_whether_to_assess; break;
    case AssessmentStage::assessing:
      first = ClockStep::notify_decision_not_to_issue;
      then = ClockStep::final_plan;
      break;
    case AssessmentStage::draft_issued: first = ClockStep::final_plan; break;
    case AssessmentStage::not_assessing:
    case AssessmentStage::not_issuing:
    case AssessmentStage::final_issued:
    case AssessmentStage::withdrawn: return c;
  }
  c.due_on = step_deadline(*first, a.received_on).date;
  c.lifted_on = lifted_from(*first, a.received_on, exceptions);
  if (then) {
    c.then_due_on = step_deadline(*then, a.received_on).date;
    c.then_lifted_on = lifted_from(*then, a.received_on, exceptions);
  }
  return c;
}

std::optional<CaseUrgency> case_urgency(const CaseClock& c, Date received_on, Date today, int at_risk_days) {
  if (!c.due_on || today < received_on || at_risk_days < 0) return std::nullopt;
  const auto lifted = [&](const std::optional<Date>& from) { return from && *from <= today; };
  Date due = *c.due_on;
  bool lift = lifted(c.lifted_on);
  // The first step once overdue gives way to the later one (next_step()).
  if (c.then_due_on && !lift && today > due) {
    due = *c.then_due_on;
    lift = lifted(c.then_lifted_on);
  }
  if (lift) return CaseUrgency{StepStatus::exception_applies, due};
  if (today > due) return CaseUrgency{StepStatus::overdue, due};
  if ((due - today).count() <= at_risk_days) return CaseUrgency{StepStatus::at_risk, due};
  return CaseUrgency{StepStatus::on_time, due};
}

std::vector<LateAdvice> late_advice(const Assessment& a, Date today) {
  std::vector<LateAdvice> out;
  if (a.withdrawn_on) return out;  // nobody is chased for a request withdrawn
  for (const auto& r : a.advice) {
    if (r.received_on || r.reused) continue;
    auto state = step_status(ClockStep::advice, r.requested_on, std::nullopt, today, 0, exceptions_of(a));
    if (!state || state->status != StepStatus::overdue) continue;
    out.push_back({&r, *state, static_cast<int>((today - state->deadline.date).count())});
  }
  return out;
}

int days_lost(const Assessment& a, Date until) {
  auto d = days_lost_to_exceptions(a.received_on, until, exceptions_of(a));
  return d ? *d : 0;
}

bool twenty_weeks_lifted(const Assessment& a, Date today) {
  auto s = step_status(ClockStep::final_plan, a.received_on, a.final_issued_on, today, 0, exceptions_of(a));
  return s && s->status == StepStatus::exception_applies;
}

}  // namespace tandem
