// School term dates as data: an area's own [[school_terms]] in its profile,
// over the national pattern in data/calendar/funding_terms.toml. Both are read
// strictly: an unknown key, a term that ends before it starts, terms out of
// order or sharing a day, and a year without all three terms are errors
// naming the file, the line and the key.
#include "profile/school_terms.h"

#include <gtest/gtest.h>

#include <string>

#include "profile/area_profiles.h"
#include "sample_profile.h"

namespace tandem {
namespace {

using std::chrono::month_day;
using testing::sample_profile;

// Lines 36 onwards of the sample profile.
std::string term(const char* name, const char* start, const char* end) {
  return std::string("[[school_terms]]\nname = \"") + name + "\"\nstart = \"" + start + "\"\nend = \"" + end + "\"\n";
}

const std::string kYear = term("autumn", "2025-09-03", "2025-12-19") + term("spring", "2026-01-05", "2026-03-27") +
                          term("summer", "2026-04-13", "2026-07-22");

TEST(SchoolTerms, AnAreasTermsAreReadInDateOrder) {
  auto area =
      parse_area_profile(sample_profile() + kYear + term("autumn", "2026-09-02", "2026-12-18") +
                             term("spring", "2027-01-04", "2027-03-26") + term("summer", "2027-04-12", "2027-07-21"),
                         "areas/test.toml");
  ASSERT_TRUE(area) << area.error().first_message();
  ASSERT_EQ(area->school_terms.size(), 6u);
  EXPECT_EQ(area->school_terms[0].id(), "2025-autumn");
  EXPECT_EQ(area->school_terms[2].end, make_date(2026, 7, 22));
  EXPECT_EQ(area->school_terms[4].id(), "2027-spring");
  const TermCalendar cal = term_calendar(*area);
  EXPECT_EQ(funding_term_of(cal, make_date(2026, 12, 24)).start, make_date(2026, 9, 2));
  EXPECT_EQ(funding_term_of(cal, make_date(2027, 9, 1)).id(), "2027-autumn") << "2027-28 follows the pattern";
  EXPECT_EQ(funding_term_of(cal, make_date(2027, 9, 1)).start, make_date(2027, 9, 1));
}

TEST(SchoolTerms, ABadTermIsAnErrorNamingFileLineAndKey) {
  struct Case {
    const char* name;
    std::string extra;
    const char* error;  // part of the first error
  };
  const Case cases[] = {
      {"an unknown key",
       term("autumn", "2025-09-03", "2025-12-19") + "half_term = \"2025-10-27\"\n" +
           kYear.substr(kYear.find("[[school_terms]]", 1)),
       "areas/test.toml line 40: school_terms[0].half_term is not a known key"},
      {"not a term", term("winter", "2025-09-03", "2025-12-19"),
       "line 37: school_terms[0].name = \"winter\" is not a term; allowed: autumn, spring, summer"},
      {"not a date", term("autumn", "3 September 2025", "2025-12-19"),
       "line 38: school_terms[0].start = \"3 September 2025\" is not a date"},
      {"ends before it starts", term("autumn", "2025-12-19", "2025-09-03"),
       "line 39: school_terms[0].end = \"2025-09-03\" is before the term's start, 2025-12-19"},
      {"out of order",
       term("spring", "2026-01-05", "2026-03-27") + term("autumn", "2025-09-03", "2025-12-19") +
           term("summer", "2026-04-13", "2026-07-22"),
       "line 42: school_terms[1].start = \"2025-09-03\" is out of order: it comes before school_terms[0]"},
      {"overlapping",
       term("autumn", "2025-09-03", "2026-01-06") + term("spring", "2026-01-05", "2026-03-27") +
           term("summer", "2026-04-13", "2026-07-22"),
       "line 42: school_terms[1].start = \"2026-01-05\" overlaps school_terms[0] (2025-09-03 to 2026-01-06)"},
      {"a year missing its summer",
       term("autumn", "2025-09-03", "2025-12-19") + term("spring", "2026-01-05", "2026-03-27"),
       "line 36: the academic year 2025-26 lists autumn, spring; give each year's three terms in order"},
      {"summer before spring",
       term("autumn", "2025-09-03", "2025-12-19") + term("summer", "2026-01-05", "2026-03-27") +
           term("spring", "2026-04-13", "2026-07-22"),
       "the academic year 2025-26 lists autumn, summer, spring"},
  };
  for (const auto& c : cases) {
    auto area = parse_area_profile(sample_profile() + c.extra, "areas/test.toml");
    ASSERT_FALSE(area) << c.name;
    EXPECT_NE(area.error().first_message().find(c.error), std::string::npos)
        << c.name << ": " << area.error().first_message();
  }
}

TEST(SchoolTerms, TheNationalPatternIsShippedAsData) {
  const auto& terms = national_yearly_terms();
  EXPECT_EQ(terms[0].name, TermName::autumn);
  EXPECT_EQ(terms[0].start, (month_day{std::chrono::September, std::chrono::day{1}}));
  EXPECT_EQ(terms[0].end, (month_day{std::chrono::December, std::chrono::day{31}}));
  EXPECT_EQ(terms[1].end, (month_day{std::chrono::March, std::chrono::day{31}})) << "ends with the financial year";
  EXPECT_EQ(terms[2].start, (month_day{std::chrono::April, std::chrono::day{1}}));
  EXPECT_EQ(terms[2].end, (month_day{std::chrono::August, std::chrono::day{31}})) << "ends with the academic year";
  // An area with no shipped profile pays on the pattern alone.
  const TermCalendar cal = term_calendar_for_area("nowhere");
  EXPECT_TRUE(cal.dated.empty());
  EXPECT_EQ(academic_year_days(cal, funding_term_of(cal, make_date(2027, 10, 1))), 366);
}

TEST(SchoolTerms, TheDemoBoroughPaysOnItsOwnTermDates) {
  const TermCalendar cal = term_calendar_for_area("demo");
  ASSERT_EQ(cal.dated.size(), 6u);
  EXPECT_EQ(funding_term_of(cal, make_date(2026, 11, 24)).start, make_date(2026, 9, 2));
  EXPECT_EQ(funding_term_of(cal, make_date(2026, 8, 10)).id(), "2026-summer") << "the summer holiday";
}

TEST(SchoolTerms, ABadPatternIsAnErrorNamingFileLineAndKey) {
  const auto pattern = [](const char* a, const char* b, const char* c, const char* d, const char* e, const char* f) {
    return std::string("[[term]]\nname = \"autumn\"\nstart = \"") + a + "\"\nend = \"" + b +
           "\"\n\n[[term]]\nname = \"spring\"\nstart = \"" + c + "\"\nend = \"" + d +
           "\"\n\n[[term]]\nname = \"summer\"\nstart = \"" + e + "\"\nend = \"" + f + "\"\n";
  };
  EXPECT_TRUE(parse_yearly_terms(pattern("09-01", "12-31", "01-01", "03-31", "04-01", "08-31"), "f.toml"));
  struct Case {
    std::string text;
    const char* error;
  };
  const Case cases[] = {
      {pattern("09-01", "12-31", "01-01", "02-29", "04-01", "08-31"),
       "f.toml line 9: term[1].end = \"02-29\" is not a day of every year"},
      {pattern("09-01", "12-31", "01-01", "13-01", "04-01", "08-31"), "line 9: term[1].end = \"13-01\""},
      {pattern("12-31", "09-01", "01-01", "03-31", "04-01", "08-31"),
       "line 4: term[0].end = \"09-01\" is before the term's start, 12-31"},
      {pattern("09-01", "12-31", "01-01", "04-02", "04-01", "08-31"),
       "line 13: term[2].start = \"04-01\" overlaps term[1], which ends 04-02"},
      {pattern("09-01", "12-31", "01-01", "03-31", "04-01", "09-01"),
       "line 11: term[2].end = \"09-01\" overlaps the next autumn, which starts 09-01"},
      {pattern("09-01", "12-31", "01-01", "03-31", "04-01", "08-31") + "spare = 1\n", "spare is not a known key"},
      {"[[term]]\nname = \"spring\"\nstart = \"01-01\"\nend = \"03-31\"\n", "term lists 1 terms; give three"},
  };
  for (const auto& c : cases) {
    auto terms = parse_yearly_terms(c.text, "f.toml");
    ASSERT_FALSE(terms) << c.text;
    EXPECT_NE(terms.error().first_message().find(c.error), std::string::npos) << terms.error().first_message();
  }
}

}  // namespace
}  // namespace tandem
