#include "interop/oruk_tables.h"

#include <charconv>
#include <cmath>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "core/directory.h"
#include "interop/oruk_reader.h"

namespace tandem::interop::oruk {

using nlohmann::json;

namespace {

struct TableSpec {
  const char* key;
  std::vector<const char*> file_names;  // the first present is read
  std::vector<const char*> required_columns;
  bool required = false;
};

// The tables Tandem reads and the columns without which their rows mean nothing.
const std::vector<TableSpec>& table_specs() {
  static const std::vector<TableSpec> specs = {
      {"services", {"services.csv", "service.csv"}, {"id", "organization_id", "name", "status"}, true},
      {"organizations", {"organizations.csv", "organization.csv"}, {"id", "name"}, true},
      {"locations", {"locations.csv", "location.csv"}, {"id"}},
      {"service_at_locations",
       {"service_at_locations.csv", "service_at_location.csv"},
       {"id", "service_id", "location_id"}},
      {"addresses", {"addresses.csv", "address.csv"}, {"location_id"}},
      {"accessibility", {"accessibility.csv", "accessibility_for_disabilities.csv"}, {"location_id"}},
      {"schedules", {"schedules.csv", "schedule.csv"}, {"id"}},
      {"contacts", {"contacts.csv", "contact.csv"}, {"id", "service_id"}},
      {"phones", {"phones.csv", "phone.csv"}, {"number"}},
      {"cost_options", {"cost_options.csv", "cost_option.csv"}, {"id", "service_id"}},
      {"organization_identifiers",
       {"organization_identifiers.csv", "organization_identifier.csv"},
       {"organization_id", "identifier"}},
      {"taxonomies", {"taxonomies.csv", "taxonomy.csv"}, {"id", "name"}},
      {"taxonomy_terms", {"taxonomy_terms.csv", "taxonomy_term.csv"}, {"id", "name"}},
      {"attributes", {"attributes.csv", "attribute.csv"}, {"link_id", "taxonomy_term_id"}},
      {"eligibility", {"eligibility.csv", "eligibilitys.csv", "eligibilities.csv"}, {"service_id"}},
  };
  return specs;
}

struct Table {
  std::string file;  // empty: the folder has no such table
  CsvTable csv;

  std::size_t size() const { return csv.rows.size(); }
  std::string cell(std::size_t row, std::string_view column) const { return std::string(cell_view(row, column)); }
  std::string_view cell_view(std::size_t row, std::string_view column) const {
    auto c = csv.column(column);
    return c ? std::string_view(csv.rows[row][*c]) : std::string_view();
  }
  std::string where(std::size_t row) const { return file + " line " + std::to_string(csv.row_lines[row]); }
  // Rows by the value of one column, in file order.
  std::unordered_map<std::string, std::vector<std::size_t>> by(std::string_view column) const {
    std::unordered_map<std::string, std::vector<std::size_t>> out;
    auto c = csv.column(column);
    if (!c) return out;
    for (std::size_t r = 0; r < size(); ++r) {
      if (!csv.rows[r][*c].empty()) out[csv.rows[r][*c]].push_back(r);
    }
    return out;
  }
};

using Index = std::unordered_map<std::string, std::vector<std::size_t>>;

const std::vector<std::size_t>& rows_of(const Index& index, const std::string& id) {
  static const std::vector<std::size_t> none;
  auto it = index.find(id);
  return it == index.end() ? none : it->second;
}

// Which row each part of a service's JSON came from, so a problem the JSON
// reader finds ("service_at_locations[0].location.latitude") is told as the
// file, line and column it came from ("locations.csv line 2 latitude").
class Origins {
 public:
  void add(const std::string& path_prefix, const Table& t, std::size_t row) { at_[path_prefix] = {&t, row}; }

  FieldError locate(const FieldError& e) const {
    const Origin* best = nullptr;
    std::size_t best_length = 0;
    for (const auto& [prefix, origin] : at_) {
      if (e.field.starts_with(prefix) && (best == nullptr || prefix.size() > best_length)) {
        best = &origin;
        best_length = prefix.size();
      }
    }
    if (best == nullptr) return e;
    std::string column = e.field.substr(best_length);
    if (column.empty()) column = e.field;
    std::string message = e.message;
    if (message.starts_with(e.field)) message = column + message.substr(e.field.size());
    return {best->table->where(best->row) + " " + column, message};
  }

 private:
  struct Origin {
    const Table* table;
    std::size_t row;
  };
  std::map<std::string, Origin> at_;
};

class Joiner {
 public:
  Joiner(const std::map<std::string, Table>& tables, Date today) : t_(tables), today_(today) {
    organisations_ = table("organizations").by("id");
    identifiers_ = table("organization_identifiers").by("organization_id");
    locations_ = table("locations").by("id");
    sals_ = table("service_at_locations").by("service_id");
    addresses_ = table("addresses").by("location_id");
    accessibility_ = table("accessibility").by("location_id");
    schedules_by_service_ = table("schedules").by("service_id");
    schedules_by_sal_ = table("schedules").by("service_at_location_id");
    contacts_ = table("contacts").by("service_id");
    phones_ = table("phones").by("contact_id");
    costs_ = table("cost_options").by("service_id");
    taxonomies_ = table("taxonomies").by("id");
    terms_ = table("taxonomy_terms").by("id");
    attributes_ = table("attributes").by("link_id");
    eligibility_ = table("eligibility").by("service_id");
  }

  ParsedFeed join() {
    ParsedFeed feed;
    const Table& services = table("services");
    std::unordered_map<std::string, std::size_t> first_line;
    for (std::size_t row = 0; row < services.size(); ++row) {
      errors_.clear();
      origins_ = Origins();
      const std::string id = services.cell(row, "id");
      json j = service(row);
      std::vector<FieldError> read_errors;
      auto record = read_service_object(j, today_, read_errors);
      for (auto& e : read_errors) {
        if (e.field == "schedules") e = first_bad_schedule(j, e);
        errors_.push_back(origins_.locate(e));
      }
      if (!id.empty()) {
        auto [seen, fresh] = first_line.emplace(id, services.csv.row_lines[row]);
        if (!fresh)
          errors_.insert(errors_.begin(), {services.where(row) + " id", "id " + id + " is already on line " +
                                                                            std::to_string(seen->second) +
                                                                            ": each service must have its own id"});
      }
      if (errors_.empty()) {
        feed.services.push_back(std::move(record));
      } else {
        feed.rejected.push_back({row, id, services.cell(row, "name"), services.where(row), Error(std::move(errors_))});
      }
    }
    return feed;
  }

 private:
  const Table& table(const char* key) const { return t_.at(key); }

  void text(json& obj, const char* key, const Table& t, std::size_t row, const char* column = nullptr) {
    std::string v = t.cell(row, column ? column : key);
    if (!v.empty()) obj[key] = std::move(v);
  }

  // A number cell: blank is none; anything else must be a number (a whole one
  // for ages), or the row is refused naming the cell.
  void number(json& obj, const char* key, const Table& t, std::size_t row, bool whole, const std::string& what) {
    std::string_view v = t.cell_view(row, key);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    if (v.empty()) return;
    double value = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(value) ||
        (whole && value != std::floor(value))) {
      errors_.push_back(
          {t.where(row) + " " + key, std::string(key) + " must be " + what + ", not \"" + std::string(v) + "\""});
      return;
    }
    obj[key] = value;
  }

  json service(std::size_t row) {
    const Table& services = table("services");
    const std::string id = services.cell(row, "id");
    origins_.add("", services, row);
    json j = json::object();
    for (const char* key :
         {"id", "name", "description", "url", "email", "status", "alert", "assured_date", "last_modified"})
      text(j, key, services, row);
    number(j, "minimum_age", services, row, true, "a whole number of years, like 5");
    number(j, "maximum_age", services, row, true, "a whole number of years, like 18");
    ages_from_eligibility(j, id);

    const std::string org_id = services.cell(row, "organization_id");
    if (const auto& orgs = rows_of(organisations_, org_id); !orgs.empty()) {
      const Table& t = table("organizations");
      json org = json::object();
      for (const char* key : {"id", "name", "description", "email", "website", "logo"}) text(org, key, t, orgs.front());
      origins_.add("organization.", t, orgs.front());
      json identifiers = json::array();
      const Table& id_table = table("organization_identifiers");
      for (std::size_t r : rows_of(identifiers_, org_id)) {
        json identifier = json::object();
        for (const char* key : {"identifier_scheme", "identifier_type", "identifier"})
          text(identifier, key, id_table, r);
        origins_.add("organization.organization_identifiers[" + std::to_string(identifiers.size()) + "].", id_table, r);
        identifiers.push_back(std::move(identifier));
      }
      if (!identifiers.empty()) org["organization_identifiers"] = std::move(identifiers);
      j["organization"] = std::move(org);
    } else {
      errors_.push_back({services.where(row) + " organization_id",
                         org_id.empty() ? "organization_id is required: the id of the organisation in " +
                                              table("organizations").file + " that runs the service"
                                        : "organization_id " + org_id + " is not in " + table("organizations").file});
    }

    std::set<std::string> sal_ids;
    json sals = json::array();
    const Table& sal_table = table("service_at_locations");
    for (std::size_t r : rows_of(sals_, id)) {
      const std::string p = "service_at_locations[" + std::to_string(sals.size()) + "].";
      json sal = json::object();
      text(sal, "id", sal_table, r);
      sal_ids.insert(sal_table.cell(r, "id"));
      origins_.add(p, sal_table, r);
      const std::string location_id = sal_table.cell(r, "location_id");
      if (const auto& locs = rows_of(locations_, location_id); !locs.empty()) {
        sal["location"] = location(locs.front(), p + "location.");
      } else {
        errors_.push_back({sal_table.where(r) + " location_id",
                           "location_id " + location_id + " is not in " + table("locations").file});
      }
      sals.push_back(std::move(sal));
    }
    j["service_at_locations"] = std::move(sals);

    // A schedule belongs to the service by its service_id or by one of the
    // service's service_at_location_id.
    std::set<std::size_t> schedule_rows(rows_of(schedules_by_service_, id).begin(),
                                        rows_of(schedules_by_service_, id).end());
    for (const auto& sal_id : sal_ids) {
      for (std::size_t r : rows_of(schedules_by_sal_, sal_id)) schedule_rows.insert(r);
    }
    json schedules = json::array();
    const Table& schedule_table = table("schedules");
    for (std::size_t r : schedule_rows) {
      json sc = json::object();
      for (const char* key : {"id", "service_at_location_id", "byday", "opens_at", "closes_at", "description"})
        text(sc, key, schedule_table, r);
      origins_.add("schedules[" + std::to_string(schedules.size()) + "].", schedule_table, r);
      schedules.push_back(std::move(sc));
    }
    j["schedules"] = std::move(schedules);

    json contacts = json::array();
    const Table& contact_table = table("contacts");
    const Table& phone_table = table("phones");
    for (std::size_t r : rows_of(contacts_, id)) {
      const std::string p = "contacts[" + std::to_string(contacts.size()) + "].";
      json c = json::object();
      for (const char* key : {"id", "name", "title", "email"}) text(c, key, contact_table, r);
      origins_.add(p, contact_table, r);
      if (const auto& phones = rows_of(phones_, contact_table.cell(r, "id")); !phones.empty()) {
        json phone = json::object();
        text(phone, "number", phone_table, phones.front());
        origins_.add(p + "phones[0].", phone_table, phones.front());
        c["phones"] = json::array({std::move(phone)});
      }
      contacts.push_back(std::move(c));
    }
    j["contacts"] = std::move(contacts);

    json costs = json::array();
    const Table& cost_table = table("cost_options");
    for (std::size_t r : rows_of(costs_, id)) {
      json c = json::object();
      for (const char* key : {"id", "option", "amount_description", "currency"}) text(c, key, cost_table, r);
      number(c, "amount", cost_table, r, false, "a number of pounds, like 4.50");
      origins_.add("cost_options[" + std::to_string(costs.size()) + "].", cost_table, r);
      costs.push_back(std::move(c));
    }
    j["cost_options"] = std::move(costs);

    json attributes = json::array();
    const Table& attribute_table = table("attributes");
    std::set<std::string> term_ids;
    for (std::size_t r : rows_of(attributes_, id)) {
      const std::string term_id = attribute_table.cell(r, "taxonomy_term_id");
      const auto& terms = rows_of(terms_, term_id);
      if (terms.empty()) {
        errors_.push_back({attribute_table.where(r) + " taxonomy_term_id",
                           "taxonomy_term_id " + term_id + " is not in " + table("taxonomy_terms").file});
        continue;
      }
      if (!term_ids.insert(term_id).second) continue;  // the same term twice says nothing more
      const std::string p = "attributes[" + std::to_string(attributes.size()) + "].";
      origins_.add(p, attribute_table, r);
      origins_.add(p + "taxonomy_term.", table("taxonomy_terms"), terms.front());
      attributes.push_back({{"taxonomy_term", term(terms.front())}});
    }
    j["attributes"] = std::move(attributes);
    return j;
  }

  // Older tables keep the ages in eligibility.csv; the service's own win.
  void ages_from_eligibility(json& j, const std::string& id) {
    const auto& rows = rows_of(eligibility_, id);
    if (rows.empty()) return;
    const Table& t = table("eligibility");
    json ages = json::object();
    number(ages, "minimum_age", t, rows.front(), true, "a whole number of years, like 5");
    number(ages, "maximum_age", t, rows.front(), true, "a whole number of years, like 18");
    for (const char* key : {"minimum_age", "maximum_age"}) {
      if (!j.contains(key) && ages.contains(key)) {
        j[key] = ages[key];
        origins_.add(key, t, rows.front());
      }
    }
  }

  json location(std::size_t row, const std::string& p) {
    const Table& t = table("locations");
    json l = json::object();
    for (const char* key : {"id", "name", "description"}) text(l, key, t, row);
    number(l, "latitude", t, row, false, "a number of degrees, like 53.4123");
    number(l, "longitude", t, row, false, "a number of degrees, like -2.1612");
    origins_.add(p, t, row);
    const std::string id = t.cell(row, "id");
    const auto& addresses = rows_of(addresses_, id);
    if (!addresses.empty()) {
      const Table& a = table("addresses");
      // Tandem keeps one address: where people go, when the table says which.
      std::size_t chosen = addresses.front();
      for (std::size_t r : addresses) {
        if (a.cell(r, "address_type") == "physical") {
          chosen = r;
          break;
        }
      }
      json address = json::object();
      for (const char* key : {"address_1", "address_2", "city", "postal_code"}) text(address, key, a, chosen);
      origins_.add(p + "addresses[0].", a, chosen);
      l["addresses"] = json::array({std::move(address)});
    }
    json access = json::array();
    const Table& a = table("accessibility");
    for (std::size_t r : rows_of(accessibility_, id)) {
      std::string d = a.cell(r, "description");
      if (d.empty()) d = a.cell(r, "accessibility");
      if (d.empty()) continue;
      origins_.add(p + "accessibility[" + std::to_string(access.size()) + "].", a, r);
      access.push_back({{"description", d}});
    }
    if (!access.empty()) l["accessibility"] = std::move(access);
    return l;
  }

  json term(std::size_t row) {
    const Table& t = table("taxonomy_terms");
    json term = json::object();
    for (const char* key : {"id", "name", "description", "term", "parent_id", "taxonomy_id", "taxonomy"})
      text(term, key, t, row);
    // The taxonomy's own name, when the table has it, is the one to keep.
    if (const auto& tax = rows_of(taxonomies_, t.cell(row, "taxonomy_id")); !tax.empty()) {
      term["taxonomy"] = table("taxonomies").cell(tax.front(), "name");
    }
    return term;
  }

  // check_service names "schedules" as a whole; point at the first bad one.
  static FieldError first_bad_schedule(const json& j, const FieldError& e) {
    auto found = j.find("schedules");
    if (found == j.end()) return e;
    const json& schedules = *found;
    for (std::size_t i = 0; i < schedules.size(); ++i) {
      if (!schedules[i].contains("opens_at") && !schedules[i].contains("closes_at")) continue;  // not read
      for (const char* key : {"opens_at", "closes_at"}) {
        const std::string v = schedules[i].value(key, "").substr(0, 5);
        if (!parse_time_of_day(v))
          return {"schedules[" + std::to_string(i) + "]." + key, std::string(key) + " must be HH:MM, like 09:00"};
      }
      const auto opens = parse_time_of_day(schedules[i].value("opens_at", "").substr(0, 5));
      const auto closes = parse_time_of_day(schedules[i].value("closes_at", "").substr(0, 5));
      if (*closes <= *opens)
        return {"schedules[" + std::to_string(i) + "].closes_at", "closes_at must be after opens_at"};
    }
    return e;
  }

  const std::map<std::string, Table>& t_;
  Date today_;
  std::vector<FieldError> errors_;
  Origins origins_;
  Index organisations_, identifiers_, locations_, sals_, addresses_, accessibility_, schedules_by_service_,
      schedules_by_sal_, contacts_, phones_, costs_, taxonomies_, terms_, attributes_, eligibility_;
};

}  // namespace

Result<ParsedFeed> parse_service_tables(const std::map<std::string, std::string>& files, Date today) {
  std::map<std::string, Table> tables;
  std::vector<FieldError> errors;
  for (const auto& spec : table_specs()) {
    Table& t = tables[spec.key];
    for (const char* name : spec.file_names) {
      auto it = files.find(name);
      if (it == files.end()) continue;
      t.file = name;
      auto csv = parse_csv(it->second);
      if (!csv) {
        errors.push_back({name, std::string(name) + ": " + csv.error().first_message()});
        break;
      }
      t.csv = std::move(*csv);
      std::string missing;
      for (const char* column : spec.required_columns) {
        if (!t.csv.column(column)) missing += (missing.empty() ? "" : ", ") + std::string(column);
      }
      if (!missing.empty()) {
        std::string needed;
        for (const char* column : spec.required_columns) needed += (needed.empty() ? "" : ", ") + std::string(column);
        errors.push_back({name, std::string(name) + " has no column " + missing + ": its header must name " + needed});
      }
      break;
    }
    if (t.file.empty()) {
      t.file = spec.file_names.front();
      if (spec.required)
        errors.push_back({t.file, "There is no " + t.file +
                                      ": the folder must hold the Open Referral UK tables "
                                      "services.csv and organizations.csv, and may hold "
                                      "locations.csv, service_at_locations.csv, "
                                      "schedules.csv and the rest"});
    }
  }
  if (errors.empty() && tables.at("services").size() == 0)
    errors.push_back({"services.csv", "services.csv holds no services: it has a header and no rows"});
  if (!errors.empty()) return fail(std::move(errors));
  return Joiner(tables, today).join();
}

}  // namespace tandem::interop::oruk
