// Who takes the decisions on a child's or young person's SEND case. A child's
// parent does until the end of compulsory school age; then the young person
// does, in their own right (CFA s83, number unverified in domain notes), unless
// they lack the mental capacity to make a decision, when a representative
// (a deputy, an attorney or, for some decisions, a parent) acts for them
// (Mental Capacity Act 2005; CFA s80).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace tandem {

// The last day of compulsory school age (Education Act 1996 s8(3)-(4); Education
// (School Leaving Date) Order 1997): the school leaving date (last Friday of
// June) of the year the child turns 16, when the 16th birthday falls before
// 1 September; otherwise that of the next year.
Date end_of_compulsory_school_age(Date date_of_birth);

// The last day a plan may run for a young person past 25: the end of the
// academic year (31 July) in which they turn 25 (CFA s46; reg 46).
Date last_day_a_plan_may_run(Date date_of_birth);

enum class RightsHolder { parent, young_person, representative };
std::string_view to_string(RightsHolder h);

// A recorded finding that the young person lacks capacity for decisions about
// their EHC case, and who represents them.
struct CapacityRecord {
  bool lacks_capacity = false;
  std::string representative;  // "Ms Jo Smith (deputy, Court of Protection order 2025)"
  Date assessed_on{};
};

struct Rights {
  RightsHolder holder = RightsHolder::parent;
  std::optional<Date> passes_on;  // the day the rights pass (or passed) to the young person
  std::string explanation;        // in words, with the law
};

// Who holds the rights on `on`, with when they pass.
Rights rights_on(Date date_of_birth, Date on, const std::optional<CapacityRecord>& capacity);

}  // namespace tandem
