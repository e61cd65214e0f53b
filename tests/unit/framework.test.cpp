// Frameworks by tier of need and suspensions, as tables of cases: a framework
// needs a name, distinct tiers and a term of at most four years, and nothing is
// picked from it outside that term; a provider joins a tier once; a suspension
// in force bars a spot purchase or a call-off (never a block contract), and
// lifting it lets the provider be picked again.
#include "core/framework.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

const Date kToday = make_date(2026, 2, 1);
const Date kStarts = make_date(2024, 4, 1);
const Date kEnds = make_date(2028, 3, 31);

Framework sample() {
  auto f = *make_framework(
      {"fw-1", "area", "Short breaks framework", "LA-SBF", {"Universal", "Targeted", "Specialist"}, kStarts, kEnds});
  f = *add_member(f, "pv-1", 1);
  f = *add_member(f, "pv-2", 2);
  return f;
}

TEST(Framework, NameAndDistinctTiers) {
  EXPECT_TRUE(make_framework({"fw", "a", "Short breaks", "", {"Targeted"}, kStarts, kEnds}));
  EXPECT_EQ(make_framework({"fw", "a", " ", "", {"Targeted"}, kStarts, kEnds}).error().first_field(), "name");
  EXPECT_EQ(make_framework({"fw", "a", "Short breaks", "", {}, kStarts, kEnds}).error().first_field(), "tiers");
  EXPECT_EQ(
      make_framework({"fw", "a", "Short breaks", "", {"Targeted", "Targeted"}, kStarts, kEnds}).error().first_field(),
      "tiers");
  const Framework f = sample();
  EXPECT_EQ(add_member(f, "pv-1", 1).error().first_field(), "provider_id") << "already on that tier";
  EXPECT_TRUE(add_member(f, "pv-1", 2)) << "a provider may be on several tiers";
  EXPECT_EQ(add_member(f, "pv-3", 3).error().first_field(), "tier");
  EXPECT_EQ(add_member(f, "pv-3", std::nullopt).error().first_field(), "tier");
}

// Procurement Act 2023, section 47(1)(b): a framework's term may not be more
// than four years (before 24 February 2025, Public Contracts Regulations 2015,
// regulation 33(3), the same). 1 April to 31 March four years on is four
// years exactly.
TEST(Framework, ATermOfAtMostFourYears) {
  struct Case {
    std::string name;
    std::optional<Date> starts;
    std::optional<Date> ends;
    std::string field;  // refused on it; empty: allowed
    std::string says;
  };
  const Case cases[] = {
      {"s.47: four years to the day before", kStarts, make_date(2028, 3, 31), "", ""},
      {"s.47: one year", kStarts, make_date(2025, 3, 31), "", ""},
      {"s.47: a day over four years", kStarts, make_date(2028, 4, 1), "ends_on", "31 March 2028"},
      {"s.47: five years", kStarts, make_date(2029, 3, 31), "ends_on", "section 47"},
      {"from 29 February: four years on ends 28 February", make_date(2024, 2, 29), make_date(2028, 2, 28), "", ""},
      {"from 29 February: the 29th four years on is over", make_date(2024, 2, 29), make_date(2028, 2, 29), "ends_on",
       "28 February 2028"},
      {"ends the day it starts", kStarts, kStarts, "ends_on", "after it starts"},
      {"ends before it starts", kStarts, make_date(2024, 3, 1), "ends_on", "after it starts"},
      {"no start", std::nullopt, kEnds, "starts_on", "starts"},
      {"no end", kStarts, std::nullopt, "ends_on", "ends"},
  };
  for (const auto& c : cases) {
    const auto f = make_framework({"fw", "a", "Short breaks", "", {"Targeted"}, c.starts, c.ends});
    if (c.field.empty()) {
      EXPECT_TRUE(f) << c.name;
      continue;
    }
    ASSERT_FALSE(f) << c.name;
    EXPECT_EQ(f.error().first_field(), c.field) << c.name;
    EXPECT_NE(f.error().fields.front().message.find(c.says), std::string::npos)
        << c.name << ": " << f.error().fields.front().message;
  }
  const Framework f = sample();
  EXPECT_TRUE(in_term(f, kStarts));
  EXPECT_TRUE(in_term(f, kEnds));
  EXPECT_FALSE(in_term(f, kStarts - std::chrono::days(1)));
  EXPECT_FALSE(in_term(f, kEnds + std::chrono::days(1)));
  EXPECT_TRUE(ending_within(f, kEnds - std::chrono::days(180), 180)) << "180 days before it ends";
  EXPECT_FALSE(ending_within(f, kEnds - std::chrono::days(181), 180));
  EXPECT_FALSE(ending_within(f, kEnds + std::chrono::days(1), 180)) << "ended, not ending";
  Framework untermed = f;
  untermed.starts_on.reset();
  untermed.ends_on.reset();
  EXPECT_TRUE(in_term(untermed, make_date(2040, 1, 1))) << "recorded before terms: nothing to check";
  EXPECT_FALSE(ending_within(untermed, kToday, 180));
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

// Northumberland 69: a framework of "approved" providers; 71: a provider may be
// suspended from it; 72: services are commissioned against tiers of need. So a
// call-off (or a spot purchase that names a framework) picks a provider
// approved at that tier and not suspended on the contract's start date.
TEST(Framework, ACallOffPicksAnApprovedProviderAtItsTier) {
  const Framework f = sample();  // pv-1 on Targeted, pv-2 on Specialist
  const Framework other = *make_framework({"fw-2",
                                           "area",
                                           "Alternative education framework",
                                           "",
                                           {"Targeted"},
                                           make_date(2025, 9, 1),
                                           make_date(2027, 8, 31)});
  const std::vector<Framework> area{f, other};
  const std::map<std::string, std::string> names{
      {"pv-1", "Bright Horizons"}, {"pv-2", "Oakfield"}, {"pv-3", "Pathways"}};
  const Date start = make_date(2026, 4, 1);
  const Suspension before_start = *make_suspension(f, "pv-1", make_date(2026, 1, 10), "Safeguarding", {}, kToday);
  const Suspension lifted_by_start = *lift_suspension(before_start, kToday, kToday);
  Suspension from_other = before_start;
  from_other.framework_id = "fw-2";
  using T = ContractType;
  struct Case {
    std::string name;
    T type;
    std::string provider;
    std::string framework;
    std::optional<int> tier;
    std::vector<Suspension> held;
    std::vector<std::string> fields;  // refused on these, in order; none: allowed
    std::string says;                 // the first error names what is allowed
  };
  const Case cases[] = {
      {"69, 72: approved at that tier", T::framework_call_off, "pv-1", "fw-1", 1, {}, {}, ""},
      {"72: another tier approved too", T::framework_call_off, "pv-2", "fw-1", 2, {}, {}, ""},
      {"69: a call-off names its framework",
       T::framework_call_off,
       "pv-1",
       "",
       1,
       {},
       {"framework_id"},
       "Short breaks framework or Alternative education framework"},
      {"72: a call-off names its tier",
       T::framework_call_off,
       "pv-1",
       "fw-1",
       std::nullopt,
       {},
       {"tier"},
       "Universal, Targeted or Specialist"},
      {"neither named", T::framework_call_off, "pv-1", "", std::nullopt, {}, {"framework_id", "tier"}, ""},
      {"no such framework", T::framework_call_off, "pv-1", "fw-9", 1, {}, {"framework_id"}, "fw-9"},
      {"no such tier", T::framework_call_off, "pv-1", "fw-1", 3, {}, {"tier"}, "Universal, Targeted or Specialist"},
      {"69: not on the framework", T::framework_call_off, "pv-3", "fw-1", 1, {}, {"provider_id"}, "Bright Horizons"},
      {"72: approved at another tier only",
       T::framework_call_off,
       "pv-2",
       "fw-1",
       1,
       {},
       {"provider_id"},
       "Bright Horizons"},
      {"72: a higher tier does not stand for a lower one",
       T::framework_call_off,
       "pv-2",
       "fw-1",
       0,
       {},
       {"provider_id"},
       "no provider is approved at that tier yet"},
      {"71: suspended on the start date",
       T::framework_call_off,
       "pv-1",
       "fw-1",
       1,
       {before_start},
       {"provider_id"},
       "Safeguarding"},
      {"71: lifted before the start", T::framework_call_off, "pv-1", "fw-1", 1, {lifted_by_start}, {}, ""},
      {"71: suspended from another framework only", T::framework_call_off, "pv-1", "fw-1", 1, {from_other}, {}, ""},
      {"a spot purchase may name none", T::spot_purchase, "pv-3", "", std::nullopt, {}, {}, ""},
      {"a spot purchase naming one is checked",
       T::spot_purchase,
       "pv-3",
       "fw-1",
       1,
       {},
       {"provider_id"},
       "Bright Horizons"},
      {"a spot purchase naming a tier only", T::spot_purchase, "pv-1", "", 1, {}, {"framework_id"}, ""},
      {"a spot purchase at an approved tier", T::spot_purchase, "pv-1", "fw-1", 1, {}, {}, ""},
      {"a block contract names none", T::block, "pv-3", "", std::nullopt, {}, {}, ""},
      {"a block contract is not called off", T::block, "pv-1", "fw-1", 1, {}, {"framework_id"}, "call-off"},
      {"nor is a grant", T::grant, "pv-1", "", 0, {}, {"framework_id"}, "call-off"},
  };
  for (const auto& c : cases) {
    const auto errors = check_framework_pick({c.type, c.provider, c.framework, c.tier, start}, area, c.held, names);
    std::vector<std::string> fields;
    for (const auto& e : errors) fields.push_back(e.field);
    EXPECT_EQ(fields, c.fields) << c.name;
    if (!errors.empty() && !c.says.empty()) {
      EXPECT_NE(errors.front().message.find(c.says), std::string::npos) << c.name << ": " << errors.front().message;
    }
  }
  // A contract is picked from a framework within its term (Procurement Act
  // 2023, section 47: a framework ends; what is picked from it after that is
  // a new procurement).
  const std::pair<Date, bool> starts[] = {
      {kStarts, true}, {kEnds, true}, {kStarts - std::chrono::days(1), false}, {kEnds + std::chrono::days(1), false}};
  for (const auto& [on, allowed] : starts) {
    for (const auto type : {T::framework_call_off, T::spot_purchase}) {
      const auto errors = check_framework_pick({type, "pv-1", "fw-1", 1, on}, area, {}, names);
      EXPECT_EQ(errors.empty(), allowed) << format_date(on);
      if (allowed) continue;
      ASSERT_FALSE(errors.empty());
      EXPECT_EQ(errors.front().field, "start_on");
      EXPECT_NE(errors.front().message.find("from 1 April 2024 to 31 March 2028"), std::string::npos)
          << errors.front().message;
    }
  }
  EXPECT_NE(check_framework_pick({T::framework_call_off, "pv-1", "", 1, start}, {}, {}, names)
                .front()
                .message.find("no frameworks yet"),
            std::string::npos);
}

}  // namespace
}  // namespace tandem
