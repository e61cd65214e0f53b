// Frameworks in the database: their tiers, the providers on each tier, and
// suspensions of providers from them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/framework.h"
#include "store/database.h"

namespace tandem::store {

struct StoredSuspension {
  std::string id;
  Suspension suspension;
};

// Inserts or replaces the framework with its tiers and members.
void save_framework(Tx& tx, const Framework& f, std::int64_t now);
std::optional<Framework> find_framework(Tx& tx, const std::string& area_id, const std::string& id);
std::vector<Framework> frameworks(Tx& tx, const std::string& area_id);  // by name

void insert_suspension(Tx& tx, const std::string& area_id, const std::string& id, const Suspension& s,
                       const std::string& recorded_by, std::int64_t at);
void record_lifted(Tx& tx, const std::string& area_id, const std::string& id, Date lifted_on);
// Every suspension in the area (the framework's name filled in), oldest first.
std::vector<StoredSuspension> suspensions(Tx& tx, const std::string& area_id);

void delete_frameworks(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
