#include "interop/oruk_import.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include "core/directory_checks.h"
#include "interop/oruk.h"
#include "interop/oruk_reader.h"

namespace tandem::interop::oruk {

using nlohmann::json;

namespace {

// Reads one record, collecting every problem rather than stopping at the first.
class Reader {
 public:
  std::vector<FieldError> errors;

  std::string text(const json& j, const char* key, const std::string& at, bool required = false) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
      if (required) errors.push_back({at + key, at + key + " is required"});
      return {};
    }
    if (!it->is_string()) {
      errors.push_back({at + key, at + key + " must be text"});
      return {};
    }
    return it->get<std::string>();
  }

  std::string id(const json& j, const char* key, const std::string& at, bool required = true) {
    std::string v = text(j, key, at, required);
    if (!v.empty() && !is_uuid(v)) errors.push_back({at + key, at + key + " must be a lower-case UUID, not " + v});
    return v;
  }

  std::optional<double> number(const json& j, const char* key, const std::string& at) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) {
      errors.push_back({at + key, at + key + " must be a number"});
      return std::nullopt;
    }
    return it->get<double>();
  }

  const json& array(const json& j, const char* key, const std::string& at) {
    static const json empty = json::array();
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return empty;
    if (!it->is_array()) {
      errors.push_back({at + key, at + key + " must be a list"});
      return empty;
    }
    return *it;
  }
};

std::string at(const char* list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]."; }

// "2023-03-15T10:30:45.123Z", "2023-03-15T10:30:45+00:00" or a date alone, as
// microseconds since the epoch (UTC); none if it is not shaped so.
std::optional<std::int64_t> parse_date_time(const std::string& text) {
  auto day = parse_date("last_modified", std::string_view(text).substr(0, 10));
  if (!day) return std::nullopt;
  std::int64_t seconds = std::chrono::duration_cast<std::chrono::seconds>(day->time_since_epoch()).count();
  std::string_view rest = std::string_view(text).substr(std::min<std::size_t>(10, text.size()));
  if (rest.empty()) return seconds * 1000000;
  if (rest.size() < 9 || (rest[0] != 'T' && rest[0] != ' ')) return std::nullopt;
  const auto time = parse_time_of_day(rest.substr(1, 8));
  if (!time) return std::nullopt;
  seconds += *time * 60 + (rest[7] - '0') * 10 + (rest[8] - '0');
  rest.remove_prefix(9);
  std::int64_t micros = 0;
  if (!rest.empty() && rest[0] == '.') {
    std::size_t digits = 1;
    for (int scale = 100000; digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]));
         ++digits, scale /= 10)
      micros += scale > 0 ? (rest[digits] - '0') * scale : 0;
    if (digits == 1) return std::nullopt;
    rest.remove_prefix(digits);
  }
  if (rest.empty() || rest == "Z") return seconds * 1000000 + micros;
  // An offset from UTC: +HH:MM or -HH:MM.
  if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':') return std::nullopt;
  const auto offset = parse_time_of_day(rest.substr(1, 5));
  if (!offset) return std::nullopt;
  seconds += (rest[0] == '+' ? -60 : 60) * *offset;
  return seconds * 1000000 + micros;
}

// Adds a core check's errors under the record's own field names.
void add_checked(Reader& r, const Result<void>& checked, const std::string& prefix,
                 const std::map<std::string, std::string, std::less<>>& renamed = {}) {
  if (checked) return;
  for (const auto& e : checked.error().fields) {
    auto it = renamed.find(e.field);
    const std::string field = prefix + (it == renamed.end() ? e.field : it->second);
    if (std::none_of(r.errors.begin(), r.errors.end(), [&](const FieldError& x) { return x.field == field; }))
      r.errors.push_back({field, field + ": " + e.message});
  }
}

// The UK profile's own example quotes its phone number ("\"+44 1234 234567\"").
std::string unquoted(std::string text) {
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') return text.substr(1, text.size() - 2);
  return text;
}

std::string without_spaces(std::string text) {
  std::erase(text, ' ');
  return text;
}

// Organisation identifiers Tandem keeps: a charity number (GB-CHC, GB-SC,
// GB-NIC) and a Companies House number (GB-COH), by scheme or, without one, by
// type. Others are left alone.
void read_identifiers(const json& org, Organisation& o, Reader& r) {
  const json& ids = r.array(org, "organization_identifiers", "organization.");
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string p = "organization." + at("organization_identifiers", i);
    const std::string scheme = r.text(ids[i], "identifier_scheme", p), type = r.text(ids[i], "identifier_type", p);
    std::string number = without_spaces(r.text(ids[i], "identifier", p, true));
    std::string lower_type = type;
    for (auto& c : lower_type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool charity = scheme == "GB-CHC" || scheme == "GB-SC" || scheme == "GB-NIC" ||
                         (scheme.empty() && lower_type.find("charity") != std::string::npos);
    const bool company = scheme == "GB-COH" || (scheme.empty() && lower_type.find("company") != std::string::npos);
    if (number.empty()) continue;
    if (charity) {
      const std::string found = charity_scheme(number);
      if (found.empty() || (!scheme.empty() && found != scheme))
        r.errors.push_back({p + "identifier", p + "identifier must be a registered charity number for " +
                                                  (scheme.empty() ? std::string("its scheme") : scheme) +
                                                  ": 6 or 7 digits (GB-CHC), SC and 6 digits (GB-SC) or NIC and 6 "
                                                  "digits (GB-NIC), not " +
                                                  number});
      else
        o.charity_number = number;
    } else if (company) {
      // Companies House numbers are often written without their leading zeros (the profile's own example does).
      if (!number.empty() && number.size() < 8 &&
          std::all_of(number.begin(), number.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        number.insert(0, 8 - number.size(), '0');
      if (!is_company_number(number))
        r.errors.push_back({p + "identifier", p +
                                                  "identifier must be a Companies House number (GB-COH): 8 digits, "
                                                  "or 2 capital letters and 6 digits, not " +
                                                  number});
      else
        o.company_number = number;
    }
  }
}

ImportedService read_service(const json& j, Date today, Reader& r) {
  ImportedService out;
  Service& s = out.service;
  s.id = r.id(j, "id", "");
  s.name = r.text(j, "name", "", true);
  s.description = r.text(j, "description", "");
  s.url = r.text(j, "url", "");
  s.email = r.text(j, "email", "");
  s.status = r.text(j, "status", "", true);
  s.how_to_access = r.text(j, "alert", "");
  if (s.how_to_access.empty()) s.how_to_access = "Contact the service.";
  if (auto a = r.number(j, "minimum_age", "")) s.minimum_age = static_cast<int>(std::floor(*a));
  if (auto a = r.number(j, "maximum_age", "")) s.maximum_age = static_cast<int>(std::floor(*a));
  s.last_checked_on = today;
  if (auto assured = r.text(j, "assured_date", ""); !assured.empty()) {
    if (auto d = parse_date("assured_date", assured.substr(0, 10)))
      s.last_checked_on = std::min(*d, today);
    else
      r.errors.push_back({"assured_date", "assured_date must be a date like 2026-03-27"});
  }
  s.review_due_on = s.last_checked_on + std::chrono::days(365);
  if (auto modified = r.text(j, "last_modified", ""); !modified.empty()) {
    if (auto micros = parse_date_time(modified))
      s.updated_at = *micros;
    else
      r.errors.push_back({"last_modified", "last_modified must be a date and time like 2026-03-27T10:30:00Z"});
  }
  if (auto org = j.find("organization"); org != j.end() && org->is_object()) {
    out.organisation.id = r.id(*org, "id", "organization.");
    out.organisation.name = r.text(*org, "name", "organization.", true);
    out.organisation.description = r.text(*org, "description", "organization.");
    out.organisation.email = r.text(*org, "email", "organization.");
    out.organisation.website = r.text(*org, "website", "organization.");
    out.organisation.logo = r.text(*org, "logo", "organization.");
    if (!out.organisation.logo.empty() && !out.organisation.logo.starts_with("https://"))
      r.errors.push_back({"organization.logo", "organization.logo must be a web address starting https://"});
    read_identifiers(*org, out.organisation, r);
  } else {
    r.errors.push_back({"organization", "organization is required: the organisation that runs the service"});
  }
  s.organisation_id = out.organisation.id;

  const json& sals = r.array(j, "service_at_locations", "");
  for (std::size_t i = 0; i < sals.size(); ++i) {
    const std::string p = at("service_at_locations", i);
    ServiceAtLocation sal{r.id(sals[i], "id", p), ""};
    auto loc = sals[i].find("location");
    if (loc == sals[i].end() || !loc->is_object()) {
      r.errors.push_back({p + "location", p + "location is required"});
      continue;
    }
    const std::string lp = p + "location.";
    Location l;
    l.id = r.id(*loc, "id", lp);
    l.name = r.text(*loc, "name", lp);
    l.description = r.text(*loc, "description", lp);
    const auto lat = r.number(*loc, "latitude", lp), lon = r.number(*loc, "longitude", lp);
    if (lat && (*lat < -90 || *lat > 90))
      r.errors.push_back({lp + "latitude", lp + "latitude must be between -90 and 90 degrees"});
    else if (lon && (*lon < -180 || *lon > 180))
      r.errors.push_back({lp + "longitude", lp + "longitude must be between -180 and 180 degrees"});
    else if (lat && lon)
      l.point = GeoPoint{std::llround(*lat * 1e6), std::llround(*lon * 1e6)};
    const json& addresses = r.array(*loc, "addresses", lp);
    if (!addresses.empty()) {
      l.address_1 = r.text(addresses[0], "address_1", lp + "addresses[0].");
      l.address_2 = r.text(addresses[0], "address_2", lp + "addresses[0].");
      l.city = r.text(addresses[0], "city", lp + "addresses[0].");
      l.postcode = r.text(addresses[0], "postal_code", lp + "addresses[0].");
    }
    const json& access = r.array(*loc, "accessibility", lp);
    for (std::size_t k = 0; k < access.size(); ++k) {
      const std::string d = r.text(access[k], "description", lp + "accessibility[" + std::to_string(k) + "].");
      if (!d.empty()) l.accessibility += (l.accessibility.empty() ? "" : "; ") + d;
    }
    sal.location_id = l.id;
    s.locations.push_back(sal);
    out.locations.push_back(std::move(l));
  }
  const json& schedules = r.array(j, "schedules", "");
  for (std::size_t i = 0; i < schedules.size(); ++i) {
    const std::string p = at("schedules", i);
    Schedule sc;
    sc.id = r.id(schedules[i], "id", p);
    sc.service_at_location_id = r.id(schedules[i], "service_at_location_id", p, false);
    sc.byday = r.text(schedules[i], "byday", p);
    sc.opens_at = r.text(schedules[i], "opens_at", p).substr(0, 5);
    sc.closes_at = r.text(schedules[i], "closes_at", p).substr(0, 5);
    sc.description = r.text(schedules[i], "description", p);
    if (sc.opens_at.empty() && sc.closes_at.empty()) continue;  // a description only: nothing to search on
    s.schedules.push_back(std::move(sc));
  }
  const json& contacts = r.array(j, "contacts", "");
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const std::string p = at("contacts", i);
    ServiceContact c{r.id(contacts[i], "id", p), r.text(contacts[i], "name", p), r.text(contacts[i], "title", p),
                     r.text(contacts[i], "email", p), ""};
    const json& phones = r.array(contacts[i], "phones", p);
    if (!phones.empty()) c.phone = unquoted(r.text(phones[0], "number", p + "phones[0]."));
    add_checked(r, check_contact(c), p, {{"phone", "phones[0].number"}});
    s.contacts.push_back(std::move(c));
  }
  const json& costs = r.array(j, "cost_options", "");
  for (std::size_t i = 0; i < costs.size(); ++i) {
    const std::string p = at("cost_options", i);
    CostOption c{r.id(costs[i], "id", p), r.text(costs[i], "option", p), std::nullopt,
                 r.text(costs[i], "amount_description", p)};
    if (auto amount = r.number(costs[i], "amount", p)) {
      if (*amount < 0)
        r.errors.push_back({p + "amount", p + "amount must not be negative"});
      else
        c.amount = Pence(std::llround(*amount * 100));
    }
    c.currency = r.text(costs[i], "currency", p);
    if (c.currency.empty()) c.currency = "GBP";
    add_checked(r, check_cost(c), p);
    s.costs.push_back(std::move(c));
  }
  const json& attributes = r.array(j, "attributes", "");
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    const std::string p = at("attributes", i) + "taxonomy_term.";
    auto term = attributes[i].find("taxonomy_term");
    if (term == attributes[i].end() || !term->is_object()) continue;
    // The level of support travels as a term (see kLevelTaxonomyName).
    if (r.text(*term, "taxonomy", p) == kLevelTaxonomyName) {
      if (auto level = parse_service_level(r.text(*term, "term", p)))
        s.level = *level;
      else
        r.errors.push_back({p + "term", p + "term must be universal, specialist or highly_specialist"});
      continue;
    }
    TaxonomyTerm t;
    t.id = r.id(*term, "id", p);
    t.name = r.text(*term, "name", p, true);
    t.description = r.text(*term, "description", p);
    t.code = r.text(*term, "term", p);
    t.parent_id = r.id(*term, "parent_id", p, false);
    // A term names its taxonomy by id, by name, or not at all.
    Taxonomy tax;
    tax.id = r.id(*term, "taxonomy_id", p, false);
    tax.name = r.text(*term, "taxonomy", p);
    if (tax.name.empty()) tax.name = "Imported terms";
    if (tax.id.empty()) tax.id = derived_uuid(tax.name, "taxonomy");
    t.taxonomy_id = tax.id;
    tax.description = tax.name;
    s.term_ids.push_back(t.id);
    out.taxonomies.push_back(std::move(tax));
    out.terms.push_back(std::move(t));
  }
  if (auto checks = check_service(s); !checks) {
    for (auto& e : checks.error().fields) {
      const bool known =
          std::any_of(r.errors.begin(), r.errors.end(), [&](const FieldError& x) { return x.field == e.field; });
      if (!known) r.errors.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace

ImportedService read_service_object(const json& j, Date today, std::vector<FieldError>& errors) {
  Reader r;
  auto out = read_service(j, today, r);
  errors = std::move(r.errors);
  return out;
}

void add_service(ParsedFeed& feed, const json& j, std::size_t index, const std::string& source, Date today) {
  if (!j.is_object()) {
    feed.rejected.push_back({index, "", "", source, Error("service", "each service must be an object")});
    return;
  }
  std::vector<FieldError> errors;
  auto record = read_service_object(j, today, errors);
  if (errors.empty()) {
    feed.services.push_back(std::move(record));
  } else {
    feed.rejected.push_back({index, record.service.id, record.service.name, source, Error(std::move(errors))});
  }
}

Result<ParsedFeed> parse_services(std::string_view json_text, Date today) {
  json doc = json::parse(json_text, nullptr, false);
  if (doc.is_discarded()) return fail("file", "The file is not JSON");
  const json* list = &doc;
  json single = json::array();
  if (doc.is_object() && doc.contains("contents")) {
    list = &doc["contents"];
  } else if (doc.is_object()) {
    single.push_back(doc);
    list = &single;
  }
  if (!list->is_array() || list->empty())
    return fail("file", "The file holds no services: give a service, a list of services or a page of them");
  ParsedFeed out;
  for (std::size_t i = 0; i < list->size(); ++i) add_service(out, (*list)[i], i, "", today);
  return out;
}

void add_service_text(ParsedFeed& feed, std::string_view json_text, std::size_t index, const std::string& source,
                      Date today) {
  json j = json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    feed.rejected.push_back({index, "", "", source,
                             Error("service", "The answer is not a JSON object: expected one service (service.json)")});
    return;
  }
  add_service(feed, j, index, source, today);
}

Result<ServicePage> parse_service_page(std::string_view json_text) {
  constexpr const char* kShape =
      "expected an Open Referral UK page of services: a JSON object with \"contents\" (a list of services) and "
      "\"total_pages\"";
  json doc = json::parse(json_text, nullptr, false);
  if (doc.is_discarded()) return fail("page", std::string("The answer is not JSON: ") + kShape);
  auto contents = doc.is_object() ? doc.find("contents") : doc.end();
  if (!doc.is_object() || contents == doc.end() || !contents->is_array())
    return fail("page", std::string("The answer has no \"contents\" list: ") + kShape);
  ServicePage page;
  auto whole = [&](const char* key) -> std::optional<std::int64_t> {
    auto it = doc.find(key);
    if (it == doc.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<std::int64_t>();
  };
  page.total_pages = whole("total_pages");
  page.total_items = whole("total_items");
  if (auto it = doc.find("last_page"); it != doc.end() && it->is_boolean()) page.last_page = it->get<bool>();
  for (std::size_t i = 0; i < contents->size(); ++i) {
    const json& item = (*contents)[i];
    ServicePage::Item out;
    if (item.is_object()) {
      if (auto id = item.find("id"); id != item.end() && id->is_string()) out.id = id->get<std::string>();
      if (auto name = item.find("name"); name != item.end() && name->is_string()) out.name = name->get<std::string>();
      // A list item that carries its venues is the full record; one that does not is a summary.
      if (item.contains("service_at_locations")) out.full_json = item.dump();
    }
    if (out.id.empty() && out.full_json.empty())
      return fail("page", "contents[" + std::to_string(i) + "] has no \"id\": " + kShape);
    page.items.push_back(std::move(out));
  }
  return page;
}

}  // namespace tandem::interop::oruk
