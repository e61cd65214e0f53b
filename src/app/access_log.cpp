#include "app/access_log.h"

#include <exception>
#include <vector>

#include "app/crypto.h"

namespace tandem::app {

struct AccessLog::Pending {
  store::AccessRow row;
  bool done = false;
  std::exception_ptr error;
  std::condition_variable finished;
};

AccessLog::AccessLog(store::Database& db) : db_(db), thread_([this] { run(); }) {}

AccessLog::~AccessLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void AccessLog::record(store::AccessRow row) {
  if (row.id.empty()) row.id = new_time_ordered_id("r", row.at);
  Pending pending;
  pending.row = std::move(row);
  std::unique_lock lock(mutex_);
  queue_.push_back(&pending);
  wake_.notify_one();
  pending.finished.wait(lock, [&] { return pending.done; });
  if (pending.error) std::rethrow_exception(pending.error);
}

namespace {
std::string index_key(const store::AccessChildHour& k) { return k.child_id + '\n' + k.user_id; }
// Entries older than this are not remembered: an hour's rows are written once
// that hour is over, and a late entry only costs one ignored insert.
constexpr std::size_t kHoursRemembered = 2;
}  // namespace

std::vector<store::AccessChildHour> AccessLog::not_yet_indexed(const std::vector<const store::AccessRow*>& rows) const {
  std::vector<store::AccessChildHour> out;
  std::unordered_set<std::string> in_group;
  for (const auto* row : rows) {
    for (auto& k : store::children_shown(*row)) {
      auto key = index_key(k);
      const auto hour = indexed_.find(k.hour_start);
      if (hour != indexed_.end() && hour->second.contains(key)) continue;
      if (!in_group.insert(std::to_string(k.hour_start) + '\n' + key).second) continue;
      out.push_back(std::move(k));
    }
  }
  return out;
}

void AccessLog::remember(const std::vector<store::AccessChildHour>& written) {
  for (const auto& k : written) indexed_[k.hour_start].insert(index_key(k));
  while (indexed_.size() > kHoursRemembered) indexed_.erase(indexed_.begin());
}

void AccessLog::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty() && stopping_) return;
    std::vector<Pending*> group(queue_.begin(), queue_.end());
    queue_.clear();
    lock.unlock();
    std::exception_ptr error;
    try {
      std::vector<const store::AccessRow*> rows;
      rows.reserve(group.size());
      for (const auto* p : group) rows.push_back(&p->row);
      const auto index = not_yet_indexed(rows);
      db_.write([&](store::Tx& tx) { store::insert_access(tx, rows, index); });
      remember(index);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    for (auto* p : group) {
      p->error = error;
      p->done = true;
      p->finished.notify_one();
    }
  }
}

}  // namespace tandem::app
