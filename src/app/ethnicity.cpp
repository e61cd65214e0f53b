#include "app/ethnicity.h"

namespace tandem::app {

const std::vector<sen2::Code>& ethnicity_codes() {
  static const std::vector<sen2::Code> empty;
  const auto years = sen2::schema_years();
  if (years.empty()) return empty;
  return sen2::schema_for(years.back())->code_list("ethnicity_extended");
}

bool ethnicity_allowed(std::string_view code) {
  for (const auto& c : ethnicity_codes())
    if (c.code == code) return true;
  return false;
}

std::string ethnicity_label(std::string_view code) {
  if (code.empty()) return "Not recorded";
  for (const auto& c : ethnicity_codes())
    if (c.code == code) return c.label + " (" + c.code + ")";
  return std::string(code);
}

}  // namespace tandem::app
