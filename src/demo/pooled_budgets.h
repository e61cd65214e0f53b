// Pooled budgets for the demo area: a section 75 pool the ICB hosts for the
// block and section 75 contracts, funded to their whole value, and a smaller
// council-hosted pool for grants and spot purchases funded to half of theirs,
// so one pool keeps a balance and the other can run dry.
#pragma once

#include <string>
#include <vector>

#include "core/contract.h"
#include "core/pooled_budget.h"

namespace tandem::demo {

// Deterministic; every pool passes make_pooled_budget.
std::vector<PooledBudget> generate_pools(const std::vector<Contract>& contracts, Date today, const std::string& area_id,
                                         const std::string& id_prefix);

}  // namespace tandem::demo
