// Moves between councils for the demo area (SEND Regulations 2014 reg 15):
// some children with a final plan arrived from another council in the last
// year, and a few are leaving; the moves sit at every step (plan not yet
// transferred, family not yet told, a step late), so the moves list shows
// real work. The area's build (app/demo_area.cpp) ends the plans that went
// and sends the letters of reg 15 for the families told.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/area_move.h"
#include "core/plan.h"

namespace tandem::demo {

struct MoveOptions {
  std::uint64_t seed = 1;
  Date today{};
  std::string area_id;
  std::string id_prefix;
};

// Deterministic for a seed; every move passes check_move on `today`.
std::vector<AreaMove> generate_moves(const std::vector<Plan>& plans, const MoveOptions& options);

}  // namespace tandem::demo
