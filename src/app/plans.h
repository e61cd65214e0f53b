// EHC plans: reading a plan (any saved version) with its costs, saving a new
// version, and the area's annual totals by who pays.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/assessments.h"
#include "core/money.h"
#include "core/plan.h"
#include "store/plans.h"

namespace tandem::app {

// The plan's annual cost by payer (agency ids, "school_notional" and
// "high_needs_top_up", the latter being part of council_education's figure),
// with the national notional SEN threshold in force on `on`.
std::map<std::string, Pence> plan_costs(const Plan& plan, Date on);

struct PlanView {
  store::StoredPlan stored;  // the current version
  Plan shown;                // the version asked for (the current one by default)
  std::int64_t shown_version = 0;
  Child child;
  std::map<std::string, Pence> costs;
  std::vector<store::PlanVersionRow> versions;
  std::vector<std::string> warnings;  // lines not linked to an outcome
};
std::variant<PlanView, Refused> open_plan(RegisterServices& s, const SignedIn& user, const std::string& plan_id,
                                          std::optional<std::int64_t> version, const std::string& route);

// Saves a new version after validation (a final plan must pass validate_plan);
// audited. Used by the demo and by plan editing.
Result<std::int64_t> save_plan_version(store::Database& db, const Clock& clock, const std::string& area_id,
                                       const Plan& plan, std::int64_t expected_version, const std::string& by);

// Every final plan's annual cost in the area, by payer.
std::map<std::string, Pence> area_plan_costs(RegisterServices& s, const SignedIn& user);

}  // namespace tandem::app
