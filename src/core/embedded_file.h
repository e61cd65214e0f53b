// A file compiled into the binary (migrations, templates), found by its path
// relative to the folder it was embedded from.
#pragma once

#include <span>
#include <string_view>

namespace tandem {

struct EmbeddedFile {
  std::string_view path;
  std::string_view content;
};

}  // namespace tandem
