// Commissioning activities in the database: the activity with its partners,
// the evidence linked for each stage, the partners' decisions and the
// board's recommendations, and the stage changes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/commissioning.h"
#include "store/database.h"

namespace tandem::store {

struct ActivityStageChange {
  std::string id;
  std::string activity_id;
  std::string area_id;
  CycleStage from = CycleStage::joint_understanding;
  CycleStage to = CycleStage::joint_understanding;
  Date next_due_on{};
  std::string changed_by;
  std::int64_t at = 0;
};

struct StoredActivity {
  Activity activity;  // with its evidence, sign-offs and recommendations, oldest first
  std::int64_t version = 0;
  std::vector<ActivityStageChange> history;
};

void insert_activity(Tx& tx, const Activity& a, std::int64_t now);
// Writes the activity's own fields and partners (not its evidence or
// decisions); false when `expected_version` is stale.
bool update_activity(Tx& tx, const Activity& a, std::int64_t expected_version, std::int64_t now);
std::optional<StoredActivity> find_activity(Tx& tx, const std::string& area_id, const std::string& id);
// Every activity in the area, by stage due date.
std::vector<StoredActivity> activities(Tx& tx, const std::string& area_id);

void insert_evidence(Tx& tx, const std::string& area_id, const std::string& activity_id, const std::string& id,
                     const EvidenceLink& e, const std::string& added_by, std::int64_t at);
// A partner's decision, or (board) the partnership board's recommendation.
void insert_sign_off(Tx& tx, const std::string& area_id, const std::string& activity_id, const std::string& id,
                     const SignOff& s, bool board, const std::string& recorded_by, std::int64_t at);
void insert_activity_stage_change(Tx& tx, const ActivityStageChange& c);

void delete_commissioning(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
