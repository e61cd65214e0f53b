#include "app/phase_transfers.h"

#include <algorithm>

#include "core/area_profile.h"
#include "profile/area_profiles.h"
#include "store/plans.h"

namespace tandem::app {

namespace {

int rank(TransferStatus s) {
  switch (s) {
    case TransferStatus::overdue: return 0;
    case TransferStatus::to_do: return 1;
    case TransferStatus::done: return 2;
  }
  return 3;
}

}  // namespace

PhaseTransfersPage phase_transfers(RegisterServices& s, const SignedIn& user, int page, const std::string& route) {
  constexpr int kPageSize = 50;
  const auto area = shipped_area_profile(user.area_id);
  const auto points = area ? transfer_points(*area) : default_transfer_points();
  const bool agency_wide = sees_agency_wide(user);
  std::vector<store::ReviewRow> plans;
  s.db.read([&](store::Tx& tx) {
    plans =
        store::final_plans_for_review(tx, user.area_id, user.user_id, std::string(to_string(user.agency)), agency_wide);
  });
  const Date today = s.clock.today();
  PhaseTransfersPage out;
  std::vector<PhaseTransferRow> rows;
  out.school_year = school_year_of(today) + 1;
  for (const auto& p : plans) {
    auto transfer = upcoming_phase_transfer(p.date_of_birth, today, points);
    if (!transfer) continue;
    PhaseTransferRow r;
    r.plan_id = p.plan_id;
    r.child_id = p.child_id;
    r.child_name = p.child_name;
    r.last_issued_on = p.made_on;
    if (p.last_amended_on && (!r.last_issued_on || *p.last_amended_on > *r.last_issued_on)) {
      r.last_issued_on = p.last_amended_on;
    }
    r.status = transfer_status(*transfer, r.last_issued_on, today);
    r.days_left = static_cast<int>((transfer->deadline.date - today).count());
    r.transfer = std::move(*transfer);
    out.overdue += r.status == TransferStatus::overdue ? 1 : 0;
    out.to_do += r.status == TransferStatus::to_do ? 1 : 0;
    out.done += r.status == TransferStatus::done ? 1 : 0;
    rows.push_back(std::move(r));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const PhaseTransferRow& a, const PhaseTransferRow& b) {
    if (rank(a.status) != rank(b.status)) return rank(a.status) < rank(b.status);
    if (a.days_left != b.days_left) return a.days_left < b.days_left;
    return a.child_name < b.child_name;
  });
  out.total = static_cast<int>(rows.size());
  out.pages = std::max(1, (out.total + kPageSize - 1) / kPageSize);
  out.page = std::clamp(page, 1, out.pages);
  const auto first = static_cast<std::size_t>(out.page - 1) * static_cast<std::size_t>(kPageSize);
  const auto last = std::min(rows.size(), first + static_cast<std::size_t>(kPageSize));
  std::string shown;
  for (std::size_t i = first; i < last; ++i) {
    shown += (shown.empty() ? "" : " ") + rows[i].child_id;
    out.rows.push_back(std::move(rows[i]));
  }
  s.access_log.record({{}, user.area_id, s.clock.now_micros(), user.user_id, route, shown, "shown"});
  return out;
}

}  // namespace tandem::app
