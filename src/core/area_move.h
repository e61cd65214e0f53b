// Moving between local authorities with an EHC plan (SEND Regulations 2014
// reg 15). The plan goes with the child: the council they leave must transfer
// it to the new one, and the new council must tell the family, decide whether
// to assess afresh and review the plan in time.
//
//   reg 15(2): the old council transfers the plan on the day of the move when
//     it knew of the move at least 15 working days before; otherwise within 15
//     working days beginning with the day it learned of it;
//   reg 15(3)(a): from the transfer the plan is treated as made by the new
//     council on the day the old one made it, and the new council maintains
//     it; the old council's plan ends that day (core/cessation.h moved_la);
//   reg 15(4): the new council tells the family within 6 weeks of the
//     transfer (a) that the plan has transferred, (b) whether it proposes to
//     make an EHC needs assessment and (c) when it will review the plan;
//   reg 15(5): it reviews the plan by the later of 12 months from the day the
//     plan was made or last reviewed and 3 months from the transfer.
//
// Reg 15(2) counts 15 working days "beginning with" the day the council
// learned of the move, so that day is the first. Reg 15(4) says "within 6
// weeks of the date of the transfer"; Tandem counts the transfer day as the
// first of the 6 weeks too, a day earlier than a count that excludes it: the
// safer reading.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/ehc_clock.h"
#include "core/result.h"
#include "core/working_days.h"

namespace tandem {

enum class MoveDirection { into_area, out_of_area };
std::string_view to_string(MoveDirection d);  // "in", "out"
Result<MoveDirection> parse_move_direction(std::string_view field, std::string_view text);

struct AreaMove {
  std::string id;
  std::string area_id;
  std::string child_id;
  MoveDirection direction = MoveDirection::into_area;
  std::string other_authority;  // the council the child comes from or goes to
  Date moved_on{};              // the day the family moved (or will move)
  // Out of the area: the day this council learned of the move.
  std::optional<Date> learned_on;
  // The day the plan was transferred (sent, or received from the old council).
  std::optional<Date> transferred_on;
  // Into the area: the day the old council made or last reviewed the plan.
  std::optional<Date> plan_last_reviewed_on;
  // Into the area: the day the family was told, and whether this council
  // proposes to assess afresh.
  std::optional<Date> family_told_on;
  std::optional<bool> will_assess;
  // Into the area: whether it proposes to amend the plan, which the letter
  // says beside the decision to assess.
  std::optional<bool> will_amend;
  std::string recorded_by;
  std::int64_t version = 0;
};

// Checks what a move needs before it is kept: the other council named, the
// dates that direction needs, in order. Every problem names its field.
Result<AreaMove> check_move(AreaMove move, Date today);

struct MoveDeadlines {
  std::optional<Deadline> transfer_plan;  // out: reg 15(2)
  std::optional<Deadline> tell_family;    // in: reg 15(4), once transferred
  std::optional<Deadline> review_by;      // in: reg 15(5), once transferred
};
MoveDeadlines move_deadlines(const AreaMove& move, const Calendar& calendar);

// The last day for the new council to tell the family about the transfer:
// 6 weeks counted from the transfer day, reg 15(4).
Deadline tell_family_of_transfer(Date transferred_on);

// The annual review of a transferred plan: the later of 12 months from the
// old council's last review (or the plan's making) and 3 months from the
// transfer, reg 15(5).
Deadline transferred_plan_review(Date plan_last_reviewed_on, Date transferred_on);

}  // namespace tandem
