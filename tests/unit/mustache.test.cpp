// Compiled templates render exactly what mstch::render does, for the cases
// the Mustache rules spell out and for every page template in assets/.
#include "web/mustache.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

namespace tandem {
namespace {

std::string both(const std::string& text, const mstch::node& view,
                 const std::map<std::string, std::string>& partials = {}) {
  const std::string want = mstch::render(text, view, partials);
  const std::string got = web::CompiledTemplate(text, partials).render(view);
  EXPECT_EQ(got, want) << "template:\n" << text;
  return got;
}

TEST(Mustache, RendersAsMstchDoes) {
  const mstch::map view{
      {"s", std::string("a<b>&'\"/=c")},
      {"empty", std::string()},
      {"n", 42},
      {"zero", 0},
      {"yes", true},
      {"no", false},
      {"null", nullptr},
      {"m", mstch::map{{"x", std::string("inner")}, {"deep", mstch::map{{"y", std::string("z")}}}}},
      {"rows", mstch::array{mstch::map{{"id", std::string("1")}}, mstch::map{{"id", std::string("2")}},
                            mstch::map{{"other", std::string("o")}}}},
      {"words", mstch::array{std::string("p"), std::string("q")}},
      {"none", mstch::array{}}};
  EXPECT_EQ(both("{{s}}|{{{s}}}|{{& s}}|{{ n }}|{{zero}}|{{yes}}|{{no}}|{{null}}|{{m}}|{{rows}}|{{missing}}", view),
            "a&lt;b&gt;&amp;&#39;&quot;&#x2F;=c|a<b>&'\"/=c|a<b>&'\"/=c|42|0|true|false||||");
  both("{{m.x}} {{m.deep.y}} {{m.nope}} {{nope.x}} {{#m}}{{x}}{{s}}{{/m}}", view);
  both("{{#rows}}[{{id}}{{s}}]{{/rows}}{{#words}}<{{.}}>{{/words}}{{^none}}none{{/none}}{{#none}}x{{/none}}", view);
  both("{{#yes}}Y{{n}}{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{#zero}}Z{{/zero}}{{#empty}}E{{/empty}}{{#s}}{{.}}{{/s}}",
       view);
  both("{{#rows}}{{#id}}{{id}}{{/id}}{{^id}}-{{/id}}{{/rows}}{{! a comment }}", view);
  // Standalone lines: tags alone on a line take the line with them.
  both("a\n  {{#yes}}  \n x\n  {{/yes}}\n{{! note }}\nend {{#no}}\n{{/no}}\n", view);
  both("<ul>\n  {{#rows}}\n  <li>{{id}}</li>\n  {{/rows}}\n</ul>\n{{#none}}\n{{/none}}", view);
  both("{{#yes}}\ninline {{#yes}}x{{/yes}}\n{{/yes}}", view);
  both("no newline at the end {{#yes}}{{/yes}}", view);
  both("{{.}}|{{#m}}{{.}}{{/m}}|{{#words}}{{.}}{{/words}}", view);
  both("{{.}}", mstch::node(std::string("root")));
  both("{{#words}}{{.}}{{/words}}", mstch::node(view));
}

TEST(Mustache, PartialsKeepTheirIndent) {
  const std::map<std::string, std::string> partials{
      {"p", "{{#yes}}\n<div>\n  <p>{{s}}</p>\n  {{#rows}}\n  <i>{{id}}</i>\n  {{/rows}}\n</div>\n{{/yes}}\n"},
      {"line", "L1\nL2\n"}};
  const mstch::map view{
      {"yes", true},
      {"s", std::string("x")},
      {"rows", mstch::array{mstch::map{{"id", std::string("1")}}, mstch::map{{"id", std::string("2")}}}}};
  both("a\n{{> p}}\nb\n    {{> p}}\n  {{> line}}\n<b>{{> line}}</b>{{> unknown}}\n", view, partials);
  both("  {{> p}}\n", mstch::map{{"yes", false}}, partials);
}

TEST(Mustache, RefusesWhatItDoesNotRender) {
  EXPECT_THROW(web::CompiledTemplate("{{=<% %>=}}"), std::runtime_error);
  EXPECT_THROW(web::CompiledTemplate("{{#a}}{{/b}}"), std::runtime_error);
  EXPECT_THROW(web::CompiledTemplate("{{#a}}"), std::runtime_error);
  EXPECT_THROW(web::CompiledTemplate("{{#.}}x{{/.}}"), std::runtime_error) << "mstch renders nothing for these";
}

// Every template, with a view where each name holds text with characters to
// escape, each section name a list of two such views, and each dotted name a
// map: and once more with an empty view.
TEST(Mustache, EveryPageTemplateRendersAsMstchDoes) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(TANDEM_SOURCE_DIR) / "assets" / "templates";
  std::map<std::string, std::string> templates, partials;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.path().extension() != ".mustache") continue;
    std::ifstream in(e.path());
    std::stringstream text;
    text << in.rdbuf();
    auto name = fs::relative(e.path(), dir).replace_extension().string();
    templates[name] = text.str();
    if (name.starts_with("partials/")) partials[name.substr(9)] = text.str();
  }
  ASSERT_GT(templates.size(), 10u);
  const std::regex tag(R"(\{\{\{?\s*([#^/&]?)\s*([a-z_.]+)\s*\}?\}\})");
  for (const auto& [name, text] : templates) {
    std::set<std::string> names, sections;
    for (std::sregex_iterator it(text.begin(), text.end(), tag), end; it != end; ++it) {
      ((*it)[1] == "#" || (*it)[1] == "^" ? sections : names).insert((*it)[2]);
    }
    for (const auto& [p, body] : partials) {
      for (std::sregex_iterator it(body.begin(), body.end(), tag), end; it != end; ++it) {
        ((*it)[1] == "#" || (*it)[1] == "^" ? sections : names).insert((*it)[2]);
      }
    }
    mstch::map leaf;
    for (const auto& n : names) leaf[n] = std::string("<" + n + "> & 'q' \"/\"");
    mstch::map view = leaf;
    for (const auto& n : sections) view[n] = mstch::array{leaf, leaf};
    for (const auto& n : names) {
      if (const auto dot = n.find('.'); dot != std::string::npos) {
        view[n.substr(0, dot)] = mstch::map{{n.substr(dot + 1), std::string("dotted <")}};
      }
    }
    SCOPED_TRACE(name);
    EXPECT_EQ(web::CompiledTemplate(text, partials).render(view), mstch::render(text, view, partials));
    EXPECT_EQ(web::CompiledTemplate(text, partials).render(mstch::map{}), mstch::render(text, mstch::map{}, partials));
  }
}

}  // namespace
}  // namespace tandem
