#include "core/date.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

struct ParseCase {
  const char* text;
  bool ok;
  const char* why;
};

TEST(ParseDate, AcceptsOnlyRealIsoDates) {
  const ParseCase cases[] = {
      {"2015-03-27", true, "ordinary date"},
      {"2024-02-29", true, "leap day in a leap year"},
      {"2023-02-29", false, "no 29 February in 2023"},
      {"2100-02-29", false, "2100 is not a leap year (century rule)"},
      {"2000-02-29", true, "2000 is a leap year (400 rule)"},
      {"2015-13-01", false, "month 13"},
      {"2015-04-31", false, "April has 30 days"},
      {"27/03/2015", false, "British order is not accepted at the edge"},
      {"2015-3-27", false, "month must be two digits"},
      {"", false, "empty"},
      {"2015-03-27x", false, "trailing text"},
      {"+015-03-27", false, "sign in the year"},
  };
  for (const auto& c : cases) {
    auto d = parse_date("date_of_birth", c.text);
    EXPECT_EQ(d.has_value(), c.ok) << c.text << ": " << c.why;
    if (!d) {
      EXPECT_EQ(d.error().first_field(), "date_of_birth");
      EXPECT_NE(d.error().first_message().find("YYYY-MM-DD"), std::string::npos);
    }
  }
}

TEST(FormatDate, RoundTripsAndReadsAsPeopleWriteDates) {
  const auto d = make_date(2025, 1, 6);
  EXPECT_EQ(format_date(d), "2025-01-06");
  EXPECT_EQ(format_date_long(d), "6 January 2025");
  EXPECT_EQ(*parse_date("x", "2025-01-06"), d);
}

TEST(AgeOn, CountsWholeYearsAndBirthdays) {
  EXPECT_EQ(age_on(make_date(2010, 6, 15), make_date(2026, 6, 14)), 15);
  EXPECT_EQ(age_on(make_date(2010, 6, 15), make_date(2026, 6, 15)), 16);
  EXPECT_EQ(age_on(make_date(2012, 2, 29), make_date(2026, 2, 28)), 13);
  EXPECT_EQ(age_on(make_date(2012, 2, 29), make_date(2026, 3, 1)), 14);
}

}  // namespace
}  // namespace tandem
