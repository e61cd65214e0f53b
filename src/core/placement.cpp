#include "core/placement.h"

#include <array>

namespace tandem {

namespace {
struct Info {
  SettingType type;
  std::string_view id;
  std::string_view label;
};
constexpr std::array<Info, 9> kTypes{{
    {SettingType::mainstream, "mainstream", "Mainstream school"},
    {SettingType::mainstream_unit, "mainstream_unit", "SEN unit or resourced provision"},
    {SettingType::special, "special", "Special school"},
    {SettingType::ap_pru, "ap_pru", "Alternative provision or PRU"},
    {SettingType::further_education, "further_education", "Further education or post-16"},
    {SettingType::early_years, "early_years", "Early years setting"},
    {SettingType::educated_elsewhere, "educated_elsewhere", "Educated elsewhere"},
    {SettingType::neet, "neet", "Not in education, employment or training"},
    {SettingType::other, "other", "Other"},
}};
}  // namespace

std::string_view to_string(SettingType t) {
  for (const auto& i : kTypes) {
    if (i.type == t) return i.id;
  }
  return "other";
}
std::string_view setting_type_label(SettingType t) {
  for (const auto& i : kTypes) {
    if (i.type == t) return i.label;
  }
  return "Other";
}
std::optional<SettingType> parse_setting_type(std::string_view s) {
  for (const auto& i : kTypes) {
    if (i.id == s) return i.type;
  }
  return std::nullopt;
}
std::span<const SettingType> all_setting_types() {
  static const std::array<SettingType, 9> all = [] {
    std::array<SettingType, 9> a{};
    for (std::size_t i = 0; i < kTypes.size(); ++i) a[i] = kTypes[i].type;
    return a;
  }();
  return all;
}

}  // namespace tandem
