// An area's 20-week rate: the share of new EHC plans issued within 20 weeks of
// the request, counted the way DfE publishes it, so Tandem's figure can be set
// beside the national tables.
//
// DfE counts plans by the calendar year in which the final plan was issued
// (a request received in November 2024 whose plan was issued in February 2025
// counts in 2025) and publishes two rates, each rounded to 1 decimal place:
//   excluding exceptions = plans issued in the year within 20 weeks with no
//                          exception / plans issued in the year with no exception
//   including exceptions = all plans issued in the year within 20 weeks /
//                          all plans issued in the year
// "Within 20 weeks" is issued on or before received + 140 days (the day of
// receipt excluded, as for every limit in core/ehc_clock.h). The exact dates
// DfE measures between are unverified (domain.md section 2): reproduce a
// published figure from SEN2 data before trusting this one.
//
//   const auto rate = twenty_week_rate(plans, 2025);
//   if (rate) rate->excluding_exceptions.percent;  // e.g. 50.3
#pragma once

#include <optional>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace tandem {

struct IssuedPlan {
  Date request_received;
  Date plan_issued;
  bool had_exception = false;  // an exception (reg 13(3)) was recorded for this assessment
};

struct Rate {
  int within_20_weeks = 0;  // numerator
  int plans = 0;            // denominator
  // within_20_weeks / plans as a percentage rounded half up to 1 decimal place
  // (50.25 -> 50.3); nothing when there were no plans.
  std::optional<double> percent;
  bool operator==(const Rate&) const = default;
};

struct TwentyWeekRate {
  int year = 0;
  Rate excluding_exceptions;  // DfE plans_issued_20_weeks_ex / plans_issued_den_ex
  Rate including_exceptions;
};

// True when the plan was issued on or before received + 20 weeks (140 days).
bool issued_within_20_weeks(Date received, Date issued);

// `part` / `whole` as a percentage rounded half up to 1 decimal place, worked
// in whole numbers so that 38,471 / 76,506 is exactly 50.3. Nothing when
// `whole` is 0.
std::optional<double> percent_1dp(int part, int whole);

// The rates for plans issued in calendar `year`; plans issued in other years
// are ignored. Fails (field "plans[i].plan_issued") for any plan issued before
// its request was received.
Result<TwentyWeekRate> twenty_week_rate(const std::vector<IssuedPlan>& plans, int year);

}  // namespace tandem
