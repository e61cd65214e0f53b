// Where postcodes are (migration 0033): national data, replaced whole by an
// import of the ONS postcode directory, and looked up one postcode at a time
// (the table holds millions; nothing loads it all).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/directory.h"
#include "store/database.h"

namespace tandem::store {

// Empties postcodes and postcode_district_centres.
void delete_postcodes(Tx& tx);

// Adds postcodes many rows to a statement, since a round trip per row is what
// an import of 2.7 million spends its time on. A postcode already added is
// kept as first given. Call finish() before the transaction ends.
class PostcodeWriter {
 public:
  explicit PostcodeWriter(Tx& tx);
  ~PostcodeWriter();
  PostcodeWriter(const PostcodeWriter&) = delete;
  PostcodeWriter& operator=(const PostcodeWriter&) = delete;
  void add(const std::string& postcode, GeoPoint point);
  void finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct DistrictCentre {
  std::string district;
  GeoPoint point;
  std::int64_t postcodes = 0;
};
void insert_district_centres(Tx& tx, const std::vector<DistrictCentre>& centres);

std::optional<GeoPoint> find_postcode(Tx& tx, const std::string& postcode);  // normalised
std::optional<GeoPoint> find_district_centre(Tx& tx, const std::string& district);
std::int64_t count_postcodes(Tx& tx);

struct PostcodeImportRow {
  std::int64_t id = 0;
  std::int64_t imported_at = 0;
  std::string source;
  std::string within;  // the local authority codes kept, comma separated; empty: all
  std::int64_t rows_read = 0, postcodes = 0, terminated = 0, no_grid = 0, outside = 0;
};
// Records an import with the next id, which it returns.
std::int64_t insert_postcode_import(Tx& tx, PostcodeImportRow row);
// The newest import's id; 0 before the first.
std::int64_t postcode_import_version(Tx& tx);

// Gives every venue without coordinates its postcode's centre, where the
// postcodes table has it. Returns how many in each area.
std::map<std::string, std::int64_t> locate_venues_by_postcode(Tx& tx);

}  // namespace tandem::store
