// The area's responsibility matrix ([[responsibility]] in an area profile):
// what the shipped profiles say, each from its seed, and every problem the
// reader refuses, each naming the file, line and key.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "profile/area_profiles.h"
#include "sample_profile.h"

namespace tandem {
namespace {

using testing::sample_profile;

const ResponsibilityRule* find(const AreaProfile& area, std::string_view category, Section section) {
  for (const auto& r : area.responsibility.rules) {
    if (r.category == category && r.section == section) return &r;
  }
  return nullptr;
}

// ---- Shipped profiles ------------------------------------------------------------

TEST(ShippedResponsibility, StockportFundsContinuingCareHalfEach) {
  // Stockport seed, forums table: Continuing Care Panel, "jointly funded 50 / 50".
  const auto area = shipped_area_profile("stockport");
  ASSERT_TRUE(area);
  const auto* rule = find(*area, "continuing_care", Section::G);
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->securing, Agency::icb);
  EXPECT_EQ(rule->paying, (std::vector<FundingShare>{{Agency::council_social_care, 5'000}, {Agency::icb, 5'000}}));
  EXPECT_NE(rule->basis.find("Continuing Care Panel"), std::string::npos);
  // Nothing else: the seed gives no other split.
  EXPECT_EQ(area->responsibility.rules.size(), 1u);
}

TEST(ShippedResponsibility, BlackpoolPutsTherapiesUnderBothHealthAndEducation) {
  // Blackpool seed 9.7: speech and language therapy and physiotherapy sit in
  // both the health and the education column; s21(5) decides per child.
  const auto area = shipped_area_profile("blackpool");
  ASSERT_TRUE(area);
  for (std::string_view therapy : {"speech_and_language_therapy", "physiotherapy"}) {
    const auto* education = find(*area, therapy, Section::F);
    const auto* health = find(*area, therapy, Section::G);
    ASSERT_NE(education, nullptr) << therapy;
    ASSERT_NE(health, nullptr) << therapy;
    EXPECT_EQ(education->paying, (std::vector<FundingShare>{{Agency::council_education, 10'000}}));
    EXPECT_EQ(health->paying, (std::vector<FundingShare>{{Agency::icb, 10'000}}));
  }
  // Occupational therapy only under health (seed 9.7).
  EXPECT_EQ(find(*area, "occupational_therapy", Section::F), nullptr);
  EXPECT_NE(find(*area, "occupational_therapy", Section::G), nullptr);
  // No continuing care split in the seed: none invented.
  for (Section s : all_sections()) EXPECT_EQ(find(*area, "continuing_care", s), nullptr);
}

TEST(ShippedResponsibility, SeedsThatAgreeNoSplitHaveNoRules) {
  // Halton, Haringey and Northumberland seeds agree no table or split.
  for (const char* id : {"halton", "haringey", "northumberland"}) {
    const auto area = shipped_area_profile(id);
    ASSERT_TRUE(area) << id;
    EXPECT_TRUE(area->responsibility.rules.empty()) << id;
  }
}

TEST(ShippedResponsibility, DemoSplitsResidentialPlacementsInThirds) {
  const auto area = shipped_area_profile("demo");
  ASSERT_TRUE(area);
  const auto* rule = find(*area, "residential_care_placement", Section::H2);
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->paying,
            (std::vector<FundingShare>{
                {Agency::council_social_care, 3'334}, {Agency::council_education, 3'333}, {Agency::icb, 3'333}}));
  EXPECT_NE(find(*area, "s117_aftercare", Section::G), nullptr);
}

TEST(ShippedResponsibility, EveryRuleObeysTheLaw) {
  // CFA s42(2)-(4), s37(2)(e)-(f): who may secure each section; shares whole.
  for (const auto& area : shipped_area_profiles()) {
    for (const auto& r : area.responsibility.rules) {
      EXPECT_TRUE(may_secure(r.section, r.securing)) << area.id << " " << r.category;
      EXPECT_TRUE(validate_shares(r.paying)) << area.id << " " << r.category;
      EXPECT_TRUE(find_provision_category(r.category)) << area.id << " " << r.category;
      EXPECT_FALSE(r.basis.empty()) << area.id << " " << r.category;
    }
  }
}

// ---- Reading -----------------------------------------------------------------------

// The sample profile (35 lines) with a [[responsibility]] table from line 37.
std::string with(const std::vector<std::string>& lines) {
  std::string out = sample_profile() + "\n";
  for (const auto& l : lines) out += l + "\n";
  return out;
}

std::vector<std::string> row(std::string category = "continuing_care", std::string section = "G",
                             std::string securing = "icb",
                             std::string paying = R"(  { agency = "council_social_care", share_percent = 50 },)",
                             std::string paying2 = R"(  { agency = "icb", share_percent = 50 },)") {
  return {
      "[[responsibility]]",                              // 37
      "category = \"" + category + "\"",                 // 38
      "section = \"" + section + "\"",                   // 39
      "securing = \"" + securing + "\"",                 // 40
      "paying = [",                                      // 41
      paying,                                            // 42
      paying2,                                           // 43
      "]",                                               // 44
      R"(basis = "Test Continuing Care Panel, 50/50")",  // 45
  };
}

TEST(ParseResponsibility, ReadsARow) {
  const auto area = parse_area_profile(with(row()), "test.toml");
  ASSERT_TRUE(area) << area.error().first_message();
  ASSERT_EQ(area->responsibility.rules.size(), 1u);
  const auto& r = area->responsibility.rules[0];
  EXPECT_EQ(r.category, "continuing_care");
  EXPECT_EQ(r.section, Section::G);
  EXPECT_EQ(r.securing, Agency::icb);
  EXPECT_EQ(r.paying, (std::vector<FundingShare>{{Agency::council_social_care, 5'000}, {Agency::icb, 5'000}}));
  EXPECT_EQ(r.basis, "Test Continuing Care Panel, 50/50");
}

TEST(ParseResponsibility, ReadsPercentagesWithTwoDecimalPlaces) {
  const auto area = parse_area_profile(
      with(row(
          "residential_care_placement", "H2", "council_social_care",
          R"(  { agency = "council_social_care", share_percent = 33.34 }, { agency = "icb", share_percent = 33.33 },)",
          R"(  { agency = "council_education", share_percent = 33.33 },)")),
      "test.toml");
  ASSERT_TRUE(area) << area.error().first_message();
  EXPECT_EQ(area->responsibility.rules[0].paying,
            (std::vector<FundingShare>{
                {Agency::council_social_care, 3'334}, {Agency::icb, 3'333}, {Agency::council_education, 3'333}}));
}

TEST(ParseResponsibility, IsOptional) {
  const auto area = parse_area_profile(sample_profile(), "test.toml");
  ASSERT_TRUE(area);
  EXPECT_TRUE(area->responsibility.rules.empty());
}

struct Bad {
  std::vector<std::string> lines;
  const char* field;
  std::string message;
};

TEST(ParseResponsibility, EveryProblemNamesFileLineAndKey) {
  const std::string categories = [] {
    std::string out;
    for (const auto& c : provision_categories()) out += (out.empty() ? "" : ", ") + std::string(c.id);
    return out;
  }();
  const Bad cases[] = {
      {row("speech_therapy"), "responsibility[0].category",
       "test.toml line 38: responsibility[0].category = \"speech_therapy\" is not a provision category Tandem "
       "knows; allowed: " +
           categories},
      {row("continuing_care", "H3"), "responsibility[0].section",
       "test.toml line 39: responsibility[0].section = \"H3\" is not a section of a plan that holds provision; "
       "allowed: F, G, H1, H2"},
      // CFA s42(2): section F is the council's duty, never the ICB's.
      {row("speech_and_language_therapy", "F", "icb"), "responsibility[0].securing",
       "test.toml line 40: responsibility[0].securing = \"icb\" cannot secure provision in section F (Children and "
       "Families Act 2014 s42, s37(2)); allowed: council_education"},
      // CFA s42(3)-(4): section G is the ICB's, or NHS England's.
      {row("continuing_care", "G", "council_social_care"), "responsibility[0].securing",
       "test.toml line 40: responsibility[0].securing = \"council_social_care\" cannot secure provision in section "
       "G (Children and Families Act 2014 s42, s37(2)); allowed: icb, nhs_england"},
      {row("continuing_care", "G", "police"), "responsibility[0].securing",
       "test.toml line 40: responsibility[0].securing = \"police\" is not an agency; allowed: council_education, "
       "council_social_care, icb, nhs_england, school, provider"},
      // Shares must make the whole.
      {row("continuing_care", "G", "icb", R"(  { agency = "council_social_care", share_percent = 40 },)"),
       "responsibility[0].paying",
       "test.toml line 42: responsibility[0].paying shares sum to 90%; they must sum to exactly 100%"},
      {row("continuing_care", "G", "icb", R"(  { agency = "council_social_care", share_percent = "50%" },)"),
       "responsibility[0].paying[0].share_percent",
       "test.toml line 42: responsibility[0].paying[0].share_percent must be a percentage from 0 to 100 without "
       "quotes or % sign, with at most two decimal places, like share_percent = 50; found text \"50%\""},
      {row("continuing_care", "G", "icb", R"(  { agency = "council_social_care", share_percent = 49.995 },)",
           R"(  { agency = "icb", share_percent = 50.005 },)"),
       "responsibility[0].paying[0].share_percent",
       "test.toml line 42: responsibility[0].paying[0].share_percent must be a percentage from 0 to 100 without "
       "quotes or % sign, with at most two decimal places, like share_percent = 50; found a number outside 0 to "
       "100, or with more than two decimal places"},
      {row("continuing_care", "G", "icb", R"(  { agency = "council_social_care" },)"),
       "responsibility[0].paying[0].share_percent",
       "test.toml line 42: responsibility[0].paying[0].share_percent is missing; add a line like share_percent = 50"},
      {row("continuing_care", "G", "icb", R"(  { agency = "council_social_care", share_percent = 50, note = "x" },)"),
       "responsibility[0].paying[0].note",
       "test.toml line 42: responsibility[0].paying[0].note is not a known key; allowed in "
       "responsibility[0].paying[0]: agency, share_percent"},
      {row("continuing_care", "G", "icb", R"(  { agency = "icb", share_percent = 50 },)"),
       "responsibility[0].paying[1].agency",
       "test.toml line 43: responsibility[0].paying[1].agency = \"icb\" is listed twice; give each agency once"},
      {row("continuing_care", "G", "icb", R"(  { agency = "nhs", share_percent = 50 },)"),
       "responsibility[0].paying[0].agency",
       "test.toml line 42: responsibility[0].paying[0].agency = \"nhs\" is not an agency; allowed: "
       "council_education, council_social_care, icb, nhs_england, school, provider"},
      // Strict keys in the row itself.
      {[] {
         auto r = row();
         r.push_back("level = \"specialist\"");  // 46
         return r;
       }(),
       "responsibility[0].level",
       "test.toml line 46: responsibility[0].level is not a known key; allowed in responsibility[0]: category, "
       "section, securing, paying, basis"},
      {[] {
         auto r = row();
         r.pop_back();  // no basis
         return r;
       }(),
       "responsibility[0].basis",
       "test.toml line 37: responsibility[0].basis is missing; add a line like basis = \"seed 003, forums table: "
       "Continuing Care Panel\""},
      // One rule per category and section.
      {[] {
         auto r = row();
         const auto again = row();
         r.insert(r.end(), again.begin(), again.end());  // second row from line 46
         return r;
       }(),
       "responsibility[1].category",
       "test.toml line 47: responsibility[1].category = \"continuing_care\" already has a rule for section G; give "
       "each category one rule per section"},
  };
  for (const auto& c : cases) {
    const auto area = parse_area_profile(with(c.lines), "test.toml");
    ASSERT_FALSE(area) << c.field;
    bool found = false;
    std::string all;
    for (const auto& e : area.error().fields) {
      if (e.field == c.field && e.message == c.message) found = true;
      all += "\n  " + e.field + ": " + e.message;
    }
    EXPECT_TRUE(found) << "wanted " << c.field << ": " << c.message << "\ngot:" << all;
  }
}

}  // namespace
}  // namespace tandem
