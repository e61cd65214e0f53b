#include "core/working_days.h"

#include <gtest/gtest.h>

#include "profile/bank_holidays.h"

namespace tandem {
namespace {

struct WorkingDayCase {
  Date day;
  bool working;
  const char* why;
};

TEST(Calendar, TellsWorkingDaysFromWeekendsAndBankHolidays) {
  const Calendar& cal = shipped_calendar();
  const WorkingDayCase cases[] = {
      {make_date(2025, 1, 6), true, "an ordinary Monday"},
      {make_date(2025, 1, 4), false, "a Saturday"},
      {make_date(2025, 1, 5), false, "a Sunday"},
      {make_date(2025, 12, 25), false, "Christmas Day on a Thursday"},
      {make_date(2025, 12, 26), false, "Boxing Day on a Friday"},
      {make_date(2021, 12, 25), false, "Christmas Day on a Saturday: a weekend day anyway"},
      {make_date(2021, 12, 27), false, "Monday 27 December 2021: substitute day for Christmas Day"},
      {make_date(2021, 12, 28), false, "Tuesday 28 December 2021: substitute day for Boxing Day"},
      {make_date(2021, 12, 29), true, "the first working day after the 2021 substitute days"},
      {make_date(2022, 1, 3), false, "Monday 3 January 2022: substitute day for New Year's Day on a Saturday"},
      {make_date(2020, 12, 28), false, "Boxing Day 2020 fell on Saturday: Monday 28th is the substitute"},
      {make_date(2024, 3, 29), false, "Good Friday 2024 (Easter moves each year)"},
      {make_date(2024, 4, 1), false, "Easter Monday 2024"},
      {make_date(2024, 3, 28), true, "Maundy Thursday is an ordinary working day"},
      {make_date(2025, 4, 18), false, "Good Friday 2025, almost three weeks later than 2024's"},
      {make_date(2022, 6, 2), false, "Thursday 2 June 2022: spring bank holiday moved for the Platinum Jubilee"},
      {make_date(2022, 6, 3), false, "Friday 3 June 2022: the extra Platinum Jubilee bank holiday"},
      {make_date(2022, 5, 30), true, "last Monday of May 2022 was NOT a holiday: the spring holiday moved to 2 June"},
      {make_date(2022, 9, 19), false, "the State Funeral of Queen Elizabeth II"},
      {make_date(2020, 5, 8), false, "Friday 8 May 2020: early May holiday moved for VE Day"},
      {make_date(2020, 5, 4), true, "the first Monday of May 2020 was a working day because of that move"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(cal.is_working_day(c.day), c.working) << format_date(c.day) << ": " << c.why;
  }
}

TEST(Calendar, NamesBankHolidays) {
  const Calendar& cal = shipped_calendar();
  EXPECT_EQ(cal.bank_holiday_name(make_date(2021, 12, 27)), "Christmas Day (substitute day)");
  EXPECT_EQ(cal.bank_holiday_name(make_date(2022, 6, 3)), "Platinum Jubilee bank holiday");
  EXPECT_FALSE(cal.bank_holiday_name(make_date(2022, 6, 6)).has_value());
}

struct NextCase {
  Date from;
  Date expected;
  const char* why;
};

TEST(Calendar, NextWorkingDayIsStrictlyAfter) {
  const Calendar& cal = shipped_calendar();
  const NextCase cases[] = {
      {make_date(2025, 1, 6), make_date(2025, 1, 7), "Monday to Tuesday"},
      {make_date(2025, 1, 3), make_date(2025, 1, 6), "Friday skips the weekend"},
      {make_date(2025, 1, 4), make_date(2025, 1, 6), "Saturday to Monday"},
      {make_date(2021, 12, 24), make_date(2021, 12, 29),
       "Christmas Eve 2021 (Friday): weekend, then both substitute days"},
      {make_date(2022, 6, 1), make_date(2022, 6, 6), "Wednesday before the Jubilee: Thu, Fri holidays, weekend"},
      {make_date(2024, 3, 28), make_date(2024, 4, 2), "Maundy Thursday over Easter to Tuesday"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(cal.next_working_day(c.from), c.expected) << format_date(c.from) << ": " << c.why;
  }
}

struct AddCase {
  Date from;
  int n;
  Date expected;
  const char* why;
};

TEST(Calendar, AddsWorkingDays) {
  const Calendar& cal = shipped_calendar();
  const AddCase cases[] = {
      {make_date(2025, 1, 6), 0, make_date(2025, 1, 6), "no days: the same day"},
      {make_date(2025, 1, 6), 1, make_date(2025, 1, 7), "one day on from Monday"},
      {make_date(2025, 1, 6), 5, make_date(2025, 1, 13), "five working days is a calendar week"},
      {make_date(2025, 1, 4), 1, make_date(2025, 1, 6), "from a Saturday the first working day is Monday"},
      {make_date(2025, 1, 6), 15, make_date(2025, 1, 27), "15 working days (reg 15(2)): three weeks with no holidays"},
      {make_date(2025, 12, 19), 3, make_date(2025, 12, 24),
       "Friday 19 Dec 2025 + 3: Mon 22, Tue 23, Wed 24 (Christmas not reached)"},
      {make_date(2025, 12, 24), 1, make_date(2025, 12, 29), "Christmas Eve + 1: Thu 25, Fri 26 holidays, weekend"},
      {make_date(2022, 5, 31), 3, make_date(2022, 6, 7),
       "across the Jubilee: Wed 1, (Thu, Fri, weekend), Mon 6, Tue 7"},
      {make_date(2024, 3, 27), 2, make_date(2024, 4, 2),
       "across Easter 2024: Thu 28, (Good Friday..Easter Monday), Tue 2"},
      {make_date(2025, 1, 13), -5, make_date(2025, 1, 6), "counting back a week"},
      {make_date(2021, 12, 29), -1, make_date(2021, 12, 24), "back over the 2021 substitute days and weekend"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(cal.add_working_days(c.from, c.n), c.expected) << format_date(c.from) << " + " << c.n << ": " << c.why;
  }
}

TEST(Calendar, WithoutBankHolidaysOnlyWeekendsAreOff) {
  const Calendar weekends_only;
  EXPECT_TRUE(weekends_only.is_working_day(make_date(2025, 12, 25)));   // no data, so Christmas is not known
  EXPECT_FALSE(weekends_only.is_working_day(make_date(2025, 12, 27)));  // a Saturday
  EXPECT_FALSE(weekends_only.covers(make_date(2025, 12, 25)));
}

TEST(Calendar, SaysWhichYearsItsDataCovers) {
  const Calendar& cal = shipped_calendar();
  EXPECT_TRUE(cal.covers(make_date(2014, 1, 1)));
  EXPECT_TRUE(cal.covers(make_date(2030, 12, 31)));
  EXPECT_FALSE(cal.covers(make_date(2013, 12, 31)));
  EXPECT_FALSE(cal.covers(make_date(2031, 1, 1)));
}

TEST(Calendar, MergesAnOperatorsExtraHolidays) {
  // A one-off holiday proclaimed after release, given in an extra file.
  const Calendar extra(
      {{make_date(2031, 6, 2), "Proclaimed holiday"}, {make_date(2025, 12, 25), "A different name for Christmas"}});
  const Calendar merged = shipped_calendar().merged_with(extra);
  EXPECT_FALSE(merged.is_working_day(make_date(2031, 6, 2)));
  EXPECT_TRUE(merged.covers(make_date(2031, 6, 2)));
  // Where both name a day the shipped name stays.
  EXPECT_EQ(merged.bank_holiday_name(make_date(2025, 12, 25)), "Christmas Day");
  EXPECT_EQ(merged.bank_holidays().size(), shipped_calendar().bank_holidays().size() + 1);
}

}  // namespace
}  // namespace tandem
