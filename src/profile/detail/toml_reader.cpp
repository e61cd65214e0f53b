#include "profile/detail/toml_reader.h"

#include <algorithm>
#include <sstream>
#include <utility>

namespace tandem::profile_detail {

namespace {

std::uint32_t line_of(const toml::node& n, std::uint32_t fallback) {
  const auto l = n.source().begin.line;
  return l == 0 ? fallback : l;
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// What a council officer would call the type they wrote by mistake.
std::string describe(const toml::node& n) {
  std::ostringstream shown;
  switch (n.type()) {
    case toml::node_type::string: return "text " + quoted(n.as_string()->get());
    case toml::node_type::integer: return "a number (" + std::to_string(n.as_integer()->get()) + ")";
    case toml::node_type::floating_point: shown << *n.as_floating_point(); return "a number (" + shown.str() + ")";
    case toml::node_type::boolean: return n.as_boolean()->get() ? "true" : "false";
    case toml::node_type::date: shown << *n.as_date(); return "a TOML date (" + shown.str() + ")";
    case toml::node_type::time: shown << *n.as_time(); return "a TOML time (" + shown.str() + ")";
    case toml::node_type::date_time: shown << *n.as_date_time(); return "a TOML date and time (" + shown.str() + ")";
    case toml::node_type::array: return "a list";
    case toml::node_type::table: return "a table";
    case toml::node_type::none: break;
  }
  return "nothing";
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

void Problems::add(std::string field, std::uint32_t line, std::string what) {
  found_.push_back({line, {std::move(field), file_ + " line " + std::to_string(line) + ": " + std::move(what)}});
}

std::vector<FieldError> Problems::take() {
  std::stable_sort(found_.begin(), found_.end(), [](const Found& a, const Found& b) { return a.line < b.line; });
  std::vector<FieldError> out;
  for (auto& f : found_) out.push_back(std::move(f.error));
  found_.clear();
  return out;
}

std::string join(const std::vector<std::string_view>& items) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += ", ";
    out += i;
  }
  return out;
}

void reject(Problems& problems, const Located<std::string>& value, std::string_view what) {
  problems.add(value.path, value.line, value.path + " = " + quoted(value.value) + " " + std::string(what));
}

std::optional<toml::table> parse_toml(Problems& problems, std::string_view text, std::string_view file_name) {
  try {
    return toml::parse(text, file_name);
  } catch (const toml::parse_error& e) {
    const auto line = e.source().begin.line;
    problems.add("toml", line == 0 ? 1 : line,
                 "this is not valid TOML: " + std::string(e.description()) +
                     " (text goes in double quotes, lists in [ ], one key = value a line)");
    return std::nullopt;
  }
}

TableReader::TableReader(Problems& problems, const toml::table& table, std::string path, std::uint32_t line)
    : problems_(problems), table_(table), path_(std::move(path)), line_(line) {}

std::string TableReader::path_of(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

const toml::node* TableReader::find(std::string_view key, std::string_view example, Need need) {
  allowed_.emplace_back(key);
  const toml::node* n = table_.get(key);
  if (!n && need == Need::required) {
    problems_.add(path_of(key), line_, path_of(key) + " is missing; add a line like " + std::string(example));
  }
  return n;
}

void TableReader::wrong_type(std::string_view key, const toml::node& found, std::string_view wanted,
                             std::string_view example) {
  problems_.add(path_of(key), line_of(found, line_),
                path_of(key) + " must be " + std::string(wanted) + ", like " + std::string(example) + "; found " +
                    describe(found));
}

std::optional<Located<std::string>> TableReader::text(std::string_view key, std::string_view example, Need need) {
  const toml::node* n = find(key, example, need);
  if (!n) return std::nullopt;
  if (!n->is_string()) {
    wrong_type(key, *n, "text in double quotes", example);
    return std::nullopt;
  }
  const std::string& s = n->as_string()->get();
  if (blank(s)) {
    problems_.add(path_of(key), line_of(*n, line_), path_of(key) + " is empty; write it like " + std::string(example));
    return std::nullopt;
  }
  return Located<std::string>{s, path_of(key), line_of(*n, line_)};
}

std::optional<Located<bool>> TableReader::boolean(std::string_view key, std::string_view example, Need need) {
  const toml::node* n = find(key, example, need);
  if (!n) return std::nullopt;
  if (!n->is_boolean()) {
    wrong_type(key, *n, "true or false, without quotes", example);
    return std::nullopt;
  }
  return Located<bool>{n->as_boolean()->get(), path_of(key), line_of(*n, line_)};
}

std::optional<Located<double>> TableReader::number(std::string_view key, std::string_view example, Need need) {
  const toml::node* n = find(key, example, need);
  if (!n) return std::nullopt;
  if (n->is_integer())
    return Located<double>{static_cast<double>(n->as_integer()->get()), path_of(key), line_of(*n, line_)};
  if (!n->is_floating_point()) {
    wrong_type(key, *n, "a number, without quotes", example);
    return std::nullopt;
  }
  return Located<double>{n->as_floating_point()->get(), path_of(key), line_of(*n, line_)};
}

std::optional<std::vector<Located<std::string>>> TableReader::text_list(std::string_view key, std::string_view example,
                                                                        Need need) {
  const toml::node* n = find(key, example, need);
  if (!n) {
    if (need == Need::optional) return std::vector<Located<std::string>>{};
    return std::nullopt;
  }
  const toml::array* list = n->as_array();
  if (!list) {
    wrong_type(key, *n, "a list of texts in [ ]", example);
    return std::nullopt;
  }
  std::vector<Located<std::string>> out;
  bool ok = true;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const toml::node& item = *list->get(i);
    const std::string item_path = path_of(key) + "[" + std::to_string(i) + "]";
    const std::uint32_t item_line = line_of(item, line_of(*n, line_));
    if (!item.is_string()) {
      problems_.add(
          item_path, item_line,
          item_path + " must be text in double quotes, like " + std::string(example) + "; found " + describe(item));
      ok = false;
      continue;
    }
    const std::string& s = item.as_string()->get();
    if (blank(s)) {
      problems_.add(item_path, item_line, item_path + " is empty; remove it or write a name");
      ok = false;
      continue;
    }
    out.push_back({s, item_path, item_line});
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<TableReader::Sub> TableReader::table(std::string_view key, std::string_view example, Need need) {
  const toml::node* n = find(key, example, need);
  if (!n) return std::nullopt;
  if (!n->is_table()) {
    wrong_type(key, *n, "a table, written [" + path_of(key) + "] on a line of its own", example);
    return std::nullopt;
  }
  return Sub{n->as_table(), path_of(key), line_of(*n, line_)};
}

std::optional<std::vector<TableReader::Sub>> TableReader::tables(std::string_view key, std::string_view example,
                                                                 Need need) {
  const toml::node* n = find(key, example, need);
  if (!n) {
    if (need == Need::optional) return std::vector<Sub>{};
    return std::nullopt;
  }
  const toml::array* list = n->as_array();
  if (!list || !list->is_array_of_tables()) {
    wrong_type(key, *n, "one or more [[" + path_of(key) + "]] tables", example);
    return std::nullopt;
  }
  std::vector<Sub> out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const toml::node& item = *list->get(i);
    out.push_back({item.as_table(), path_of(key) + "[" + std::to_string(i) + "]", line_of(item, line_of(*n, line_))});
  }
  return out;
}

void TableReader::finish() {
  std::vector<std::string_view> allowed(allowed_.begin(), allowed_.end());
  for (const auto& [k, v] : table_) {
    const std::string_view name = k.str();
    if (std::find(allowed_.begin(), allowed_.end(), name) != allowed_.end()) continue;
    const auto kl = k.source().begin.line;
    problems_.add(path_of(name), kl != 0 ? kl : line_of(v, line_),
                  path_of(name) + " is not a known key; allowed " +
                      (path_.empty() ? std::string("at the top level") : "in " + path_) + ": " + join(allowed));
  }
}

}  // namespace tandem::profile_detail
