// `tandem clock`: the statutory deadlines of an EHC needs assessment received
// on a given day, printed as JSON, for caseworkers checking a date and for
// scripts.
//
// Every date is the last day still in time (core/ehc_clock.h), and `basis`
// gives the law for each key. The optional arguments add the deadlines that
// hang off later events.
//
//   tandem clock --received 2025-01-06 --mediation-informed 2025-12-23
//   {"received": "2025-01-06", "decide_whether_to_assess": "2025-02-17", ...,
//    "mediation_certificate": "2025-12-30", "basis": {...}}
//
// Bad input (not a date, --transfer without --year, an unknown transfer kind)
// is reported on `err` naming the option and what is allowed, with exit code 2.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

namespace tandem::cli {

struct ClockArgs {
  std::string received;                           // YYYY-MM-DD: the day the request counts as received
  std::optional<std::string> advice_requested;    // the day an adviser received the request for advice
  std::optional<std::string> issued;              // the day the final plan was issued
  std::optional<std::string> transfer;            // "school" or "post16" (reg 18(1))
  std::optional<int> year;                        // calendar year of the transfer
  std::optional<std::string> review_meeting;      // the day of a review meeting
  std::optional<std::string> mediation_informed;  // the day the mediation adviser was told
};

// Prints the deadlines as JSON on `out` and returns 0, or prints every problem
// on `err` and returns 2.
int clock_command(const ClockArgs& args, std::ostream& out, std::ostream& err);

}  // namespace tandem::cli
