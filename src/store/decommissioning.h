// Decommissioning appraisals in the database, with their decision once made.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/decommissioning.h"
#include "store/database.h"

namespace tandem::store {

void insert_appraisal(Tx& tx, const Appraisal& a, const std::string& created_by, std::int64_t now);
// Records the decision; false when the appraisal is not the area's or is already decided.
bool record_decision(Tx& tx, const Appraisal& a);
// Writes the subject and the six sections and bumps the version; false when
// `expected_version` is stale or the appraisal is not the area's.
bool update_appraisal(Tx& tx, const Appraisal& a, std::int64_t expected_version);
std::optional<Appraisal> find_appraisal(Tx& tx, const std::string& area_id, const std::string& id);
// Newest first.
std::vector<Appraisal> appraisals(Tx& tx, const std::string& area_id);
void delete_appraisals(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
