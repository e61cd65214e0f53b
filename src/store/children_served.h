// The children a contract serves: those whose final EHC plans have a
// provision line naming one of the contract's Local Offer services, or by
// name the provider or one of the contract's provision names, whether or not
// the plan has been reviewed yet, leaving out `ended_plans` (no longer in
// force: app::plans_ended_by). For activity-based cost per child.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/contract.h"
#include "store/database.h"

namespace tandem::store {

std::set<std::string> children_served(Tx& tx, const std::string& area_id, const Contract& c,
                                      const std::string& provider_name, const std::set<std::string>& ended_plans);

// The plans behind children_served, each with the outcomes its matching
// provision lines serve.
struct ServedPlan {
  std::string plan_id;
  std::string child_id;
  std::set<std::string> outcome_ids;
};
std::vector<ServedPlan> plans_served(Tx& tx, const std::string& area_id, const Contract& c,
                                     const std::string& provider_name, const std::set<std::string>& ended_plans);

}  // namespace tandem::store
