// The 20-week rate as DfE publishes it, on a hand-made table whose answer is
// worked out below.
#include "core/twenty_week_rate.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

// "Within 20 weeks" = issued on or before received + 140 days. Which dates DfE
// measures between (request received -> plan issued) is unverified: this
// table checks Tandem's arithmetic, not DfE's definition.
//
//  #  received    issued      day 140     within  exception  counted in
//  1  2025-01-06  2025-05-26  2025-05-26  yes     no         2025 (issued on day 140: in time)
//  2  2025-01-06  2025-05-27  2025-05-26  no      no         2025 (day 141: late)
//  3  2024-11-04  2025-03-10  2025-03-24  yes     no         2025 (request in 2024, issued 2025: year of issue)
//  4  2025-02-03  2025-04-30  2025-06-23  yes     no         2025
//  5  2025-03-03  2025-09-01  2025-07-21  no      no         2025
//  6  2025-04-01  2025-08-15  2025-08-19  yes     no         2025
//  7  2025-05-12  2025-12-19  2025-09-29  no      no         2025
//  8  2025-06-02  2025-10-20  2025-10-20  yes     no         2025 (day 140)
//  9  2025-02-10  2025-09-15  2025-06-30  no      yes        2025, including-exceptions rate only
// 10  2025-03-10  2025-06-30  2025-07-28  yes     yes        2025, including-exceptions rate only
// 11  2024-06-03  2024-10-01  2024-10-21  yes     no         2024
// 12  2025-10-06  2026-01-12  2026-02-23  yes     no         2026 (request in 2025, issued 2026)
// 13  2025-07-07  2025-11-24  2025-11-24  yes     no         2025 (day 140)
//
// 2025, excluding exceptions: plans 1-8 and 13 = 9; within: 1, 3, 4, 6, 8, 13
//   = 6; 6 / 9 = 66.666...% -> 66.7.
// 2025, including exceptions: plans 1-10 and 13 = 11; within: the 6 above and
//   10 = 7; 7 / 11 = 63.636...% -> 63.6.
// 2024: plan 11 only, within: 1 / 1 = 100.0 both ways.
// 2026: plan 12 only, within: 1 / 1 = 100.0 both ways.
// 2023: no plans: counts 0, no percentage.
const std::vector<IssuedPlan> kPlans = {
    {d(2025, 1, 6), d(2025, 5, 26), false},   {d(2025, 1, 6), d(2025, 5, 27), false},
    {d(2024, 11, 4), d(2025, 3, 10), false},  {d(2025, 2, 3), d(2025, 4, 30), false},
    {d(2025, 3, 3), d(2025, 9, 1), false},    {d(2025, 4, 1), d(2025, 8, 15), false},
    {d(2025, 5, 12), d(2025, 12, 19), false}, {d(2025, 6, 2), d(2025, 10, 20), false},
    {d(2025, 2, 10), d(2025, 9, 15), true},   {d(2025, 3, 10), d(2025, 6, 30), true},
    {d(2024, 6, 3), d(2024, 10, 1), false},   {d(2025, 10, 6), d(2026, 1, 12), false},
    {d(2025, 7, 7), d(2025, 11, 24), false},
};

TEST(TwentyWeekRate, CountsByYearOfIssueBothWays) {
  struct Case {
    int year;
    Rate excluding;
    Rate including;
    const char* why;
  };
  const Case cases[] = {
      {2025, {6, 9, 66.7}, {7, 11, 63.6}, "worked out in the table above (DfE's measured dates unverified)"},
      {2024, {1, 1, 100.0}, {1, 1, 100.0}, "plan 11 only"},
      {2026, {1, 1, 100.0}, {1, 1, 100.0}, "plan 12: a 2025 request counted in its year of issue"},
      {2023, {0, 0, std::nullopt}, {0, 0, std::nullopt}, "no plans issued: no percentage, not 0%"},
  };
  for (const auto& c : cases) {
    const auto rate = twenty_week_rate(kPlans, c.year);
    ASSERT_TRUE(rate) << c.why;
    EXPECT_EQ(rate->year, c.year);
    EXPECT_EQ(rate->excluding_exceptions, c.excluding) << c.year << ": " << c.why;
    EXPECT_EQ(rate->including_exceptions, c.including) << c.year << ": " << c.why;
  }
}

TEST(TwentyWeekRate, Day140IsInTimeAndDay141IsNot) {
  EXPECT_TRUE(issued_within_20_weeks(d(2025, 1, 6), d(2025, 5, 26)));
  EXPECT_FALSE(issued_within_20_weeks(d(2025, 1, 6), d(2025, 5, 27)));
  EXPECT_TRUE(issued_within_20_weeks(d(2023, 10, 16), d(2024, 3, 4))) << "leap year: day 140 is 4 March 2024";
}

TEST(TwentyWeekRate, RoundsToOneDecimalPlaceAsPublished) {
  struct Case {
    int part;
    int whole;
    std::optional<double> expected;
    const char* why;
  };
  const Case cases[] = {
      {38471, 76506, 50.3, "England 2023, excluding exceptions (domain.md): 50.28...% -> 50.3"},
      {1, 8, 12.5, "exact"},
      {1, 3, 33.3, "33.33... rounds down"},
      {2, 3, 66.7, "66.66... rounds up"},
      {1, 16, 6.3, "6.25 rounds half up"},
      {1, 2000, 0.1, "0.05 rounds half up"},
      {1, 2001, 0.0, "0.0499... rounds down"},
      {0, 5, 0.0, "none in time"},
      {5, 5, 100.0, "all in time"},
      {0, 0, std::nullopt, "no plans: no rate"},
  };
  for (const auto& c : cases) EXPECT_EQ(percent_1dp(c.part, c.whole), c.expected) << c.why;
}

TEST(TwentyWeekRate, RefusesAPlanIssuedBeforeItsRequest) {
  const auto rate =
      twenty_week_rate({{d(2025, 1, 6), d(2025, 5, 1), false}, {d(2025, 3, 1), d(2025, 2, 1), false}}, 2025);
  ASSERT_FALSE(rate);
  EXPECT_EQ(rate.error().first_field(), "plans[1].plan_issued");
}

}  // namespace
}  // namespace tandem
