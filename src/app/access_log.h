// Records every read of a child's record, durably, before the page is sent.
//
// Writers queue their entry and wait; one thread commits whatever is queued
// in a single transaction and then wakes them all. Under load that turns many
// one-row commits into a few group commits (SQLite here: about 5,000 durable
// commits a second, far more rows a second in groups).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "store/audit.h"
#include "store/database.h"

namespace tandem::app {

class AccessLog {
 public:
  explicit AccessLog(store::Database& db);
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;
  ~AccessLog();  // drains the queue

  // Returns once the entry is committed. Throws StoreError if it could not be.
  // An entry without an id gets one that sorts by `at` (new_time_ordered_id).
  void record(store::AccessRow row);

 private:
  struct Pending;
  void run();
  // The index rows of a group not yet written by this writer; remember() them once committed.
  std::vector<store::AccessChildHour> not_yet_indexed(const std::vector<const store::AccessRow*>& rows) const;
  void remember(const std::vector<store::AccessChildHour>& written);

  // Written index rows, by hour; only the writer thread touches them.
  std::map<std::int64_t, std::unordered_set<std::string>> indexed_;

  store::Database& db_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending*> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tandem::app
