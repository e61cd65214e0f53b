// Reading area profiles (areas/*.toml) and the profiles shipped in the binary.
//
// A profile is checked strictly: a missing key, a value of the wrong type, an
// id that is not a Tandem role or agency, a malformed time and any key Tandem
// does not know are all errors, each naming the file, the line and the key:
//
//   areas/halton.toml line 12: partners[1].agency = "police" is not an agency;
//   allowed: council_education, council_social_care, icb, nhs_england, school, provider
//
// All the problems in a file are reported together (Error::fields, one per
// problem, `field` being the key's path, e.g. "partners[1].agency").
//
//   auto area = load_area_profile_file("areas/halton.toml");
//   if (!area) for (const auto& e : area.error().fields) std::cerr << e.message << '\n';
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "core/area_profile.h"
#include "core/result.h"

namespace tandem {

// `file_name` is only used to name the file in errors.
Result<AreaProfile> parse_area_profile(std::string_view toml_text, std::string_view file_name);
Result<AreaProfile> load_area_profile_file(const std::filesystem::path& path);

// The profiles shipped with Tandem (one per seed area, plus "demo"), sorted by
// id. They are checked by the tests, so one failing to parse is a bug: throws.
const std::vector<AreaProfile>& shipped_area_profiles();
Result<AreaProfile> shipped_area_profile(std::string_view id);

// One line describing a valid profile, as `tandem check-profile` prints it.
std::string describe_area_profile(const AreaProfile& area);

}  // namespace tandem
