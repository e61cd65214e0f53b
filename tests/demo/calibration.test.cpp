#include "demo/calibration.h"

#include <algorithm>
#include <numeric>

#include <gtest/gtest.h>

namespace tandem::demo {
namespace {

// The expected figures below were read by hand from the files in data/dfe/,
// each cited by file and row.

Calibration must(std::string_view code) {
  auto c = calibration_for(code);
  if (!c) ADD_FAILURE() << code << ": " << c.error().first_message();
  return c ? *c : Calibration{};
}

const NeedShare& need(const Calibration& c, std::string_view code) {
  const auto it = std::find_if(c.needs.begin(), c.needs.end(), [&](const NeedShare& n) { return n.code == code; });
  EXPECT_NE(it, c.needs.end()) << code;
  return *it;
}

bool fell_back(const Calibration& c, std::string_view what) {
  return std::find(c.england_fallbacks.begin(), c.england_fallbacks.end(), what) != c.england_fallbacks.end();
}

TEST(Calibration, Halton) {
  const auto c = must("876");
  EXPECT_EQ(c.la_name, "Halton");
  EXPECT_EQ(c.la_gss_code, "E06000006");
  EXPECT_EQ(c.caseload_period, "202324");
  // caseload.csv, 202324, Halton, All EHC plans: ehcplans 1524, special_total 567 (37.2%).
  EXPECT_EQ(c.total_plans, 1524);
  EXPECT_DOUBLE_EQ(c.placement_counts[setting_index(SettingType::special)], 567);
  EXPECT_NEAR(c.share_of(SettingType::special), 0.372, 0.0005);
  // primary_need_shares_jan2025.csv, 202425, Halton: asd_pc 32.7, unknown_pc 0.
  EXPECT_DOUBLE_EQ(need(c, "ASD").published_pc, 32.7);
  EXPECT_DOUBLE_EQ(c.need_not_recorded_pc, 0);
  // requests.csv 2023 Halton 409; newplans.csv 2023 270; timeliness_20_week.csv 2023 PC_..._ex 26.3.
  EXPECT_EQ(c.flow_year, "2023");
  EXPECT_EQ(c.requests, 409);
  EXPECT_EQ(c.new_plans, 270);
  EXPECT_EQ(c.within_20_weeks_pc, 26.3);
  EXPECT_TRUE(c.england_fallbacks.empty());
}

TEST(Calibration, Blackpool) {
  const auto c = must("890");
  EXPECT_EQ(c.la_name, "Blackpool");
  // caseload.csv, 202324, Blackpool, All EHC plans: ehcplans 1462, special_total 624 (42.7%).
  EXPECT_EQ(c.total_plans, 1462);
  EXPECT_NEAR(c.share_of(SettingType::special), 624.0 / 1462.0, 1e-12);
  // requests.csv, 2023, Blackpool: requests_received_in_year 359.
  EXPECT_EQ(c.requests, 359);
}

TEST(Calibration, Haringey) {
  const auto c = must("309");
  EXPECT_EQ(c.la_name, "Haringey");
  // caseload.csv, 202324, Haringey, All EHC plans: ehcplans 2833.
  EXPECT_EQ(c.total_plans, 2833);
  // sen2_age_caseload_2010_2022.csv, 2022, Haringey: Age 20 to 25 Total_ehc 359 of Total 2567.
  EXPECT_EQ(c.age_period, "2022");
  EXPECT_DOUBLE_EQ(c.age_band_counts[static_cast<std::size_t>(AgeBand::age_20_to_25)], 359);
  EXPECT_NEAR(c.age_band_shares[static_cast<std::size_t>(AgeBand::age_20_to_25)], 359.0 / 2567.0, 1e-12);
  // timeliness_20_week.csv, 2023, Haringey: PC_plans_issued_20_weeks_ex 97.7.
  EXPECT_EQ(c.within_20_weeks_pc, 97.7);
}

TEST(Calibration, Stockport) {
  const auto c = must("356");
  EXPECT_EQ(c.la_name, "Stockport");
  // caseload.csv, 202324, Stockport, All EHC plans: ehcplans 3115, mainstream_total 1402
  // (ordinary classes plus SEN units and resourced provision).
  EXPECT_EQ(c.total_plans, 3115);
  EXPECT_DOUBLE_EQ(c.placement_counts[setting_index(SettingType::mainstream)] +
                       c.placement_counts[setting_index(SettingType::mainstream_unit)],
                   1402);
  // primary_need_shares_jan2025.csv, 202425, Stockport: asd_pc 25.8 with 4.9% not recorded;
  // the twelve recorded needs add up to 95.2, so ASD is 25.8 / 95.2 of plans with a need.
  EXPECT_DOUBLE_EQ(need(c, "ASD").published_pc, 25.8);
  EXPECT_DOUBLE_EQ(c.need_not_recorded_pc, 4.9);
  EXPECT_NEAR(need(c, "ASD").share, 25.8 / 95.2, 1e-9);
  // timeliness_20_week.csv, 2023, Stockport: 9.9.
  EXPECT_EQ(c.within_20_weeks_pc, 9.9);
}

TEST(Calibration, Northumberland) {
  const auto c = must("929");
  EXPECT_EQ(c.la_name, "Northumberland");
  EXPECT_EQ(c.region_name, "North East");
  // caseload.csv, 202324, Northumberland: ehcplans 3310; Sex, Female: 932 (Male 2378).
  EXPECT_EQ(c.total_plans, 3310);
  EXPECT_NEAR(c.female_share, 932.0 / 3310.0, 1e-12);
  EXPECT_NEAR(c.male_share, 2378.0 / 3310.0, 1e-12);
  // sen2_age_caseload_2010_2022.csv, 2022, Northumberland: Under 5 111 of 2650.
  EXPECT_NEAR(c.age_band_shares[static_cast<std::size_t>(AgeBand::under_5)], 111.0 / 2650.0, 1e-12);
  // newplans.csv, 2023, Northumberland: new_ehc_plans 592.
  EXPECT_EQ(c.new_plans, 592);
}

TEST(Calibration, SharesAddUpForEverySeedArea) {
  for (const char* code : {"876", "890", "309", "356", "929"}) {
    const auto c = must(code);
    const double placements =
        std::accumulate(c.placement_shares.begin(), c.placement_shares.end(), c.placement_not_recorded_share);
    EXPECT_NEAR(placements, 1.0, 1e-9) << code;
    EXPECT_NEAR(std::accumulate(c.age_band_shares.begin(), c.age_band_shares.end(), 0.0), 1.0, 1e-9) << code;
    double needs = 0;
    for (const auto& n : c.needs) needs += n.share;
    EXPECT_NEAR(needs, 1.0, 1e-9) << code;
    EXPECT_EQ(c.needs.size(), 12u) << code;
    EXPECT_NEAR(c.female_share + c.male_share + c.unknown_sex_share, 1.0, 1e-12) << code;
    // Placement counts add back to the published total.
    const double counted =
        std::accumulate(c.placement_counts.begin(), c.placement_counts.end(), c.placement_not_recorded_count);
    EXPECT_NEAR(counted, c.total_plans, 1e-6) << code;
  }
}

TEST(Calibration, CarriesEnglandForComparisonAndShape) {
  const auto c = must("876");
  // caseload.csv, 202324, England, All EHC plans: ehcplans 576474.
  EXPECT_DOUBLE_EQ(c.england.total_plans, 576474);
  // requests.csv, 2023, England: requests_received_in_year 138242 (domain.md section 8).
  EXPECT_EQ(c.england.requests, 138242);
  // caseload.csv, 202324, England, Child or young persons age, age 17: fe_total 16189.
  EXPECT_DOUBLE_EQ(c.england_by_age[17].by_setting[setting_index(SettingType::further_education)], 16189);
  // requests.csv, 2023, England, Aged 3: 18268.
  EXPECT_DOUBLE_EQ(c.england_request_ages[3], 18268);
}

TEST(Calibration, FallsBackToEnglandWhereTheAreaIsSuppressed) {
  // caseload.csv, 202324, Hackney sent a total (3525) but no placements or sex
  // split (x); timeliness_20_week.csv, 2023, Hackney is x throughout.
  const auto c = must("204");
  EXPECT_EQ(c.total_plans, 3525);
  EXPECT_TRUE(fell_back(c, "placement.special"));
  EXPECT_TRUE(fell_back(c, "sex"));
  EXPECT_TRUE(fell_back(c, "within_20_weeks"));
  EXPECT_FALSE(c.within_20_weeks_pc);
  EXPECT_TRUE(c.england.within_20_weeks_pc);
  EXPECT_NEAR(std::accumulate(c.placement_shares.begin(), c.placement_shares.end(), c.placement_not_recorded_share),
              1.0, 1e-9);
  EXPECT_GT(c.share_of(SettingType::special), 0.2);

  // Cumberland (942) began in April 2023, after the last year published by age band.
  const auto cumberland = must("942");
  EXPECT_TRUE(fell_back(cumberland, "age_bands"));
  EXPECT_NEAR(std::accumulate(cumberland.age_band_shares.begin(), cumberland.age_band_shares.end(), 0.0), 1.0, 1e-9);
}

TEST(Calibration, AnUnknownCodeNamesTheFieldAndGivesExamples) {
  for (const char* code : {"123", "87", "abc", "", "8766"}) {
    const auto c = calibration_for(code);
    ASSERT_FALSE(c) << code;
    EXPECT_EQ(c.error().first_field(), "la_code");
    EXPECT_NE(c.error().first_message().find("876 (Halton)"), std::string::npos) << c.error().first_message();
  }
}

TEST(Calibration, ListsEveryAuthority) {
  const auto all = known_local_authorities();
  EXPECT_EQ(all.size(), 153u);  // domain.md section 8: 153 from 2023/24
  EXPECT_TRUE(
      std::any_of(all.begin(), all.end(), [](const auto& la) { return la.code == "876" && la.name == "Halton"; }));
  for (const auto& la : all) EXPECT_TRUE(calibration_for(la.code)) << la.code << " " << la.name;
}

TEST(AgeBands, CoverZeroToTwentyFive) {
  for (int age = 0; age <= 25; ++age) {
    const auto b = age_band_of(age);
    ASSERT_TRUE(b) << age;
    EXPECT_GE(age, min_age(*b));
    EXPECT_LE(age, max_age(*b));
  }
  EXPECT_FALSE(age_band_of(26));
  EXPECT_FALSE(age_band_of(-1));
}

}  // namespace
}  // namespace tandem::demo
