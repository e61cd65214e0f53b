#include "demo/pooled_budgets.h"

#include <chrono>

namespace tandem::demo {

namespace {

bool started(const Contract& c, Date today) {
  return c.start_on <= today && c.stage != ProcurementStage::need && c.stage != ProcurementStage::options &&
         c.stage != ProcurementStage::tender && c.stage != ProcurementStage::award;
}

std::vector<PoolContribution> split(Pence total, Agency first, std::int64_t first_pct, Agency second,
                                    std::int64_t second_pct, Agency third) {
  const Pence a(total.value / 100 * first_pct), b(total.value / 100 * second_pct);
  return {{first, a}, {second, b}, {third, total - a - b}};
}

}  // namespace

std::vector<PooledBudget> generate_pools(const std::vector<Contract>& contracts, Date today, const std::string& area_id,
                                         const std::string& id_prefix) {
  using std::chrono::days;
  std::vector<PooledBudget> out;
  PooledBudgetInput health{id_prefix + "pool-1", area_id,     "Joint health and care pooled budget",
                           "S75-2024-01",        Agency::icb, today - days(400),
                           today + days(700),    {},          {}};
  PooledBudgetInput breaks{id_prefix + "pool-2",
                           area_id,
                           "Short breaks and community grants pooled fund",
                           "S75-2025-02",
                           Agency::council_social_care,
                           today - days(200),
                           today + days(165),
                           {},
                           {}};
  Pence health_total, breaks_total;
  for (const auto& c : contracts) {
    if (!started(c, today)) continue;
    if (c.type == ContractType::block || c.type == ContractType::section_75) {
      health.contract_ids.push_back(c.id);
      health_total += c.value;
    } else if (c.type == ContractType::grant || c.type == ContractType::spot_purchase) {
      breaks.contract_ids.push_back(c.id);
      breaks_total += Pence(c.value.value / 2);
    }
  }
  if (health_total.value > 0) {
    health.contributions =
        split(health_total, Agency::icb, 60, Agency::council_social_care, 25, Agency::council_education);
    if (auto p = make_pooled_budget(health)) out.push_back(*p);
  }
  if (breaks_total.value > 0) {
    breaks.contributions =
        split(breaks_total, Agency::council_social_care, 70, Agency::icb, 20, Agency::council_education);
    if (auto p = make_pooled_budget(breaks)) out.push_back(*p);
  }
  return out;
}

}  // namespace tandem::demo
