#include "core/twenty_week_rate.h"

#include <cstdint>
#include <string>
#include <utility>

namespace tandem {

bool issued_within_20_weeks(Date received, Date issued) { return issued <= received + std::chrono::days{140}; }

std::optional<double> percent_1dp(int part, int whole) {
  if (whole <= 0) return std::nullopt;
  // Tenths of a percent, rounded half up: floor((1000 * part + whole / 2) / whole),
  // computed as (2000 * part + whole) / (2 * whole) to keep it exact.
  const std::int64_t tenths = (2000 * std::int64_t{part} + whole) / (2 * std::int64_t{whole});
  // Dividing by 10.0 gives the nearest double to the decimal, which is what
  // the literal 50.3 is.
  return static_cast<double>(tenths) / 10.0;
}

Result<TwentyWeekRate> twenty_week_rate(const std::vector<IssuedPlan>& plans, int year) {
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    if (plans[i].plan_issued < plans[i].request_received) {
      errors.push_back(
          {"plans[" + std::to_string(i) + "].plan_issued", "A plan cannot be issued before its request was received (" +
                                                               format_date_long(plans[i].request_received) + ")"});
    }
  }
  if (!errors.empty()) return fail(std::move(errors));

  TwentyWeekRate rate;
  rate.year = year;
  for (const auto& p : plans) {
    // DfE counts a plan in the calendar year it was issued, whenever the
    // request came in.
    if (static_cast<int>(std::chrono::year_month_day{p.plan_issued}.year()) != year) continue;
    const bool within = issued_within_20_weeks(p.request_received, p.plan_issued);
    ++rate.including_exceptions.plans;
    if (within) ++rate.including_exceptions.within_20_weeks;
    if (p.had_exception) continue;
    ++rate.excluding_exceptions.plans;
    if (within) ++rate.excluding_exceptions.within_20_weeks;
  }
  for (Rate* r : {&rate.excluding_exceptions, &rate.including_exceptions}) {
    r->percent = percent_1dp(r->within_20_weeks, r->plans);
  }
  return rate;
}

}  // namespace tandem
