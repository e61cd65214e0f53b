// Pooled budgets (NHS Act 2006 section 75; Blackpool 15.2): partners put
// money into one pool, which pays for named contracts. Its balance is what
// the partners contributed less what has been invoiced on those contracts.
//
//   auto pool = make_pooled_budget(in);          // every wrong field named
//   PoolBalance b = pool_balance(*pool, spent);  // spent: invoiced on its contracts
//   if (b.overdrawn) flag("the pool has paid out more than was put in");
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/date.h"
#include "core/money.h"
#include "core/result.h"

namespace tandem {

struct PoolContribution {
  Agency agency = Agency::council_education;
  Pence amount;
  bool operator==(const PoolContribution&) const = default;
};

struct PooledBudget {
  std::string id;
  std::string area_id;
  std::string name;       // "Joint therapies pooled budget"
  std::string agreement;  // the section 75 agreement's reference, if any
  Agency host = Agency::council_education;
  Date start_on{};
  Date end_on{};
  std::vector<PoolContribution> contributions;  // host first
  std::vector<std::string> contract_ids;        // the contracts it pays for
};

struct PooledBudgetInput {
  std::string id;
  std::string area_id;
  std::string name;
  std::string agreement;
  std::optional<Agency> host;
  std::optional<Date> start_on;
  std::optional<Date> end_on;
  std::vector<PoolContribution> contributions;
  std::vector<std::string> contract_ids;
};

// Checks every field together: a name; a host that is one of the partners
// (field "host"); at least one contribution, each above nothing, from the
// council, the ICB or NHS England, none twice (field "contributions"); start
// and end dates, the end after the start; no contract named twice.
// Contributions are put host first.
Result<PooledBudget> make_pooled_budget(const PooledBudgetInput& in);

struct PoolBalance {
  Pence contributed;
  Pence spent;
  Pence balance;  // contributed - spent
  bool overdrawn = false;
  // Each partner's share of the pool in basis points, in contribution order
  // (the odd basis point to the host, so they sum to 10,000).
  std::vector<std::pair<Agency, std::int32_t>> shares;
};
PoolBalance pool_balance(const PooledBudget& p, Pence spent);

}  // namespace tandem
