// Advice timeliness by provider: each request's place against the 6 weeks of
// SEND Regulations 2014 reg 8(1), exceptions under reg 8(2), and advice reused
// under reg 6(4) left out.
#include "core/advice_timeliness.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

AdviceRequest asked(std::string id, std::string provider, Date on, std::optional<Date> back = std::nullopt) {
  AdviceRequest r;
  r.id = std::move(id);
  r.kind = AdviceKind::medical;
  r.provider = std::move(provider);
  r.agency = Agency::icb;
  r.requested_on = on;
  r.received_on = back;
  return r;
}

Assessment case_with(std::string id, std::vector<AdviceRequest> advice, std::vector<ClockException> exceptions = {}) {
  Assessment a;
  a.id = std::move(id);
  a.child_id = "c-" + a.id;
  a.received_on = d(2025, 1, 6);
  a.advice = std::move(advice);
  for (std::size_t i = 0; i < exceptions.size(); ++i)
    a.exceptions.push_back({"x" + std::to_string(i), exceptions[i], "why"});
  return a;
}

// One request asked on Tuesday 11 February 2025 (last day 25 March: reg 8(1)
// gives 6 weeks from the adviser's receipt), seen on 15 April 2025.
struct Case {
  const char* what;
  std::optional<Date> back;
  std::vector<ClockException> exceptions;
  int on_time, late, excused, in_time, overdue;
};

TEST(AdviceTimeliness, EachRequestCountsWhereItStandsOnTheSixWeeks) {
  const std::vector<Case> cases{
      {"back on the last day (reg 8(1))", d(2025, 3, 25), {}, 1, 0, 0, 0, 0},
      {"back a day after the last day", d(2025, 3, 26), {}, 0, 1, 0, 0, 0},
      {"not back, past the last day", std::nullopt, {}, 0, 0, 0, 0, 1},
      {"back late while the family was away 4 weeks or more (reg 8(2)(d))",
       d(2025, 4, 10),
       {{ExceptionGround::away_from_area, d(2025, 3, 1), d(2025, 4, 4)}},
       0,
       0,
       1,
       0,
       0},
      {"back on time despite an exception: on time (reg 8(2) only excuses lateness)",
       d(2025, 3, 20),
       {{ExceptionGround::exceptional_personal_circumstances, d(2025, 3, 1), d(2025, 3, 10)}},
       1,
       0,
       0,
       0,
       0},
      {"an exception that began after the last day does not excuse it",
       std::nullopt,
       {{ExceptionGround::exceptional_personal_circumstances, d(2025, 4, 1), d(2025, 4, 10)}},
       0,
       0,
       0,
       0,
       1},
  };
  for (const auto& c : cases) {
    const auto t = advice_timeliness({case_with("a", {asked("v", "Northside", d(2025, 2, 11), c.back)}, c.exceptions)},
                                     d(2024, 4, 16), d(2025, 4, 15));
    ASSERT_EQ(t.providers.size(), 1u) << c.what;
    const auto& p = t.providers[0];
    EXPECT_EQ(p.returned_on_time, c.on_time) << c.what;
    EXPECT_EQ(p.returned_late, c.late) << c.what;
    EXPECT_EQ(p.excused, c.excused) << c.what;
    EXPECT_EQ(p.in_time, c.in_time) << c.what;
    EXPECT_EQ(p.overdue, c.overdue) << c.what;
    EXPECT_EQ(t.overdue.size(), static_cast<std::size_t>(c.overdue)) << c.what;
  }
}

TEST(AdviceTimeliness, OverdueRequestsNameTheCaseAndDaysLateLongestFirst) {
  const auto t = advice_timeliness(
      {case_with("a", {asked("v1", "Northside", d(2025, 2, 11))}),
       case_with("b", {asked("v2", "Southside", d(2025, 2, 25)), asked("v3", "Southside", d(2025, 4, 1))})},
      d(2024, 4, 16), d(2025, 4, 15));
  ASSERT_EQ(t.overdue.size(), 2u);
  EXPECT_EQ(t.overdue[0].assessment_id, "a");
  EXPECT_EQ(t.overdue[0].child_id, "c-a");
  EXPECT_EQ(t.overdue[0].last_day, d(2025, 3, 25));
  EXPECT_EQ(t.overdue[0].days_late, 21);
  EXPECT_EQ(t.overdue[1].advice_id, "v2");
  EXPECT_EQ(t.overdue[1].last_day, d(2025, 4, 8));
  EXPECT_EQ(t.overdue[1].days_late, 7);
  // v3 (last day 13 May) is still in time.
  EXPECT_EQ(t.all.in_time, 1);
  EXPECT_EQ(t.all.overdue, 2);
  EXPECT_EQ(t.providers[0].provider, "Northside") << "the longest overdue provider first";
  EXPECT_EQ(t.providers[0].longest_overdue_days, 21);
}

TEST(AdviceTimeliness, ProvidersSortByOverdueThenShareOnTimeAndReusedAdviceIsLeftOut) {
  AdviceRequest reused = asked("r", "Reused Clinic", d(2025, 1, 20));
  reused.reused = true;
  const auto t = advice_timeliness({case_with("a", {asked("v1", "Prompt", d(2025, 1, 7), d(2025, 2, 1)),
                                                    asked("v2", "Prompt", d(2025, 1, 8), d(2025, 2, 3)),
                                                    asked("v3", "Slow", d(2025, 1, 7), d(2025, 3, 1)),
                                                    asked("v4", "Slow", d(2025, 1, 9), d(2025, 2, 10)), reused})},
                                   d(2024, 4, 16), d(2025, 4, 15));
  ASSERT_EQ(t.providers.size(), 2u) << "reused advice was never asked for (reg 6(4))";
  EXPECT_EQ(t.providers[0].provider, "Slow");
  EXPECT_EQ(t.providers[0].percent_on_time(), 50);
  EXPECT_EQ(t.providers[1].provider, "Prompt");
  EXPECT_EQ(t.providers[1].percent_on_time(), 100);
  EXPECT_EQ(t.providers[1].median_days_to_return, 26) << "25 and 26 days: halfway, rounded up";
  EXPECT_EQ(t.providers[0].median_days_to_return, 43) << "53 and 32 days";
  EXPECT_EQ(t.all.asked(), 4);
}

TEST(AdviceTimeliness, ThePeriodTakesRequestsAskedInItAndAnythingStillOutstanding) {
  const auto t = advice_timeliness(
      {case_with("a", {asked("old-back", "P", d(2023, 1, 10), d(2023, 2, 1)), asked("old-out", "P", d(2023, 1, 10)),
                       asked("later", "P", d(2025, 5, 1)), asked("back-after", "P", d(2025, 2, 11), d(2025, 5, 1))})},
      d(2024, 4, 16), d(2025, 4, 15));
  ASSERT_EQ(t.providers.size(), 1u);
  const auto& p = t.providers[0];
  EXPECT_EQ(p.asked(), 2) << "the 2023 request still out, and the one back only after the period, as it stood then";
  EXPECT_EQ(p.overdue, 2);
  EXPECT_EQ(p.percent_on_time(), 0);
  EXPECT_EQ(advice_timeliness({}, d(2024, 4, 16), d(2025, 4, 15)).all.percent_on_time(), -1);
}

}  // namespace
}  // namespace tandem
