// The ONS Postcode Directory (ONSPD) and the National Statistics Postcode
// Lookup (NSPL), as `tandem import postcodes` reads them: each row a postcode
// with the centre of its addresses (lat, long), the month it was terminated
// (doterm) if it no longer exists, and the local authority district it lies in
// (oslaua in ONSPD, laua in NSPL).
//
// Columns are found by name, so a release that orders them differently reads
// the same. Rows are judged one at a time: the files are too big to hold.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/directory.h"
#include "core/result.h"

namespace tandem {

// "fy1 1aa", "FY11AA", "FY1  1AA" (ONSPD's pcd pads to 7) -> "FY1 1AA": upper
// case, one space before the inward code. None when not shaped like a whole
// postcode: an outward code of 2 to 4 letters and digits starting with a
// letter, then a digit and two letters.
std::optional<std::string> normalise_full_postcode(std::string_view text);

// The United Kingdom's postcodes lie between these (the Isles of Scilly to
// Shetland, Northern Ireland to Lowestoft), in whole degrees.
constexpr int kUkSouth = 49, kUkNorth = 61, kUkWest = -9, kUkEast = 2;
// ONSPD's and NSPL's latitude for a postcode with no grid reference (its
// longitude is then 0.000000): the Channel Islands, the Isle of Man and a few
// new or non-geographic postcodes.
constexpr std::string_view kNoGridLatitude = "99.999999";

struct OnspdColumns {
  std::size_t cells = 0;  // the header's cell count: each row must have as many
  std::size_t postcode = 0;
  std::string postcode_name;  // pcds (one space), else pcd, else pcd2
  std::size_t terminated = 0;
  std::size_t latitude = 0;
  std::size_t longitude = 0;
  std::optional<std::size_t> local_authority;
  std::string local_authority_name;  // oslaua or laua
};

// Finds the columns by name, ignoring case and a UTF-8 byte-order mark. A
// missing one is named with what is allowed; the local authority's only when
// `need_local_authority` (for --within).
Result<OnspdColumns> find_onspd_columns(const std::vector<std::string>& header, bool need_local_authority);

enum class OnspdRowKind { live, terminated, no_grid };

struct OnspdRow {
  OnspdRowKind kind = OnspdRowKind::live;
  std::string postcode;  // normalised
  GeoPoint point;        // live rows only
  std::string local_authority;
};

// Judges one row: a terminated postcode (doterm set) and one with no grid
// reference are kinds to skip, not errors. Each error names the column and
// the value, and says what is allowed; the caller adds the line.
Result<OnspdRow> read_onspd_row(const std::vector<std::string>& cells, const OnspdColumns& columns);

// An ONS local authority district code: a letter and eight digits, like
// E06000009 (Blackpool).
bool is_local_authority_code(std::string_view text);
// "E06000009,E07000119" -> the codes, upper case; names each bad one.
Result<std::vector<std::string>> parse_local_authority_codes(std::string_view text);

}  // namespace tandem
