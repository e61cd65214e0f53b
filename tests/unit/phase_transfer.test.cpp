// Phase transfers (SEND Regulations 2014 reg 18(1)): which year group a child
// is in, which transfer comes next, and when its amended plan is due.
#include "core/phase_transfer.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

TEST(YearGroup, IsTheAgeOnThe31AugustBeforeTheSchoolYearLessFour) {
  struct Case {
    Date born;
    int school_year;
    int expected;
    const char* why;
  };
  const Case cases[] = {
      {d(2020, 9, 1), 2025, 0, "born 1 September: 4 on 31 August 2025, oldest in reception 2025/26"},
      {d(2021, 8, 31), 2025, 0, "born 31 August: turns 4 on 31 August 2025, youngest in reception 2025/26"},
      {d(2021, 9, 1), 2025, -1, "born 1 September 2021: starts reception a year later"},
      {d(2014, 3, 2), 2025, 7, "11 on 31 August 2025: Year 7"},
      {d(2009, 12, 25), 2025, 11, "15 on 31 August 2025: Year 11, the last year of compulsory school"},
      {d(2008, 2, 29), 2025, 13, "leap-day birthday: 17 on 31 August 2025, Year 13"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(year_group(c.born, c.school_year), c.expected) << format_date(c.born) << ": " << c.why;
  }
}

TEST(SchoolYear, RunsFromSeptemberToAugust) {
  EXPECT_EQ(school_year_of(d(2026, 8, 31)), 2025);
  EXPECT_EQ(school_year_of(d(2026, 9, 1)), 2026);
  EXPECT_EQ(school_year_of(d(2027, 1, 1)), 2026);
}

TEST(UpcomingPhaseTransfer, FindsTheTransferAtTheStartOfTheNextSchoolYear) {
  struct Case {
    Date born;
    Date today;
    std::optional<int> into;  // year group of the transfer found, or none
    Date deadline;
    const char* why;
  };
  const Case cases[] = {
      {d(2016, 3, 2), d(2026, 11, 24), 7, d(2027, 2, 14),
       "reg 18(1)(b): Year 6 now, secondary in September 2027, plan amended before 15 February 2027"},
      {d(2011, 1, 10), d(2026, 11, 24), 12, d(2027, 3, 30),
       "reg 18(1)(a): Year 11 now, post-16 in September 2027, before 31 March 2027"},
      {d(2023, 5, 5), d(2026, 11, 24), 0, d(2027, 2, 14), "reg 18(1)(b): early years to reception in September 2027"},
      {d(2017, 3, 2), d(2026, 11, 24), std::nullopt, d(2000, 1, 1), "Year 5 now: no transfer next September"},
      {d(2016, 3, 2), d(2026, 8, 31), std::nullopt, d(2000, 1, 1),
       "31 August 2026: the next school year is 2026/27, when this child starts Year 6: no transfer"},
      {d(2016, 3, 2), d(2026, 9, 1), 7, d(2027, 2, 14),
       "reg 18(1): from 1 September 2026 the child is within 12 months of the September 2027 transfer"},
      {d(2016, 3, 2), d(2027, 3, 1), 7, d(2027, 2, 14),
       "still listed after the deadline has passed, so an overdue transfer stays visible"},
  };
  for (const auto& c : cases) {
    const auto t = upcoming_phase_transfer(c.born, c.today, default_transfer_points());
    ASSERT_EQ(t.has_value(), c.into.has_value()) << c.why;
    if (!t) continue;
    EXPECT_EQ(t->point.into_year_group, *c.into) << c.why;
    EXPECT_EQ(t->deadline.date, c.deadline) << c.why;
    EXPECT_EQ(t->transfer_on, d(school_year_of(c.today) + 1, 9, 1)) << c.why;
    EXPECT_NE(t->deadline.basis.find("reg 18(1)"), std::string::npos) << c.why;
  }
}

TEST(UpcomingPhaseTransfer, UsesTheAreasOwnTransferPoints) {
  // A three-tier area moves children from first to middle school at Year 5.
  const std::vector<TransferPoint> three_tier = {{5, TransferKind::school, "first to middle"},
                                                 {9, TransferKind::school, "middle to high"}};
  const auto t = upcoming_phase_transfer(d(2018, 3, 2), d(2026, 11, 24), three_tier);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->point.label, "first to middle");
  EXPECT_FALSE(upcoming_phase_transfer(d(2016, 3, 2), d(2026, 11, 24), three_tier).has_value())
      << "Year 7 is not a transfer in a three-tier area";
}

TEST(TransferStatus, DoneOnlyWhenThePlanWasIssuedOrAmendedInsideTheWindow) {
  const PhaseTransfer t{{7, TransferKind::school, "primary to secondary"},
                        d(2027, 9, 1),
                        phase_transfer_deadline(TransferKind::school, 2027)};
  struct Case {
    std::optional<Date> issued;
    Date today;
    TransferStatus expected;
    const char* why;
  };
  const Case cases[] = {
      {std::nullopt, d(2026, 11, 24), TransferStatus::to_do, "not amended yet, deadline ahead"},
      {d(2026, 8, 31), d(2026, 11, 24), TransferStatus::to_do,
       "amended the day before the 12-month window opened: does not name the next setting under reg 18"},
      {d(2026, 9, 1), d(2026, 11, 24), TransferStatus::done, "amended on the day the window opened"},
      {std::nullopt, d(2027, 2, 14), TransferStatus::to_do, "14 February is the last day in time"},
      {std::nullopt, d(2027, 2, 15), TransferStatus::overdue, "15 February: reg 18(1)(b) has been missed"},
      {d(2027, 3, 1), d(2027, 3, 2), TransferStatus::done, "amended late is still amended"},
  };
  for (const auto& c : cases) EXPECT_EQ(transfer_status(t, c.issued, c.today), c.expected) << c.why;
}

TEST(ParseYearGroup, AcceptsReceptionAndYears1To13) {
  EXPECT_EQ(*parse_year_group("f", "reception"), 0);
  EXPECT_EQ(*parse_year_group("f", "year_7"), 7);
  EXPECT_EQ(*parse_year_group("f", "year_13"), 13);
  for (const char* bad : {"year_0", "year_14", "year_07", "Year 7", "", "year_"}) {
    const auto r = parse_year_group("into", bad);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().first_field(), "into");
  }
  EXPECT_EQ(year_group_id(0), "reception");
  EXPECT_EQ(year_group_label(12), "Year 12");
}

}  // namespace
}  // namespace tandem
