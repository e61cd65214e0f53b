// The open caseload of an area held in memory, so that a caseload page is a
// filtered slice of a list already in order rather than a query that checks
// the viewer's involvement with every open case.
//
// A snapshot holds every case store::caseload_order() can return, whole (with
// advice and exceptions), with its stored clock, the child's name and the
// child's current involvements. It serves while the area's two change tokens
// (store::caseload_tokens(): its assessments, and its children and
// involvements) are those it was built at; each request reads them, so a step,
// a new request, a reallocation or a new involvement saved through any server
// shows on the next request. The order depends on today; it is worked out
// once per snapshot and day. Each request then applies the viewer's access
// (caseload_order()'s rule) and counts in memory.
#pragma once

#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/assessments.h"
#include "store/assessments.h"
#include "store/database.h"

namespace tandem::app {

// Fills in the clock of the area's cases saved before it was stored
// (migration 0014), once; nothing when every case has it.
void store_missing_clocks(store::Database& db, const std::string& area_id);

class CaseloadSnapshot {
 public:
  CaseloadSnapshot(std::string area_id, store::CaseloadTokens tokens, std::vector<store::CaseloadCase> cases);
  CaseloadSnapshot(const CaseloadSnapshot&) = delete;
  CaseloadSnapshot& operator=(const CaseloadSnapshot&) = delete;

  const store::CaseloadTokens& tokens() const { return tokens_; }
  std::size_t size() const { return cases_.size(); }

  // Who is asking, as caseload_order()'s filter has it.
  struct Viewer {
    std::string user_id;
    std::string agency;
    bool agency_wide = false;
    std::string caseworker_id;  // empty: every visible case
  };
  // The viewer's cases on `today`, most urgent first (as caseload_order()),
  // counted by status and caseworker, with the rows of page `page` (clamped).
  CaseloadPage page(const Viewer& viewer, Date today, int at_risk_days, int page_number, int page_size) const;

 private:
  struct Ordered {
    std::uint32_t index;  // into cases_
    StepStatus status;
  };
  std::shared_ptr<const std::vector<Ordered>> order_on(Date today, int at_risk_days) const;

  const std::string area_id_;
  const store::CaseloadTokens tokens_;
  std::vector<store::CaseloadCase> cases_;
  // Access and counting in memory: ids replaced by small numbers.
  std::vector<std::string> caseworkers_;      // sorted
  std::vector<std::uint32_t> caseworker_of_;  // per case, into caseworkers_
  std::unordered_map<std::string, std::uint32_t> agency_bit_;
  std::vector<std::uint64_t> agency_wide_of_;  // per case: bits of the agencies involved as a whole
  std::unordered_map<std::string, std::uint32_t> named_user_;
  std::vector<std::vector<std::uint32_t>> named_of_;  // per case: people involved by name

  mutable std::mutex days_mutex_;
  mutable std::map<std::pair<Date, int>, std::shared_ptr<const std::vector<Ordered>>> days_;
};

class CaseloadIndex {
 public:
  CaseloadIndex() = default;
  CaseloadIndex(const CaseloadIndex&) = delete;
  CaseloadIndex& operator=(const CaseloadIndex&) = delete;

  // The area's snapshot as the database stands now: kept while the tokens
  // read here are those it was built at, else built again. One request builds;
  // others wanting the same tokens meanwhile wait for it.
  std::shared_ptr<const CaseloadSnapshot> current(store::Database& db, const std::string& area_id);

  // How many snapshots were built (for tests: a kept snapshot is not rebuilt).
  std::uint64_t builds() const;

 private:
  struct Entry {
    store::CaseloadTokens tokens;
    std::uint64_t serial = 0;
    std::shared_future<std::shared_ptr<const CaseloadSnapshot>> snapshot;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // by area
  std::uint64_t serial_ = 0;
  std::uint64_t builds_ = 0;
};

}  // namespace tandem::app
