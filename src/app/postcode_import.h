// `tandem import postcodes`: loads where every postcode is from the ONS
// Postcode Directory (ONSPD) or the National Statistics Postcode Lookup
// (NSPL), which an operator downloads from the ONS Open Geography portal as
// one CSV of about 2.7 million rows.
//
// The file is read a line at a time (memory stays flat however big it is),
// its columns found by name from the header. Terminated postcodes and those
// with no grid reference are skipped and counted. Everything is loaded in one
// transaction that first empties the table, so an import replaces the last
// one whole, or, refused, leaves it as it was. Venues without coordinates
// then get their postcode's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "app/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace tandem::app {

struct PostcodeImportOptions {
  // Keep only postcodes in these local authority districts (oslaua / laua);
  // empty: all.
  std::vector<std::string> within;
  std::size_t progress_every = 100000;  // rows between progress calls
  std::string source;                   // what the audit and the import's record call the file
  std::string user_id = "cli";
};

struct PostcodeImportReport {
  std::int64_t rows = 0;       // data rows read
  std::int64_t postcodes = 0;  // kept
  std::int64_t terminated = 0;
  std::int64_t no_grid = 0;
  std::int64_t outside = 0;  // in a district --within did not name
  std::int64_t districts = 0;
  std::int64_t venues_located = 0;  // venues given coordinates from their postcode
  std::string postcode_column;      // pcds, pcd or pcd2
};

// Rows read so far.
using PostcodeProgress = std::function<void(std::int64_t rows)>;

// At most this many bad rows are named before reading stops.
constexpr std::size_t kMaxPostcodeProblems = 20;

// Errors: a missing column (named, with what ONSPD and NSPL call it); each
// bad row as "line N: column "value" ..." on the column's name; a file with no
// postcode to keep. Nothing is changed then.
Result<PostcodeImportReport> import_postcodes(store::Database& db, const Clock& clock, std::istream& in,
                                              const PostcodeImportOptions& options,
                                              const PostcodeProgress& progress = {});

}  // namespace tandem::app
