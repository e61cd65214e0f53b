#include "interop/oruk.h"

#include <chrono>

#include <nlohmann/json.hpp>

#include "core/directory_checks.h"

namespace tandem::interop::oruk {

using nlohmann::json;

DirectoryIndex::DirectoryIndex(const Directory& d) : d_(d) {
  for (const auto& o : d.organisations) organisations_[o.id] = &o;
  for (const auto& l : d.locations) locations_[l.id] = &l;
  for (const auto& t : d.taxonomies) taxonomies_[t.id] = &t;
  for (const auto& t : d.terms) terms_[t.id] = &t;
  level_taxonomy_ = {derived_uuid(d.area_id, "level-of-support"), std::string(kLevelTaxonomyName),
                     "How specialised a service is: universal (open to all), specialist (for identified needs) "
                     "or highly specialist (for the most complex needs)",
                     "", "1"};
  for (auto l : all_service_levels()) {
    level_terms_.push_back({derived_uuid(d.area_id, "level:" + std::string(to_string(l))), level_taxonomy_.id,
                            std::string(to_string(l)), std::string(service_level_label(l)),
                            std::string(service_level_label(l)), ""});
  }
  taxonomies_[level_taxonomy_.id] = &level_taxonomy_;
  for (const auto& t : level_terms_) terms_[t.id] = &t;
}

const TaxonomyTerm& DirectoryIndex::level_term(ServiceLevel l) const {
  return level_terms_.at(static_cast<std::size_t>(l));
}

namespace {
template <class Map>
auto find_in(const Map& m, const std::string& id) -> typename Map::mapped_type {
  auto it = m.find(id);
  return it == m.end() ? nullptr : it->second;
}

// Optional text is left out rather than sent empty: an empty string is not a
// valid uri or email in the schemas.
void put(json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

std::string date_time(std::int64_t micros) {
  const auto t = std::chrono::sys_time<std::chrono::microseconds>(std::chrono::microseconds(micros));
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss hms(std::chrono::floor<std::chrono::seconds>(t - day));
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return format_date(day) + buf;
}

json organisation_json(const Organisation& o) {
  json j{{"id", o.id}, {"name", o.name}, {"description", o.description}};
  put(j, "email", o.email);
  put(j, "website", o.website);
  put(j, "logo", o.logo);
  json identifiers = json::array();
  auto identifier = [&](const std::string& number, const std::string& scheme, const char* type) {
    if (number.empty()) return;
    identifiers.push_back({{"id", derived_uuid(o.id, scheme)},
                           {"organization_id", o.id},
                           {"identifier_scheme", scheme},
                           {"identifier_type", type},
                           {"identifier", number}});
  };
  identifier(o.charity_number, charity_scheme(o.charity_number), "Charity number");
  identifier(o.company_number, "GB-COH", "Company number");
  if (!identifiers.empty()) j["organization_identifiers"] = std::move(identifiers);
  return j;
}

json service_fields(const Service& s, const DirectoryIndex& index) {
  json j{{"id", s.id}, {"name", s.name}, {"description", s.description}, {"status", s.status}};
  put(j, "organization_id", s.organisation_id);
  put(j, "url", s.url);
  put(j, "email", s.email);
  j["minimum_age"] = s.minimum_age;
  if (s.maximum_age) j["maximum_age"] = *s.maximum_age;
  j["assured_date"] = format_date(s.last_checked_on);
  j["last_modified"] = date_time(s.updated_at);
  if (const auto* o = index.organisation(s.organisation_id)) j["organization"] = organisation_json(*o);
  return j;
}

json location_fields(const Location& l) {
  json j{{"id", l.id}, {"location_type", "physical"}, {"name", l.name}};
  put(j, "description", l.description);
  if (l.point) {
    j["latitude"] = static_cast<double>(l.point->latitude_e6) / 1e6;
    j["longitude"] = static_cast<double>(l.point->longitude_e6) / 1e6;
  }
  return j;
}

json location_full(const Location& l) {
  json j = location_fields(l);
  j["addresses"] = json::array({{{"id", derived_uuid(l.id, "address")},
                                 {"location_id", l.id},
                                 {"address_1", l.address_2.empty() ? l.address_1 : l.address_1 + ", " + l.address_2},
                                 {"city", l.city},
                                 {"state_province", ""},
                                 {"postal_code", l.postcode},
                                 {"country", "GB"},
                                 {"address_type", "physical"}}});
  j["accessibility"] = json::array();
  if (!l.accessibility.empty()) {
    j["accessibility"].push_back(
        {{"id", derived_uuid(l.id, "accessibility")}, {"location_id", l.id}, {"description", l.accessibility}});
  }
  return j;
}

json term_fields(const TaxonomyTerm& t, const DirectoryIndex& index) {
  json j{{"id", t.id}, {"name", t.name}, {"description", t.description}, {"taxonomy_id", t.taxonomy_id}};
  put(j, "parent_id", t.parent_id);
  put(j, "term", t.code);
  if (const auto* tax = index.taxonomy(t.taxonomy_id)) j["taxonomy"] = tax->name;
  return j;
}

json sal_fields(const Service& s, const ServiceAtLocation& sal) {
  return json{{"id", sal.id}, {"service_id", s.id}, {"location_id", sal.location_id}};
}
}  // namespace

const Organisation* DirectoryIndex::organisation(const std::string& id) const { return find_in(organisations_, id); }
const Location* DirectoryIndex::location(const std::string& id) const { return find_in(locations_, id); }
const Taxonomy* DirectoryIndex::taxonomy(const std::string& id) const { return find_in(taxonomies_, id); }
const TaxonomyTerm* DirectoryIndex::term(const std::string& id) const { return find_in(terms_, id); }

std::string service_list_item(const Service& s, const DirectoryIndex& index) { return service_fields(s, index).dump(); }

std::string service_full(const Service& s, const DirectoryIndex& index) {
  json j = service_fields(s, index);
  json schedules = json::array();
  for (const auto& sc : s.schedules) {
    json x{{"id", sc.id},       {"service_id", s.id},           {"freq", "WEEKLY"},
           {"byday", sc.byday}, {"opens_at", sc.opens_at},      {"closes_at", sc.closes_at},
           {"interval", 1},     {"attending_type", "in_person"}};
    put(x, "service_at_location_id", sc.service_at_location_id);
    put(x, "description", sc.description);
    if (sc.valid_from) x["valid_from"] = format_date(*sc.valid_from);
    if (sc.valid_to) x["valid_to"] = format_date(*sc.valid_to);
    schedules.push_back(std::move(x));
  }
  j["schedules"] = std::move(schedules);
  json sals = json::array();
  for (const auto& sal : s.locations) {
    json x = sal_fields(s, sal);
    if (const auto* l = index.location(sal.location_id)) x["location"] = location_full(*l);
    sals.push_back(std::move(x));
  }
  j["service_at_locations"] = std::move(sals);
  json contacts = json::array();
  for (const auto& c : s.contacts) {
    json x{{"id", c.id}, {"service_id", s.id}, {"name", c.name}, {"title", c.title}};
    put(x, "email", c.email);
    if (!c.phone.empty()) x["phones"] = json::array({{{"id", derived_uuid(c.id, "phone")}, {"number", c.phone}}});
    contacts.push_back(std::move(x));
  }
  j["contacts"] = std::move(contacts);
  json costs = json::array();
  for (const auto& c : s.costs) {
    json x{{"id", c.id}, {"service_id", s.id}, {"option", c.option}, {"currency", c.currency}};
    if (c.amount) x["amount"] = static_cast<double>(c.amount->value) / 100.0;
    put(x, "amount_description", c.amount_description);
    costs.push_back(std::move(x));
  }
  j["cost_options"] = std::move(costs);
  json attributes = json::array();
  const auto& level = index.level_term(s.level);
  attributes.push_back({{"id", derived_uuid(s.id, level.id)},
                        {"link_id", s.id},
                        {"link_type", "service"},
                        {"link_entity", "service"},
                        {"taxonomy_term_id", level.id},
                        {"taxonomy_term", term_fields(level, index)}});
  for (const auto& term_id : s.term_ids) {
    const auto* t = index.term(term_id);
    if (!t) continue;
    attributes.push_back({{"id", derived_uuid(s.id, term_id)},
                          {"link_id", s.id},
                          {"link_type", "service"},
                          {"link_entity", "service"},
                          {"taxonomy_term_id", term_id},
                          {"taxonomy_term", term_fields(*t, index)}});
  }
  j["attributes"] = std::move(attributes);
  j["service_areas"] = json::array();
  j["languages"] = json::array();
  j["funding"] = json::array();
  return j.dump();
}

std::string service_at_location_item(const Service& s, const ServiceAtLocation& sal, const DirectoryIndex& index) {
  json j = sal_fields(s, sal);
  if (const auto* l = index.location(sal.location_id)) j["location"] = location_fields(*l);
  j["service"] = service_fields(s, index);
  return j.dump();
}

std::string service_at_location_full(const Service& s, const ServiceAtLocation& sal, const DirectoryIndex& index) {
  json j = sal_fields(s, sal);
  j["name"] = s.name;
  j["status"] = s.status;
  if (const auto* l = index.location(sal.location_id)) j["location"] = location_full(*l);
  j["service"] = json::parse(service_full(s, index));
  return j.dump();
}

std::string taxonomy_json(const Taxonomy& t) {
  json j{{"id", t.id}, {"name", t.name}, {"description", t.description}};
  put(j, "uri", t.uri);
  put(j, "version", t.version);
  return j.dump();
}

std::string taxonomy_term_json(const TaxonomyTerm& t, const DirectoryIndex& index) {
  return term_fields(t, index).dump();
}

std::string page(const PageInfo& info, const std::vector<std::string_view>& items) {
  const std::int64_t per_page = info.per_page < 1 ? 1 : info.per_page;
  const std::int64_t pages = info.total_items == 0 ? 1 : (info.total_items + per_page - 1) / per_page;
  std::string out;
  std::size_t size = 200;
  for (auto item : items) size += item.size() + 1;
  out.reserve(size);
  out += "{\"total_items\":" + std::to_string(info.total_items) + ",\"total_pages\":" + std::to_string(pages) +
         ",\"page_number\":" + std::to_string(info.page) + ",\"size\":" + std::to_string(items.size()) +
         ",\"first_page\":" + (info.page == 1 ? "true" : "false") +
         ",\"last_page\":" + (info.page >= pages ? "true" : "false") +
         ",\"empty\":" + (items.empty() ? "true" : "false") + ",\"contents\":[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    out += items[i];
  }
  out += "]}";
  return out;
}

std::string derived_uuid(std::string_view base, std::string_view purpose) {
  // Two FNV-1a passes with different offsets give 128 bits; not secret, only stable.
  auto fnv = [](std::string_view a, std::string_view b, std::uint64_t h) {
    for (char c : a) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    h = (h ^ 0xFF) * 1099511628211ULL;
    for (char c : b) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return h;
  };
  const std::uint64_t hi = fnv(base, purpose, 14695981039346656037ULL), lo = fnv(purpose, base, 0x9E3779B97F4A7C15ULL);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 32; ++i) {
    const std::uint64_t word = i < 16 ? hi : lo;
    unsigned nibble = static_cast<unsigned>((word >> (60 - 4 * (i % 16))) & 0xF);
    if (i == 12) nibble = 5;  // name-based
    if (i == 16) nibble = 8 | (nibble & 0x3);
    if (i == 8 || i == 12 || i == 16 || i == 20) out.push_back('-');
    out.push_back(kHex[nibble]);
  }
  return out;
}

}  // namespace tandem::interop::oruk
