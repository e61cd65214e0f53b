#include "app/register_cache.h"

#include <exception>

namespace tandem::app {

RegisterSearchCache::RegisterSearchCache(std::int64_t max_age_micros, std::size_t max_candidates)
    : max_age_(max_age_micros), max_candidates_(max_candidates) {}

std::shared_ptr<const RegisterSearchCache::Candidates> RegisterSearchCache::candidates(store::Database& db,
                                                                                       const std::string& area_id,
                                                                                       const std::string& word,
                                                                                       std::int64_t now_micros) {
  // Read before the candidates are: a write committed after this point makes
  // what is read below stale, even if the read happened to see it.
  const std::uint64_t generation = db.register_generation();
  const std::string key = area_id + '\n' + word;
  std::promise<std::shared_ptr<const Candidates>> promise;
  std::uint64_t serial = 0;
  {
    std::unique_lock lock(mutex_);
    if (generation > generation_) {
      // The register changed: every entry is stale.
      entries_.clear();
      held_ = 0;
      generation_ = generation;
    } else if (generation < generation_) {
      // A write committed while this search began: read afresh, keep nothing.
      lock.unlock();
      auto list = std::make_shared<Candidates>();
      db.read([&](store::Tx& tx) { *list = store::register_candidates(tx, area_id, word); });
      return list;
    }
    auto it = entries_.find(key);
    if (it != entries_.end()) {
      const auto age = now_micros - it->second.built_at;
      if (it->second.generation == generation && age >= 0 && age < max_age_) {
        auto list = it->second.list;
        lock.unlock();
        return list.get();  // waits if another search is building it
      }
      held_ -= it->second.size;
      entries_.erase(it);
    }
    serial = ++serial_;
    entries_.emplace(key, Entry{generation, now_micros, serial, 0, promise.get_future().share()});
  }
  auto owns = [&](auto it) { return it != entries_.end() && it->second.serial == serial; };
  try {
    auto built = std::make_shared<Candidates>();
    db.read([&](store::Tx& tx) { *built = store::register_candidates(tx, area_id, word); });
    std::shared_ptr<const Candidates> list = std::move(built);
    promise.set_value(list);
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); owns(it)) {
      it->second.size = list->size();
      held_ += list->size();
      if (held_ > max_candidates_) {
        // Over the bound: keep only this word.
        for (auto j = entries_.begin(); j != entries_.end();) j = j == it ? std::next(j) : entries_.erase(j);
        held_ = list->size();
      }
    }
    return list;
  } catch (...) {
    promise.set_exception(std::current_exception());
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); owns(it)) entries_.erase(it);
    throw;
  }
}

}  // namespace tandem::app
