// `tandem check-profile FILE`: checks an area profile before an operator
// deploys it.
//
// Prints one summary line to `out` and returns 0 when the profile is valid;
// otherwise prints every problem, one a line, to `err` and returns 1.
#pragma once

#include <ostream>
#include <string>

namespace tandem {

int check_profile_command(const std::string& path, std::ostream& out, std::ostream& err);

}  // namespace tandem
