// The SEN2 validation report's own rules that need no database: who is over 25
// on the census date, and the report's CSV as a spreadsheet opens it.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "app/sen2_return.h"

namespace tandem {
namespace {

// A person with one active plan and nothing else the report would raise.
sen2::Node person_born(const std::string& birth) {
  sen2::Node p{"person", {}, {}};
  p.add("surname", "Ames");
  p.add("forename", "Ola");
  p.add("person_birth_date", birth);
  p.add("sex", "F");
  p.add("ethnicity", "WBRI");
  p.add("upn", "A123456789012");
  auto& req = p.add("requests");
  req.add("received_date", "2018-03-01");
  req.add("request_outcome_date", "2018-04-01");
  req.add("request_outcome", "Y");
  auto& act = req.add("active_plans");
  auto& pd = act.add("placement_detail");
  pd.add("urn", "990001");
  pd.add("placement_rank", "1");
  pd.add("entry_date", "2020-09-01");
  auto& need = act.add("sen_need");
  need.add("sen_type", "ASD");
  need.add("sen_type_rank", "1");
  return p;
}

bool queried_over_25(const std::string& birth) {
  const auto* schema = sen2::schema_for(2026);
  const auto problems = app::check_person(person_born(birth), "c-1", *schema, app::sen2_period(2026));
  return std::any_of(problems.begin(), problems.end(), [](const auto& p) { return p.rule == "SEN2-Q05"; });
}

// A plan may be kept until the end of the academic year in which the young
// person turns 25 (Children and Families Act 2014, s.46): an active plan for
// someone who has had their 26th birthday by the census date (15 January
// 2026) is queried, and no one younger.
TEST(Sen2Report, AnActivePlanIsQueriedFromTheTwentySixthBirthdayOnTheCensusDate) {
  struct Case {
    const char* born;
    bool queried;
    const char* why;
  };
  const Case cases[] = {
      {"2000-01-15", true, "26 on the census date itself"},
      {"2000-01-10", true, "26 five days before"},
      {"1999-06-30", true, "26 last summer"},
      {"2000-01-16", false, "still 25: 26 the day after the census"},
      {"2000-01-20", false, "still 25: 26 five days after (leap days must not make them 26 early)"},
      {"2000-12-31", false, "25 all year"},
      {"2001-01-15", false, "25 on the census date"},
  };
  for (const auto& c : cases) EXPECT_EQ(queried_over_25(c.born), c.queried) << c.born << ": " << c.why;
}

sen2::Node person_with_request(const std::string& received, const std::string& outcome_date,
                               const std::string& outcome) {
  sen2::Node p = person_born("2015-03-01");
  p.children.erase(
      std::remove_if(p.children.begin(), p.children.end(), [](const sen2::Node& n) { return n.key == "requests"; }),
      p.children.end());
  auto& req = p.add("requests");
  req.add("received_date", received);
  req.add("request_outcome_date", outcome_date);
  req.add("request_outcome", outcome);
  return p;
}

bool late_decision(const std::string& received, const std::string& outcome_date, const std::string& outcome) {
  const auto* schema = sen2::schema_for(2026);
  const auto problems =
      app::check_person(person_with_request(received, outcome_date, outcome), "c-1", *schema, app::sen2_period(2026));
  return std::any_of(problems.begin(), problems.end(), [](const auto& p) { return p.rule == "SEN2-E08"; });
}

// The council decides whether to assess within 6 weeks of the request (SEND
// Regulations 2014 reg 5(1)): on the census date (15 January 2026) every
// request received more than 6 weeks before has its outcome, and a withdrawn
// request (W) has one.
TEST(Sen2Report, EveryRequestOlderThanSixWeeksHasAnOutcome) {
  struct Case {
    const char* received;
    const char* outcome_date;
    const char* outcome;
    bool error;
    const char* why;
  };
  const Case cases[] = {
      {"2025-12-03", "", "A", true, "undecided 43 days after the request"},
      {"2025-12-04", "", "A", false, "undecided, but only 42 days: still within the 6 weeks"},
      {"2025-06-01", "", "", true, "no outcome at all"},
      {"2025-06-01", "", "W", false, "withdrawn: that is its outcome"},
      {"2025-06-01", "2025-07-01", "W", false, "withdrawn, with the date"},
      {"2025-06-01", "2025-07-01", "N", false, "decided not to assess"},
      {"2025-06-01", "2025-07-01", "Y", false, "decided to assess"},
      {"2025-06-01", "", "Y", true, "a decision with no date to show when it was made"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(late_decision(c.received, c.outcome_date, c.outcome), c.error)
        << c.received << " " << c.outcome << ": " << c.why;
}

// A name from an imported return or typed into Tandem that starts = + - or @
// is text in the CSV, never a formula a spreadsheet would run.
TEST(Sen2Report, TheCsvNeverStartsACellWithAFormula) {
  app::Sen2Report report;
  report.problems.push_back({"error", "SEN2-E04", "c-9", "=HYPERLINK(\"http://example.com\"), Ann", "Sex",
                             "Sex is missing", "/children/c-9"});
  report.problems.push_back(
      {"query", "SEN2-Q06", "c-8", "@SUM(A1), Bo", "Ethnicity", "Ethnicity not yet obtained", "/children/c-8"});
  const std::string csv = app::sen2_report_csv(report, "");
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "severity,rule,person,case,item,message");
  std::getline(lines, line);
  EXPECT_EQ(line, "error,SEN2-E04,\"'=HYPERLINK(\"\"http://example.com\"\"), Ann\",/children/c-9,Sex,Sex is missing");
  std::getline(lines, line);
  EXPECT_EQ(line, "query,SEN2-Q06,\"'@SUM(A1), Bo\",/children/c-8,Ethnicity,Ethnicity not yet obtained");
}

}  // namespace
}  // namespace tandem
