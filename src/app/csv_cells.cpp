#include "app/csv_cells.h"

#include <cstdint>

namespace tandem::app {

std::string csv_cell(const std::string& text) {
  std::string t = text;
  if (!t.empty() && (t[0] == '=' || t[0] == '+' || t[0] == '-' || t[0] == '@')) t = "'" + t;
  if (t.find_first_of(",\"\n\r") == std::string::npos) return t;
  std::string out = "\"";
  for (char c : t) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_pounds(Pence p) {
  const std::int64_t v = p.value < 0 ? -p.value : p.value;
  const std::int64_t pence = v % 100;
  return std::string(p.value < 0 ? "-" : "") + std::to_string(v / 100) + "." + (pence < 10 ? "0" : "") +
         std::to_string(pence);
}

}  // namespace tandem::app
