// Appeals for the demo area: some refusals to assess or to issue, and some
// final plans, are appealed; the appeals sit at every stage (waiting for a
// hearing, upheld with orders in time, late or complied with, dismissed,
// withdrawn), so the tribunal tracker shows real work.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/assessment.h"
#include "core/plan.h"
#include "core/tribunal.h"

namespace tandem::demo {

struct AppealOptions {
  std::uint64_t seed = 1;
  Date today{};
  std::string area_id;
  std::string id_prefix;
};

// Deterministic for a seed; every appeal passes open_appeal and its steps.
std::vector<Appeal> generate_appeals(const std::vector<Assessment>& assessments, const std::vector<Plan>& plans,
                                     const AppealOptions& options);

}  // namespace tandem::demo
