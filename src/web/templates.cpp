#include "web/templates.h"

#include <span>
#include <stdexcept>

#include "core/embedded_file.h"

namespace tandem {
std::span<const EmbeddedFile> embedded_templates();
}

namespace tandem::web {

Templates::Templates() {
  for (const auto& f : embedded_templates()) {
    std::string name(f.path);
    if (name.starts_with("templates/")) name = name.substr(10);
    if (name.ends_with(".mustache")) name.resize(name.size() - 9);
    if (name.starts_with("partials/")) {
      partials_[name.substr(9)] = std::string(f.content);
    }
    templates_[name] = std::string(f.content);
  }
  if (!templates_.contains("layout")) throw std::runtime_error("the layout template is missing from this build");
}

std::string Templates::fragment(const std::string& name, const mstch::map& view) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::runtime_error("no template named " + name);
  return mstch::render(it->second, view, partials_);
}

std::string Templates::page(const std::string& name, const mstch::map& view, mstch::map layout) const {
  layout["content"] = fragment(name, view);
  return mstch::render(templates_.at("layout"), layout, partials_);
}

}  // namespace tandem::web
