// The published DfE figures a demo area is built to match, for one local
// authority: how many EHC plans it maintains and their mix by placement, primary
// need, age and sex, plus its yearly flow of requests, new plans and 20-week
// timeliness.
//
// A demo that looks like a real area makes the product's views (caseload by
// setting, needs analysis, forecasts) show the shapes a council recognises. The
// figures come from DfE's "Education, health and care plans" statistics,
// embedded in the binary from data/dfe/ (see its README for the files and the
// Open Government Licence). Where the authority's own cell is unavailable or
// suppressed (x, z, c) the England figure stands in, and `england_fallbacks`
// says which.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/placement.h"
#include "core/result.h"

namespace tandem::demo {

// Age bands as DfE publishes plans by age (sen2_age_caseload `characteristic_age`).
enum class AgeBand { under_5, age_5_to_10, age_11_to_15, age_16_to_19, age_20_to_25 };
inline constexpr std::size_t kAgeBands = 5;
std::span<const AgeBand> all_age_bands();
std::string_view to_string(AgeBand b);  // the CSV label, e.g. "Age 5 to 10"
int min_age(AgeBand b);
int max_age(AgeBand b);
std::optional<AgeBand> age_band_of(int age);  // nullopt outside 0-25

// Setting groups are tandem::SettingType; arrays below are indexed by
// setting_index(), in the order of all_setting_types().
inline constexpr std::size_t kSettingTypes = 9;
std::size_t setting_index(SettingType t);

inline constexpr int kMaxAge = 25;  // Tandem serves ages 0 to 25
inline constexpr std::size_t kAges = kMaxAge + 1;

struct NeedShare {
  std::string code;         // DfE primary-need code (core/need.h), e.g. "ASD"
  double published_pc = 0;  // the published percentage of all plans
  double share = 0;         // share of plans whose need is recorded; sums to 1
};

// England's EHC plans at one single year of age, by setting group.
struct AgeSettingCounts {
  std::array<double, kSettingTypes> by_setting{};
  double not_recorded = 0;
};

// England's figures for the measures an area can lack.
struct EnglandFigures {
  double total_plans = 0;
  std::optional<double> requests;
  std::optional<double> new_plans;
  std::optional<double> within_20_weeks_pc;
};

struct Calibration {
  std::string la_code;      // old (3-digit) DfE code, e.g. "876"
  std::string la_gss_code;  // e.g. "E06000006"
  std::string la_name;      // e.g. "Halton"
  std::string region_name;  // e.g. "North West"

  // EHC plans at the January census (caseload.csv, "All EHC plans"):
  // `caseload_period` "202324" is January 2024.
  std::string caseload_period;
  int total_plans = 0;
  std::array<double, kSettingTypes> placement_counts{};  // plans per group (England-based where suppressed)
  std::array<double, kSettingTypes> placement_shares{};
  double placement_not_recorded_count = 0;
  double placement_not_recorded_share = 0;  // with placement_shares, sums to 1
  double female_share = 0;                  // caseload.csv, "Sex"
  double male_share = 0;
  double unknown_sex_share = 0;

  // Primary need of all plans, January 2025 (primary_need_shares_jan2025.csv).
  // Every EHC plan must record a primary need, so plans published as "not
  // recorded" are spread over the known needs in proportion.
  std::string needs_period;  // "202425"
  std::vector<NeedShare> needs;
  double need_not_recorded_pc = 0;

  // Plans by age band in January of `age_period` (sen2_age_caseload_2010_2022.csv,
  // `Total_ehc`): the most recent year DfE published by band.
  std::string age_period;  // "2022"
  std::array<double, kAgeBands> age_band_counts{};
  std::array<double, kAgeBands> age_band_shares{};

  // The flow in the latest calendar year (requests.csv, newplans.csv,
  // timeliness_20_week.csv); nullopt where the area's cell is suppressed.
  std::string flow_year;                     // "2023"
  std::optional<int> requests;               // requests_received_in_year
  std::optional<int> new_plans;              // new_ehc_plans
  std::optional<double> within_20_weeks_pc;  // PC_plans_issued_20_weeks_ex (excluding exceptions)

  EnglandFigures england;
  // England's plans by single year of age and setting (caseload.csv, "Child or
  // young persons age", caseload_period): gives the demo its age-by-setting
  // shape, e.g. most 17-year-olds in colleges, while the area's own shares set
  // the totals.
  std::array<AgeSettingCounts, kAges> england_by_age{};
  // England's requests for an EHC needs assessment by age at request
  // (requests.csv, "Child or young persons age", flow_year): the ages of the
  // demo's children in assessment.
  std::array<double, kAges> england_request_ages{};

  // Which figures came from England because the area's were missing, e.g.
  // "placement.special", "sex", "age_bands", "need.ASD", "requests".
  std::vector<std::string> england_fallbacks;

  double share_of(SettingType t) const { return placement_shares[setting_index(t)]; }
};

// The area's calibration. `la_code` is the 3-digit DfE code (old_la_code), e.g.
// "876" for Halton; an unknown code is an error on field "la_code".
Result<Calibration> calibration_for(std::string_view la_code);

struct LocalAuthority {
  std::string code;  // 3-digit DfE code
  std::string gss_code;
  std::string name;
  std::string region_name;
};
// Every authority in the latest caseload figures, by name: for choosing an area.
std::vector<LocalAuthority> known_local_authorities();

}  // namespace tandem::demo
