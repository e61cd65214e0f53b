#include "app/plans.h"

#include "app/crypto.h"
#include "profile/national_funding.h"
#include "store/audit.h"

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
  PlanView view{*stored, stored->plan, stored->version, std::get<Child>(child), {}, {}, {}};
  bool found = true;
  s.db.read([&](store::Tx& tx) {
    view.versions = store::plan_versions(tx, plan_id);
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
  s.access_log.record(
      {new_id("r"), user.area_id, s.clock.now_micros(), user.user_id, route, stored->plan.child_id, "shown"});
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
  s.db.read([&](store::Tx& tx) { out = store::area_costs_by_payer(tx, user.area_id); });
  return out;
}

}  // namespace tandem::app
