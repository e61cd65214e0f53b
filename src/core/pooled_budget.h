// Pooled budgets (NHS Act 2006 section 75; Blackpool 15.2): partners put
// money into one pool, which pays for named contracts. Its balance is what
// the partners contributed less what has been invoiced on those contracts
// within the pool's term.
//
//   auto pool = make_pooled_budget(in);          // every wrong field named
//   Pence spent = pool_spend(*pool, invoices);   // its contracts' invoices in its term
//   PoolBalance b = pool_balance(*pool, spent);
//   if (b.overdrawn) flag("the pool has paid out more than was put in");
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/contract_invoice.h"
#include "core/date.h"
#include "core/money.h"
#include "core/plan.h"
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
  std::int64_t version = 1;
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
  // What was spent, split by those shares (allocate(): the parts add up to
  // the whole): each partner's money actually spent through the pool.
  std::vector<std::pair<Agency, Pence>> spent_by_partner;
};
PoolBalance pool_balance(const PooledBudget& p, Pence spent);

// Whether an invoice dated `d` falls in the pool's term (both ends counted).
bool within_pool_term(const PooledBudget& p, Date d);

// What the pool has paid out: the invoices on the contracts it pays for,
// dated within its term. A pooled contract's invoice dated before the pool
// started or after it ended was met from the partners' own budgets.
Pence pool_spend(const PooledBudget& p, std::span<const Invoice> invoices);

}  // namespace tandem
