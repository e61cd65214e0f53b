#include "app/warning_margins.h"

#include <map>
#include <string>

#include "profile/area_profiles.h"

namespace tandem::app {

const WarningMargins& warning_margins(std::string_view area_id) {
  static const auto by_area = [] {
    std::map<std::string, WarningMargins, std::less<>> out;
    for (const auto& area : shipped_area_profiles()) out.emplace(area.id, area.warnings);
    return out;
  }();
  static const WarningMargins defaults;
  const auto it = by_area.find(area_id);
  return it == by_area.end() ? defaults : it->second;
}

}  // namespace tandem::app
