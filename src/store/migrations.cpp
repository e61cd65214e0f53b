#include "store/migrations.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <span>
#include <sstream>

#include "core/embedded_file.h"

namespace tandem {
std::span<const EmbeddedFile> embedded_migrations();
}

namespace tandem::store {

namespace {
std::string fnv1a_hex(std::string_view s) {
  std::uint64_t h = 14695981039346656037ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}
}  // namespace

std::vector<Migration> migrations_for(Engine engine) {
  const std::string_view own = engine == Engine::sqlite ? ".sqlite.sql" : ".postgresql.sql";
  const std::string_view other = engine == Engine::sqlite ? ".postgresql.sql" : ".sqlite.sql";
  std::map<int, Migration> by_version;
  std::map<int, bool> overridden;
  for (const auto& f : embedded_migrations()) {
    std::string_view path = f.path;
    if (path.ends_with(other)) continue;
    const bool is_override = path.ends_with(own);
    const auto slash = path.find_last_of('/');
    const std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const int version = std::stoi(std::string(file.substr(0, 4)));
    if (overridden[version] && !is_override) continue;
    std::string name(file.substr(5));
    name = name.substr(0, name.find('.'));
    by_version[version] = Migration{version, name, std::string(f.content), fnv1a_hex(f.content)};
    if (is_override) overridden[version] = true;
  }
  std::vector<Migration> out;
  for (auto& [v, m] : by_version) out.push_back(std::move(m));
  return out;
}

std::vector<std::string> split_statements(const std::string& sql) {
  std::vector<std::string> out;
  std::string current;
  std::istringstream in(sql);
  std::string line;
  while (std::getline(in, line)) {
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line.compare(first, 2, "--") == 0) continue;
    current += line;
    current += '\n';
    const auto last = line.find_last_not_of(" \t\r");
    if (last != std::string::npos && line[last] == ';') {
      current.erase(current.find_last_of(';'));
      out.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
  return out;
}

}  // namespace tandem::store
