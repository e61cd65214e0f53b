// Inter-agency disagreements for the demo area: a few provision lines whose
// cost the partners would normally split are recorded with one agency paying
// all of it, with the reason a panel would give, and the partners' positions
// at every stage (waiting, agreed, disputed), so the disagreement pages show
// real work.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/disagreement.h"
#include "core/plan.h"

namespace tandem::demo {

struct DisagreementOptions {
  std::uint64_t seed = 1;
  Date today{};
  std::string area_id;
  std::string id_prefix;                // as the plans' ids
  std::vector<std::string> raised_by;   // user ids who record plans (caseworkers)
  std::vector<std::string> decided_by;  // user ids who record positions, any agency
};

// Changes some joint-split lines of `plans` in place (one agency pays all,
// with a reason) and returns the disagreement each change opens. Every plan
// still passes validate_plan. Deterministic for a seed.
std::vector<Disagreement> generate_disagreements(std::vector<Plan>& plans, const ResponsibilityMatrix& matrix,
                                                 const DisagreementOptions& options);

}  // namespace tandem::demo
