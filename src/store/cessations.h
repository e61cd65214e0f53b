// Decisions to cease plans, and capacity findings for young people.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cessation.h"
#include "core/rights.h"
#include "store/database.h"

namespace tandem::store {

void insert_cessation(Tx& tx, const std::string& area_id, const std::string& plan_id, const std::string& child_id,
                      const Cessation& c, const std::string& letter_id, const std::string& by, std::int64_t now);
std::optional<Cessation> find_cessation(Tx& tx, const std::string& area_id, const std::string& plan_id);

struct PlanCessation {
  std::string plan_id;
  std::string child_id;
  Cessation cessation;
};
std::vector<PlanCessation> cessations_in_area(Tx& tx, const std::string& area_id);
// Plans that went with the child to another council (reg 15(2)) on or before `on`:
// from the day of transfer the new council maintains them.
std::vector<std::string> plans_transferred_by(Tx& tx, const std::string& area_id, Date on);

// Replaces the child's capacity record.
void save_capacity(Tx& tx, const std::string& area_id, const std::string& child_id, const CapacityRecord& c,
                   const std::string& by, std::int64_t now);
std::optional<CapacityRecord> find_capacity(Tx& tx, const std::string& area_id, const std::string& child_id);

void delete_cessations_and_capacity(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
