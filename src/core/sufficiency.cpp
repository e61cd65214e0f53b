#include "core/sufficiency.h"

#include <algorithm>
#include <array>
#include <map>

namespace tandem {

namespace {
constexpr std::array<AgeBand, 5> kBands{{
    {0, 4, "0-4", "Under 5"},
    {5, 10, "5-10", "5 to 10"},
    {11, 15, "11-15", "11 to 15"},
    {16, 19, "16-19", "16 to 19"},
    {20, 25, "20-25", "20 to 25"},
}};
}  // namespace

std::span<const AgeBand> age_bands() { return kBands; }

std::optional<std::size_t> band_of(int age) {
  for (std::size_t i = 0; i < kBands.size(); ++i) {
    if (age >= kBands[i].from && age <= kBands[i].to) return i;
  }
  return std::nullopt;
}

std::vector<GapRow> find_gaps(std::span<const Demand> demand, std::span<const Supply> supply,
                              double threshold_per_100) {
  std::map<std::pair<std::string, std::size_t>, GapRow> cells;
  for (const auto& d : demand) {
    if (d.band >= kBands.size()) continue;
    auto& row = cells[{d.need_code, d.band}];
    row.need_code = d.need_code;
    row.band = d.band;
    row.children += d.children;
    row.provision_lines += d.provision_lines;
  }
  std::vector<GapRow> out;
  for (auto& [key, row] : cells) {
    if (row.children <= 0) continue;
    const auto& band = kBands[row.band];
    for (const auto& s : supply) {
      const bool for_need = std::find(s.need_codes.begin(), s.need_codes.end(), row.need_code) != s.need_codes.end();
      const bool overlaps = s.minimum_age <= band.to && (!s.maximum_age || *s.maximum_age >= band.from);
      if (for_need && overlaps) ++row.services;
    }
    row.services_per_100 = 100.0 * row.services / row.children;
    row.gap = row.services_per_100 < threshold_per_100;
    out.push_back(row);
  }
  std::stable_sort(out.begin(), out.end(), [](const GapRow& a, const GapRow& b) {
    if (a.gap != b.gap) return a.gap;
    if (a.services_per_100 != b.services_per_100) return a.services_per_100 < b.services_per_100;
    return a.children > b.children;
  });
  return out;
}

}  // namespace tandem
