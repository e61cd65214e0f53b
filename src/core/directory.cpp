#include "core/directory.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

namespace tandem {

namespace {
constexpr std::array kLevels{ServiceLevel::universal, ServiceLevel::specialist, ServiceLevel::highly_specialist};
constexpr std::array<std::string_view, 4> kStatuses{"active", "inactive", "defunct", "temporarily closed"};
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kDays{{{"MO", "monday"},
                                                                              {"TU", "tuesday"},
                                                                              {"WE", "wednesday"},
                                                                              {"TH", "thursday"},
                                                                              {"FR", "friday"},
                                                                              {"SA", "saturday"},
                                                                              {"SU", "sunday"}}};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool looks_like_url(std::string_view s) { return s.starts_with("https://") || s.starts_with("http://"); }
bool looks_like_email(std::string_view s) {
  const auto at = s.find('@');
  return at != std::string_view::npos && at > 0 && s.find('.', at) != std::string_view::npos &&
         s.find(' ') == std::string_view::npos && s.back() != '.';
}

std::string_view to_string(ServiceLevel level) {
  switch (level) {
    case ServiceLevel::universal: return "universal";
    case ServiceLevel::specialist: return "specialist";
    case ServiceLevel::highly_specialist: return "highly_specialist";
  }
  return "universal";
}

std::string_view service_level_label(ServiceLevel level) {
  switch (level) {
    case ServiceLevel::universal: return "Universal (open to all)";
    case ServiceLevel::specialist: return "Specialist";
    case ServiceLevel::highly_specialist: return "Highly specialist";
  }
  return "Universal (open to all)";
}

std::optional<ServiceLevel> parse_service_level(std::string_view text) {
  for (auto l : kLevels) {
    if (to_string(l) == text) return l;
  }
  return std::nullopt;
}

std::span<const ServiceLevel> all_service_levels() { return kLevels; }

double distance_metres(GeoPoint a, GeoPoint b) {
  constexpr double kEarthRadius = 6371008.8;
  constexpr double kRadians = 3.14159265358979323846 / 180.0 / 1e6;
  const double lat1 = static_cast<double>(a.latitude_e6) * kRadians;
  const double lat2 = static_cast<double>(b.latitude_e6) * kRadians;
  const double dlat = lat2 - lat1;
  const double dlon = static_cast<double>(b.longitude_e6 - a.longitude_e6) * kRadians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1) * std::cos(lat2) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadius * std::asin(std::min(1.0, std::sqrt(h)));
}

bool Service::free() const {
  return std::none_of(costs.begin(), costs.end(), [](const CostOption& c) { return c.amount && c.amount->value > 0; });
}

std::string format_price(const CostOption& c) {
  if (!c.amount) return "ask the service";
  if (c.amount->value == 0) return "free";
  std::string pounds = format_pounds(*c.amount);
  if (c.currency == "GBP") return pounds;
  const std::string symbol = c.currency == "EUR" ? "€" : c.currency == "USD" ? "US$" : c.currency + " ";
  return pounds.replace(pounds.find("£"), std::string_view("£").size(), symbol);
}

Result<void> check_service(const Service& s) {
  std::vector<FieldError> errors;
  if (!is_uuid(s.id))
    errors.push_back({"id", "The service id must be a UUID, like 3f0c2a9e-1b4d-4c8e-9f10-2a3b4c5d6e7f"});
  if (s.name.empty() || s.name.size() > 200)
    errors.push_back({"name", "Enter the service's name (up to 200 characters)"});
  if (s.description.empty()) errors.push_back({"description", "Enter what the service offers"});
  if (!s.url.empty() && !looks_like_url(s.url))
    errors.push_back({"url", "The website must start with https:// or http://"});
  if (!s.email.empty() && !looks_like_email(s.email))
    errors.push_back({"email", "Enter an email address like name@example.org"});
  if (std::find(kStatuses.begin(), kStatuses.end(), s.status) == kStatuses.end())
    errors.push_back({"status", "Status must be active, inactive, defunct or temporarily closed"});
  if (s.minimum_age < 0 || s.minimum_age > 25)
    errors.push_back({"minimum_age", "The youngest age must be a whole number of years from 0 to 25"});
  if (s.maximum_age && (*s.maximum_age < s.minimum_age || *s.maximum_age > 120))
    errors.push_back({"maximum_age", "The oldest age must be a whole number of years, no less than the youngest age"});
  if (s.review_due_on < s.last_checked_on)
    errors.push_back({"review_due_on", "The next review must be on or after the day the service was last checked"});
  for (const auto& sc : s.schedules) {
    const auto opens = parse_time_of_day(sc.opens_at), closes = parse_time_of_day(sc.closes_at);
    if (!opens || !closes || *closes <= *opens) {
      errors.push_back({"schedules", "Opening times must be HH:MM, closing after opening, like 09:00 to 15:30"});
      break;
    }
  }
  if (!errors.empty()) return fail(std::move(errors));
  return {};
}

std::optional<std::string> parse_day_code(std::string_view text) {
  const std::string t = lower(text);
  for (const auto& [code, name] : kDays) {
    if (t == lower(code) || t == name || (t.size() == 3 && name.starts_with(t))) return std::string(code);
  }
  return std::nullopt;
}

std::optional<int> parse_time_of_day(std::string_view text) {
  if (text.size() != 5 && text.size() != 8) return std::nullopt;
  auto two = [&](std::size_t at) -> int {
    if (!std::isdigit(static_cast<unsigned char>(text[at])) || !std::isdigit(static_cast<unsigned char>(text[at + 1])))
      return -1;
    return (text[at] - '0') * 10 + (text[at + 1] - '0');
  };
  const int h = two(0), m = two(3);
  if (text[2] != ':' || h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
  if (text.size() == 8 && (text[5] != ':' || two(6) < 0 || two(6) > 59)) return std::nullopt;
  return h * 60 + m;
}

std::string postcode_district(std::string_view postcode) {
  std::string compact;
  for (char c : postcode) {
    if (c != ' ') compact.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  // A full postcode ends in a three-character inward code (digit, letter, letter).
  const auto n = compact.size();
  if (n >= 5 && std::isdigit(static_cast<unsigned char>(compact[n - 3])) &&
      std::isalpha(static_cast<unsigned char>(compact[n - 2])) &&
      std::isalpha(static_cast<unsigned char>(compact[n - 1])))
    compact.resize(n - 3);
  if (compact.size() < 2 || compact.size() > 4 || !std::isalpha(static_cast<unsigned char>(compact[0]))) return {};
  if (!std::all_of(compact.begin(), compact.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
    return {};
  if (!std::any_of(compact.begin(), compact.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return {};
  return compact;
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

}  // namespace tandem
