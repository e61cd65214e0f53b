// Gaps in the Local Offer: services per 100 children with plans, by need and
// age band, against the area's threshold.
#include "core/sufficiency.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

TEST(Sufficiency, AgeBands) {
  struct Case {
    int age;
    std::optional<std::size_t> band;
  };
  const std::vector<Case> cases{{0, 0},
                                {4, 0},
                                {5, 1},
                                {10, 1},
                                {11, 2},
                                {15, 2},
                                {16, 3},
                                {19, 3},
                                {20, 4},
                                {25, 4},
                                {26, std::nullopt},
                                {-1, std::nullopt}};
  for (const auto& c : cases) EXPECT_EQ(band_of(c.age), c.band) << c.age;
}

TEST(Sufficiency, RatioAndThreshold) {
  const std::vector<Demand> demand{
      {"ASD", 2, 200, 900},  // 11 to 15
      {"ASD", 1, 100, 300},  // 5 to 10
      {"HI", 1, 10, 20},     // 5 to 10
      {"SEMH", 3, 0, 0},     // no children: no row
      {"ASD", 2, 0, 100},    // adds lines to the first cell
  };
  const std::vector<Supply> supply{
      {{"ASD"}, 0, 18},           // every ASD band up to 18
      {{"ASD", "SEMH"}, 11, 25},  // secondary upwards
      {{"ASD"}, 5, 10},           // primary only
      {{"HI"}, 0, std::nullopt},  // no upper limit
      {{"ASD"}, 16, 19},          // does not reach 11 to 15
  };
  const auto rows = find_gaps(demand, supply, 2.0);
  ASSERT_EQ(rows.size(), 3u);
  // ASD 11-15: 2 services for 200 children = 1 per 100, below 2: a gap, first.
  EXPECT_EQ(rows[0].need_code, "ASD");
  EXPECT_EQ(rows[0].band, 2u);
  EXPECT_EQ(rows[0].services, 2);
  EXPECT_EQ(rows[0].provision_lines, 1000);
  EXPECT_DOUBLE_EQ(rows[0].services_per_100, 1.0);
  EXPECT_TRUE(rows[0].gap);
  // ASD 5-10: 2 for 100 = 2 per 100, at the threshold: enough.
  EXPECT_EQ(rows[1].need_code, "ASD");
  EXPECT_DOUBLE_EQ(rows[1].services_per_100, 2.0);
  EXPECT_FALSE(rows[1].gap);
  // HI 5-10: 1 for 10 = 10 per 100.
  EXPECT_EQ(rows[2].need_code, "HI");
  EXPECT_DOUBLE_EQ(rows[2].services_per_100, 10.0);
  EXPECT_FALSE(rows[2].gap);

  const auto none = find_gaps(demand, supply, 0);
  for (const auto& r : none) EXPECT_FALSE(r.gap) << "a threshold of 0 flags nothing";
  const auto strict = find_gaps(demand, supply, 20);
  for (const auto& r : strict) EXPECT_TRUE(r.gap);
}

}  // namespace
}  // namespace tandem
