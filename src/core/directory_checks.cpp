#include "core/directory_checks.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace tandem {

namespace {

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), digit); }

void check_text(std::vector<FieldError>& errors, const char* field, const std::string& value, std::size_t most,
                const char* what, bool required) {
  if ((required && value.empty()) || value.size() > most)
    errors.push_back({field, std::string(what) + " (up to " + std::to_string(most) + " characters)"});
}

}  // namespace

std::optional<std::int64_t> parse_degrees_e6(std::string_view text, int limit) {
  if (text.empty()) return std::nullopt;
  bool negative = false;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  const auto dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (!all_digits(whole) || whole.size() > 3) return std::nullopt;
  if (dot != std::string_view::npos && (!all_digits(fraction) || fraction.size() > 6)) return std::nullopt;
  std::int64_t value = 0;
  for (char c : whole) value = value * 10 + (c - '0');
  std::int64_t millionths = 0;
  for (std::size_t i = 0; i < 6; ++i) millionths = millionths * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
  value = value * 1000000 + millionths;
  if (value > static_cast<std::int64_t>(limit) * 1000000) return std::nullopt;
  return negative ? -value : value;
}

std::string charity_scheme(std::string_view number) {
  if ((number.size() == 6 || number.size() == 7) && all_digits(number)) return "GB-CHC";
  if (number.size() == 8 && number.starts_with("SC") && all_digits(number.substr(2))) return "GB-SC";
  if (number.size() == 9 && number.starts_with("NIC") && all_digits(number.substr(3))) return "GB-NIC";
  return {};
}

bool is_company_number(std::string_view number) {
  if (number.size() != 8) return false;
  return all_digits(number) ||
         (letter(number[0]) && letter(number[1]) && all_digits(number.substr(2)) &&
          std::isupper(static_cast<unsigned char>(number[0])) && std::isupper(static_cast<unsigned char>(number[1])));
}

Result<void> check_organisation(const Organisation& o) {
  std::vector<FieldError> errors;
  check_text(errors, "name", o.name, 200, "Enter the organisation's name", true);
  check_text(errors, "description", o.description, 2000, "Say what the organisation does", true);
  if (!o.website.empty() && !looks_like_url(o.website))
    errors.push_back({"website", "The website must start with https:// or http://"});
  if (!o.email.empty() && !looks_like_email(o.email))
    errors.push_back({"email", "Enter an email address like name@example.org"});
  if (!o.logo.empty() && !o.logo.starts_with("https://"))
    errors.push_back({"logo", "The logo's address must start with https://, or leave it empty"});
  if (!o.charity_number.empty() && charity_scheme(o.charity_number).empty())
    errors.push_back({"charity_number",
                      "Enter a registered charity number: 6 or 7 digits (England and Wales), SC and 6 digits "
                      "(Scotland) or NIC and 6 digits (Northern Ireland), or leave it empty"});
  if (!o.company_number.empty() && !is_company_number(o.company_number))
    errors.push_back({"company_number",
                      "Enter a Companies House number: 8 digits, like 01234567, or 2 letters and 6 digits, like "
                      "SC123456, or leave it empty"});
  if (!errors.empty()) return fail(std::move(errors));
  return {};
}

bool looks_like_phone(std::string_view text) {
  int digits = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (digit(c)) {
      ++digits;
    } else if (c == '+') {
      if (i != 0) return false;
    } else if (c != ' ' && c != '(' && c != ')' && c != '-') {
      return false;
    }
  }
  return digits >= 10 && digits <= 15;
}

std::span<const std::string_view> known_currencies() {
  static constexpr std::string_view kCurrencies[] = {"GBP", "EUR", "USD"};
  return kCurrencies;
}

Result<void> check_contact(const ServiceContact& c) {
  std::vector<FieldError> errors;
  check_text(errors, "name", c.name, 200, "Enter the name of the person or team families should contact", true);
  check_text(errors, "title", c.title, 200, "Give the contact's job title, or leave it empty", false);
  if (!c.phone.empty() && !looks_like_phone(c.phone))
    errors.push_back({"phone",
                      "Enter a phone number of 10 to 15 digits, with spaces or brackets if you like, like 01632 "
                      "960123 or +44 1632 960123"});
  if (!c.email.empty() && !looks_like_email(c.email))
    errors.push_back({"email", "Enter an email address like name@example.org"});
  if (c.phone.empty() && c.email.empty())
    errors.push_back({"phone", "Enter a phone number or an email address families can use"});
  if (!errors.empty()) return fail(std::move(errors));
  return {};
}

Result<void> check_cost(const CostOption& c) {
  std::vector<FieldError> errors;
  check_text(errors, "option", c.option, 200, "Say who or what the price is for, like Per child or Under 18s", false);
  if (c.amount && c.amount->value < 0)
    errors.push_back({"amount",
                      "The amount cannot be negative: enter 0 for free, or leave it empty if there is no "
                      "set price"});
  const auto currencies = known_currencies();
  if (std::find(currencies.begin(), currencies.end(), c.currency) == currencies.end())
    errors.push_back({"currency", "Choose a currency: GBP (pounds sterling), EUR (euros) or USD (US dollars)"});
  check_text(errors, "amount_description", c.amount_description, 200,
             "Say what the amount buys, like per 1 hour session", false);
  if (!errors.empty()) return fail(std::move(errors));
  return {};
}

Result<void> check_location(const Location& l) {
  std::vector<FieldError> errors;
  check_text(errors, "name", l.name, 200, "Enter the venue's name", true);
  check_text(errors, "address_1", l.address_1, 200, "Enter the building and street", true);
  check_text(errors, "address_2", l.address_2, 200, "The second address line is too long", false);
  check_text(errors, "city", l.city, 100, "Enter the town or city", true);
  if (!normalise_postcode(l.postcode)) errors.push_back({"postcode", "Enter a UK postcode, like QS4 7RW"});
  check_text(errors, "accessibility", l.accessibility, 2000, "Accessibility notes are too long", false);
  if (l.point) {
    if (l.point->latitude_e6 < -90000000 || l.point->latitude_e6 > 90000000)
      errors.push_back({"latitude", "Latitude must be a number of degrees from -90 to 90"});
    if (l.point->longitude_e6 < -180000000 || l.point->longitude_e6 > 180000000)
      errors.push_back({"longitude", "Longitude must be a number of degrees from -180 to 180"});
  }
  if (!errors.empty()) return fail(std::move(errors));
  return {};
}

Result<void> check_schedule(const Schedule& s, const std::vector<ServiceAtLocation>& venues) {
  std::vector<FieldError> errors;
  std::set<std::string> days;
  std::string_view rest(s.byday);
  bool days_ok = !rest.empty();
  while (days_ok && !rest.empty()) {
    const auto comma = rest.find(',');
    const auto code = parse_day_code(rest.substr(0, comma));
    days_ok = code && *code == rest.substr(0, comma) && days.insert(*code).second;
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  if (!days_ok) errors.push_back({"byday", "Choose at least one day of the week"});
  const auto opens = parse_time_of_day(s.opens_at), closes = parse_time_of_day(s.closes_at);
  if (!opens || s.opens_at.size() != 5)
    errors.push_back({"opens_at", "Enter the opening time as HH:MM on the 24-hour clock, like 09:30"});
  if (!closes || s.closes_at.size() != 5)
    errors.push_back({"closes_at", "Enter the closing time as HH:MM on the 24-hour clock, like 15:00"});
  else if (opens && *closes <= *opens)
    errors.push_back({"closes_at", "The closing time must be after the opening time"});
  if (s.valid_from && s.valid_to && *s.valid_to < *s.valid_from)
    errors.push_back({"valid_to", "The last day must be on or after the first day"});
  if (!s.service_at_location_id.empty() && std::none_of(venues.begin(), venues.end(), [&](const ServiceAtLocation& v) {
        return v.id == s.service_at_location_id;
      }))
    errors.push_back({"service_at_location_id", "Choose one of the venues the service runs at, or everywhere"});
  check_text(errors, "description", s.description, 500, "The description is too long", false);
  if (!errors.empty()) return fail(std::move(errors));
  return {};
}

Result<void> check_taxonomy_term(const TaxonomyTerm& t, const std::vector<TaxonomyTerm>& all) {
  std::vector<FieldError> errors;
  if (t.code.empty() || t.code.size() > 50 ||
      std::any_of(t.code.begin(), t.code.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }))
    errors.push_back({"code", "Enter a code of up to 50 characters without spaces, like SLCN"});
  else if (std::any_of(all.begin(), all.end(), [&](const TaxonomyTerm& o) {
             return o.id != t.id && o.taxonomy_id == t.taxonomy_id && o.code == t.code;
           }))
    errors.push_back({"code", "Another term in this taxonomy has the code " + t.code + ": choose a different code"});
  check_text(errors, "name", t.name, 200, "Enter the term's name", true);
  check_text(errors, "description", t.description, 2000, "The description is too long", false);
  if (!t.parent_id.empty()) {
    auto find = [&](const std::string& id) {
      return std::find_if(all.begin(), all.end(), [&](const TaxonomyTerm& o) { return o.id == id; });
    };
    auto parent = find(t.parent_id);
    if (parent == all.end() || parent->taxonomy_id != t.taxonomy_id) {
      errors.push_back({"parent_id", "Choose a broader term from the same taxonomy, or none"});
    } else {
      // Walk up from the parent: meeting the term itself means it would be its own ancestor.
      bool cycle = false;
      std::set<std::string> seen;
      for (std::string id = t.parent_id; !id.empty() && seen.insert(id).second;) {
        if (id == t.id) {
          cycle = true;
          break;
        }
        auto at = find(id);
        if (at == all.end()) break;
        id = at->parent_id;
      }
      if (cycle)
        errors.push_back({"parent_id", "A term cannot sit under itself or under one of its own narrower terms"});
    }
  }
  if (!errors.empty()) return fail(std::move(errors));
  return {};
}

}  // namespace tandem
