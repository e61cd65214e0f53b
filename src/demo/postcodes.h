// The demo area's own postcode directory, shaped as the ONS Postcode Directory
// (ONSPD) is, so `tandem demo` loads it through `tandem import postcodes`'s
// path and the Local Offer measures distances from a family's whole postcode.
//
// Pure and deterministic per seed. Every venue's postcode lies at the venue;
// each other postcode the register uses lies near its district's centre; a
// few terminated and ungridded rows are there, as the real file has them.
// The postcodes and the local authority code (E99999999) are invented.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "demo/directory.h"

namespace tandem::demo {

constexpr const char* kDemoLocalAuthority = "E99999999";

// CSV text with ONSPD's columns pcd, pcd2, pcds, dointr, doterm, oslaua, lat and long.
std::string demo_postcode_directory(const DemoDirectory& directory, const std::vector<std::string>& register_postcodes,
                                    std::uint64_t seed);

}  // namespace tandem::demo
