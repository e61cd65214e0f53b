// Recent register search candidates, per area and search word, so that a
// search reads and sorts a word's matches once rather than on every request.
//
// An entry serves searches until a write to the register (a child, its
// search words, placements or involvements) commits through the same
// Database, and then is built again on the next search; and never once it is
// `max_age` old, so a write made by another server sharing the database shows
// in searches within `max_age`. Each search still applies the viewer's
// involvement and the filters to the candidates (store::register_candidate_
// matches). Only search lists use it: a child's record is always read afresh.
#pragma once

#include <cstddef>
#include <cstdint>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/clock.h"
#include "store/children.h"
#include "store/database.h"

namespace tandem::app {

class RegisterSearchCache {
 public:
  using Candidates = std::vector<store::RegisterCandidate>;

  // Beyond `max_candidates` held in all (about 1 kB each), other entries are dropped.
  explicit RegisterSearchCache(std::int64_t max_age_micros = 5 * kMicrosPerSecond, std::size_t max_candidates = 50'000);
  RegisterSearchCache(const RegisterSearchCache&) = delete;
  RegisterSearchCache& operator=(const RegisterSearchCache&) = delete;

  // The candidates for `word` in the area (store::register_candidates), from
  // the cache when fresh. One search builds a missing entry; others asking
  // for the same word meanwhile wait for it rather than build it again.
  std::shared_ptr<const Candidates> candidates(store::Database& db, const std::string& area_id, const std::string& word,
                                               std::int64_t now_micros);

  std::int64_t max_age_micros() const { return max_age_; }

 private:
  struct Entry {
    std::uint64_t generation = 0;
    std::int64_t built_at = 0;
    std::uint64_t serial = 0;  // tells this build from a later one of the same word
    std::size_t size = 0;      // candidates held, once built
    std::shared_future<std::shared_ptr<const Candidates>> list;
  };

  const std::int64_t max_age_;
  const std::size_t max_candidates_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // key: area id, '\n', word
  std::size_t held_ = 0;
  std::uint64_t serial_ = 0;
  std::uint64_t generation_ = 0;  // the register generation the entries were built at
};

}  // namespace tandem::app
