// An EHC needs assessment as a caseworker lives it: the request and its date of
// receipt, the decision whether to assess, the advice asked for, the decision
// not to issue or the draft and final plan, and any exceptions to the time
// limits. Each step is a pure function that checks the step makes sense at
// that point (dates in order, nothing done twice) and returns the new case, or
// an error naming the field.
//
//   Assessment a = open_assessment("a-1", "demo", "c-1", received, RequestSource::parent);
//   a = *decide_whether_to_assess(a, decided_on, true);
//   auto next = next_step(a, today, 14);  // the step to chase, its last day and status
//
// The time limits come from core/ehc_clock.h, which cites the regulations.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/date.h"
#include "core/ehc_clock.h"
#include "core/result.h"

namespace tandem {

// Who asked for the assessment (CFA s36(1); SEN2 RequestSource).
enum class RequestSource { parent, young_person, school_or_setting, other_professional };
std::string_view to_string(RequestSource s);
std::string_view request_source_label(RequestSource s);
std::optional<RequestSource> parse_request_source(std::string_view s);
std::span<const RequestSource> all_request_sources();

// The advice the regulations require (reg 6(1)).
enum class AdviceKind {
  educational,              // reg 6(1)(b)
  medical,                  // reg 6(1)(c): from health
  psychological,            // reg 6(1)(d): an educational psychologist, always
  social_care,              // reg 6(1)(e)
  preparing_for_adulthood,  // reg 6(1)(f): from year 9
  sensory,                  // reg 6(1)(g)-(h): a qualified teacher of the sensory impaired, where relevant
  other,                    // reg 6(1)(i)
};
std::string_view to_string(AdviceKind k);
std::string_view advice_kind_label(AdviceKind k);
std::optional<AdviceKind> parse_advice_kind(std::string_view s);
std::span<const AdviceKind> all_advice_kinds();

struct AdviceRequest {
  std::string id;
  AdviceKind kind = AdviceKind::educational;
  std::string provider;  // who is asked, e.g. "Northside Community Health Trust: paediatrics"
  Agency agency = Agency::council_education;
  Date requested_on{};              // the adviser's receipt of the request: the reg 8(1) clock starts here
  std::optional<Date> received_on;  // advice came back
  bool reused = false;              // existing advice used with everyone's agreement (reg 6(4)): no request sent
};

struct RecordedException {
  std::string id;
  ClockException exception;
  std::string reason;  // what happened, as told to the family (Code 9.43)
};

enum class AssessmentStage {
  awaiting_decision,  // request received; decide whether to assess within 6 weeks
  not_assessing,      // decided not to assess (appealable)
  assessing,          // gathering advice; decide whether to issue
  not_issuing,        // decided not to issue a plan (appealable)
  draft_issued,       // draft served; family comments and names a setting
  final_issued,       // final plan issued
  withdrawn,          // the family or school withdrew the request before it ended
};
std::string_view to_string(AssessmentStage s);
std::string_view stage_label(AssessmentStage s);

struct Assessment {
  std::string id;
  std::string area_id;
  std::string child_id;
  Date received_on{};
  RequestSource source = RequestSource::parent;
  std::string caseworker_id;
  std::optional<Date> decided_on;  // decision whether to assess, notified
  bool assess = false;             // the decision, once made
  std::vector<AdviceRequest> advice;
  std::vector<RecordedException> exceptions;
  std::optional<Date> not_to_issue_on;
  std::optional<Date> draft_served_on;
  std::optional<Date> final_issued_on;
  std::optional<Date> withdrawn_on;  // the request was withdrawn: nothing left to chase
  std::int64_t version = 0;
};

AssessmentStage stage_of(const Assessment& a);

Assessment open_assessment(std::string id, std::string area_id, std::string child_id, Date received,
                           RequestSource source);

// Each returns the case after the step, or an error naming the field when the
// step is out of order or its date is impossible. None changes its input.
// `today` bounds dates: nothing is recorded in the future.
Result<Assessment> decide_whether_to_assess(const Assessment& a, Date on, bool assess, Date today);
Result<Assessment> request_advice(const Assessment& a, AdviceRequest request, Date today);
Result<Assessment> receive_advice(const Assessment& a, const std::string& advice_id, Date on, Date today);
Result<Assessment> decide_not_to_issue(const Assessment& a, Date on, Date today);
Result<Assessment> serve_draft(const Assessment& a, Date on, Date today);
// The final plan cannot be issued before the family's 15 days on the draft
// have run (reg 13(1)): draft served + 15 days at the earliest.
Result<Assessment> issue_final(const Assessment& a, Date on, Date today);
Result<Assessment> record_exception(const Assessment& a, RecordedException e, Date today);
// The request is the family's or the school's (CFA 2014 s36(1)), so they may
// withdraw it while the case still runs: deciding whether to assess,
// assessing, or with a draft out. Not once a decision ends the case (not to
// assess, not to issue, the final plan), and not twice.
Result<Assessment> withdraw_request(const Assessment& a, Date on, Date today);

// The step a caseworker must chase next, with its last day in time and its
// status (on time, at risk within `at_risk_days`, overdue, or lifted by an
// exception); nullopt once the case is finished.
struct NextStep {
  ClockStep step;
  std::string label;  // "Decide whether to assess"
  StepState state;
  int days_left = 0;  // deadline - today; negative when overdue
};
std::optional<NextStep> next_step(const Assessment& a, Date today, int at_risk_days);

// The dates the caseload orders by, stored with each case (migration 0014) so
// a list can be ordered and paged in the database. Status depends on today, so
// only dates are stored and case_urgency() derives the status when read. The
// step chased first, with its last day and the first day an exception lifts
// its limit; while assessing, the same for the 20-week final plan, which is
// chased once the 16 weeks for a decision not to issue have run out. Empty
// once the case is finished, and when next_step() would refuse the case (an
// exception that cannot be recorded).
struct CaseClock {
  std::optional<Date> due_on;
  std::optional<Date> lifted_on;
  std::optional<Date> then_due_on;
  std::optional<Date> then_lifted_on;
  bool operator==(const CaseClock&) const = default;
};
CaseClock case_clock(const Assessment& a);

// The status and last day next_step(a, today, at_risk_days) gives, from the
// stored clock alone; the caseload query applies the same rule in SQL.
struct CaseUrgency {
  StepStatus status = StepStatus::on_time;
  Date due{};
  bool operator==(const CaseUrgency&) const = default;
};
std::optional<CaseUrgency> case_urgency(const CaseClock& c, Date received_on, Date today, int at_risk_days);

// Advice requests past their 6 weeks (reg 8(1)) and not yet back, for
// chasing the provider; exceptions under reg 8(2) are taken into account.
// None once the request is withdrawn.
struct LateAdvice {
  const AdviceRequest* request;
  StepState state;
  int days_late = 0;
};
std::vector<LateAdvice> late_advice(const Assessment& a, Date today);

// Calendar days the recorded exceptions covered between receipt and `until`
// (or today while the case runs): shown beside a case run "as soon as practicable".
int days_lost(const Assessment& a, Date until);

// True when an exception lifted the 20-week limit (reg 13(3)); DfE leaves such
// plans out of the "excluding exceptions" rate.
bool twenty_weeks_lifted(const Assessment& a, Date today);

}  // namespace tandem
