// EHC plans, every version kept, with each plan's annual cost by payer so the
// area's totals are one query.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/cessation.h"
#include "core/money.h"
#include "core/plan.h"
#include "store/database.h"

namespace tandem::store {

struct StoredPlan {
  Plan plan;
  std::string area_id;
  std::int64_t version = 0;
  std::int64_t updated_at = 0;
  // Set when the plan ended without a decision to cease: transferred to
  // another council with the child (reg 15(2)).
  std::optional<Date> ended_on;
  std::optional<CeaseReason> end_reason;
};

// Saves a new version (version 0: a new plan) with its costs by payer
// ("school_notional", "high_needs_top_up" or an agency id); returns false
// when `expected_version` is no longer current.
bool save_plan(Tx& tx, const std::string& area_id, const Plan& plan, std::int64_t expected_version,
               const std::map<std::string, Pence>& costs, const std::string& saved_by, std::int64_t now);
std::optional<StoredPlan> find_plan(Tx& tx, const std::string& area_id, const std::string& id);
std::vector<StoredPlan> plans_of_child(Tx& tx, const std::string& area_id, const std::string& child_id);

struct PlanVersionRow {
  std::int64_t version = 0;
  std::string stage;
  std::int64_t saved_at = 0;
  std::string saved_by;
};
std::vector<PlanVersionRow> plan_versions(Tx& tx, const std::string& plan_id);
std::optional<Plan> plan_version(Tx& tx, const std::string& area_id, const std::string& plan_id, std::int64_t version);

// Ends every final plan of the child still maintained here on `on`, for
// `reason` (a move to another council: CeaseReason::moved_la). Returns the
// ids of the plans it ended.
std::vector<std::string> end_plans_of_child(Tx& tx, const std::string& area_id, const std::string& child_id, Date on,
                                            CeaseReason reason);

// Records when a plan of the area was made and last reviewed (either may be
// empty); a plan of another area is left alone.
void set_plan_review_dates(Tx& tx, const std::string& area_id, const std::string& plan_id, std::optional<Date> made_on,
                           std::optional<Date> last_reviewed_on);

struct PlanDates {
  std::optional<Date> made_on;
  std::optional<Date> last_reviewed_on;
};
PlanDates plan_review_dates(Tx& tx, const std::string& plan_id);

struct ReviewRow {
  std::string plan_id;
  std::string child_id;
  std::string child_name;
  Date date_of_birth{};
  std::optional<Date> made_on;
  std::optional<Date> last_reviewed_on;
  std::optional<Date> last_amended_on;  // the latest amended plan issued after a review
  // The latest transfer of the plan from another council (reg 15), and the day
  // that council made or last reviewed it.
  std::optional<Date> transferred_in_on;
  std::optional<Date> reviewed_before_transfer_on;
};
// Final plans still maintained here of children the viewer is involved with
// (as for the register).
std::vector<ReviewRow> final_plans_for_review(Tx& tx, const std::string& area_id, const std::string& user_id,
                                              const std::string& agency, bool agency_wide);

// Sum of every final plan's annual cost, by payer (plans still maintained here).
std::map<std::string, Pence> area_costs_by_payer(Tx& tx, const std::string& area_id);
// One plan's annual cost, by payer.
std::map<std::string, Pence> plan_costs_by_payer(Tx& tx, const std::string& plan_id);
void delete_plans(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
