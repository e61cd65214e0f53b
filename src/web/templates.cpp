#include "web/templates.h"

#include <span>
#include <stdexcept>

#include "core/embedded_file.h"

namespace tandem {
std::span<const EmbeddedFile> embedded_templates();
}

namespace tandem::web {

Templates::Templates() {
  std::map<std::string, std::string> sources, partials;
  for (const auto& f : embedded_templates()) {
    std::string name(f.path);
    if (name.starts_with("templates/")) name = name.substr(10);
    if (name.ends_with(".mustache")) name.resize(name.size() - 9);
    if (name.starts_with("partials/")) {
      partials[name.substr(9)] = std::string(f.content);
    }
    sources[name] = std::string(f.content);
  }
  if (!sources.contains("layout")) throw std::runtime_error("the layout template is missing from this build");
  // Parsed once here, not on every request.
  for (const auto& [name, text] : sources) compiled_.emplace(name, CompiledTemplate(text, partials));
}

std::string Templates::fragment(const std::string& name, const mstch::map& view) const {
  auto it = compiled_.find(name);
  if (it == compiled_.end()) throw std::runtime_error("no template named " + name);
  return it->second.render(view);
}

std::string Templates::page(const std::string& name, const mstch::map& view, mstch::map layout) const {
  layout["content"] = fragment(name, view);
  return fragment("layout", layout);
}

}  // namespace tandem::web
