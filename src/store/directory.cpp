#include "store/directory.h"

#include <unordered_map>

#include "store/detail/tx.h"

namespace tandem::store {

using soci::indicator;
using soci::into;
using soci::use;

void insert_organisation(Tx& tx, const std::string& area_id, const Organisation& o, std::int64_t now) {
  const long long at = now, version = o.version;
  tx.sql << "INSERT INTO organisations (id, area_id, name, description, email, website, logo, charity_number, "
            "company_number, version, updated_at) VALUES (:id, :a, :n, :d, :e, :w, :l, :ch, :co, :v, :at)",
      use(o.id), use(area_id), use(o.name), use(o.description), use(o.email), use(o.website), use(o.logo),
      use(o.charity_number), use(o.company_number), use(version), use(at);
}

bool update_organisation(Tx& tx, const std::string& area_id, const Organisation& o, std::int64_t expected_version,
                         std::int64_t now) {
  const long long at = now, version = o.version, expected = expected_version;
  soci::statement st =
      (tx.sql.prepare << "UPDATE organisations SET name = :n, description = :d, email = :e, website = :w, logo = :l, "
                         "charity_number = :ch, company_number = :co, version = :v, updated_at = :at WHERE id = :id "
                         "AND area_id = :a AND version = :expected",
       use(o.name), use(o.description), use(o.email), use(o.website), use(o.logo), use(o.charity_number),
       use(o.company_number), use(version), use(at), use(o.id), use(area_id), use(expected));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void insert_location(Tx& tx, const std::string& area_id, const Location& l) {
  long long lat = l.point ? l.point->latitude_e6 : 0, lon = l.point ? l.point->longitude_e6 : 0;
  indicator ind = l.point ? soci::i_ok : soci::i_null;
  const long long version = l.version;
  tx.sql << "INSERT INTO locations (id, area_id, name, description, address_1, address_2, city, postcode, "
            "latitude_e6, longitude_e6, accessibility, version) VALUES (:id, :a, :n, :d, :ad, :ad2, :c, :p, :lat, "
            ":lon, :acc, :v)",
      use(l.id), use(area_id), use(l.name), use(l.description), use(l.address_1), use(l.address_2), use(l.city),
      use(l.postcode), use(lat, ind), use(lon, ind), use(l.accessibility), use(version);
}

bool update_location(Tx& tx, const std::string& area_id, const Location& l, std::int64_t expected_version) {
  long long lat = l.point ? l.point->latitude_e6 : 0, lon = l.point ? l.point->longitude_e6 : 0;
  indicator ind = l.point ? soci::i_ok : soci::i_null;
  const long long version = l.version, expected = expected_version;
  soci::statement st =
      (tx.sql.prepare << "UPDATE locations SET name = :n, description = :d, address_1 = :ad, address_2 = :ad2, city "
                         "= :c, postcode = :p, latitude_e6 = :lat, longitude_e6 = :lon, accessibility = :acc, "
                         "version = :v WHERE id = :id AND area_id = :a AND version = :expected",
       use(l.name), use(l.description), use(l.address_1), use(l.address_2), use(l.city), use(l.postcode), use(lat, ind),
       use(lon, ind), use(l.accessibility), use(version), use(l.id), use(area_id), use(expected));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool delete_unused_location(Tx& tx, const std::string& area_id, const std::string& id, std::int64_t expected_version) {
  const long long expected = expected_version;
  soci::statement st = (tx.sql.prepare << "DELETE FROM locations WHERE id = :id AND area_id = :a AND version = "
                                          ":expected AND NOT EXISTS (SELECT 1 FROM service_at_location WHERE "
                                          "location_id = :used)",
                        use(id), use(area_id), use(expected), use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void insert_taxonomy(Tx& tx, const std::string& area_id, const Taxonomy& t) {
  tx.sql << "INSERT INTO taxonomies (id, area_id, name, description, uri, version) VALUES (:id, :a, :n, :d, :u, :v)",
      use(t.id), use(area_id), use(t.name), use(t.description), use(t.uri), use(t.version);
}

void insert_taxonomy_term(Tx& tx, const std::string& area_id, const TaxonomyTerm& t) {
  const long long version = t.version;
  tx.sql << "INSERT INTO taxonomy_terms (id, area_id, taxonomy_id, code, name, description, parent_id, version) "
            "VALUES (:id, :a, :t, :c, :n, :d, :p, :v)",
      use(t.id), use(area_id), use(t.taxonomy_id), use(t.code), use(t.name), use(t.description), use(t.parent_id),
      use(version);
}

bool update_taxonomy_term(Tx& tx, const std::string& area_id, const TaxonomyTerm& t, std::int64_t expected_version) {
  const long long version = t.version, expected = expected_version;
  soci::statement st =
      (tx.sql.prepare << "UPDATE taxonomy_terms SET code = :c, name = :n, description = :d, parent_id = :p, version = "
                         ":v WHERE id = :id AND area_id = :a AND taxonomy_id = :t AND version = :expected",
       use(t.code), use(t.name), use(t.description), use(t.parent_id), use(version), use(t.id), use(area_id),
       use(t.taxonomy_id), use(expected));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

namespace {

void insert_service_parts(Tx& tx, const std::string& area_id, const Service& s) {
  for (const auto& term : s.term_ids) {
    tx.sql << "INSERT INTO service_terms (service_id, term_id, area_id) VALUES (:s, :t, :a)", use(s.id), use(term),
        use(area_id);
  }
  for (const auto& sal : s.locations) {
    tx.sql << "INSERT INTO service_at_location (id, area_id, service_id, location_id) VALUES (:id, :a, :s, :l)",
        use(sal.id), use(area_id), use(s.id), use(sal.location_id);
  }
  for (const auto& sc : s.schedules) {
    const std::string from = sc.valid_from ? format_date(*sc.valid_from) : "",
                      to = sc.valid_to ? format_date(*sc.valid_to) : "";
    tx.sql << "INSERT INTO schedules (id, area_id, service_id, service_at_location_id, byday, opens_at, closes_at, "
              "description, valid_from, valid_to) VALUES (:id, :a, :s, :sal, :b, :o, :c, :d, :vf, :vt)",
        use(sc.id), use(area_id), use(s.id), use(sc.service_at_location_id), use(sc.byday), use(sc.opens_at),
        use(sc.closes_at), use(sc.description), use(from), use(to);
  }
  for (const auto& c : s.contacts) {
    tx.sql << "INSERT INTO service_contacts (id, area_id, service_id, name, title, email, phone) VALUES (:id, :a, "
              ":s, :n, :t, :e, :p)",
        use(c.id), use(area_id), use(s.id), use(c.name), use(c.title), use(c.email), use(c.phone);
  }
  for (const auto& c : s.costs) {
    long long amount = c.amount ? c.amount->value : 0;
    indicator ind = c.amount ? soci::i_ok : soci::i_null;
    tx.sql << "INSERT INTO cost_options (id, area_id, service_id, option_text, amount_pence, amount_description, "
              "currency) VALUES (:id, :a, :s, :o, :p, :d, :cur)",
        use(c.id), use(area_id), use(s.id), use(c.option), use(amount, ind), use(c.amount_description), use(c.currency);
  }
}

void delete_service_parts(Tx& tx, const std::string& service_id) {
  for (const char* table : {"service_terms", "schedules", "service_contacts", "cost_options", "service_at_location"}) {
    tx.sql << std::string("DELETE FROM ") + table + " WHERE service_id = :s", use(service_id);
  }
}

struct ServiceRow {
  std::string id, organisation_id, name, description, url, email, status, level, how_to_access, checked, review,
      withdrawn, closes;
  int minimum_age = 0, maximum_age = 0;
  long long version = 0, updated_at = 0;
};

}  // namespace

void insert_service(Tx& tx, const std::string& area_id, const Service& s) {
  const std::string level(to_string(s.level)), checked = format_date(s.last_checked_on),
                                               review = format_date(s.review_due_on);
  int max_age = s.maximum_age.value_or(0);
  indicator max_ind = s.maximum_age ? soci::i_ok : soci::i_null;
  const long long version = s.version, at = s.updated_at;
  const std::string withdrawn = s.withdrawn_on ? format_date(*s.withdrawn_on) : "";
  const std::string closes = s.closes_on ? format_date(*s.closes_on) : "";
  tx.sql << "INSERT INTO services (id, area_id, organisation_id, name, description, url, email, status, level, "
            "how_to_access, minimum_age, maximum_age, last_checked_on, review_due_on, version, updated_at, "
            "withdrawn_on, closes_on) VALUES (:id, :a, :o, :n, :d, :u, :e, :st, :lv, :h, :mn, :mx, :lc, :rv, :v, :at, "
            ":wd, :cl)",
      use(s.id), use(area_id), use(s.organisation_id), use(s.name), use(s.description), use(s.url), use(s.email),
      use(s.status), use(level), use(s.how_to_access), use(s.minimum_age), use(max_age, max_ind), use(checked),
      use(review), use(version), use(at), use(withdrawn), use(closes);
  insert_service_parts(tx, area_id, s);
}

bool update_service(Tx& tx, const std::string& area_id, const Service& s, std::int64_t expected_version) {
  const std::string level(to_string(s.level)), checked = format_date(s.last_checked_on),
                                               review = format_date(s.review_due_on);
  int max_age = s.maximum_age.value_or(0);
  indicator max_ind = s.maximum_age ? soci::i_ok : soci::i_null;
  const long long version = s.version, at = s.updated_at, expected = expected_version;
  const std::string withdrawn = s.withdrawn_on ? format_date(*s.withdrawn_on) : "";
  const std::string closes = s.closes_on ? format_date(*s.closes_on) : "";
  soci::statement st =
      (tx.sql.prepare << "UPDATE services SET organisation_id = :o, name = :n, description = :d, url = :u, email = "
                         ":e, status = :st, level = :lv, how_to_access = :h, minimum_age = :mn, maximum_age = :mx, "
                         "last_checked_on = :lc, review_due_on = :rv, version = :v, updated_at = :at, withdrawn_on = "
                         ":wd, closes_on = :cl WHERE id = :id AND area_id = :a AND version = :expected",
       use(s.organisation_id), use(s.name), use(s.description), use(s.url), use(s.email), use(s.status), use(level),
       use(s.how_to_access), use(s.minimum_age), use(max_age, max_ind), use(checked), use(review), use(version),
       use(at), use(withdrawn), use(closes), use(s.id), use(area_id), use(expected));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  delete_service_parts(tx, s.id);
  insert_service_parts(tx, area_id, s);
  return true;
}

namespace {
// Whether `id` is a row of `table` in this area; throws when another area has it.
bool owned(Tx& tx, const char* table, const std::string& area_id, const std::string& id) {
  std::string area;
  indicator ind = soci::i_null;
  tx.sql << std::string("SELECT area_id FROM ") + table + " WHERE id = :id", use(id), into(area, ind);
  if (ind != soci::i_ok) return false;
  if (area != area_id) throw ConflictError(std::string(table) + " id " + id + " belongs to another area");
  return true;
}
}  // namespace

void save_organisation(Tx& tx, const std::string& area_id, const Organisation& o, std::int64_t now) {
  if (!owned(tx, "organisations", area_id, o.id)) return insert_organisation(tx, area_id, o, now);
  const long long at = now;
  tx.sql << "UPDATE organisations SET name = :n, description = :d, email = :e, website = :w, logo = :l, "
            "charity_number = :ch, company_number = :co, version = version + 1, updated_at = :at WHERE id = :id",
      use(o.name), use(o.description), use(o.email), use(o.website), use(o.logo), use(o.charity_number),
      use(o.company_number), use(at), use(o.id);
}

void save_location(Tx& tx, const std::string& area_id, const Location& l) {
  if (!owned(tx, "locations", area_id, l.id)) return insert_location(tx, area_id, l);
  long long lat = l.point ? l.point->latitude_e6 : 0, lon = l.point ? l.point->longitude_e6 : 0;
  indicator ind = l.point ? soci::i_ok : soci::i_null;
  tx.sql << "UPDATE locations SET name = :n, description = :d, address_1 = :ad, address_2 = :ad2, city = :c, "
            "postcode = :p, latitude_e6 = :lat, longitude_e6 = :lon, accessibility = :acc, version = version + 1 "
            "WHERE id = :id",
      use(l.name), use(l.description), use(l.address_1), use(l.address_2), use(l.city), use(l.postcode), use(lat, ind),
      use(lon, ind), use(l.accessibility), use(l.id);
}

void save_taxonomy(Tx& tx, const std::string& area_id, const Taxonomy& t) {
  if (!owned(tx, "taxonomies", area_id, t.id)) return insert_taxonomy(tx, area_id, t);
  tx.sql << "UPDATE taxonomies SET name = :n, description = :d, uri = :u, version = :v WHERE id = :id", use(t.name),
      use(t.description), use(t.uri), use(t.version), use(t.id);
}

void save_taxonomy_term(Tx& tx, const std::string& area_id, const TaxonomyTerm& t) {
  if (!owned(tx, "taxonomy_terms", area_id, t.id)) return insert_taxonomy_term(tx, area_id, t);
  tx.sql << "UPDATE taxonomy_terms SET taxonomy_id = :t, code = :c, name = :n, description = :d, parent_id = :p, "
            "version = version + 1 WHERE id = :id",
      use(t.taxonomy_id), use(t.code), use(t.name), use(t.description), use(t.parent_id), use(t.id);
}

void save_service(Tx& tx, const std::string& area_id, const Service& s) {
  if (!owned(tx, "services", area_id, s.id)) return insert_service(tx, area_id, s);
  long long version = 0;
  tx.sql << "SELECT version FROM services WHERE id = :id", use(s.id), into(version);
  Service next = s;
  next.version = version + 1;
  update_service(tx, area_id, next, version);
}

std::vector<DueClosure> due_closures(Tx& tx, Date today) {
  std::vector<DueClosure> out;
  const std::string on = format_date(today), defunct(kWithdrawnStatus);
  DueClosure row;
  std::string closes;
  soci::statement st =
      (tx.sql.prepare << "SELECT area_id, id, name, status, closes_on FROM services WHERE closes_on <> '' AND "
                         "closes_on <= :t AND status <> :defunct ORDER BY area_id, closes_on, id",
       use(on), use(defunct), into(row.area_id), into(row.service_id), into(row.name), into(row.status), into(closes));
  st.execute();
  while (st.fetch()) {
    auto d = parse_date("closes_on", closes);
    if (!d) throw StoreError("service " + row.service_id + " has a malformed closes_on: " + closes);
    row.closes_on = *d;
    out.push_back(row);
  }
  return out;
}

bool close_service(Tx& tx, const DueClosure& c, std::int64_t now) {
  const std::string on = format_date(c.closes_on), defunct(kWithdrawnStatus);
  const long long at = now;
  soci::statement st = (tx.sql.prepare << "UPDATE services SET status = :st, withdrawn_on = :on, closes_on = '', "
                                          "version = version + 1, updated_at = :at WHERE id = :id AND area_id = :a "
                                          "AND closes_on = :due AND status <> :defunct",
                        use(defunct, "st"), use(on, "on"), use(at, "at"), use(c.service_id, "id"), use(c.area_id, "a"),
                        use(on, "due"), use(defunct, "defunct"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

ServiceEnding end_service_on(Tx& tx, const std::string& area_id, const std::string& id, Date day, Date today,
                             std::int64_t now) {
  std::string status, closes;
  soci::indicator found = soci::i_null;
  tx.sql << "SELECT status, closes_on FROM services WHERE id = :id AND area_id = :a", use(id), use(area_id),
      into(status, found), into(closes);
  if (!tx.sql.got_data() || found != soci::i_ok || status == kWithdrawnStatus) return ServiceEnding::unchanged;
  const std::string on = format_date(day);
  if (!closes.empty() && closes <= on) return ServiceEnding::unchanged;
  const long long at = now;
  if (day > today) {
    tx.sql << "UPDATE services SET closes_on = :on, version = version + 1, updated_at = :at WHERE id = :id AND "
              "area_id = :a",
        use(on), use(at), use(id), use(area_id);
    return ServiceEnding::closing;
  }
  const std::string defunct(kWithdrawnStatus);
  tx.sql << "UPDATE services SET status = :st, withdrawn_on = :on, closes_on = '', version = version + 1, updated_at "
            "= :at WHERE id = :id AND area_id = :a",
      use(defunct), use(on), use(at), use(id), use(area_id);
  return ServiceEnding::withdrawn;
}

Directory load_directory(Tx& tx, const std::string& area_id) {
  Directory d;
  d.area_id = area_id;
  {
    Organisation o;
    long long version = 0;
    soci::statement st =
        (tx.sql.prepare << "SELECT id, name, description, email, website, logo, charity_number, company_number, "
                           "version FROM organisations WHERE area_id = :a ORDER BY name, id",
         use(area_id), into(o.id), into(o.name), into(o.description), into(o.email), into(o.website), into(o.logo),
         into(o.charity_number), into(o.company_number), into(version));
    st.execute();
    while (st.fetch()) {
      o.version = version;
      d.organisations.push_back(o);
    }
  }
  {
    Location l;
    long long lat = 0, lon = 0, version = 0;
    indicator lat_ind = soci::i_null, lon_ind = soci::i_null;
    soci::statement st =
        (tx.sql.prepare << "SELECT id, name, description, address_1, address_2, city, postcode, latitude_e6, "
                           "longitude_e6, accessibility, version FROM locations WHERE area_id = :a ORDER BY id",
         use(area_id), into(l.id), into(l.name), into(l.description), into(l.address_1), into(l.address_2),
         into(l.city), into(l.postcode), into(lat, lat_ind), into(lon, lon_ind), into(l.accessibility), into(version));
    st.execute();
    while (st.fetch()) {
      Location copy = l;
      copy.version = version;
      if (lat_ind == soci::i_ok && lon_ind == soci::i_ok) copy.point = GeoPoint{lat, lon};
      d.locations.push_back(std::move(copy));
    }
  }
  {
    Taxonomy t;
    soci::statement st = (tx.sql.prepare << "SELECT id, name, description, uri, version FROM taxonomies WHERE "
                                            "area_id = :a ORDER BY name, id",
                          use(area_id), into(t.id), into(t.name), into(t.description), into(t.uri), into(t.version));
    st.execute();
    while (st.fetch()) d.taxonomies.push_back(t);
  }
  {
    TaxonomyTerm t;
    long long version = 0;
    soci::statement st =
        (tx.sql.prepare << "SELECT id, taxonomy_id, code, name, description, parent_id, version FROM taxonomy_terms "
                           "WHERE area_id = :a ORDER BY taxonomy_id, name, id",
         use(area_id), into(t.id), into(t.taxonomy_id), into(t.code), into(t.name), into(t.description),
         into(t.parent_id), into(version));
    st.execute();
    while (st.fetch()) {
      t.version = version;
      d.terms.push_back(t);
    }
  }
  std::unordered_map<std::string, std::size_t> at;
  {
    ServiceRow r;
    indicator max_ind = soci::i_null;
    soci::statement st =
        (tx.sql.prepare << "SELECT id, organisation_id, name, description, url, email, status, level, how_to_access, "
                           "minimum_age, maximum_age, last_checked_on, review_due_on, version, updated_at, "
                           "withdrawn_on, closes_on FROM services WHERE area_id = :a ORDER BY name, id",
         use(area_id), into(r.id), into(r.organisation_id), into(r.name), into(r.description), into(r.url),
         into(r.email), into(r.status), into(r.level), into(r.how_to_access), into(r.minimum_age),
         into(r.maximum_age, max_ind), into(r.checked), into(r.review), into(r.version), into(r.updated_at),
         into(r.withdrawn), into(r.closes));
    st.execute();
    while (st.fetch()) {
      Service s;
      s.id = r.id;
      s.organisation_id = r.organisation_id;
      s.name = r.name;
      s.description = r.description;
      s.url = r.url;
      s.email = r.email;
      s.status = r.status;
      auto level = parse_service_level(r.level);
      if (!level) throw StoreError("service " + r.id + " has an unknown level: " + r.level);
      s.level = *level;
      s.how_to_access = r.how_to_access;
      s.minimum_age = r.minimum_age;
      if (max_ind == soci::i_ok) s.maximum_age = r.maximum_age;
      auto checked = parse_date("last_checked_on", r.checked), review = parse_date("review_due_on", r.review);
      if (!checked || !review) throw StoreError("service " + r.id + " has a malformed date");
      s.last_checked_on = *checked;
      s.review_due_on = *review;
      if (!r.withdrawn.empty()) {
        auto withdrawn = parse_date("withdrawn_on", r.withdrawn);
        if (!withdrawn) throw StoreError("service " + r.id + " has a malformed withdrawn_on: " + r.withdrawn);
        s.withdrawn_on = *withdrawn;
      }
      if (!r.closes.empty()) {
        auto closes = parse_date("closes_on", r.closes);
        if (!closes) throw StoreError("service " + r.id + " has a malformed closes_on: " + r.closes);
        s.closes_on = *closes;
      }
      s.version = r.version;
      s.updated_at = r.updated_at;
      at[s.id] = d.services.size();
      d.services.push_back(std::move(s));
    }
  }
  auto service = [&](const std::string& id) -> Service& {
    auto it = at.find(id);
    if (it == at.end()) throw StoreError("a directory row names a service that is not in its area: " + id);
    return d.services[it->second];
  };
  std::string sid;
  {
    std::string term;
    soci::statement st = (tx.sql.prepare << "SELECT service_id, term_id FROM service_terms WHERE area_id = :a ORDER "
                                            "BY service_id, term_id",
                          use(area_id), into(sid), into(term));
    st.execute();
    while (st.fetch()) service(sid).term_ids.push_back(term);
  }
  {
    ServiceAtLocation sal;
    soci::statement st = (tx.sql.prepare << "SELECT id, service_id, location_id FROM service_at_location WHERE "
                                            "area_id = :a ORDER BY service_id, id",
                          use(area_id), into(sal.id), into(sid), into(sal.location_id));
    st.execute();
    while (st.fetch()) service(sid).locations.push_back(sal);
  }
  {
    Schedule sc;
    std::string from, to;
    soci::statement st =
        (tx.sql.prepare << "SELECT id, service_id, service_at_location_id, byday, opens_at, closes_at, description, "
                           "valid_from, valid_to FROM schedules WHERE area_id = :a ORDER BY service_id, id",
         use(area_id), into(sc.id), into(sid), into(sc.service_at_location_id), into(sc.byday), into(sc.opens_at),
         into(sc.closes_at), into(sc.description), into(from), into(to));
    st.execute();
    while (st.fetch()) {
      Schedule copy = sc;
      auto day = [&](const std::string& text) -> std::optional<Date> {
        if (text.empty()) return std::nullopt;
        auto parsed = parse_date("schedule", text);
        if (!parsed) throw StoreError("schedule " + copy.id + " has a malformed date: " + text);
        return *parsed;
      };
      copy.valid_from = day(from);
      copy.valid_to = day(to);
      service(sid).schedules.push_back(std::move(copy));
    }
  }
  {
    ServiceContact c;
    soci::statement st =
        (tx.sql.prepare << "SELECT id, service_id, name, title, email, phone FROM service_contacts "
                           "WHERE area_id = :a ORDER BY service_id, id",
         use(area_id), into(c.id), into(sid), into(c.name), into(c.title), into(c.email), into(c.phone));
    st.execute();
    while (st.fetch()) service(sid).contacts.push_back(c);
  }
  {
    CostOption c;
    long long amount = 0;
    indicator amount_ind = soci::i_null;
    soci::statement st =
        (tx.sql.prepare << "SELECT id, service_id, option_text, amount_pence, amount_description, currency "
                           "FROM cost_options WHERE area_id = :a ORDER BY service_id, id",
         use(area_id), into(c.id), into(sid), into(c.option), into(amount, amount_ind), into(c.amount_description),
         into(c.currency));
    st.execute();
    while (st.fetch()) {
      CostOption copy = c;
      if (amount_ind == soci::i_ok) copy.amount = Pence(amount);
      service(sid).costs.push_back(std::move(copy));
    }
  }
  return d;
}

void delete_directory(Tx& tx, const std::string& area_id) {
  for (const char* table :
       {"service_terms", "schedules", "service_contacts", "cost_options", "service_at_location", "services",
        "taxonomy_terms", "taxonomies", "locations", "organisations", "postcode_districts"}) {
    tx.sql << std::string("DELETE FROM ") + table + " WHERE area_id = :a", use(area_id);
  }
  bump_directory_version(tx, area_id);
}

std::int64_t directory_version(Tx& tx, const std::string& area_id) {
  long long version = 0;
  indicator ind = soci::i_null;
  tx.sql << "SELECT version FROM directory_versions WHERE area_id = :a", use(area_id), into(version, ind);
  return ind == soci::i_ok ? version : 0;
}

void bump_directory_version(Tx& tx, const std::string& area_id) {
  soci::statement st =
      (tx.sql.prepare << "UPDATE directory_versions SET version = version + 1 WHERE area_id = :a", use(area_id));
  st.execute(true);
  if (st.get_affected_rows() == 0) {
    tx.sql << "INSERT INTO directory_versions (area_id, version) VALUES (:a, 1)", use(area_id);
  }
}

void upsert_postcode_district(Tx& tx, const std::string& area_id, const std::string& district, GeoPoint centre) {
  const long long lat = centre.latitude_e6, lon = centre.longitude_e6;
  tx.sql << "DELETE FROM postcode_districts WHERE area_id = :a AND district = :d", use(area_id), use(district);
  tx.sql << "INSERT INTO postcode_districts (area_id, district, latitude_e6, longitude_e6) VALUES (:a, :d, :lat, "
            ":lon)",
      use(area_id), use(district), use(lat), use(lon);
}

std::map<std::string, GeoPoint> postcode_districts(Tx& tx, const std::string& area_id) {
  std::map<std::string, GeoPoint> out;
  std::string district;
  long long lat = 0, lon = 0;
  soci::statement st = (tx.sql.prepare << "SELECT district, latitude_e6, longitude_e6 FROM postcode_districts WHERE "
                                          "area_id = :a",
                        use(area_id), into(district), into(lat), into(lon));
  st.execute();
  while (st.fetch()) out[district] = GeoPoint{lat, lon};
  return out;
}

}  // namespace tandem::store
