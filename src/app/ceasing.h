// Ceasing a plan and recording who takes decisions for a young person: the
// council decides to cease (after consulting the family, with reasons and the
// notice the regulations require), and the plan stays in force until the
// appeal window closes or an appeal is decided.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <variant>

#include "app/assessments.h"
#include "core/cessation.h"
#include "core/rights.h"

namespace tandem::app {

// The area's plans no longer in force on `today`: transferred to another
// council, or ceased once the appeal window closed or an appeal upheld the
// decision (plan_ends_on). Counts of what plans deliver leave them out.
std::set<std::string> plans_ended_by(store::Tx& tx, const std::string& area_id, Date today);
// Only those ceased (the transferred ones carry their end in the plan itself).
std::set<std::string> plans_ceased_by(store::Tx& tx, const std::string& area_id, Date today);

struct CeaseForm {
  std::string reason;
  std::string consulted_on;
  std::string decided_on;
  std::string left_education_on;  // optional
  std::string reasons;
};

struct Ceased {
  Cessation cessation;
  std::string letter_id;
};
std::variant<Ceased, Refused, Error> cease_plan(RegisterServices& s, const SignedIn& user, const std::string& plan_id,
                                                const CeaseForm& form);

struct CessationView {
  Cessation cessation;
  std::optional<Date> ends_on;  // nullopt while an appeal keeps it in force
  std::optional<Appeal> appeal;
};
std::optional<CessationView> cessation_of(RegisterServices& s, const SignedIn& user, const std::string& plan_id,
                                          const std::string& child_id);

struct CapacityForm {
  std::string lacks_capacity;  // "yes" or "no"
  std::string representative;
  std::string assessed_on;
};
std::variant<CapacityRecord, Refused, Error> record_capacity(RegisterServices& s, const SignedIn& user,
                                                             const std::string& child_id, const CapacityForm& form);
// The young person's capacity record, if one has been made.
std::optional<CapacityRecord> capacity_of(RegisterServices& s, const SignedIn& user, const std::string& child_id);
// Who holds the rights on the child's case today.
Rights rights_of(RegisterServices& s, const SignedIn& user, const Child& child);

}  // namespace tandem::app
