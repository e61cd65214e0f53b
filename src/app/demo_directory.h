// The demo area's Local Offer directory: generated (src/demo/directory.h) in
// the register's postcode districts and saved in place of any directory the
// area had, with an audit entry; then the demo's postcodes (the venues' and
// the register's) imported as the ONS postcode directory would be.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "app/clock.h"
#include "store/database.h"

namespace tandem::app {

// Returns how many services the directory holds.
std::size_t build_demo_directory(store::Database& db, const Clock& clock, const std::string& area_id,
                                 std::uint64_t seed, std::size_t services, const std::vector<std::string>& postcodes);

}  // namespace tandem::app
