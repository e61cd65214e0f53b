// Tribunal appeals and the orders that follow them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/tribunal.h"
#include "store/database.h"

namespace tandem::store {

struct StoredAppeal {
  Appeal appeal;
  std::int64_t version = 0;
  std::string child_name;
};

void insert_appeal(Tx& tx, const Appeal& a, const std::string& recorded_by);
// Writes the hearing, outcome and orders; false when `expected_version` is stale.
bool update_appeal(Tx& tx, const Appeal& a, std::int64_t expected_version);
std::optional<StoredAppeal> find_appeal(Tx& tx, const std::string& area_id, const std::string& id);
std::vector<StoredAppeal> appeals_of_child(Tx& tx, const std::string& area_id, const std::string& child_id);
// Every appeal against a decision to cease in the area, each child's newest first.
std::vector<StoredAppeal> appeals_against_ceasing(Tx& tx, const std::string& area_id);
// Appeals still live for the tracker: pending, or with an order not yet
// complied with; for children the viewer is involved with.
std::vector<StoredAppeal> live_appeals(Tx& tx, const std::string& area_id, const std::string& user_id,
                                       const std::string& agency, bool agency_wide);
void delete_appeals(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
