#include "app/outcome_report.h"

#include "store/reviews.h"

namespace tandem::app {

OutcomeCounts outcomes_by_provision(RegisterServices& s, const SignedIn& user) {
  std::vector<store::PlanWithProgress> plans;
  s.db.read([&](store::Tx& tx) { plans = store::final_plans_with_progress(tx, user.area_id); });
  std::vector<ReviewedPlan> reviewed;
  reviewed.reserve(plans.size());
  for (const auto& p : plans) reviewed.push_back({&p.plan, p.progress});
  return count_outcomes(reviewed);
}

}  // namespace tandem::app
