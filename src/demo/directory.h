// Builds a demo area's Local Offer directory: invented organisations and the
// services they run across needs, ages, levels and localities, with where and
// when, contacts and costs.
//
// Pure and deterministic per seed, like the rest of demo/. Every name is
// invented; email addresses and websites use the reserved .example domain,
// phone numbers the 01632 960xxx range Ofcom keeps for drama, and postcodes
// the demo register's own invented districts (starting with Q, which no real
// postcode does). Coordinates are invented too: each district is given a
// centre on a grid, and each venue lies near its district's centre.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/directory.h"
#include "demo/random.h"

namespace tandem::demo {

struct DirectoryOptions {
  std::uint64_t seed = 1;
  std::size_t services = 300;
  Date today{};
  std::string area_id;
  // Postcode districts the area covers ("QS1", "QS2", ...); the register's.
  std::vector<std::string> districts;
};

struct DemoDirectory {
  Directory directory;
  std::vector<std::pair<std::string, GeoPoint>> district_centres;
};

// A random version-4 UUID drawn from `rng`.
std::string demo_uuid(Rng& rng);

DemoDirectory generate_directory(const DirectoryOptions& options);

}  // namespace tandem::demo
