// Outcomes counted by the provision that serves them: for every final plan,
// each outcome's progress at the plan's latest review (CFA s44; reg 20(7)),
// counted under every provider and every kind of provision whose lines serve
// that outcome. So a commissioner sees, for a speech and language therapy
// team or for "occupational therapy" as a whole, how the children it works
// for are getting on.
//
// An outcome served by two lines of the same provider counts once for that
// provider; an outcome with no review yet is counted as "not yet reviewed".
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "core/plan.h"
#include "core/review.h"

namespace tandem {

struct ProgressCounts {
  // Indexed by Progress (all_progress() order).
  std::array<int, 5> by_progress{};
  int not_yet_reviewed = 0;
  int reviewed() const;
  int total() const { return reviewed() + not_yet_reviewed; }
  // Achieved or on track, of those reviewed and still relevant; -1 when none.
  int percent_achieved_or_on_track() const;
};

struct OutcomeCounts {
  std::map<std::string, ProgressCounts> by_provider;  // ProvisionLine::provider.name
  std::map<std::string, ProgressCounts> by_category;  // provision category id
  ProgressCounts all;                                 // every outcome a line serves, once
};

struct ReviewedPlan {
  const Plan* plan = nullptr;
  std::map<std::string, Progress> progress;  // outcome id -> progress at the latest review
};

OutcomeCounts count_outcomes(const std::vector<ReviewedPlan>& plans);

}  // namespace tandem
