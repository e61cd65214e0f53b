// Inter-agency disagreements over provision lines, with each party's position.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/disagreement.h"
#include "store/database.h"

namespace tandem::store {

struct StoredDisagreement {
  Disagreement d;
  std::int64_t version = 0;
  std::string child_name;
};

void insert_disagreement(Tx& tx, const Disagreement& d);
// Writes the positions and status; false when `expected_version` is stale.
bool update_disagreement(Tx& tx, const Disagreement& d, std::int64_t expected_version);
std::optional<StoredDisagreement> find_disagreement(Tx& tx, const std::string& area_id, const std::string& id);
// Every open disagreement about a plan's line, to withdraw when the line changes.
std::vector<StoredDisagreement> open_disagreements_of_line(Tx& tx, const std::string& area_id,
                                                           const std::string& plan_id, const std::string& line_id);
std::vector<StoredDisagreement> disagreements_of_plan(Tx& tx, const std::string& area_id, const std::string& plan_id);
// The area's disagreements with `status` ("" for all), newest first, at most `limit`.
std::vector<StoredDisagreement> area_disagreements(Tx& tx, const std::string& area_id, const std::string& status,
                                                   int limit);
void delete_disagreements(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
