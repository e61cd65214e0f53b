#include "app/top_up_cache.h"

namespace tandem::app {

std::shared_ptr<const TopUpSchedule> TopUpCache::schedule(store::Database& db, const std::string& area_id,
                                                          const TermCalendar& calendar, const FundingTerm& term) {
  store::TopUpTokens now;
  db.read([&](store::Tx& tx) { now = store::top_up_tokens(tx, area_id); });
  const auto key = std::make_pair(area_id, term.id());
  std::promise<std::shared_ptr<const TopUpSchedule>> promise;
  std::shared_future<std::shared_ptr<const TopUpSchedule>> waiting;
  std::size_t mine = 0;  // the build this request makes; 0: another's
  {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it != entries_.end() && it->second.tokens == now) {
      waiting = it->second.built;
    } else {
      mine = ++builds_;
      entries_[key] = {now, promise.get_future().share(), mine};
    }
  }
  if (mine == 0) return waiting.get();  // outside the lock: it may still be building
  try {
    // The tokens read again in the schedule's own transaction: a write since
    // the first read is then either in both or in neither.
    std::shared_ptr<const TopUpSchedule> built;
    store::TopUpTokens at;
    db.read([&](store::Tx& tx) {
      at = store::top_up_tokens(tx, area_id);
      built = build_top_up_schedule(tx, area_id, calendar, term);
    });
    promise.set_value(built);
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end() && it->second.build == mine) it->second.tokens = at;
    return built;
  } catch (...) {
    promise.set_exception(std::current_exception());
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end() && it->second.build == mine) entries_.erase(it);
    throw;
  }
}

std::size_t TopUpCache::builds() const {
  std::lock_guard lock(mutex_);
  return builds_;
}

}  // namespace tandem::app
