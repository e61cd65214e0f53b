// Where a family's postcode is, from the imported ONS postcode directory: the
// postcode's own centre, else its district's (the average of the district's
// postcodes). The table holds millions of rows, so nothing loads it: each
// postcode searched is one indexed query, and the most recently searched
// are remembered. A new import (through any server or the command) empties
// the memory within a second.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "app/clock.h"
#include "core/directory.h"
#include "store/database.h"

namespace tandem::app {

class PostcodeLookup {
 public:
  PostcodeLookup(store::Database& db, const Clock& clock, std::size_t capacity = 4096);
  // A whole postcode ("fy1 1aa") or a district ("FY1"); none when the import
  // has neither (or there has been no import).
  std::optional<GeoPoint> centre(std::string_view postcode);

 private:
  std::optional<GeoPoint> look_up(const std::string& key);
  void forget_if_reimported();

  store::Database& db_;
  const Clock& clock_;
  const std::size_t capacity_;
  std::mutex mutex_;  // guards the fields below
  std::int64_t version_ = -1;
  std::int64_t checked_at_ = 0;
  std::list<std::string> recent_;  // most recent first
  struct Entry {
    std::optional<GeoPoint> point;
    std::list<std::string>::iterator at;
  };
  std::unordered_map<std::string, Entry> entries_;
};

// The venue's postcode's centre, when it has no coordinates of its own and the
// imported postcodes have it.
void locate_by_postcode(store::Tx& tx, Location& location);

}  // namespace tandem::app
