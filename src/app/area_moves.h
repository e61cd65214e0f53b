// Moving between councils with a plan (SEND Regulations 2014 reg 15): a
// caseworker records a move into or out of the area and its steps (the plan
// transferred, the family told); every move shows its deadlines, and a plan
// transferred in is reviewed by the later of 12 months from the old council's
// last review and 3 months from the transfer.
//
// Recording a step sends its letter, kept with the move as sent: the day the
// family is told of a plan transferred in composes the letter of reg 15(4),
// dated that day; the day a plan is transferred out composes the notice to
// the family and ends the plan here on that day (SEN2 cease reason 5, moved
// to another council). What a sent letter says cannot change afterwards.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "app/assessments.h"
#include "core/area_move.h"
#include "store/area_moves.h"

namespace tandem::app {

// The form as sent, every field as text; dates ISO, will_assess "yes"/"no".
struct MoveForm {
  std::string direction;  // "in" or "out"; ignored when updating
  std::string other_authority;
  std::string moved_on;
  std::string learned_on;
  std::string transferred_on;
  std::string plan_last_reviewed_on;
  std::string family_told_on;
  std::string will_assess;
  std::string will_amend;     // "yes"/"no"
  std::string letter_reason;  // why the council will not assess afresh: for the letter
  std::string version;        // when updating
};

// One step of a move with its last day in time and where it stands.
struct MoveStep {
  std::string what;  // "Transfer the plan to Lancashire"
  Deadline due;
  StepStatus status = StepStatus::on_time;
};

struct MoveView {
  store::StoredMove stored;
  MoveDeadlines deadlines;
  std::vector<MoveStep> steps;            // in the order they fall due
  std::vector<store::LetterRow> letters;  // sent for this move; filled when one move is opened
  // The first step not yet done, if any: what the lists show.
  const MoveStep* next() const;
};

using MoveEdit = std::variant<MoveView, Refused, Error>;

MoveEdit record_move(RegisterServices& s, const SignedIn& user, const std::string& child_id, const MoveForm& form);
MoveEdit update_move(RegisterServices& s, const SignedIn& user, const std::string& move_id, const MoveForm& form);
std::variant<MoveView, Refused> open_move(RegisterServices& s, const SignedIn& user, const std::string& move_id,
                                          const std::string& route);
// The child's moves, latest first (the caller has checked the child may be seen).
std::vector<MoveView> moves_of_child(RegisterServices& s, const SignedIn& user, const std::string& child_id);
// Moves in the last 12 months and any still waiting for a step, latest first.
std::vector<MoveView> recent_moves(RegisterServices& s, const SignedIn& user, const std::string& route);

}  // namespace tandem::app
