// Commissioned services for the demo area: invented providers holding
// contracts of every type (block, spot purchase, framework call-off, section
// 75, grant) at every procurement stage, each delivering services named the
// way the demo's EHC plans name them, with indicators (waiting times among
// them) and quarterly returns whose ratings mix green, amber and red, and one
// return left overdue. The call-offs are picked from a short breaks and an
// alternative education framework.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/contract.h"
#include "core/contract_monitoring.h"
#include "core/framework.h"

namespace tandem::demo {

struct ContractOptions {
  std::uint64_t seed = 1;
  Date today{};
  std::string area_id;
  std::string id_prefix;
  // The Local Offer directory's services (id, name): a contract delivers the
  // ones whose names share its key word.
  std::vector<std::pair<std::string, std::string>> services;
};

struct DemoContracts {
  std::vector<Provider> providers;
  std::vector<Contract> contracts;
  std::vector<Kpi> kpis;  // in each contract's order
  std::vector<QuarterlyReturn> returns;
  // Frameworks by tier of need; the call-offs name theirs and a tier the
  // provider is approved at (check_framework_pick).
  std::vector<Framework> frameworks;
  std::string provider_for_demo_user;  // the provider the demo provider account works for
};

// Deterministic for a seed; every contract passes make_contract, every
// indicator make_kpi and every return check_return.
DemoContracts generate_contracts(const ContractOptions& options);

}  // namespace tandem::demo
