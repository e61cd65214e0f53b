// [sufficiency] in area profiles: the services per 100 children with plans
// below which the gaps report flags a need and age band. Optional; a number
// above 0; checked strictly like every other table.
#include <gtest/gtest.h>

#include <string>

#include "profile/area_profiles.h"
#include "sample_profile.h"

namespace tandem {
namespace {

using testing::sample_profile;

TEST(ProfileSufficiency, TheThresholdIsTheAreasOwnNumber) {
  struct Case {
    const char* extra;
    std::optional<double> threshold;  // none with no error: not set
    const char* error;                // part of the first error, or empty
  };
  const std::vector<Case> cases{
      {"", std::nullopt, ""},
      {"[sufficiency]\nservices_per_100_children = 5\n", 5.0, ""},
      {"[sufficiency]\nservices_per_100_children = 2.5\n", 2.5, ""},
      {"[sufficiency]\nservices_per_100_children = \"5\"\n", std::nullopt, "a number, without quotes"},
      {"[sufficiency]\nservices_per_100_children = 0\n", std::nullopt, "above 0"},
      {"[sufficiency]\n", std::nullopt, "services_per_100_children"},
      {"[sufficiency]\nservices_per_100_children = 5\nratio = 2\n", std::nullopt, "ratio is not a known key"},
  };
  for (const auto& c : cases) {
    auto area = parse_area_profile(sample_profile() + c.extra, "test.toml");
    if (*c.error == '\0') {
      ASSERT_TRUE(area.has_value()) << c.extra << area.error().first_message();
      EXPECT_EQ(area->services_per_100_children, c.threshold) << c.extra;
    } else {
      ASSERT_FALSE(area.has_value()) << c.extra;
      EXPECT_NE(area.error().first_message().find(c.error), std::string::npos) << area.error().first_message();
    }
  }
}

TEST(ProfileSufficiency, TheDemoAreaSetsOne) {
  EXPECT_EQ(shipped_area_profile("demo")->services_per_100_children, 10.0);
}

}  // namespace
}  // namespace tandem
