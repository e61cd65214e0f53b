#include "demo/postcodes.h"

#include <cstdio>
#include <map>
#include <set>
#include <string_view>

#include "core/postcode_directory.h"
#include "demo/random.h"

namespace tandem::demo {

namespace {

std::string degrees(std::int64_t e6) {
  char text[32];
  std::snprintf(text, sizeof text, "%s%lld.%06lld", e6 < 0 ? "-" : "",
                static_cast<long long>((e6 < 0 ? -e6 : e6) / 1000000),
                static_cast<long long>((e6 < 0 ? -e6 : e6) % 1000000));
  return text;
}

// ONSPD's pcd: the outward code padded to four characters, then the inward.
std::string pcd(const std::string& postcode) {
  const auto space = postcode.find(' ');
  std::string out = postcode.substr(0, space);
  if (out.size() < 4) out.resize(4, ' ');
  return out + postcode.substr(space + 1);
}

std::string pcd2(const std::string& postcode) {
  const auto space = postcode.find(' ');
  std::string out = postcode.substr(0, space);
  out.resize(5, ' ');
  return out + postcode.substr(space + 1);
}

// FNV-1a: the same on every platform, unlike std::hash.
std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 14695981039346656037ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

std::string demo_postcode_directory(const DemoDirectory& directory, const std::vector<std::string>& register_postcodes,
                                    std::uint64_t seed) {
  std::map<std::string, GeoPoint> centres(directory.district_centres.begin(), directory.district_centres.end());
  std::map<std::string, std::string> rows;  // by postcode, so each is listed once and in order
  auto add = [&](const std::string& postcode, const std::string& doterm, const std::string& lat,
                 const std::string& lon) {
    rows.emplace(postcode, pcd(postcode) + "," + pcd2(postcode) + "," + postcode + ",198001," + doterm + "," +
                               kDemoLocalAuthority + "," + lat + "," + lon);
  };
  for (const auto& l : directory.directory.locations) {
    auto postcode = normalise_full_postcode(l.postcode);
    if (postcode && l.point) add(*postcode, "", degrees(l.point->latitude_e6), degrees(l.point->longitude_e6));
  }
  std::set<std::string> wanted;
  for (const auto& p : register_postcodes) {
    if (auto postcode = normalise_full_postcode(p)) wanted.insert(*postcode);
  }
  for (const auto& postcode : wanted) {
    auto centre = centres.find(postcode.substr(0, postcode.find(' ')));
    if (centre == centres.end()) continue;
    // The same postcode lands in the same place whatever else the area holds.
    Rng r(mix64(seed, fnv1a(postcode)));
    add(postcode, "", degrees(centre->second.latitude_e6 + r.between(-9000, 9000)),
        degrees(centre->second.longitude_e6 + r.between(-14000, 14000)));
  }
  // What the real file also holds: postcodes no longer used, and new ones not
  // yet placed on the grid. The import skips both.
  for (const auto& [district, centre] : directory.district_centres) {
    add(district + " 0ZZ", "201904", degrees(centre.latitude_e6), degrees(centre.longitude_e6));
    add(district + " 0ZY", "", std::string(kNoGridLatitude), "0.000000");
  }
  std::string csv = "pcd,pcd2,pcds,dointr,doterm,oslaua,lat,long\n";
  for (const auto& [_, row] : rows) csv += row + "\n";
  return csv;
}

}  // namespace tandem::demo
