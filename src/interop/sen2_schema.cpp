#include "interop/sen2_schema.h"

#include <chrono>
#include <mutex>
#include <set>
#include <span>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/embedded_file.h"

namespace tandem {
std::span<const EmbeddedFile> embedded_sen2_schemas();
}

namespace tandem::sen2 {

namespace {

ValueType parse_type(const std::string& t) {
  if (t == "text") return ValueType::text;
  if (t == "code") return ValueType::code;
  if (t == "date") return ValueType::date;
  if (t == "datetime") return ValueType::datetime;
  if (t == "year") return ValueType::year;
  if (t == "integer") return ValueType::integer;
  if (t == "la") return ValueType::la;
  if (t == "urn") return ValueType::urn;
  if (t == "ukprn") return ValueType::ukprn;
  if (t == "serial") return ValueType::serial;
  if (t == "upn") return ValueType::upn;
  if (t == "uln") return ValueType::uln;
  throw std::runtime_error("SEN2 schema: unknown type " + t);
}

Schema parse_schema(std::string_view text) {
  const auto j = nlohmann::json::parse(text);
  Schema s;
  s.year = j.at("year").get<int>();
  s.version = j.at("version").get<std::string>();
  s.verified = j.value("verified", "");
  for (const auto& u : j.value("unverified", nlohmann::json::array())) s.unverified.push_back(u.get<std::string>());
  s.collection = j.at("collection").get<std::string>();
  s.root = j.at("root").get<std::string>();
  for (const auto& [key, e] : j.at("elements").items()) {
    ElementSpec spec;
    spec.key = key;
    spec.name = e.at("name").get<std::string>();
    if (e.contains("type")) spec.type = parse_type(e.at("type").get<std::string>());
    spec.codes = e.value("codes", "");
    spec.required = e.value("required", false);
    spec.repeats = e.value("repeats", false);
    spec.max = e.value("max", 0);
    for (const auto& c : e.value("children", nlohmann::json::array())) spec.children.push_back(c.get<std::string>());
    for (const auto& a : e.value("also_read", nlohmann::json::array())) spec.also_read.push_back(a.get<std::string>());
    s.elements.emplace(key, std::move(spec));
  }
  for (const auto& [list, entries] : j.at("codes").items()) {
    auto& out = s.codes[list];
    for (const auto& pair : entries) out.push_back({pair.at(0).get<std::string>(), pair.at(1).get<std::string>()});
  }
  const auto export_as = j.value("export_as", nlohmann::json::object());
  for (const auto& [list, pairs] : export_as.items())
    for (const auto& [from, to] : pairs.items()) s.export_as[list][from] = to.get<std::string>();
  // Every child and code list named must exist: a typo in the file is a bug.
  for (const auto& [key, e] : s.elements) {
    for (const auto& c : e.children)
      if (!s.elements.contains(c)) throw std::runtime_error("SEN2 schema " + key + ": no element " + c);
    if (e.type == ValueType::code && !s.codes.contains(e.codes))
      throw std::runtime_error("SEN2 schema " + key + ": no code list " + e.codes);
    std::set<std::string> spellings;
    for (const auto& c : e.children) {
      const auto& child = s.elements.at(c);
      if (!spellings.insert(child.name).second) throw std::runtime_error("SEN2 schema " + key + ": two " + child.name);
      for (const auto& other : child.also_read)
        if (!spellings.insert(other).second) throw std::runtime_error("SEN2 schema " + key + ": two " + other);
    }
  }
  return s;
}

const std::map<int, Schema>& all_schemas() {
  static const std::map<int, Schema> schemas = [] {
    std::map<int, Schema> out;
    for (const auto& f : embedded_sen2_schemas()) {
      auto s = parse_schema(f.content);
      out.emplace(s.year, std::move(s));
    }
    return out;
  }();
  return schemas;
}

}  // namespace

const ElementSpec& Schema::element(std::string_view key) const { return elements.at(std::string(key)); }

const std::vector<Code>& Schema::code_list(std::string_view list) const { return codes.at(std::string(list)); }

bool Schema::allows(std::string_view list, std::string_view value) const {
  for (const auto& c : code_list(list))
    if (c.code == value) return true;
  return false;
}

std::optional<std::string> Schema::label(std::string_view list, std::string_view value) const {
  for (const auto& c : code_list(list))
    if (c.code == value) return c.label;
  return std::nullopt;
}

std::string Schema::allowed_text(std::string_view list) const {
  const auto& l = code_list(list);
  std::string out;
  for (std::size_t i = 0; i < l.size(); ++i) {
    if (i > 0) out += i + 1 == l.size() ? " or " : ", ";
    out += l[i].code;
  }
  return out;
}

std::string Schema::export_code(std::string_view list, const std::string& recorded) const {
  const auto l = export_as.find(std::string(list));
  if (l == export_as.end()) return recorded;
  const auto c = l->second.find(recorded);
  return c == l->second.end() ? recorded : c->second;
}

const ElementSpec* Schema::child_named(const ElementSpec& parent, std::string_view name) const {
  for (const auto& c : parent.children) {
    const auto& spec = element(c);
    if (spec.name == name) return &spec;
  }
  for (const auto& c : parent.children) {
    const auto& spec = element(c);
    for (const auto& other : spec.also_read)
      if (other == name) return &spec;
  }
  return nullptr;
}

const Schema* schema_for(int year) {
  const auto& all = all_schemas();
  const auto it = all.find(year);
  return it == all.end() ? nullptr : &it->second;
}

std::vector<int> schema_years() {
  std::vector<int> out;
  for (const auto& [y, s] : all_schemas()) out.push_back(y);
  return out;
}

std::string census_date(int year) {
  using namespace std::chrono;
  const year_month_weekday third_thursday{std::chrono::year{year} / January / Thursday[3]};
  return format_date(sys_days{third_thursday});
}

}  // namespace tandem::sen2
