#include "app/upn_unknown.h"

namespace tandem::app {

const std::vector<sen2::Code>& upn_unknown_codes() {
  static const std::vector<sen2::Code> empty;
  const auto years = sen2::schema_years();
  if (years.empty()) return empty;
  return sen2::schema_for(years.back())->code_list("upn_unknown");
}

bool upn_unknown_allowed(std::string_view code) {
  for (const auto& c : upn_unknown_codes())
    if (c.code == code) return true;
  return false;
}

std::string upn_unknown_label(std::string_view code) {
  if (code.empty()) return "Not recorded";
  for (const auto& c : upn_unknown_codes())
    if (c.code == code) return c.label == c.code ? c.code : c.label + " (" + c.code + ")";
  return std::string(code);
}

}  // namespace tandem::app
