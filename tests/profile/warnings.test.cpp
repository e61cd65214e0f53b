// [warnings] in area profiles: how many days before a deadline the area's
// pages show it at risk. Optional, each key on its own; whole days from 0 up
// to a bound shorter than the step it warns of.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "profile/area_profiles.h"
#include "sample_profile.h"

namespace tandem {
namespace {

using testing::sample_profile;

TEST(ProfileWarnings, EachMarginIsTheAreasOwnOrTandemsDefault) {
  struct Case {
    const char* extra;
    WarningMargins margins;
    const char* error;  // part of the first error, or empty
  };
  const WarningMargins defaults;
  WarningMargins three_weeks;
  three_weeks.assessment_at_risk_days = 21;
  WarningMargins all;
  all = {10, 3, 90, 0, 28};
  const std::vector<Case> cases{
      {"", defaults, ""},
      {"[warnings]\n", defaults, ""},
      {"[warnings]\nassessment_at_risk_days = 21\n", three_weeks, ""},
      {"[warnings]\nassessment_at_risk_days = 10\nreview_at_risk_days = 3\nreview_due_soon_days = 90\n"
       "order_at_risk_days = 0\nmove_at_risk_days = 28\n",
       all, ""},
      {"[warnings]\nassessment_at_risk_days = 43\n", defaults, "from 0 to 42, like 14"},
      {"[warnings]\nreview_due_soon_days = -1\n", defaults, "from 0 to 182, like 56"},
      {"[warnings]\norder_at_risk_days = 2.5\n", defaults, "whole number of days"},
      {"[warnings]\nmove_at_risk_days = \"5\"\n", defaults, "move_at_risk_days"},
      {"[warnings]\nat_risk_days = 5\n", defaults, "at_risk_days is not a known key"},
  };
  for (const auto& c : cases) {
    auto area = parse_area_profile(sample_profile() + c.extra, "test.toml");
    if (*c.error == '\0') {
      ASSERT_TRUE(area.has_value()) << c.extra << area.error().first_message();
      EXPECT_EQ(area->warnings, c.margins) << c.extra;
    } else {
      ASSERT_FALSE(area.has_value()) << c.extra;
      EXPECT_NE(area.error().first_message().find(c.error), std::string::npos) << area.error().first_message();
    }
  }
}

TEST(ProfileWarnings, TheDemoCouncilChasesAssessmentsThreeWeeksOut) {
  EXPECT_EQ(shipped_area_profile("demo")->warnings.assessment_at_risk_days, 21);
}

}  // namespace
}  // namespace tandem
