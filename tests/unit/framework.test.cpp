// Frameworks by tier of need and suspensions, as tables of cases: a framework
// needs a name and distinct tiers; a provider joins a tier once; a suspension
// in force bars a spot purchase or a call-off (never a block contract), and
// lifting it lets the provider be picked again.
#include "core/framework.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

const Date kToday = make_date(2026, 2, 1);

Framework sample() {
  auto f =
      *make_framework({"fw-1", "area", "Short breaks framework", "LA-SBF", {"Universal", "Targeted", "Specialist"}});
  f = *add_member(f, "pv-1", 1);
  f = *add_member(f, "pv-2", 2);
  return f;
}

TEST(Framework, NameAndDistinctTiers) {
  EXPECT_TRUE(make_framework({"fw", "a", "Short breaks", "", {"Targeted"}}));
  EXPECT_EQ(make_framework({"fw", "a", " ", "", {"Targeted"}}).error().first_field(), "name");
  EXPECT_EQ(make_framework({"fw", "a", "Short breaks", "", {}}).error().first_field(), "tiers");
  EXPECT_EQ(make_framework({"fw", "a", "Short breaks", "", {"Targeted", "Targeted"}}).error().first_field(), "tiers");
  const Framework f = sample();
  EXPECT_EQ(add_member(f, "pv-1", 1).error().first_field(), "provider_id") << "already on that tier";
  EXPECT_TRUE(add_member(f, "pv-1", 2)) << "a provider may be on several tiers";
  EXPECT_EQ(add_member(f, "pv-3", 3).error().first_field(), "tier");
  EXPECT_EQ(add_member(f, "pv-3", std::nullopt).error().first_field(), "tier");
}

TEST(Framework, ASuspensionInForceBarsSpotPurchasesAndCallOffs) {
  const Framework f = sample();
  const Suspension s = *make_suspension(f, "pv-1", make_date(2026, 1, 10), "Safeguarding concerns", {}, kToday);
  const Suspension lifted = *lift_suspension(s, make_date(2026, 1, 20), kToday);
  struct Case {
    std::string name;
    ContractType type;
    std::string provider;
    std::vector<Suspension> held;
    bool barred;
  };
  const Case cases[] = {
      {"spot purchase, suspended", ContractType::spot_purchase, "pv-1", {s}, true},
      {"call-off, suspended", ContractType::framework_call_off, "pv-1", {s}, true},
      {"block contract, suspended", ContractType::block, "pv-1", {s}, false},
      {"another provider", ContractType::spot_purchase, "pv-2", {s}, false},
      {"lifted", ContractType::spot_purchase, "pv-1", {lifted}, false},
      {"none", ContractType::spot_purchase, "pv-1", {}, false},
  };
  for (const auto& c : cases) {
    const auto bar = suspension_bars(c.type, c.provider, "Bright Horizons", c.held, kToday);
    EXPECT_EQ(bar.has_value(), c.barred) << c.name;
    if (bar) {
      EXPECT_EQ(bar->field, "provider_id") << c.name;
      EXPECT_NE(bar->message.find("Short breaks framework"), std::string::npos) << c.name;
      EXPECT_NE(bar->message.find("Safeguarding concerns"), std::string::npos) << c.name;
    }
  }
  EXPECT_FALSE(in_force(*make_suspension(f, "pv-2", kToday, "x", {}, kToday), kToday - std::chrono::days(1)));
}

TEST(Framework, SuspendingAndLiftingAreChecked) {
  const Framework f = sample();
  const Suspension s = *make_suspension(f, "pv-1", kToday, "Quality", {}, kToday);
  EXPECT_EQ(make_suspension(f, "pv-9", kToday, "Quality", {}, kToday).error().first_field(), "provider_id");
  EXPECT_EQ(make_suspension(f, "pv-1", kToday, "Quality", std::vector<Suspension>{s}, kToday).error().first_field(),
            "provider_id");
  EXPECT_EQ(make_suspension(f, "pv-1", kToday + std::chrono::days(1), "Quality", {}, kToday).error().first_field(),
            "on");
  EXPECT_EQ(make_suspension(f, "pv-1", kToday, " ", {}, kToday).error().first_field(), "reason");
  EXPECT_EQ(lift_suspension(s, kToday - std::chrono::days(1), kToday).error().first_field(), "on");
  EXPECT_EQ(lift_suspension(s, std::nullopt, kToday).error().first_field(), "on");
  const auto lifted = lift_suspension(s, kToday, kToday);
  ASSERT_TRUE(lifted);
  EXPECT_EQ(lift_suspension(*lifted, kToday, kToday).error().first_field(), "provider_id");
}

}  // namespace
}  // namespace tandem
