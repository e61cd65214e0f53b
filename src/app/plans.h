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
  bool amending = false;              // a decision to amend after review stands: the plan may change
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

namespace tandem::app {

// Annual reviews (CFA s44(1)): every final plan the user may see, with the last
// day its review is still in time, overdue first, then soonest due.
struct ReviewDueRow {
  std::string plan_id;
  std::string child_id;
  std::string child_name;
  Date last_event{};                        // the day the plan was made or last reviewed
  bool reviewed = false;                    // last_event is a review, not the plan being made
  Deadline due;                             // annual review: last day in time
  std::optional<Date> under_fives_advised;  // Code 9.178, advice not law
  int days_left = 0;
  bool overdue = false;
  bool due_soon = false;  // within 8 weeks: time to convene (reg 20(3): 2 weeks' notice)
};
struct ReviewsPage {
  std::vector<ReviewDueRow> rows;  // this page only
  int total = 0;
  int overdue = 0;
  int due_soon = 0;
  int page = 1;
  int pages = 1;
};
ReviewsPage reviews_due(RegisterServices& s, const SignedIn& user, int page, const std::string& route);

}  // namespace tandem::app
