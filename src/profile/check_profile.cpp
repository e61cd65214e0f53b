#include "profile/check_profile.h"

#include "profile/area_profiles.h"

namespace tandem {

int check_profile_command(const std::string& path, std::ostream& out, std::ostream& err) {
  const auto area = load_area_profile_file(path);
  if (!area) {
    for (const auto& problem : area.error().fields) err << problem.message << '\n';
    return 1;
  }
  out << path << ": " << describe_area_profile(*area) << '\n';
  return 0;
}

}  // namespace tandem
