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
      db_.write([&](store::Tx& tx) { store::insert_access(tx, rows); });
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
