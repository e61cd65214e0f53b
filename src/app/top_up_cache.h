// The top-up schedule of each area and term held in memory, so that reading
// it does not work it out again from every final plan and placement.
//
// A schedule serves while the area's two change tokens (store::top_up_tokens:
// its children and placements, and its plans, their top-ups and its top-up
// payments) are those it was built at; each request reads them in one
// statement, so a write through any server sharing the database shows on the
// next request (as the caseload does, decision 0005). One request builds a
// missing or stale schedule; others wanting the same one wait for it.
#pragma once

#include <cstddef>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "app/top_ups.h"
#include "store/top_ups.h"

namespace tandem::app {

class TopUpCache {
 public:
  TopUpCache() = default;
  TopUpCache(const TopUpCache&) = delete;
  TopUpCache& operator=(const TopUpCache&) = delete;

  std::shared_ptr<const TopUpSchedule> schedule(store::Database& db, const std::string& area_id,
                                                const TermCalendar& calendar, const FundingTerm& term);
  // How many schedules have been worked out, for tests.
  std::size_t builds() const;

 private:
  struct Entry {
    store::TopUpTokens tokens;
    std::shared_future<std::shared_ptr<const TopUpSchedule>> built;
    std::size_t build = 0;  // which build made it
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, Entry> entries_;  // by area and term id
  std::size_t builds_ = 0;
};

}  // namespace tandem::app
