// When the rights pass from parent to young person: the end of compulsory
// school age (Education Act 1996 s8(3)-(4); Education (School Leaving Date)
// Order 1997: the last Friday in June), and the last day a plan may run
// (CFA s46; reg 46: the end of the academic year the young person turns 25).
#include "core/rights.h"

#include <gtest/gtest.h>

#include <vector>

namespace tandem {
namespace {

TEST(CompulsorySchoolAge, EndsOnTheLastFridayOfJune) {
  struct Case {
    Date born;
    Date ends;
    const char* why;
  };
  const std::vector<Case> cases{
      {make_date(2010, 3, 14), make_date(2026, 6, 26), "turns 16 in March 2026: that June's leaving date"},
      {make_date(2010, 6, 26), make_date(2026, 6, 26), "turns 16 on the leaving date itself (s8(4)(b))"},
      {make_date(2010, 7, 20), make_date(2026, 6, 26), "turns 16 in the summer: that year's date (s8(4)(a))"},
      {make_date(2010, 8, 31), make_date(2026, 6, 26), "31 August birthday: still that year"},
      {make_date(2010, 9, 1), make_date(2027, 6, 25), "1 September birthday: the next year's date"},
      {make_date(2008, 2, 29), make_date(2024, 6, 28), "leap-day birthday, turning 16 in a leap year"},
  };
  for (const auto& c : cases) EXPECT_EQ(end_of_compulsory_school_age(c.born), c.ends) << c.why;
}

TEST(PlanAge, RunsToTheEndOfTheAcademicYearOfThe25thBirthday) {
  EXPECT_EQ(last_day_a_plan_may_run(make_date(2001, 3, 10)), make_date(2026, 7, 31));
  EXPECT_EQ(last_day_a_plan_may_run(make_date(2001, 7, 31)), make_date(2026, 7, 31));
  EXPECT_EQ(last_day_a_plan_may_run(make_date(2001, 8, 1)), make_date(2027, 7, 31)) << "academic year from August";
}

TEST(Rights, PassToTheYoungPersonUnlessTheyLackCapacity) {
  const Date born = make_date(2010, 3, 14);  // compulsory school age ends 26 June 2026
  EXPECT_EQ(rights_on(born, make_date(2026, 6, 26), std::nullopt).holder, RightsHolder::parent);
  const auto passed = rights_on(born, make_date(2026, 6, 27), std::nullopt);
  EXPECT_EQ(passed.holder, RightsHolder::young_person);
  EXPECT_EQ(passed.passes_on, make_date(2026, 6, 27));
  const CapacityRecord lacks{true, "Ms Jo Smith (deputy)", make_date(2026, 9, 1)};
  const auto rep = rights_on(born, make_date(2026, 10, 1), lacks);
  EXPECT_EQ(rep.holder, RightsHolder::representative);
  EXPECT_NE(rep.explanation.find("Ms Jo Smith"), std::string::npos);
  EXPECT_EQ(rights_on(born, make_date(2025, 10, 1), lacks).holder, RightsHolder::parent)
      << "before the end of compulsory school age the parent decides anyway";
}

}  // namespace
}  // namespace tandem
