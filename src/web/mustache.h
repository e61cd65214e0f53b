// Mustache templates compiled once and rendered many times, with the same
// output as mstch::render (HTML escaping, standalone tag lines, dotted names,
// indented partials) for the tags Tandem's templates use: variables,
// {{{unescaped}}} and {{&unescaped}}, sections, inverted sections, comments
// and partials. Delimiter changes, lambdas and objects are refused. mstch parses the template and copies the view on
// every call; pages rendered on every request should not.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <mstch/mstch.hpp>

namespace tandem::web {

class CompiledTemplate {
 public:
  // Partials are compiled in where they are used. Throws std::runtime_error
  // on a delimiter change or an unbalanced section.
  explicit CompiledTemplate(std::string_view text, const std::map<std::string, std::string>& partials = {});

  // Throws std::runtime_error if the view holds a lambda or an object.
  std::string render(const mstch::node& view) const;
  std::string render(const mstch::map& view) const;  // the same, without copying the map into a node

  struct Part;

 private:
  std::shared_ptr<const std::vector<Part>> parts_;
};

}  // namespace tandem::web
