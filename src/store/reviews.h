// Reviews of EHC plans with the progress recorded against each outcome.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/plan.h"
#include "core/review.h"
#include "store/database.h"

namespace tandem::store {

struct StoredReview {
  Review review;
  std::int64_t version = 0;
  std::string child_name;
};

void insert_review(Tx& tx, const Review& r, const std::string& recorded_by);
// Writes the decision and amended-plan date; false when `expected_version` is stale.
bool update_review(Tx& tx, const Review& r, std::int64_t expected_version);
std::optional<StoredReview> find_review(Tx& tx, const std::string& area_id, const std::string& id);
std::vector<StoredReview> reviews_of_plan(Tx& tx, const std::string& area_id, const std::string& plan_id);
// Reviews whose decision or amended plan is still to come, oldest meeting
// first, for children the viewer is involved with (as the register decides).
std::vector<StoredReview> unfinished_reviews(Tx& tx, const std::string& area_id, const std::string& user_id,
                                             const std::string& agency, bool agency_wide);
// A decision to amend whose amended plan is not yet issued: the plan is open
// for amendment.
bool amendment_open(Tx& tx, const std::string& area_id, const std::string& plan_id);
void delete_reviews(Tx& tx, const std::string& area_id);

}  // namespace tandem::store

namespace tandem::store {

// Every final plan in the area with each outcome's progress at the plan's
// latest review (none for a plan not yet reviewed in Tandem).
struct PlanWithProgress {
  Plan plan;
  std::map<std::string, Progress> progress;
};
std::vector<PlanWithProgress> final_plans_with_progress(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
