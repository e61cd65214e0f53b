// [sen2_return] in area profiles: what the SEN2 return's header says of the
// area's designated medical and clinical officers (DMO, DCO). Optional; the
// profile checks the code's shape, the year's schema which codes it allows.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "interop/sen2_schema.h"
#include "profile/area_profiles.h"
#include "sample_profile.h"

namespace tandem {
namespace {

using testing::sample_profile;

TEST(ProfileSen2Return, TheOfficersAreTheAreasOwnAnswer) {
  struct Case {
    const char* extra;
    std::optional<std::string> dmo, dco;
    const char* error;  // part of the first error, or empty
  };
  const std::vector<Case> cases{
      {"", std::nullopt, std::nullopt, ""},
      {"[sen2_return]\ndmo = \"Y\"\ndco = \"N\"\n", "Y", "N", ""},
      {"[sen2_return]\ndco = \"Y\"\n", std::nullopt, "Y", ""},
      {"[sen2_return]\ndmo = \"yes\"\n", std::nullopt, std::nullopt, "one or two capital letters"},
      {"[sen2_return]\ndmo = \"\"\n", std::nullopt, std::nullopt, "sen2_return.dmo is empty"},
      {"[sen2_return]\ndmo = true\n", std::nullopt, std::nullopt, "dmo"},
      {"[sen2_return]\ndoc = \"Y\"\n", std::nullopt, std::nullopt, "doc is not a known key"},
  };
  for (const auto& c : cases) {
    auto area = parse_area_profile(sample_profile() + c.extra, "test.toml");
    if (*c.error == '\0') {
      ASSERT_TRUE(area.has_value()) << c.extra << area.error().first_message();
      EXPECT_EQ(area->sen2_dmo, c.dmo) << c.extra;
      EXPECT_EQ(area->sen2_dco, c.dco) << c.extra;
    } else {
      ASSERT_FALSE(area.has_value()) << c.extra;
      EXPECT_NE(area.error().first_message().find(c.error), std::string::npos) << area.error().first_message();
    }
  }
}

// A shipped profile's answer must be a code every year Tandem can return allows.
TEST(ProfileSen2Return, EveryShippedAnswerIsAllowedInEveryYear) {
  for (const auto& area : shipped_area_profiles())
    for (int year : sen2::schema_years()) {
      const auto* schema = sen2::schema_for(year);
      ASSERT_NE(schema, nullptr);
      if (area.sen2_dmo) {
        EXPECT_TRUE(schema->allows("officer", *area.sen2_dmo)) << area.id << " dmo " << year;
      }
      if (area.sen2_dco) {
        EXPECT_TRUE(schema->allows("officer", *area.sen2_dco)) << area.id << " dco " << year;
      }
    }
  EXPECT_EQ(shipped_area_profile("demo")->sen2_dco, "Y");
}

}  // namespace
}  // namespace tandem
