#include "profile/detail/files.h"

#include <cerrno>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace tandem::profile_detail {

std::string_view embedded_text(std::string_view path) {
  for (const auto& f : embedded_profile_files()) {
    if (f.path == path) return f.content;
  }
  throw std::logic_error("embedded file missing from the build: " + std::string(path));
}

Result<std::string> read_text_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const std::string why = errno != 0 ? std::generic_category().message(errno) : "it could not be opened";
    return fail("file", path.string() + " cannot be read: " + why);
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return fail("file", path.string() + " cannot be read to the end");
  return text.str();
}

}  // namespace tandem::profile_detail
