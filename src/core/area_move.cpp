#include "core/area_move.h"

#include <vector>

namespace tandem {

using std::chrono::days;

std::string_view to_string(MoveDirection d) { return d == MoveDirection::into_area ? "in" : "out"; }

Result<MoveDirection> parse_move_direction(std::string_view field, std::string_view text) {
  if (text == "in") return MoveDirection::into_area;
  if (text == "out") return MoveDirection::out_of_area;
  return fail(std::string(field), "Choose in (the child moved into this area) or out (the child is leaving it)");
}

Result<AreaMove> check_move(AreaMove move, Date today) {
  std::vector<FieldError> errors;
  auto problem = [&](const char* field, std::string message) { errors.push_back({field, std::move(message)}); };
  if (move.other_authority.empty()) {
    problem("other_authority", move.direction == MoveDirection::into_area ? "Enter the council the child moved from"
                                                                          : "Enter the council the child is moving to");
  }
  const auto after = [&](const std::optional<Date>& d, const char* field, Date not_before, const std::string& what) {
    if (d && *d < not_before) problem(field, std::string("This date cannot be before ") + what);
  };
  const auto not_future = [&](const std::optional<Date>& d, const char* field) {
    if (d && *d > today) problem(field, "This date cannot be in the future (today is " + format_date_long(today) + ")");
  };
  if (move.direction == MoveDirection::out_of_area) {
    if (!move.learned_on) problem("learned_on", "Enter the day the council learned of the move, like 2026-11-02");
    not_future(move.learned_on, "learned_on");
    not_future(move.transferred_on, "transferred_on");
    if (move.learned_on)
      after(move.transferred_on, "transferred_on", *move.learned_on, "the day the council learned of the move");
    if (move.plan_last_reviewed_on || move.family_told_on || move.will_assess || move.will_amend) {
      problem("direction",
              "Only a move into the area records the old council's review, the letter to the family "
              "and the decisions to assess and to amend");
    }
  } else {
    not_future(move.moved_on, "moved_on");
    if (!move.transferred_on) {
      if (move.family_told_on) problem("family_told_on", "Record the day the plan was transferred first");
    } else {
      not_future(move.transferred_on, "transferred_on");
      if (!move.plan_last_reviewed_on) {
        problem(
            "plan_last_reviewed_on",
            "Enter the day the old council made or last reviewed the plan: the review date depends on it (reg 15(5))");
      }
    }
    if (move.plan_last_reviewed_on && move.transferred_on) {
      if (*move.plan_last_reviewed_on > *move.transferred_on) {
        problem("plan_last_reviewed_on", "The plan cannot have been reviewed after it was transferred");
      }
    }
    not_future(move.family_told_on, "family_told_on");
    if (move.transferred_on) after(move.family_told_on, "family_told_on", *move.transferred_on, "the transfer");
    if (move.family_told_on && !move.will_assess) {
      problem("will_assess", "Say whether the council proposes to assess afresh: the family must be told (reg 15(4))");
    }
    if (move.family_told_on && !move.will_amend) {
      problem("will_amend", "Say whether the council proposes to amend the plan: the letter to the family says so");
    }
    if (move.learned_on)
      problem("direction", "The day the council learned of the move is recorded only for a move out");
  }
  if (!errors.empty()) return fail(std::move(errors));
  return move;
}

Deadline tell_family_of_transfer(Date transferred_on) {
  return {transferred_on + days{41},
          "SEND Regulations 2014 reg 15(4): within 6 weeks beginning with the day of the transfer, tell the family the "
          "plan has transferred, whether the council will assess and when it will review the plan"};
}

Deadline transferred_plan_review(Date plan_last_reviewed_on, Date transferred_on) {
  const Date annual = review_due(plan_last_reviewed_on).annual_review.date;
  const Date three_months = add_months(transferred_on, 3) - days{1};
  if (three_months > annual) {
    return {three_months,
            "SEND Regulations 2014 reg 15(5): 3 months from the transfer, later than 12 months from "
            "the old council's last review"};
  }
  return {annual,
          "SEND Regulations 2014 reg 15(5): 12 months from the old council's last review (CFA s44(1)), "
          "later than 3 months from the transfer"};
}

MoveDeadlines move_deadlines(const AreaMove& move, const Calendar& calendar) {
  MoveDeadlines out;
  if (move.direction == MoveDirection::out_of_area) {
    if (!move.learned_on) return out;
    // Knowing at least 15 working days ahead: on the day of the move.
    if (calendar.add_working_days(*move.learned_on, 15) <= move.moved_on) {
      out.transfer_plan = {move.moved_on,
                           "SEND Regulations 2014 reg 15(2)(a): on the day of the move, as the council knew of it at "
                           "least 15 working days before"};
    } else {
      // 15 working days beginning with the day it learned of the move: that
      // day is the first when it is a working day.
      const Date first =
          calendar.is_working_day(*move.learned_on) ? *move.learned_on : calendar.next_working_day(*move.learned_on);
      out.transfer_plan = {calendar.add_working_days(first, 14),
                           "SEND Regulations 2014 reg 15(2)(b): within 15 working days beginning with the day the "
                           "council learned of the move"};
    }
    return out;
  }
  if (!move.transferred_on) return out;
  out.tell_family = tell_family_of_transfer(*move.transferred_on);
  if (move.plan_last_reviewed_on)
    out.review_by = transferred_plan_review(*move.plan_last_reviewed_on, *move.transferred_on);
  return out;
}

}  // namespace tandem
