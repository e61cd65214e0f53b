#include "profile/bank_holidays.h"

#include <gtest/gtest.h>

#include <string>

namespace tandem {
namespace {

TEST(BankHolidays, ShippedFileLoadsEveryYearFrom2014To2030) {
  const Calendar& cal = shipped_calendar();
  // GOV.UK lists eight a year normally; more with substitute and one-off days.
  EXPECT_EQ(cal.bank_holidays().size(), 139u);
  EXPECT_EQ(cal.bank_holidays().front().date, make_date(2014, 1, 1));
  EXPECT_EQ(cal.bank_holidays().back().date, make_date(2030, 12, 26));
}

TEST(BankHolidays, ReadsHeaderRowsQuotesAndWindowsLineEnds) {
  const auto cal = load_bank_holidays(
      "\xEF\xBB\xBF"
      "date,name\r\n2031-01-01,New Year's Day\r\n2031-06-02,\"A holiday, proclaimed\"\r\n\r\n",
      "extra.csv");
  ASSERT_TRUE(cal) << cal.error().first_message();
  ASSERT_EQ(cal->bank_holidays().size(), 2u);
  EXPECT_EQ(cal->bank_holiday_name(make_date(2031, 6, 2)), "A holiday, proclaimed");
}

struct BadCsv {
  const char* csv;
  const char* expected;  // the whole first message
  const char* why;
};

TEST(BankHolidays, ErrorsNameTheFileAndLine) {
  const BadCsv cases[] = {
      {"when,what\n2031-01-01,New Year's Day\n",
       "extra.csv line 1: the first line must be the header \"date,name\"; found \"when,what\"", "wrong header"},
      {"", "extra.csv line 1: the first line must be the header \"date,name\"; found \"\"", "empty file"},
      {"date,name\n2031-01-01,New Year's Day\n2031-02-30,Not a day\n",
       "extra.csv line 3: date \"2031-02-30\" is not a real date in the form YYYY-MM-DD, like 2025-12-25",
       "no 30 February"},
      {"date,name\n01/01/2031,New Year's Day\n",
       "extra.csv line 2: date \"01/01/2031\" is not a real date in the form YYYY-MM-DD, like 2025-12-25",
       "British date order"},
      {"date,name\n2031-01-01\n",
       "extra.csv line 2: expected a date and a name separated by a comma, like 2025-12-25,Christmas Day; found "
       "\"2031-01-01\"",
       "no name column"},
      {"date,name\n2031-01-01,\n", "extra.csv line 2: the holiday on 2031-01-01 has no name", "empty name"},
      {"date,name\n2031-01-01,\"New Year\n",
       "extra.csv line 2: the name must be plain text, or text in double quotes (\"\" for a quote inside)",
       "unclosed quote"},
      {"date,name\n2031-01-01,New Year's Day\n\n2031-01-01,New Year again\n",
       "extra.csv line 4: 2031-01-01 is already listed on line 2", "a date twice, blank line still counted"},
  };
  for (const auto& c : cases) {
    const auto cal = load_bank_holidays(c.csv, "extra.csv");
    ASSERT_FALSE(cal) << c.why;
    EXPECT_EQ(cal.error().first_message(), c.expected) << c.why;
  }
}

TEST(BankHolidays, ReportsEveryBadLineAtOnce) {
  const auto cal = load_bank_holidays("date,name\nnot-a-date,x\n2031-01-01,ok\nalso-bad,y\n", "extra.csv");
  ASSERT_FALSE(cal);
  ASSERT_EQ(cal.error().fields.size(), 2u);
  EXPECT_EQ(cal.error().fields[1].field, "date");
  EXPECT_NE(cal.error().fields[1].message.find("line 4"), std::string::npos);
}

TEST(BankHolidays, MissingFileIsAnErrorNamingIt) {
  const auto cal = load_bank_holidays_file("no-such-dir/holidays.csv");
  ASSERT_FALSE(cal);
  EXPECT_NE(cal.error().first_message().find("no-such-dir/holidays.csv cannot be read"), std::string::npos);
}

}  // namespace
}  // namespace tandem
