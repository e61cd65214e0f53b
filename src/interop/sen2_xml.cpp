#include "interop/sen2_xml.h"

#include <algorithm>
#include <cctype>
#include <istream>
#include <map>
#include <ostream>
#include <sstream>

#include <expat.h>
#include <nlohmann/json.hpp>

#include "core/date.h"

namespace tandem::sen2 {

const Node* Node::child(std::string_view k) const {
  for (const auto& c : children)
    if (c.key == k) return &c;
  return nullptr;
}

std::vector<const Node*> Node::all(std::string_view k) const {
  std::vector<const Node*> out;
  for (const auto& c : children)
    if (c.key == k) out.push_back(&c);
  return out;
}

std::string Node::value(std::string_view k) const {
  const auto* c = child(k);
  return c ? c->text : std::string();
}

Node& Node::add(std::string k, std::string t) {
  children.push_back(Node{std::move(k), std::move(t), {}});
  return children.back();
}

namespace {

nlohmann::json node_json(const Node& n) {
  nlohmann::json j = nlohmann::json::array({n.key, n.text});
  if (!n.children.empty()) {
    nlohmann::json kids = nlohmann::json::array();
    for (const auto& c : n.children) kids.push_back(node_json(c));
    j.push_back(std::move(kids));
  }
  return j;
}

Node json_node(const nlohmann::json& j) {
  Node n{j.at(0).get<std::string>(), j.at(1).get<std::string>(), {}};
  if (j.size() > 2)
    for (const auto& c : j.at(2)) n.children.push_back(json_node(c));
  return n;
}

}  // namespace

std::string to_json(const Node& n) { return node_json(n).dump(); }

Node node_from_json(std::string_view json) {
  try {
    return json_node(nlohmann::json::parse(json));
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("stored SEN2 person is not readable: ") + e.what());
  }
}

namespace {

void escape(std::ostream& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out << "&amp;"; break;
      case '<': out << "&lt;"; break;
      case '>': out << "&gt;"; break;
      case '"': out << "&quot;"; break;
      case '\'': out << "&apos;"; break;
      default: out << c;
    }
  }
}

// A leaf with no value is left out, except text the schema requires (PostCode):
// DfE's schema wants the element even when it is empty.
bool has_content(const Node& n, const Schema& schema) {
  const auto& spec = schema.element(n.key);
  if (spec.type == ValueType::container) return true;
  return !n.text.empty() || (spec.required && spec.type == ValueType::text);
}

void write_node(std::ostream& out, const Node& n, const Schema& schema, int depth) {
  const auto& spec = schema.element(n.key);
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  if (spec.type != ValueType::container) {
    if (!has_content(n, schema)) return;
    out << indent << '<' << spec.name << '>';
    escape(out, n.text);
    out << "</" << spec.name << ">\n";
    return;
  }
  out << indent << '<' << spec.name << ">\n";
  // Canonical order: the year's order of children; repeats keep their order.
  for (const auto& key : spec.children) {
    for (const auto& c : n.children)
      if (c.key == key && has_content(c, schema)) write_node(out, c, schema, depth + 1);
  }
  out << indent << "</" << spec.name << ">\n";
}

}  // namespace

Writer::Writer(std::ostream& out, const Schema& schema) : out_(out), schema_(schema) {}

void Writer::begin(const Node& header) {
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out_ << '<' << schema_.element(schema_.root).name << ">\n";
  write_node(out_, header, schema_, 1);
  out_ << "  <" << schema_.element("persons").name << ">\n";
}

void Writer::person(const Node& person) { write_node(out_, person, schema_, 2); }

void Writer::end() {
  out_ << "  </" << schema_.element("persons").name << ">\n";
  out_ << "</" << schema_.element(schema_.root).name << ">\n";
}

std::string to_xml(const Node& n, const Schema& schema, int depth) {
  std::ostringstream out;
  write_node(out, n, schema, depth);
  return out.str();
}

// ---- Reading -------------------------------------------------------------------

namespace {

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// What is wrong with a leaf's value, or "" when it is allowed.
std::string check_value(const ElementSpec& spec, const std::string& v, const Schema& schema) {
  switch (spec.type) {
    case ValueType::container:
    case ValueType::text: return "";
    case ValueType::code:
      if (schema.allows(spec.codes, v)) return "";
      return "'" + v + "' is not a " + std::to_string(schema.year) + " " + spec.name +
             " code; allowed: " + schema.allowed_text(spec.codes);
    case ValueType::date:
      if (v.size() == 10 && parse_date(spec.name, v)) return "";
      return "'" + v + "' is not a date: write a real day as YYYY-MM-DD, e.g. 2025-03-14";
    case ValueType::datetime:
      if (v.size() >= 19 && v[10] == 'T' && parse_date(spec.name, v.substr(0, 10))) return "";
      return "'" + v + "' is not a date and time: write YYYY-MM-DDThh:mm:ss";
    case ValueType::year:
      if (v.size() == 4 && all_digits(v)) return "";
      return "'" + v + "' is not a year: write four digits, e.g. 2026";
    case ValueType::integer:
      if (all_digits(v) && v.size() <= 9) return "";
      return "'" + v + "' is not a whole number";
    case ValueType::la:
      if (v.size() == 3 && all_digits(v)) return "";
      return "'" + v + "' is not a local authority number: three digits, e.g. 356";
    case ValueType::urn:
      if (v.size() == 6 && all_digits(v)) return "";
      return "'" + v + "' is not a URN: six digits";
    case ValueType::ukprn:
      if (v.size() == 8 && all_digits(v) && v[0] == '1') return "";
      return "'" + v + "' is not a UKPRN: eight digits starting with 1";
    case ValueType::serial:
      if (v.size() >= 3 && v.size() <= 9 && all_digits(v)) return "";
      return "'" + v + "' is not a serial number: three or more digits, e.g. 001";
    case ValueType::upn: {
      const bool shaped = v.size() == 13 && std::isalpha(static_cast<unsigned char>(v[0])) &&
                          all_digits(std::string_view(v).substr(1, 11)) &&
                          std::isalnum(static_cast<unsigned char>(v[12]));
      if (shaped) return "";
      return "'" + v + "' is not a UPN: a letter, 11 digits, then a digit or a letter (13 characters)";
    }
    case ValueType::uln:
      if (v.size() == 10 && all_digits(v)) return "";
      return "'" + v + "' is not a unique learner number: ten digits";
  }
  return "";
}

struct Frame {
  const ElementSpec* spec;  // nullptr: an unknown element being skipped
  Node node;
  std::string path;
  std::map<std::string, int> seen;     // child's name in the year's spelling -> count
  std::map<std::string, int> spelled;  // child spelled otherwise -> count, for [n] in its path
  std::string text;
  bool had_problem = false;
};

struct Reader {
  const HeaderFn& on_header;
  const PersonFn& on_person;
  std::size_t max_problems;
  const Schema* schema;
  ReadResult result;
  std::vector<Frame> stack;
  XML_Parser parser = nullptr;

  void problem(const std::string& path, const std::string& element, const std::string& message) {
    for (auto& f : stack) f.had_problem = true;
    if (result.problems.size() >= max_problems) {
      result.truncated = true;
      return;
    }
    result.problems.push_back({path, element, message});
  }

  std::string allowed_children(const ElementSpec& parent) const {
    std::string out;
    for (std::size_t i = 0; i < parent.children.size(); ++i) {
      if (i > 0) out += ", ";
      out += schema->element(parent.children[i]).name;
    }
    return out;
  }

  void start(const char* name_c) {
    const std::string name(name_c);
    if (stack.empty()) {
      const auto& root = schema->element(schema->root);
      if (name != root.name) {
        problem(
            "/" + name, name,
            "the root element must be " + root.name + " (a " + schema->collection + " return); this file's is " + name);
        XML_StopParser(parser, XML_FALSE);
        return;
      }
      stack.push_back({&root, Node{root.key, {}, {}}, "/" + name, {}, {}, {}, false});
      return;
    }
    auto& parent = stack.back();
    const ElementSpec* spec = parent.spec ? schema->child_named(*parent.spec, name) : nullptr;
    if (spec && spec->name != name) {
      auto& tally = result.spelled_otherwise[name];
      tally.first = spec->name;
      ++tally.second;
    }
    // Counted under the year's spelling, so that PlanWPB beside PlanWBP is two of one element;
    // the path counts as the file spells it, so that it leads to the element.
    const int n = ++parent.seen[spec ? spec->name : name];
    const int nth = spec && spec->name != name ? ++parent.spelled[name] : n;
    std::string path = parent.path + "/" + name;
    const std::string called = spec && spec->name != name ? name + " (read as " + spec->name + ")" : name;
    if (spec && (spec->repeats || nth > 1)) path += "[" + std::to_string(nth) + "]";
    if (parent.spec && !spec) {
      problem(path, name,
              "unknown element " + name + " in " + parent.spec->name +
                  " (names are case-sensitive); allowed: " + allowed_children(*parent.spec));
    } else if (spec && !spec->repeats && n > 1) {
      problem(path, name, called + " appears more than once in " + parent.spec->name + "; it may appear once");
    } else if (spec && spec->max > 0 && n > spec->max) {
      problem(path, name,
              called + " appears " + std::to_string(n) + " times in " + parent.spec->name + "; it may appear at most " +
                  std::to_string(spec->max) + " times");
    } else if (parent.spec && parent.spec->type != ValueType::container) {
      problem(path, name, parent.spec->name + " holds a value, not elements");
    }
    stack.push_back({spec, Node{spec ? spec->key : std::string(), {}, {}}, path, {}, {}, {}, false});
  }

  void end() {
    if (stack.empty()) return;
    Frame f = std::move(stack.back());
    stack.pop_back();
    if (f.spec && f.spec->type != ValueType::container) {
      f.node.text = trim(f.text);
      if (f.node.text.empty()) {
        // DfE's schema takes an empty string for a required text item (PostCode), never for a date or code.
        if (f.spec->required && f.spec->type != ValueType::text)
          problem(f.path, f.spec->name, f.spec->name + " is empty; it must have a value");
      } else if (auto msg = check_value(*f.spec, f.node.text, *schema); !msg.empty()) {
        problem(f.path, f.spec->name, msg);
        f.had_problem = true;
      } else if (f.spec->codes == "flag") {
        // The schema's yes/no items may be written true/false; Tandem keeps them as 0/1.
        if (f.node.text == "true" || f.node.text == "TRUE") f.node.text = "1";
        if (f.node.text == "false" || f.node.text == "FALSE") f.node.text = "0";
      }
      if (f.spec->key == "year" && !f.node.text.empty()) switch_year(f);
      if (f.spec->key == "collection" && f.node.text != schema->collection && !f.node.text.empty()) {
        // Reported above as a code; stop: nothing else in another collection is meaningful.
        XML_StopParser(parser, XML_FALSE);
      }
    } else if (f.spec) {
      for (const auto& key : f.spec->children) {
        const auto& c = schema->element(key);
        // Counted as read, not as kept: a Person is handed on, never kept in Persons.
        if (c.required && !f.seen.contains(c.name))
          problem(f.path + "/" + c.name, c.name, c.name + " is missing from " + f.spec->name + "; it is required");
      }
    }
    if (!f.spec) return;
    if (f.spec->key == "header" && on_header && !f.had_problem) on_header(f.node);
    if (f.spec->key == "person") {
      ++result.persons;
      if (on_person) on_person(f.node, f.path, !f.had_problem);
      return;  // never kept: the file streams through one person at a time
    }
    if (!stack.empty()) {
      if (f.had_problem) stack.back().had_problem = true;
      stack.back().node.children.push_back(std::move(f.node));
    }
  }

  void switch_year(const Frame& f) {
    const int year = std::stoi(f.node.text);
    if (const auto* s = schema_for(year)) {
      schema = s;
      result.schema = s;
      return;
    }
    std::string years;
    for (int y : schema_years()) years += (years.empty() ? "" : ", ") + std::to_string(y);
    problem(f.path, f.spec->name,
            "Tandem has no SEN2 element names for " + f.node.text + "; it reads the returns for " + years);
    XML_StopParser(parser, XML_FALSE);
  }
};

}  // namespace

ReadResult read(std::istream& in, const HeaderFn& on_header, const PersonFn& on_person, const ProgressFn& on_progress,
                std::size_t max_problems) {
  const auto years = schema_years();
  Reader r{on_header, on_person, max_problems, schema_for(years.back()), {}, {}, nullptr};
  r.result.schema = r.schema;
  XML_Parser p = XML_ParserCreate("UTF-8");
  r.parser = p;
  XML_SetUserData(p, &r);
  XML_SetElementHandler(
      p, [](void* ud, const XML_Char* name, const XML_Char**) { static_cast<Reader*>(ud)->start(name); },
      [](void* ud, const XML_Char*) { static_cast<Reader*>(ud)->end(); });
  XML_SetCharacterDataHandler(p, [](void* ud, const XML_Char* s, int len) {
    auto* rd = static_cast<Reader*>(ud);
    if (!rd->stack.empty()) rd->stack.back().text.append(s, static_cast<std::size_t>(len));
  });
  std::vector<char> buffer(1 << 16);
  std::size_t total = 0;
  bool stopped = false;
  while (!stopped) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    const bool last = got < buffer.size();
    total += got;
    if (XML_Parse(p, buffer.data(), static_cast<int>(got), last ? XML_TRUE : XML_FALSE) == XML_STATUS_ERROR) {
      if (XML_GetErrorCode(p) != XML_ERROR_ABORTED) {
        std::string where = "/";
        if (!r.stack.empty()) where = r.stack.back().path;
        r.problem(where, "",
                  "the file is not well-formed XML at line " + std::to_string(XML_GetCurrentLineNumber(p)) +
                      ", column " + std::to_string(XML_GetCurrentColumnNumber(p)) + ": " +
                      XML_ErrorString(XML_GetErrorCode(p)));
      }
      stopped = true;
    }
    if (on_progress) on_progress(total);
    if (last) break;
  }
  XML_ParserFree(p);
  if (r.result.problems.empty() && r.result.persons == 0 && !stopped) {
    // An empty return is allowed only when it says so with an empty Persons.
  }
  return std::move(r.result);
}

}  // namespace tandem::sen2
