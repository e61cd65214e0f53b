// Page rendering: mustache templates (embedded in the binary) inside the
// shared layout. Values are HTML-escaped unless a template uses {{{triple}}}.
#pragma once

#include <map>
#include <string>

#include <mstch/mstch.hpp>

#include "web/mustache.h"

namespace tandem::web {

class Templates {
 public:
  Templates();  // loads the embedded templates; throws if one is missing
  // Renders `name` (e.g. "children/list") with `view`, then the layout around it.
  // `layout` holds title, user, nav, csrf_token, csp_nonce, has_errors.
  std::string page(const std::string& name, const mstch::map& view, mstch::map layout) const;
  std::string fragment(const std::string& name, const mstch::map& view) const;

 private:
  std::map<std::string, CompiledTemplate, std::less<>> compiled_;  // every template, partials compiled in
};

}  // namespace tandem::web
