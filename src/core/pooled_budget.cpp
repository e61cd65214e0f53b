#include "core/pooled_budget.h"

#include <algorithm>
#include <set>

namespace tandem {

Result<PooledBudget> make_pooled_budget(const PooledBudgetInput& in) {
  std::vector<FieldError> errors;
  const auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; };
  if (blank(in.name)) errors.push_back({"name", "Enter the pool's name, like Joint therapies pooled budget"});
  if (in.contributions.empty()) {
    errors.push_back({"contributions", "Give at least one partner's contribution, like ICB £200,000"});
  } else {
    std::set<Agency> seen;
    for (const auto& c : in.contributions) {
      if (c.agency == Agency::provider || c.agency == Agency::school) {
        errors.push_back({"contributions", "Only the council, the ICB and NHS England contribute to a pool; a " +
                                               std::string(agency_label(c.agency)) + " cannot"});
        break;
      }
      if (c.amount.value <= 0) {
        errors.push_back({"contributions", "Each contribution must be more than £0"});
        break;
      }
      if (!seen.insert(c.agency).second) {
        errors.push_back({"contributions", "Give each partner's contribution once"});
        break;
      }
    }
  }
  if (!in.host) {
    errors.push_back({"host", "Choose the partner that hosts the pool"});
  } else if (!in.contributions.empty() &&
             std::none_of(in.contributions.begin(), in.contributions.end(),
                          [&](const PoolContribution& c) { return c.agency == *in.host; })) {
    errors.push_back({"host", "The host must be one of the partners contributing"});
  }
  if (!in.start_on) errors.push_back({"start_on", "Enter the date the pool starts, like 2025-04-01"});
  if (!in.end_on) {
    errors.push_back({"end_on", "Enter the date the pool ends, like 2026-03-31"});
  } else if (in.start_on && *in.end_on <= *in.start_on) {
    errors.push_back({"end_on", "The end date must be after the start date"});
  }
  std::set<std::string> ids(in.contract_ids.begin(), in.contract_ids.end());
  if (ids.size() != in.contract_ids.size()) {
    errors.push_back({"contract_ids", "Name each contract the pool pays for once"});
  }
  if (!errors.empty()) return fail(std::move(errors));
  PooledBudget p{in.id,        in.area_id, in.name,          in.agreement,    *in.host,
                 *in.start_on, *in.end_on, in.contributions, in.contract_ids, 1};
  std::stable_partition(p.contributions.begin(), p.contributions.end(),
                        [&](const PoolContribution& c) { return c.agency == p.host; });
  return p;
}

PoolBalance pool_balance(const PooledBudget& p, Pence spent) {
  PoolBalance b;
  for (const auto& c : p.contributions) b.contributed += c.amount;
  b.spent = spent;
  b.balance = b.contributed - spent;
  b.overdrawn = b.balance.value < 0;
  if (b.contributed.value > 0) {
    std::int32_t given = 0;
    for (const auto& c : p.contributions) {
      // amount x 10,000 / total, rounded down; council-sized sums fit in int64.
      const auto bp = static_cast<std::int32_t>(c.amount.value * 10'000 / b.contributed.value);
      b.shares.emplace_back(c.agency, bp);
      given += bp;
    }
    if (!b.shares.empty()) b.shares.front().second += 10'000 - given;
    std::vector<FundingShare> split;
    for (const auto& [agency, bp] : b.shares) split.push_back({agency, bp});
    if (auto parts = allocate(spent, split)) {
      for (std::size_t i = 0; i < parts->size(); ++i) b.spent_by_partner.emplace_back(split[i].agency, (*parts)[i]);
    }
  }
  return b;
}

bool within_pool_term(const PooledBudget& p, Date d) { return p.start_on <= d && d <= p.end_on; }

Pence pool_spend(const PooledBudget& p, std::span<const Invoice> invoices) {
  Pence spent;
  for (const auto& i : invoices) {
    if (!within_pool_term(p, i.invoiced_on)) continue;
    if (std::find(p.contract_ids.begin(), p.contract_ids.end(), i.contract_id) == p.contract_ids.end()) continue;
    spent += i.amount;
  }
  return spent;
}

}  // namespace tandem
