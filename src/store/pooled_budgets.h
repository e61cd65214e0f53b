// Pooled budgets in the database: each with its partners' contributions
// (host first) and the contracts it pays for.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/pooled_budget.h"
#include "store/database.h"

namespace tandem::store {

void insert_pool(Tx& tx, const PooledBudget& p, const std::string& created_by, std::int64_t now);
// Writes every field, its contributions and contracts, and bumps the version;
// false when `expected_version` is stale or the pool is not the area's.
bool update_pool(Tx& tx, const PooledBudget& p, std::int64_t expected_version);
std::optional<PooledBudget> find_pool(Tx& tx, const std::string& area_id, const std::string& id);
// By name.
std::vector<PooledBudget> pools(Tx& tx, const std::string& area_id);
// Cleared with the area's contracts for a demo rebuild (before them).
void delete_pools(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
