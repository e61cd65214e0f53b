// The EHC statutory clock: the last day on which each step of an EHC needs
// assessment, review, transfer, mediation and appeal is still in time, with the
// law it comes from.
//
// Every date here is the last day still in time, never the first day late:
// "within 6 weeks" of a request received on Monday 6 January 2025 is Monday
// 17 February 2025 (receipt + 42 days; the day of receipt is excluded, as usual
// in English law for a period running from an event), and "before 15 February"
// is 14 February. Weeks are calendar weeks: bank holidays and school holidays
// do not stop the clock; only the recorded exceptions of regs 5(4), 8(2),
// 10(4), 13(3) and 27(3) lift a time limit, and then the duty becomes "as soon
// as practicable" rather than a later date. Working days appear only where the
// law says so (reg 34), and use a Calendar of England bank holidays. What
// counts as the day of receipt is the area's rule (profile/receipt.h); this
// file starts from that day. Everything is pure: "today" is an argument.
//
//   const auto d = assessment_deadlines(make_date(2025, 1, 6));
//   format_date(d.final_plan.date);  // "2025-05-26" (20 weeks, reg 13(2))
//   d.final_plan.basis;              // "SEND Regulations 2014 reg 13(2): ..."
//   phase_transfer_deadline(TransferKind::school, 2026).date;  // 2026-02-14
//
// Citations: "reg" is the Special Educational Needs and Disability
// Regulations 2014 (SI 2014/1530); "CFA" the Children and Families Act 2014;
// "Code" the SEND Code of Practice (January 2015); "Tribunal Rules" the
// First-tier Tribunal (HESC Chamber) Rules 2008.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "core/working_days.h"

namespace tandem {

// A last day still in time, and where it comes from (shown beside the date).
struct Deadline {
  Date date;
  std::string basis;
  bool operator==(const Deadline&) const = default;
};

// ---- Calendar months -------------------------------------------------------

// `months` calendar months after `d` (before it, when negative): the date with
// the same day number in the later month, or that month's last day when it has
// no such date. So 31 December + 2 months is 28 (or 29) February, and
// 31 July - 5 months is 28 (or 29) February.
Date add_months(Date d, int months);

// ---- EHC needs assessment (from the day the request was received) ----------

struct AssessmentDeadlines {
  Deadline decide_whether_to_assess;      // 6 weeks, reg 5(1)
  Deadline notify_decision_not_to_issue;  // 16 weeks, reg 10(1)
  Deadline draft_plan_planning;           // 17 weeks: derived planning date, not law
  Deadline latest_draft_service;          // 20 weeks - 15 days: derived, not law
  Deadline final_plan;                    // 20 weeks, reg 13(2)
};
AssessmentDeadlines assessment_deadlines(Date received);

// Advice from a body asked to co-operate (ICB, health provider, social care):
// 6 weeks from the day that body received the request for advice, reg 8(1).
// Fails (field "advice_requested") when that is before the assessment request.
Result<Deadline> advice_due(Date received, Date advice_requested);

// The family's window to comment on a draft plan (reg 13(1)) or on proposed
// amendments (reg 22(2)(c)): at least 15 days beginning with the day of
// service, so the day of service is day 1 and service + 14 is day 15, the last
// day for comments; the plan may be finalised from service + 15.
struct CommentWindow {
  Deadline last_day_for_comments;  // service + 14
  Deadline earliest_final_plan;    // service + 15 (the first day, not a last day)
};
CommentWindow draft_plan_comments(Date served);
CommentWindow amendment_comments(Date served);

// ---- Reviews ---------------------------------------------------------------

struct ReviewDue {
  // CFA s44(1): within the 12 months starting with the day the plan was made
  // (or last reviewed), so the last day is the day before the same date a year
  // on: a plan made on 15 March 2025 must be reviewed by 14 March 2026.
  Deadline annual_review;
  // Code 9.178 advises considering a review of an under-5's plan every 3 to 6
  // months: this is the 6-month date, counted the same way. Advice, not law.
  Deadline under_fives_advised;
};
ReviewDue review_due(Date plan_made_or_last_reviewed);

struct ReviewMeetingDeadlines {
  Deadline review_decision;  // 4 weeks from the meeting, reg 20(10) (paragraph unverified); Devon
  Deadline amended_plan;     // 12 weeks from the meeting: 4 + 8 weeks, reg 22(3)-(4); Devon
};
ReviewMeetingDeadlines review_meeting_deadlines(Date meeting);

// When the amendment notice went out before the 4 weeks were up, the final
// amended plan is due 8 weeks from that notice, reg 22(3)-(4).
Deadline amended_plan_after_notice(Date amendment_notice);

// Plan amended or replaced after re-assessment: 14 weeks from the notice to
// re-assess, reg 27(2).
Deadline reassessment_amended_plan(Date notice_to_reassess);

// ---- Transfers between phases (reg 18) --------------------------------------

// school: any phase transfer except secondary to post-16 (early years to
// school, infant to junior, primary to middle or secondary, middle to
// secondary); post16: secondary school to a post-16 institution.
enum class TransferKind { school, post16 };
std::string_view to_string(TransferKind kind);  // "school", "post16"
Result<TransferKind> parse_transfer_kind(std::string_view field, std::string_view text);

// Reg 18(1): reviewed and amended, naming the next setting, before 15 February
// (school) or before 31 March (post16) in the calendar year of the transfer;
// the last day in time is 14 February or 30 March.
Deadline phase_transfer_deadline(TransferKind kind, int year);

// Reg 18(1) applies while the child or young person is within 12 months of
// the transfer: from the same date a year before it (add_months(transfer,
// -12)) up to the day before it.
bool phase_transfer_applies(Date transfer, Date on);

// Reg 18(2): a move between post-16 institutions at another time needs the
// plan reviewed and amended at least 5 months before the move.
Deadline post16_move_deadline(Date move);

// ---- Mediation and appeal --------------------------------------------------

// Reg 34: the mediation adviser issues a certificate within 3 working days of
// being told the family does not want mediation (weekends and England bank
// holidays excluded; the day of being told is not counted). Fails (field
// "mediation_informed") when the calendar's bank-holiday data does not cover
// the dates, since the answer could then be wrong.
Result<Deadline> mediation_certificate_due(const Calendar& calendar, Date informed);

// Tribunal Rules r20(1)(c): 2 months after the decision notice was sent, or 1
// month from the mediation certificate if that is later, in calendar months
// (add_months: 31 December + 2 months is the last day of February). Fails
// (field "mediation_certificate") when the certificate is before the notice.
Result<Deadline> appeal_deadline(Date decision_notice, std::optional<Date> mediation_certificate);

// ---- Steps, exceptions and status -------------------------------------------

// The steps that run a fixed number of weeks from a trigger. `from` is the day
// of receipt of the request (decide_whether_to_assess, notify_decision_not_to_issue,
// final_plan), the day the adviser received the request (advice), the notice
// to re-assess (reassessment_amended_plan) or the review meeting (review_decision,
// amended_plan_after_review).
enum class ClockStep {
  decide_whether_to_assess,
  advice,
  notify_decision_not_to_issue,
  final_plan,
  reassessment_amended_plan,
  review_decision,
  amended_plan_after_review,
};
std::string_view to_string(ClockStep step);
Deadline step_deadline(ClockStep step, Date from);

// The grounds on which the law lifts a fixed time limit. Each concerns this
// child's setting, family or appointment and is claimed and evidenced per case.
enum class ExceptionGround {
  school_closure,                      // advice asked of a school/college around a closure of 4 weeks or more
  early_years_closure,                 // the same for an early years provider
  exceptional_personal_circumstances,  // of the child, parent or young person
  away_from_area,                      // away from the area for 4 continuous weeks or more
  missed_appointment,                  // missed an examination or test (advice only)
};
std::string_view to_string(ExceptionGround ground);
Result<ExceptionGround> parse_exception_ground(std::string_view field, std::string_view text);

// An exception recorded on a case: its ground and the first and last days it
// covered (both inclusive). For closures, the days are the window that
// closure_exception() gives.
struct ClockException {
  ExceptionGround ground;
  Date start;
  Date end;
  bool operator==(const ClockException&) const = default;
};

// Checks an exception before it is recorded: fails (field "end") when it ends
// before it starts, and when an away_from_area exception is shorter than the
// 4 continuous weeks (28 days) the law requires.
Result<ClockException> make_exception(ExceptionGround ground, Date start, Date end);

// The paragraph under which `ground` lifts `step`'s time limit ("reg 8(2)(c)"),
// or nothing when it cannot (a missed appointment excuses only advice).
std::optional<std::string_view> exception_basis(ClockStep step, ExceptionGround ground);

// A school, college or early years setting's closure: the first day it is
// closed and the first day it is open again (so the closure lasts
// first_day_open_again - first_day_closed days, weekends included).
struct Closure {
  Date first_day_closed;
  Date first_day_open_again;
};

// Regs 5(4)(a), 10(4)(a)-(b), 13(3), 27(3)(a)-(b): advice asked of the setting
// from one week before the first day of a closure of at least 4 weeks to one
// week before the day it re-opens (both ends inclusive) lifts the limit. A
// closure that does not last 4 weeks (half-term, Christmas) never does.
bool closure_exception_applies(Date advice_requested, const std::vector<Closure>& closures);

// The exception to record when closure_exception_applies(): `ground` is
// school_closure or early_years_closure, and its days are the window of the
// first closure that qualifies. Nothing when no closure qualifies.
std::optional<ClockException> closure_exception(ExceptionGround ground, Date advice_requested,
                                                const std::vector<Closure>& closures);

// Calendar days after `received` up to and including `until` covered by at
// least one exception, overlapping exceptions counted once. Fails when `until`
// is before `received` (field "until") or an exception ends before it starts
// (field "exceptions[i].end").
Result<int> days_lost_to_exceptions(Date received, Date until, const std::vector<ClockException>& exceptions);

enum class StepStatus {
  on_time,            // not done; the deadline is more than the at-risk margin away
  at_risk,            // not done; the deadline is today or within the margin
  overdue,            // not done; the deadline has passed
  exception_applies,  // an exception lifted the fixed limit: "as soon as practicable"
  done_on_time,       // done on or before the deadline
  done_late,          // done after the deadline, with no exception
};
std::string_view to_string(StepStatus status);

// Where a step with a fixed last day stands on `today` (no exceptions): done
// on time or late, or not done and on time, at risk (within `at_risk_days`)
// or overdue.
StepStatus deadline_status(Date last_day, std::optional<Date> done, Date today, int at_risk_days);

struct StepState {
  StepStatus status = StepStatus::on_time;
  Deadline deadline;
  // When status is exception_applies: the exception, and the paragraph that
  // lets it lift this step's limit (for telling the family, Code 9.43).
  std::optional<ClockException> exception;
  std::string exception_basis;
};

// Where a step stands on `today`. An exception lifts the step's limit when its
// ground applies to the step, it has begun by `today`, and it overlaps the
// days the limit ran (after `from`, up to the deadline): one that began after
// the deadline cannot excuse lateness. A step done on time is done_on_time
// whatever exceptions there were. Fails when `done` or `today` is before
// `from`, `at_risk_days` is negative, or an exception ends before it starts.
Result<StepState> step_status(ClockStep step, Date from, std::optional<Date> done, Date today, int at_risk_days,
                              const std::vector<ClockException>& exceptions);

}  // namespace tandem
