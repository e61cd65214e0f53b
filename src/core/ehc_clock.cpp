#include "core/ehc_clock.h"

#include <algorithm>
#include <utility>

namespace tandem {

namespace {

using std::chrono::days;

constexpr days weeks(int n) { return days{7 * n}; }

// Citations shown beside each date. Kept together so a reader checking the law
// finds every claim in one place.
constexpr std::string_view kRegs = "SEND Regulations 2014 ";

std::string regs(std::string_view rest) { return std::string(kRegs) + std::string(rest); }

// The last day of the period of `months` months starting with (including)
// `start`: the day before the same date `months` later, or, when that month
// has no such date, its last day. CFA s44(1) counts reviews this way ("the
// period of 12 months starting with the date on which the plan was first
// made"), so a plan made on 1 January 2019 is due for review by 31 December
// 2019, and one made on 29 February 2024 by 28 February 2025.
Date last_day_of_months_starting_with(Date start, int months) {
  using namespace std::chrono;
  const year_month_day ymd{start};
  const year_month ym = year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  const year_month_day same_day{ym / ymd.day()};
  if (same_day.ok()) return sys_days{same_day} - days{1};
  return sys_days{ym / last};
}

std::string exception_field(std::size_t i) { return "exceptions[" + std::to_string(i) + "].end"; }

// The problems with one exception, under `field`. Shared by make_exception()
// and every function that takes a list of recorded exceptions.
void check_exception(const ClockException& e, const std::string& field, std::vector<FieldError>& errors) {
  if (e.end < e.start) {
    errors.push_back({field, "An exception's last day cannot be before its first day (" + format_date_long(e.start) +
                                 "); enter the last day it applied"});
    return;
  }
  // Regs 5(4), 8(2)(b), 10(4)(d), 27(3)(d): away from the area "for a
  // continuous period of not less than 4 weeks".
  const auto covered = (e.end - e.start).count() + 1;
  if (e.ground == ExceptionGround::away_from_area && covered < 28) {
    errors.push_back({field,
                      "Being away from the area lifts a time limit only after 4 continuous weeks (28 days); "
                      "this covers " +
                          std::to_string(covered) + " days"});
  }
}

void check_exceptions(const std::vector<ClockException>& exceptions, std::vector<FieldError>& errors) {
  for (std::size_t i = 0; i < exceptions.size(); ++i) check_exception(exceptions[i], exception_field(i), errors);
}

bool qualifies(const Closure& c) {
  // "closed for a continuous period of not less than 4 weeks".
  return c.first_day_open_again - c.first_day_closed >= weeks(4);
}

}  // namespace

Date add_months(Date d, int months) {
  using namespace std::chrono;
  const year_month_day ymd{d};
  const year_month ym = year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  const year_month_day same_day{ym / ymd.day()};
  if (same_day.ok()) return sys_days{same_day};
  return sys_days{ym / last};
}

// ---- Steps -------------------------------------------------------------------

std::string_view to_string(ClockStep step) {
  switch (step) {
    case ClockStep::decide_whether_to_assess: return "decide_whether_to_assess";
    case ClockStep::advice: return "advice";
    case ClockStep::notify_decision_not_to_issue: return "notify_decision_not_to_issue";
    case ClockStep::final_plan: return "final_plan";
    case ClockStep::reassessment_amended_plan: return "reassessment_amended_plan";
    case ClockStep::review_decision: return "review_decision";
    case ClockStep::amended_plan_after_review: return "amended_plan_after_review";
  }
  return "unknown";
}

Deadline step_deadline(ClockStep step, Date from) {
  switch (step) {
    case ClockStep::decide_whether_to_assess:
      return {from + weeks(6), regs("reg 5(1): decision whether to assess, within 6 weeks of receiving the request")};
    case ClockStep::advice:
      return {from + weeks(6), regs("reg 8(1): advice within 6 weeks of the adviser receiving the request")};
    case ClockStep::notify_decision_not_to_issue:
      return {from + weeks(16),
              regs("reg 10(1): notice of a decision not to issue a plan, within 16 weeks of receiving the request")};
    case ClockStep::final_plan:
      return {from + weeks(20), regs("reg 13(2): final plan within 20 weeks of receiving the request")};
    case ClockStep::reassessment_amended_plan:
      return {from + weeks(14), regs("reg 27(2): plan amended or replaced within 14 weeks of the notice to re-assess")};
    case ClockStep::review_decision:
      // Paragraph number unverified (domain.md section 2, row 9): check the
      // primary text of reg 20 before relying on "(10)".
      return {from + weeks(4),
              regs("reg 20(10) (paragraph unverified); L, M & P v Devon [2022] EWHC 493 (Admin): decision to "
                   "maintain, amend or cease, with any proposed amendments, within 4 weeks of the review meeting")};
    case ClockStep::amended_plan_after_review:
      return {from + weeks(12),
              regs("reg 22(3)-(4); L, M & P v Devon [2022] EWHC 493 (Admin): final amended plan within 8 weeks of "
                   "the amendment notice, itself due within 4 weeks of the review meeting: 12 weeks from the meeting")};
  }
  return {from, "unknown step"};
}

// ---- Assessment ----------------------------------------------------------------

AssessmentDeadlines assessment_deadlines(Date received) {
  const Deadline final_plan = step_deadline(ClockStep::final_plan, received);
  return {
      .decide_whether_to_assess = step_deadline(ClockStep::decide_whether_to_assess, received),
      .notify_decision_not_to_issue = step_deadline(ClockStep::notify_decision_not_to_issue, received),
      // Derived: a draft served at week 17 (received + 119) leaves the family's
      // 15 days (to received + 133, reg 13(1)) and a week, received + 134 to
      // + 140, to finalise before the 20-week limit (reg 13(2)).
      .draft_plan_planning = {received + weeks(17),
                              "Derived, not law: serve the draft plan by week 17 so the family's 15 days to "
                              "comment (reg 13(1)) and finalising fit before the 20-week limit (reg 13(2))"},
      // Derived: a draft served on day S leaves days S..S+14 for comments and
      // the plan may be finalised on S+15, so S+15 <= week 20 gives S <= week
      // 20 - 15 days (received + 125 days).
      .latest_draft_service = {final_plan.date - days{15},
                               "Derived, not law: the last day to serve the draft plan so that the 15 days for "
                               "comments, beginning with the day of service (reg 13(1)), end before the 20-week "
                               "limit (reg 13(2))"},
      .final_plan = final_plan,
  };
}

Result<Deadline> advice_due(Date received, Date advice_requested) {
  if (advice_requested < received) {
    return fail("advice_requested", "Advice cannot be requested before the assessment request was received (" +
                                        format_date_long(received) + "); enter the day the adviser received it");
  }
  return step_deadline(ClockStep::advice, advice_requested);
}

CommentWindow draft_plan_comments(Date served) {
  // "at least 15 days, beginning on the day on which the draft plan was
  // served": the day of service is day 1, so day 15 is served + 14.
  return {
      {served + days{14},
       regs("reg 13(1): at least 15 days, beginning with the day the draft plan was served, to comment and to ask "
            "for a setting to be named or for a meeting")},
      {served + days{15}, regs("reg 13(1): the plan may be finalised once the 15 days for comments are over")},
  };
}

CommentWindow amendment_comments(Date served) {
  return {
      {served + days{14},
       regs("reg 22(2)(c): at least 15 days, beginning with the day the proposed amendments were served, to "
            "comment and to ask for a setting to be named or for a meeting")},
      {served + days{15}, regs("reg 22(2)(c): the plan may be amended once the 15 days for comments are over")},
  };
}

// ---- Reviews -------------------------------------------------------------------

ReviewDue review_due(Date plan_made_or_last_reviewed) {
  return {
      {last_day_of_months_starting_with(plan_made_or_last_reviewed, 12),
       "Children and Families Act 2014 s44(1): review within the 12 months starting with the day the plan was made "
       "or last reviewed"},
      {last_day_of_months_starting_with(plan_made_or_last_reviewed, 6),
       "SEND Code of Practice 9.178 (advice, not law): consider reviewing the plan of a child under 5 every 3 to 6 "
       "months"},
  };
}

ReviewMeetingDeadlines review_meeting_deadlines(Date meeting) {
  return {step_deadline(ClockStep::review_decision, meeting),
          step_deadline(ClockStep::amended_plan_after_review, meeting)};
}

Deadline amended_plan_after_notice(Date amendment_notice) {
  return {amendment_notice + weeks(8),
          regs("reg 22(3)-(4): final amended plan within 8 weeks of the amendment notice")};
}

Deadline reassessment_amended_plan(Date notice_to_reassess) {
  return step_deadline(ClockStep::reassessment_amended_plan, notice_to_reassess);
}

// ---- Transfers -----------------------------------------------------------------

std::string_view to_string(TransferKind kind) {
  switch (kind) {
    case TransferKind::school: return "school";
    case TransferKind::post16: return "post16";
  }
  return "unknown";
}

Result<TransferKind> parse_transfer_kind(std::string_view field, std::string_view text) {
  if (text == "school") return TransferKind::school;
  if (text == "post16") return TransferKind::post16;
  return fail(std::string(field),
              "Enter school (any transfer between phases except secondary to post-16) or post16 (secondary school "
              "to a post-16 institution)");
}

Deadline phase_transfer_deadline(TransferKind kind, int year) {
  // "before 15 February" / "before 31 March": the last day in time is the day
  // before.
  if (kind == TransferKind::post16) {
    return {make_date(year, 3, 31) - days{1},
            regs("reg 18(1)(a): plan reviewed and amended, naming the post-16 institution, before 31 March in the "
                 "calendar year of a transfer from secondary school")};
  }
  return {make_date(year, 2, 15) - days{1},
          regs("reg 18(1)(b): plan reviewed and amended, naming the next school or setting, before 15 February in "
               "the calendar year of the transfer")};
}

bool phase_transfer_applies(Date transfer, Date on) { return on >= add_months(transfer, -12) && on < transfer; }

Deadline post16_move_deadline(Date move) {
  return {add_months(move, -5),
          regs("reg 18(2): plan reviewed and amended, naming the new post-16 institution, at least 5 months before "
               "the move")};
}

// ---- Mediation and appeal ------------------------------------------------------

Result<Deadline> mediation_certificate_due(const Calendar& calendar, Date informed) {
  const Date due = calendar.add_working_days(informed, 3);
  for (const Date d : {informed, due}) {
    if (!calendar.covers(d)) {
      const auto year = static_cast<int>(std::chrono::year_month_day{d}.year());
      return fail("mediation_informed", "Tandem has no bank holidays for " + std::to_string(year) +
                                            ", so it cannot count working days then; add that year's bank holidays");
    }
  }
  // Working days as reg 2(1) defines them (exact text unverified): weekends
  // and England bank holidays, with Christmas Day and Good Friday, which the
  // shipped calendar lists, excluded.
  return Deadline{due, regs("reg 34: mediation certificate within 3 working days of the mediation adviser being told "
                            "(weekends and bank holidays do not count)")};
}

Result<Deadline> appeal_deadline(Date decision_notice, std::optional<Date> mediation_certificate) {
  if (mediation_certificate && *mediation_certificate < decision_notice) {
    return fail("mediation_certificate", "A mediation certificate cannot be issued before the decision notice (" +
                                             format_date_long(decision_notice) + ")");
  }
  // Not applied, and not yet in domain.md (unverified): Tribunal Rules r12 as
  // reported may let an appeal notice due on a non-working day, on 25 December
  // to 1 January or in August arrive on the next working day. The date here is
  // the end of the r20(1)(c) period, which is never later than the true limit.
  const Date from_notice = add_months(decision_notice, 2);
  if (mediation_certificate) {
    const Date from_certificate = add_months(*mediation_certificate, 1);
    if (from_certificate > from_notice) {
      return Deadline{from_certificate,
                      "Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008 r20(1)(c): appeal within "
                      "1 month of the mediation certificate, later than 2 months from the decision notice"};
    }
  }
  return Deadline{from_notice,
                  "Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008 r20(1)(c): appeal within 2 "
                  "months of the decision notice"};
}

// ---- Exceptions ----------------------------------------------------------------

std::string_view to_string(ExceptionGround ground) {
  switch (ground) {
    case ExceptionGround::school_closure: return "school_closure";
    case ExceptionGround::early_years_closure: return "early_years_closure";
    case ExceptionGround::exceptional_personal_circumstances: return "exceptional_personal_circumstances";
    case ExceptionGround::away_from_area: return "away_from_area";
    case ExceptionGround::missed_appointment: return "missed_appointment";
  }
  return "unknown";
}

Result<ExceptionGround> parse_exception_ground(std::string_view field, std::string_view text) {
  for (const auto g : {ExceptionGround::school_closure, ExceptionGround::early_years_closure,
                       ExceptionGround::exceptional_personal_circumstances, ExceptionGround::away_from_area,
                       ExceptionGround::missed_appointment}) {
    if (text == to_string(g)) return g;
  }
  return fail(std::string(field),
              "Enter one of school_closure, early_years_closure, exceptional_personal_circumstances, "
              "away_from_area, missed_appointment");
}

Result<ClockException> make_exception(ExceptionGround ground, Date start, Date end) {
  const ClockException e{ground, start, end};
  std::vector<FieldError> errors;
  check_exception(e, "end", errors);
  if (!errors.empty()) return fail(std::move(errors));
  return e;
}

std::optional<std::string_view> exception_basis(ClockStep step, ExceptionGround ground) {
  using G = ExceptionGround;
  switch (step) {
    case ClockStep::decide_whether_to_assess:
      switch (ground) {
        case G::school_closure: return "reg 5(4)";
        // domain.md: early years closures in reg 5(4) are unverified.
        case G::early_years_closure: return "reg 5(4) (early years closure unverified)";
        case G::exceptional_personal_circumstances: return "reg 5(4)";
        case G::away_from_area: return "reg 5(4)";
        case G::missed_appointment: return std::nullopt;
      }
      break;
    case ClockStep::advice:
      // Reg 8(2): no closure grounds; a missed appointment only here.
      switch (ground) {
        case G::exceptional_personal_circumstances: return "reg 8(2)(a)";
        case G::away_from_area: return "reg 8(2)(b)";
        case G::missed_appointment: return "reg 8(2)(c)";
        case G::school_closure:
        case G::early_years_closure: return std::nullopt;
      }
      break;
    case ClockStep::notify_decision_not_to_issue:
      switch (ground) {
        case G::school_closure: return "reg 10(4)(a)";
        case G::early_years_closure: return "reg 10(4)(b)";
        case G::exceptional_personal_circumstances: return "reg 10(4)(c)";
        case G::away_from_area: return "reg 10(4)(d)";
        case G::missed_appointment: return std::nullopt;
      }
      break;
    case ClockStep::final_plan:
      // Reg 13(3) applies the grounds of reg 10(4)(a)-(d).
      switch (ground) {
        case G::school_closure: return "reg 13(3), applying reg 10(4)(a)";
        case G::early_years_closure: return "reg 13(3), applying reg 10(4)(b)";
        case G::exceptional_personal_circumstances: return "reg 13(3), applying reg 10(4)(c)";
        case G::away_from_area: return "reg 13(3), applying reg 10(4)(d)";
        case G::missed_appointment: return std::nullopt;
      }
      break;
    case ClockStep::reassessment_amended_plan:
      switch (ground) {
        case G::school_closure: return "reg 27(3)(a)";
        case G::early_years_closure: return "reg 27(3)(b)";
        case G::exceptional_personal_circumstances: return "reg 27(3)(c)";
        case G::away_from_area: return "reg 27(3)(d)";
        case G::missed_appointment: return std::nullopt;
      }
      break;
    case ClockStep::review_decision:
    case ClockStep::amended_plan_after_review:
      // Regs 20 and 22 have no exceptions: review limits always run.
      return std::nullopt;
  }
  return std::nullopt;
}

bool closure_exception_applies(Date advice_requested, const std::vector<Closure>& closures) {
  return std::any_of(closures.begin(), closures.end(), [&](const Closure& c) {
    return qualifies(c) && advice_requested >= c.first_day_closed - weeks(1) &&
           advice_requested <= c.first_day_open_again - weeks(1);
  });
}

std::optional<ClockException> closure_exception(ExceptionGround ground, Date advice_requested,
                                                const std::vector<Closure>& closures) {
  for (const Closure& c : closures) {
    if (closure_exception_applies(advice_requested, {c})) {
      return ClockException{ground, c.first_day_closed - weeks(1), c.first_day_open_again - weeks(1)};
    }
  }
  return std::nullopt;
}

Result<int> days_lost_to_exceptions(Date received, Date until, const std::vector<ClockException>& exceptions) {
  std::vector<FieldError> errors;
  if (until < received) {
    errors.push_back(
        {"until", "Count up to a day on or after the request was received (" + format_date_long(received) + ")"});
  }
  check_exceptions(exceptions, errors);
  if (!errors.empty()) return fail(std::move(errors));

  // Clip each exception to the counted days (received, until], then merge.
  std::vector<std::pair<Date, Date>> spans;
  for (const auto& e : exceptions) {
    const Date first = std::max(e.start, received + days{1});
    const Date last = std::min(e.end, until);
    if (first <= last) spans.emplace_back(first, last);
  }
  std::sort(spans.begin(), spans.end());
  int total = 0;
  std::optional<std::pair<Date, Date>> run;
  for (const auto& s : spans) {
    if (run && s.first <= run->second + days{1}) {
      run->second = std::max(run->second, s.second);
      continue;
    }
    if (run) total += static_cast<int>((run->second - run->first).count()) + 1;
    run = s;
  }
  if (run) total += static_cast<int>((run->second - run->first).count()) + 1;
  return total;
}

// ---- Status --------------------------------------------------------------------

std::string_view to_string(StepStatus status) {
  switch (status) {
    case StepStatus::on_time: return "on_time";
    case StepStatus::at_risk: return "at_risk";
    case StepStatus::overdue: return "overdue";
    case StepStatus::exception_applies: return "exception_applies";
    case StepStatus::done_on_time: return "done_on_time";
    case StepStatus::done_late: return "done_late";
  }
  return "unknown";
}

Result<StepState> step_status(ClockStep step, Date from, std::optional<Date> done, Date today, int at_risk_days,
                              const std::vector<ClockException>& exceptions) {
  std::vector<FieldError> errors;
  if (done && *done < from) {
    errors.push_back({"done", "A step cannot be done before its time started (" + format_date_long(from) + ")"});
  }
  if (done && *done > today) errors.push_back({"done", "A step cannot be done after today"});
  if (today < from) {
    errors.push_back({"today", "Today cannot be before the step's time started (" + format_date_long(from) + ")"});
  }
  if (at_risk_days < 0) errors.push_back({"at_risk_days", "Enter a number of days, 0 or more"});
  check_exceptions(exceptions, errors);
  if (!errors.empty()) return fail(std::move(errors));

  StepState state;
  state.deadline = step_deadline(step, from);
  const Date deadline = state.deadline.date;
  if (done && *done <= deadline) {
    state.status = StepStatus::done_on_time;
    return state;
  }

  // The earliest-starting exception that lifts this step's limit: its ground
  // applies to the step, it had begun by the day we judge on, and it overlaps
  // the days the limit ran (after `from`, up to the deadline).
  const Date judged_on = done.value_or(today);
  const ClockException* lifting = nullptr;
  for (const auto& e : exceptions) {
    if (!exception_basis(step, e.ground)) continue;
    if (e.start > judged_on || e.start > deadline || e.end <= from) continue;
    if (!lifting || e.start < lifting->start) lifting = &e;
  }
  if (lifting) {
    state.status = StepStatus::exception_applies;
    state.exception = *lifting;
    state.exception_basis = std::string(*exception_basis(step, lifting->ground));
    return state;
  }

  if (done) {
    state.status = StepStatus::done_late;
  } else if (today > deadline) {
    state.status = StepStatus::overdue;
  } else if ((deadline - today).count() <= at_risk_days) {
    state.status = StepStatus::at_risk;
  } else {
    state.status = StepStatus::on_time;
  }
  return state;
}

StepStatus deadline_status(Date last_day, std::optional<Date> done, Date today, int at_risk_days) {
  if (done) return *done <= last_day ? StepStatus::done_on_time : StepStatus::done_late;
  if (today > last_day) return StepStatus::overdue;
  if ((last_day - today).count() <= at_risk_days) return StepStatus::at_risk;
  return StepStatus::on_time;
}

}  // namespace tandem
