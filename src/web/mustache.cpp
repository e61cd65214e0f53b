#include "web/mustache.h"

#include <optional>
#include <sstream>
#include <stdexcept>

namespace tandem::web {

struct CompiledTemplate::Part {
  enum class Kind { text, variable, unescaped, section, inverted };
  Kind kind = Kind::text;
  std::string text;               // text; or the tag's name; or the partial's name
  std::vector<std::string> path;  // a dotted name, split ("." stays whole)
  std::vector<Part> children;     // section, inverted
};

namespace {

using Part = CompiledTemplate::Part;
using Kind = Part::Kind;

// A token as mstch's tokenizer makes it, before standalone lines are stripped.
struct Token {
  enum class Type { text, variable, unescaped, section_open, section_close, inverted, comment, partial };
  Type type = Type::text;
  std::string raw;   // text
  std::string name;  // tags
  bool eol = false;
  bool ws_only = false;
  std::string prefix;
};

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

Token tag(std::string_view inner, bool triple) {
  Token t;
  if (triple) {
    t.type = Token::Type::unescaped;
    t.name = trim(inner.substr(1, inner.size() - 2));
    return t;
  }
  const auto body = trim(inner);
  if (body.empty()) throw std::runtime_error("empty mustache tag");
  switch (body.front()) {
    case '#': t.type = Token::Type::section_open; break;
    case '/': t.type = Token::Type::section_close; break;
    case '^': t.type = Token::Type::inverted; break;
    case '!': t.type = Token::Type::comment; break;
    case '>': t.type = Token::Type::partial; break;
    case '&': t.type = Token::Type::unescaped; break;
    case '=': throw std::runtime_error("mustache delimiter changes are not supported");
    default: t.type = Token::Type::variable; break;
  }
  t.name = t.type == Token::Type::variable ? body : trim(body.substr(1));
  return t;
}

void add_text(std::vector<Token>& out, std::string_view text) {
  // One token per line, as mstch splits text.
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || i + 1 == text.size()) {
      Token t;
      t.raw = text.substr(start, i + 1 - start);
      t.eol = t.raw.back() == '\n';
      t.ws_only = t.raw.find_first_not_of(" \r\n\t") == std::string::npos;
      out.push_back(std::move(t));
      start = i + 1;
    }
  }
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const auto open = s.find("{{", pos);
    auto close = open == std::string_view::npos ? open : s.find("}}", open + 1);
    if (open == std::string_view::npos || close == std::string_view::npos) {
      add_text(out, s.substr(pos));
      break;
    }
    const bool triple = s[open + 2] == '{' && close + 2 < s.size() && s[close + 2] == '}';
    if (triple) ++close;
    add_text(out, s.substr(pos, open - pos));
    out.push_back(tag(s.substr(open + 2, close - open - 2), triple));
    pos = close + 2;
    if (pos == s.size()) {
      Token end;
      end.eol = true;
      end.ws_only = true;
      out.push_back(std::move(end));
    }
  }
  return out;
}

// A line holding only section, comment or partial tags and spaces loses the
// spaces and its line break (the Mustache "standalone" rule, as mstch applies it).
void strip_standalone(std::vector<Token>& tokens) {
  std::vector<Token> out;
  out.reserve(tokens.size());
  std::size_t line_begin = 0;
  bool has_tag = false, non_space = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto type = tokens[i].type;
    if (type != Token::Type::text && type != Token::Type::variable && type != Token::Type::unescaped) {
      has_tag = true;
    } else if (!tokens[i].ws_only) {
      non_space = true;
    }
    const bool last = i + 1 == tokens.size();
    if (!tokens[i].eol && !last) continue;
    if (tokens[i].eol && has_tag && !non_space) {
      for (std::size_t j = line_begin; j <= i; ++j) {
        auto& t = tokens[j];
        if (t.type == Token::Type::partial && j != line_begin && tokens[j - 1].ws_only) t.prefix = tokens[j - 1].raw;
      }
      for (std::size_t j = line_begin; j <= i; ++j) {
        if (!tokens[j].ws_only) out.push_back(std::move(tokens[j]));
      }
    } else {
      for (std::size_t j = line_begin; j <= i; ++j) out.push_back(std::move(tokens[j]));
    }
    non_space = has_tag = false;
    line_begin = i + 1;
  }
  tokens = std::move(out);
}

// Replaces each partial tag with the partial's tokens, as mstch renders it:
// a partial on a line of its own, indented, has the indent put before each of
// its lines (before every token that follows a line break). Unknown partials
// render nothing.
std::vector<Token> expand_partials(std::vector<Token> tokens, const std::map<std::string, std::string>& partials,
                                   int depth) {
  if (depth > 8) throw std::runtime_error("mustache partials nest too deeply");
  std::vector<Token> out;
  out.reserve(tokens.size());
  for (auto& t : tokens) {
    if (t.type != Token::Type::partial) {
      out.push_back(std::move(t));
      continue;
    }
    const auto it = partials.find(t.name);
    if (it == partials.end()) continue;
    auto inner = tokenize(it->second);
    strip_standalone(inner);
    inner = expand_partials(std::move(inner), partials, depth + 1);
    bool line_start = true;
    for (auto& u : inner) {
      if (line_start && !t.prefix.empty()) {
        Token indent;
        indent.raw = t.prefix;
        indent.ws_only = true;
        out.push_back(std::move(indent));
      }
      line_start = u.eol;
      out.push_back(std::move(u));
    }
  }
  return out;
}

std::vector<std::string> split_path(const std::string& name) {
  std::vector<std::string> path;
  if (name == ".") return {name};
  std::size_t start = 0;
  for (;;) {
    const auto dot = name.find('.', start);
    path.push_back(name.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) return path;
    start = dot + 1;
  }
}

std::vector<Part> build(std::vector<Token>& tokens, std::size_t& i, const std::string* closing) {
  std::vector<Part> parts;
  for (; i < tokens.size(); ++i) {
    auto& t = tokens[i];
    switch (t.type) {
      case Token::Type::text:
        if (!t.raw.empty()) {
          if (!parts.empty() && parts.back().kind == Kind::text) {
            parts.back().text += t.raw;
          } else {
            parts.push_back({Kind::text, std::move(t.raw), {}, {}});
          }
        }
        break;
      case Token::Type::comment: break;
      case Token::Type::variable:
      case Token::Type::unescaped:
        parts.push_back(
            {t.type == Token::Type::variable ? Kind::variable : Kind::unescaped, t.name, split_path(t.name), {}});
        break;
      case Token::Type::partial: break;  // expanded before

      case Token::Type::section_open:
      case Token::Type::inverted: {
        if (t.name == ".") throw std::runtime_error("a mustache section named '.' is not supported");
        Part p{t.type == Token::Type::section_open ? Kind::section : Kind::inverted, t.name, split_path(t.name), {}};
        ++i;
        p.children = build(tokens, i, &p.text);
        parts.push_back(std::move(p));
        break;
      }
      case Token::Type::section_close:
        if (!closing || *closing != t.name) throw std::runtime_error("unbalanced mustache section " + t.name);
        return parts;
    }
  }
  if (closing) throw std::runtime_error("unclosed mustache section " + *closing);
  return parts;
}

const mstch::node kNull{nullptr};

struct Renderer {
  std::vector<const mstch::node*> stack;  // innermost last
  std::string out;
  // A view given as a map sits under the stack without being copied into a node.
  const mstch::map* root = nullptr;
  std::optional<mstch::node> root_node;  // made only if a template names the root itself (".")

  static const mstch::node* member(const mstch::node& n, const std::string& name) {
    if (name == ".") return &n;
    if (const auto* m = boost::get<mstch::map>(&n)) {
      const auto it = m->find(name);
      return it == m->end() ? nullptr : &it->second;
    }
    return nullptr;
  }

  const mstch::node& find(const std::vector<std::string>& path) {
    const mstch::node* found = nullptr;
    for (auto it = stack.rbegin(); it != stack.rend() && !found; ++it) found = member(**it, path.front());
    if (!found && root) {
      if (path.front() == ".") {
        if (!root_node) root_node.emplace(*root);
        found = &*root_node;
      } else if (const auto it = root->find(path.front()); it != root->end()) {
        found = &it->second;
      }
    }
    for (std::size_t k = 1; found && k < path.size(); ++k) found = member(*found, path[k]);
    return found ? *found : kNull;
  }

  static bool empty(const mstch::node& n) {
    if (boost::get<std::nullptr_t>(&n)) return true;
    if (const auto* s = boost::get<std::string>(&n)) return s->empty();
    if (const auto* i = boost::get<int>(&n)) return *i == 0;
    if (const auto* d = boost::get<double>(&n)) return *d == 0;
    if (const auto* b = boost::get<bool>(&n)) return !*b;
    if (const auto* a = boost::get<mstch::array>(&n)) return a->empty();
    return false;
  }

  static void escape(std::string& to, std::string_view s) {
    for (char c : s) {
      switch (c) {
        case '&': to += "&amp;"; break;
        case '\'': to += "&#39;"; break;
        case '"': to += "&quot;"; break;
        case '<': to += "&lt;"; break;
        case '>': to += "&gt;"; break;
        case '/': to += "&#x2F;"; break;
        default: to += c;
      }
    }
  }

  void value(std::string& to, const mstch::node& n, bool escaped) {
    if (const auto* s = boost::get<std::string>(&n)) {
      if (escaped) {
        escape(to, *s);
      } else {
        to += *s;
      }
    } else if (const auto* i = boost::get<int>(&n)) {
      to += std::to_string(*i);
    } else if (const auto* d = boost::get<double>(&n)) {
      std::ostringstream ss;
      ss << *d;
      to += ss.str();
    } else if (const auto* b = boost::get<bool>(&n)) {
      to += *b ? "true" : "false";
    } else if (!boost::get<std::nullptr_t>(&n) && !boost::get<mstch::map>(&n) && !boost::get<mstch::array>(&n)) {
      throw std::runtime_error("mustache lambdas and objects are not supported");
    }
  }

  void render(const std::vector<Part>& parts, std::string& to) {
    for (const auto& p : parts) {
      switch (p.kind) {
        case Kind::text: to += p.text; break;
        case Kind::variable: value(to, find(p.path), true); break;
        case Kind::unescaped: value(to, find(p.path), false); break;
        case Kind::section: {
          const auto& n = find(p.path);
          if (empty(n)) break;
          if (const auto* a = boost::get<mstch::array>(&n)) {
            for (const auto& item : *a) {
              stack.push_back(&item);
              render(p.children, to);
              stack.pop_back();
            }
          } else {
            stack.push_back(&n);
            render(p.children, to);
            stack.pop_back();
          }
          break;
        }
        case Kind::inverted:
          if (empty(find(p.path))) render(p.children, to);
          break;
      }
    }
  }
};

}  // namespace

CompiledTemplate::CompiledTemplate(std::string_view text, const std::map<std::string, std::string>& partials) {
  auto tokens = tokenize(text);
  strip_standalone(tokens);
  tokens = expand_partials(std::move(tokens), partials, 0);
  std::size_t i = 0;
  parts_ = std::make_shared<const std::vector<Part>>(build(tokens, i, nullptr));
}

std::string CompiledTemplate::render(const mstch::node& view) const {
  Renderer r{{&view}, {}, nullptr, {}};
  r.out.reserve(16 * 1024);
  r.render(*parts_, r.out);
  return std::move(r.out);
}

std::string CompiledTemplate::render(const mstch::map& view) const {
  Renderer r{{}, {}, &view, {}};
  r.out.reserve(16 * 1024);
  r.render(*parts_, r.out);
  return std::move(r.out);
}

}  // namespace tandem::web
