#include "app/caseload_index.h"

#include <algorithm>
#include <exception>

namespace tandem::app {

void store_missing_clocks(store::Database& db, const std::string& area_id) {
  std::vector<std::string> unstored;
  db.read([&](store::Tx& tx) { unstored = store::assessments_without_clock(tx, area_id); });
  if (unstored.empty()) return;
  db.write([&](store::Tx& tx) {
    constexpr std::size_t kChunk = 500;
    for (std::size_t i = 0; i < unstored.size(); i += kChunk) {
      const auto from = unstored.begin() + static_cast<std::ptrdiff_t>(i);
      const std::vector<std::string> ids(from,
                                         from + static_cast<std::ptrdiff_t>(std::min(kChunk, unstored.size() - i)));
      for (const auto& a : store::assessments_by_id(tx, area_id, ids)) store::store_case_clock(tx, a);
    }
  });
}

namespace {

// The key's number, the next free one if it has none yet.
std::uint32_t number_of(std::unordered_map<std::string, std::uint32_t>& numbers, const std::string& key) {
  return numbers.try_emplace(key, static_cast<std::uint32_t>(numbers.size())).first->second;
}

}  // namespace

CaseloadSnapshot::CaseloadSnapshot(std::string area_id, store::CaseloadTokens tokens,
                                   std::vector<store::CaseloadCase> cases)
    : area_id_(std::move(area_id)), tokens_(tokens), cases_(std::move(cases)) {
  for (const auto& c : cases_) caseworkers_.push_back(c.assessment.caseworker_id);
  std::sort(caseworkers_.begin(), caseworkers_.end());
  caseworkers_.erase(std::unique(caseworkers_.begin(), caseworkers_.end()), caseworkers_.end());
  caseworker_of_.reserve(cases_.size());
  agency_wide_of_.reserve(cases_.size());
  named_of_.reserve(cases_.size());
  for (const auto& c : cases_) {
    caseworker_of_.push_back(static_cast<std::uint32_t>(
        std::lower_bound(caseworkers_.begin(), caseworkers_.end(), c.assessment.caseworker_id) - caseworkers_.begin()));
    std::uint64_t agencies = 0;
    std::vector<std::uint32_t> named;
    for (const auto& i : c.involvements) {
      if (i.user_id.empty()) {
        const auto bit = number_of(agency_bit_, i.agency);
        // More agencies than bits would be a schema change; refuse rather than mis-file one.
        if (bit >= 64) throw store::StoreError("more than 64 agencies are involved with the area's children");
        agencies |= std::uint64_t{1} << bit;
      } else {
        named.push_back(number_of(named_user_, i.user_id));
      }
    }
    agency_wide_of_.push_back(agencies);
    named_of_.push_back(std::move(named));
  }
}

std::shared_ptr<const std::vector<CaseloadSnapshot::Ordered>> CaseloadSnapshot::order_on(Date today,
                                                                                         int at_risk_days) const {
  std::lock_guard lock(days_mutex_);
  const auto key = std::pair{today, at_risk_days};
  if (auto it = days_.find(key); it != days_.end()) return it->second;
  // caseload_order()'s SQL, case by case: once the first step is overdue and
  // not lifted the later one is chased; lifted cases after the rest.
  const Date at_risk_until = today + std::chrono::days{at_risk_days};
  struct Keyed {
    Ordered entry;
    int urgency;
    Date due;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(cases_.size());
  for (std::uint32_t i = 0; i < cases_.size(); ++i) {
    const auto& c = cases_[i];
    if (!c.clock.due_on || c.assessment.received_on > today) continue;
    const bool later =
        c.clock.then_due_on && *c.clock.due_on < today && (!c.clock.lifted_on || *c.clock.lifted_on > today);
    const Date due = later ? *c.clock.then_due_on : *c.clock.due_on;
    const std::optional<Date> lifted = later ? c.clock.then_lifted_on : c.clock.lifted_on;
    const int urgency = lifted && *lifted <= today ? 3 : due < today ? 0 : due <= at_risk_until ? 1 : 2;
    static constexpr StepStatus kByUrgency[] = {StepStatus::overdue, StepStatus::at_risk, StepStatus::on_time,
                                                StepStatus::exception_applies};
    keyed.push_back({{i, kByUrgency[urgency]}, urgency, due});
  }
  std::sort(keyed.begin(), keyed.end(), [&](const Keyed& x, const Keyed& y) {
    if (x.urgency != y.urgency) return x.urgency < y.urgency;
    if (x.due != y.due) return x.due < y.due;
    const auto& a = cases_[x.entry.index].assessment;
    const auto& b = cases_[y.entry.index].assessment;
    if (a.received_on != b.received_on) return a.received_on < b.received_on;
    return a.id < b.id;
  });
  auto order = std::make_shared<std::vector<Ordered>>();
  order->reserve(keyed.size());
  for (const auto& k : keyed) order->push_back(k.entry);
  // Only today's order is asked for again, bar a request that began yesterday.
  if (days_.size() >= 2) days_.erase(days_.begin());
  days_.emplace(key, order);
  return order;
}

CaseloadPage CaseloadSnapshot::page(const Viewer& viewer, Date today, int at_risk_days, int page_number,
                                    int page_size) const {
  const auto order = order_on(today, at_risk_days);
  std::uint64_t agencies = 0;
  if (viewer.agency_wide) {
    if (auto it = agency_bit_.find(viewer.agency); it != agency_bit_.end()) agencies = std::uint64_t{1} << it->second;
  }
  const auto named = named_user_.find(viewer.user_id);
  const bool has_named = named != named_user_.end();
  const std::uint32_t me = has_named ? named->second : 0;
  const bool one_caseworker = !viewer.caseworker_id.empty();
  const auto only = std::lower_bound(caseworkers_.begin(), caseworkers_.end(), viewer.caseworker_id);
  const bool has_cases = !one_caseworker || (only != caseworkers_.end() && *only == viewer.caseworker_id);
  const auto only_number = static_cast<std::uint32_t>(only - caseworkers_.begin());

  CaseloadPage out;
  std::vector<CaseworkerLoad> loads(caseworkers_.size());
  std::vector<std::uint32_t> visible;
  visible.reserve(order->size());
  static const std::vector<Ordered> kNone;
  for (const auto& e : has_cases ? *order : kNone) {
    if (one_caseworker && caseworker_of_[e.index] != only_number) continue;
    const auto& people = named_of_[e.index];
    const bool sees = (agency_wide_of_[e.index] & agencies) != 0 ||
                      (has_named && std::find(people.begin(), people.end(), me) != people.end());
    if (!sees) continue;
    visible.push_back(e.index);
    auto& l = loads[caseworker_of_[e.index]];
    ++l.open;
    if (e.status == StepStatus::overdue) ++out.overdue, ++l.overdue;
    if (e.status == StepStatus::at_risk) ++out.at_risk, ++l.at_risk;
  }
  out.total = static_cast<int>(visible.size());
  for (std::size_t i = 0; i < loads.size(); ++i) {
    if (loads[i].open == 0) continue;
    loads[i].caseworker_id = caseworkers_[i];
    out.by_caseworker.push_back(std::move(loads[i]));
  }
  order_by_load(out.by_caseworker);
  out.pages = std::max(1, (out.total + page_size - 1) / page_size);
  out.page = std::clamp(page_number, 1, out.pages);
  const auto first = static_cast<std::size_t>(out.page - 1) * static_cast<std::size_t>(page_size);
  const auto last = std::min(visible.size(), first + static_cast<std::size_t>(page_size));
  for (std::size_t i = first; i < last; ++i) {
    const auto& c = cases_[visible[i]];
    const Assessment& a = c.assessment;
    auto next = next_step(a, today, at_risk_days);
    if (!next) continue;
    out.rows.push_back({a.id, a.child_id, c.child_name, a.caseworker_id, stage_of(a), *next,
                        static_cast<int>(late_advice(a, today).size()), days_lost(a, today)});
  }
  return out;
}

std::shared_ptr<const CaseloadSnapshot> CaseloadIndex::current(store::Database& db, const std::string& area_id) {
  store::CaseloadTokens tokens;
  db.read([&](store::Tx& tx) { tokens = store::caseload_tokens(tx, area_id); });
  std::promise<std::shared_ptr<const CaseloadSnapshot>> promise;
  std::uint64_t serial = 0;
  {
    std::unique_lock lock(mutex_);
    if (auto it = entries_.find(area_id); it != entries_.end() && it->second.tokens == tokens) {
      auto snapshot = it->second.snapshot;
      lock.unlock();
      return snapshot.get();  // waits if another request is building it
    }
    serial = ++serial_;
    ++builds_;
    entries_[area_id] = Entry{tokens, serial, promise.get_future().share()};
  }
  auto owns = [&](auto it) { return it != entries_.end() && it->second.serial == serial; };
  try {
    // Cases from before migration 0014 get their clock first; that changes
    // the tokens, so the snapshot is filed under those read after it.
    store_missing_clocks(db, area_id);
    std::vector<store::CaseloadCase> cases;
    store::CaseloadTokens built_at;
    db.read([&](store::Tx& tx) {
      built_at = store::caseload_tokens(tx, area_id);
      cases = store::caseload_cases(tx, area_id);
    });
    auto snapshot = std::make_shared<const CaseloadSnapshot>(area_id, built_at, std::move(cases));
    promise.set_value(snapshot);
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(area_id); owns(it)) it->second.tokens = built_at;
    return snapshot;
  } catch (...) {
    promise.set_exception(std::current_exception());
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(area_id); owns(it)) entries_.erase(it);
    throw;
  }
}

std::uint64_t CaseloadIndex::builds() const {
  std::lock_guard lock(mutex_);
  return builds_;
}

}  // namespace tandem::app
