// Gaps in the Local Offer: demand from the caseload (children with EHC plans
// by primary need and age band, and the provision lines their plans hold)
// against supply (services in the offer for that need and age).
//
// Supply is counted as services per 100 children with plans; a need and age
// band whose ratio falls below the area's threshold is a gap. The threshold is
// the area's choice (its profile's [sufficiency] table), never a constant here.
//
//   auto rows = find_gaps(demand, supply, 5.0);  // gaps first, thinnest first
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

// The DfE SEN2 age bands: under 5, 5 to 10, 11 to 15, 16 to 19, 20 to 25.
struct AgeBand {
  int from = 0;
  int to = 0;
  std::string_view id;     // "5-10"
  std::string_view label;  // "5 to 10"
};
std::span<const AgeBand> age_bands();
// The band an age falls in; none outside 0 to 25.
std::optional<std::size_t> band_of(int age);

// Demand in one need and band: children with plans, and the provision lines
// their plans hold.
struct Demand {
  std::string need_code;
  std::size_t band = 0;  // index into age_bands()
  int children = 0;
  int provision_lines = 0;
};

// A service in the offer as supply: the needs it is for and its ages.
struct Supply {
  std::vector<std::string> need_codes;
  int minimum_age = 0;
  std::optional<int> maximum_age;
};

struct GapRow {
  std::string need_code;
  std::size_t band = 0;
  int children = 0;
  int provision_lines = 0;
  int services = 0;
  double services_per_100 = 0;  // services for every 100 children with plans
  bool gap = false;             // below the threshold
};

// One row per need and band with children; a service counts for a band when
// its ages overlap the band's. Gaps first, then the lowest ratio, then the
// most children.
std::vector<GapRow> find_gaps(std::span<const Demand> demand, std::span<const Supply> supply, double threshold_per_100);

}  // namespace tandem
