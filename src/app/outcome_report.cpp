#include "app/outcome_report.h"

#include "app/ceasing.h"
#include "store/reviews.h"

namespace tandem::app {

OutcomeCounts outcomes_by_provision(RegisterServices& s, const SignedIn& user) {
  std::vector<store::PlanWithProgress> plans;
  std::set<std::string> ended;
  s.db.read([&](store::Tx& tx) {
    plans = store::final_plans_with_progress(tx, user.area_id);
    ended = plans_ended_by(tx, user.area_id, s.clock.today());
  });
  std::vector<ReviewedPlan> reviewed;
  reviewed.reserve(plans.size());
  for (const auto& p : plans) {
    if (!ended.contains(p.plan.id)) reviewed.push_back({&p.plan, p.progress});
  }
  return count_outcomes(reviewed);
}

}  // namespace tandem::app
