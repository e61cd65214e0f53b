#include "app/form_values.h"

namespace tandem::app {

Result<std::int64_t> parse_version(const std::string& text, std::string_view what) {
  try {
    std::size_t used = 0;
    const auto v = std::stoll(text, &used);
    if (used == text.size() && v > 0) return v;
  } catch (const std::exception&) {
  }
  return fail("version", "The form lost track of which version of " + std::string(what) + " it changes: open it again");
}

std::optional<Date> optional_date(const std::string& field, const std::string& text, std::vector<FieldError>& errors) {
  if (text.find_first_not_of(" \t") == std::string::npos) return std::nullopt;
  auto d = parse_date(field, text);
  if (!d) {
    errors.push_back(d.error().fields.front());
    return std::nullopt;
  }
  return *d;
}

std::optional<Pence> optional_pounds(const std::string& field, const std::string& text,
                                     std::vector<FieldError>& errors) {
  if (text.find_first_not_of(" \t") == std::string::npos) return std::nullopt;
  auto p = parse_pounds(field, text);
  if (!p) {
    errors.push_back(p.error().fields.front());
    return std::nullopt;
  }
  return *p;
}

std::string trimmed(const FormFields& f, std::string_view key) {
  const auto it = f.find(key);
  if (it == f.end()) return "";
  const std::string& s = it->second;
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace tandem::app
