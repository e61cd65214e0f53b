// School closures read from an area's own school term dates, and the check a
// school closure exception must pass against them (SEND Regulations 2014
// regs 5(4)(a), 10(4)(a), 13(3), 27(3)(a)):
//
//   auto closures = closures_between_terms(calendar.dated);  // summer, Christmas, ...
//   auto checked = check_school_closure(exception, closures); // refused naming start or end_on
#pragma once

#include <vector>

#include "core/ehc_clock.h"
#include "core/funding_terms.h"
#include "core/result.h"

namespace tandem {

// Each gap between one term's last day and the next term's first day, in
// date order. Terms that run on without a gap (the national funding pattern)
// give none.
std::vector<Closure> closures_between_terms(const std::vector<FundingTerm>& dated);

// A school_closure exception against the closures the term dates give: its
// start (the day the advice was asked) must fall in the window of a closure
// of at least 4 weeks (from a week before it to a week before the school
// re-opens), and it may not run past that window's end. With no closures
// known the exception is returned as it is: the caseworker's dates stand.
// Other grounds are returned as they are.
Result<ClockException> check_school_closure(const ClockException& e, const std::vector<Closure>& closures);

}  // namespace tandem
