// Review meetings for the demo area: a plan reviewed in the last ten weeks
// has its meeting on record, with progress against every outcome and the
// council's decision at the stage a real service would have reached (some
// still waiting, a few late, amendments in progress), so the reviews pages
// show real work.
#pragma once

#include <cstdint>
#include <string>

#include "core/plan.h"
#include "core/review.h"

namespace tandem::demo {

// The review of `plan` whose meeting was on `meeting`, as things stand on
// `today`, drawn from `seed` (deterministic).
Review demo_review(const Plan& plan, const std::string& area_id, const std::string& id, Date meeting, Date today,
                   std::uint64_t seed);

}  // namespace tandem::demo
