#include "app/plans.h"

#include "app/ceasing.h"

#include <algorithm>
#include <set>

#include "app/crypto.h"
#include "app/warning_margins.h"
#include "core/area_move.h"
#include "profile/national_funding.h"
#include "store/audit.h"
#include "store/cessations.h"
#include "store/reviews.h"

namespace tandem::app {

std::map<std::string, Pence> plan_costs(const Plan& plan, Date on) {
  const auto& funding = shipped_national_funding();
  auto rates = high_needs_rates_on(funding, on);
  // Outside the dated table, use its latest year rather than no threshold at all.
  if (!rates) rates = high_needs_rates_for(funding, 2024);
  const Pence threshold = rates ? rates->notional_sen_threshold : Pence::from_pounds(6000);
  const bool mainstream =
      plan.placement && plan.placement->setting_type && meets_notional_threshold(*plan.placement->setting_type);
  const auto costs = annual_cost_by_agency(plan, threshold, mainstream);
  std::map<std::string, Pence> out;
  for (const auto& [agency, pence] : costs.by_agency) out[std::string(to_string(agency))] = pence;
  if (costs.school_notional.value != 0) out["school_notional"] = costs.school_notional;
  if (costs.high_needs_top_up.value != 0) out["high_needs_top_up"] = costs.high_needs_top_up;
  return out;
}

std::variant<PlanView, Refused> open_plan(RegisterServices& s, const SignedIn& user, const std::string& plan_id,
                                          std::optional<std::int64_t> version, const std::string& route) {
  std::optional<store::StoredPlan> stored;
  s.db.read([&](store::Tx& tx) { stored = store::find_plan(tx, user.area_id, plan_id); });
  if (!stored) return Refused{404, "There is no plan with that reference in your area."};
  auto child = child_for(s, user, stored->plan.child_id, route);
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  PlanView view{*stored, stored->plan, stored->version, std::get<Child>(child), {}, {}, {}, false};
  bool found = true;
  s.db.read([&](store::Tx& tx) {
    view.versions = store::plan_versions(tx, plan_id);
    view.amending = store::amendment_open(tx, user.area_id, plan_id);
    if (version && *version != stored->version) {
      auto old = store::plan_version(tx, user.area_id, plan_id, *version);
      found = old.has_value();
      if (old) {
        view.shown = *old;
        view.shown_version = *version;
      }
    }
  });
  if (!found) return Refused{404, "This plan has no such version."};
  view.costs = plan_costs(view.shown, s.clock.today());
  view.warnings = lines_without_outcomes(view.shown);
  s.access_log.record({{}, user.area_id, s.clock.now_micros(), user.user_id, route, stored->plan.child_id, "shown"});
  return view;
}

Result<std::int64_t> save_plan_version(store::Database& db, const Clock& clock, const std::string& area_id,
                                       const Plan& plan, std::int64_t expected_version, const std::string& by) {
  auto valid = validate_plan(plan);
  if (!valid) return tl::unexpected<Error>(valid.error());
  const std::int64_t now = clock.now_micros();
  const auto costs = plan_costs(plan, clock.today());
  bool saved = false;
  db.write([&](store::Tx& tx) {
    saved = store::save_plan(tx, area_id, plan, expected_version, costs, by, now);
    if (!saved) return;
    store::insert_audit(tx, {new_id("a"), area_id, now, by, "plan.save", "plan", plan.id, plan.child_id,
                             std::string(plan.stage == PlanStage::final ? "final" : "draft") + " plan, version " +
                                 std::to_string(expected_version + 1),
                             ""});
  });
  if (!saved) return fail("version", "Someone else saved this plan first. Open it again to see their change.");
  return expected_version + 1;
}

std::map<std::string, Pence> area_plan_costs(RegisterServices& s, const SignedIn& user) {
  std::map<std::string, Pence> out;
  const Date today = s.clock.today();
  s.db.read([&](store::Tx& tx) {
    out = store::area_costs_by_payer(tx, user.area_id);  // transferred plans already left out
    // Ceased plans no longer in force: few, so take their costs off rather than
    // summing every plan in force here.
    // Any plan with a transfer recorded, whatever its day, is already out of the sums.
    const auto transferred = store::plans_transferred_by(tx, user.area_id, make_date(9999, 12, 31));
    for (const auto& plan_id : plans_ceased_by(tx, user.area_id, today)) {
      if (std::find(transferred.begin(), transferred.end(), plan_id) != transferred.end()) continue;
      for (const auto& [payer, cost] : store::plan_costs_by_payer(tx, plan_id)) {
        const auto it = out.find(payer);
        if (it == out.end()) continue;
        it->second = it->second - cost;
        if (it->second.value <= 0) out.erase(it);
      }
    }
  });
  return out;
}

}  // namespace tandem::app

namespace tandem::app {

ReviewsPage reviews_due(RegisterServices& s, const SignedIn& user, int page, const std::string& route) {
  constexpr int kPageSize = 50;
  std::vector<store::ReviewRow> plans;
  const bool agency_wide = sees_agency_wide(user);
  const Date today = s.clock.today();
  const int due_soon_days = warning_margins(user.area_id).review_due_soon_days;
  std::set<std::string> ended;
  s.db.read([&](store::Tx& tx) {
    plans =
        store::final_plans_for_review(tx, user.area_id, user.user_id, std::string(to_string(user.agency)), agency_wide);
    ended = plans_ended_by(tx, user.area_id, today);
  });
  std::vector<ReviewDueRow> rows;
  for (const auto& p : plans) {
    if (ended.contains(p.plan_id)) continue;  // ceased and no longer in force: no review is due
    // A plan transferred from another council and not reviewed here since:
    // the later of 12 months from that council's review and 3 months from
    // the transfer (reg 15(5)).
    const bool transferred = p.transferred_in_on && p.reviewed_before_transfer_on &&
                             (!p.last_reviewed_on || *p.last_reviewed_on < *p.transferred_in_on);
    const auto last = transferred ? p.reviewed_before_transfer_on : p.last_reviewed_on ? p.last_reviewed_on : p.made_on;
    if (!last) continue;  // a plan with no date cannot be put on the clock
    const auto due = review_due(*last);
    ReviewDueRow r;
    r.plan_id = p.plan_id;
    r.child_id = p.child_id;
    r.child_name = p.child_name;
    r.last_event = *last;
    r.reviewed = transferred || p.last_reviewed_on.has_value();
    r.due =
        transferred ? transferred_plan_review(*p.reviewed_before_transfer_on, *p.transferred_in_on) : due.annual_review;
    if (age_on(p.date_of_birth, today) < 5) r.under_fives_advised = due.under_fives_advised.date;
    r.days_left = static_cast<int>((r.due.date - today).count());
    r.overdue = r.days_left < 0;
    r.due_soon = !r.overdue && r.days_left <= due_soon_days;
    rows.push_back(std::move(r));
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const ReviewDueRow& a, const ReviewDueRow& b) { return a.days_left < b.days_left; });
  ReviewsPage out;
  out.total = static_cast<int>(rows.size());
  for (const auto& r : rows) {
    out.overdue += r.overdue ? 1 : 0;
    out.due_soon += r.due_soon ? 1 : 0;
  }
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
