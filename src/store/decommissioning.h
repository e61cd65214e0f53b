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
std::optional<Appraisal> find_appraisal(Tx& tx, const std::string& area_id, const std::string& id);
// Newest first.
std::vector<Appraisal> appraisals(Tx& tx, const std::string& area_id);
void delete_appraisals(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
