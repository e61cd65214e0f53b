// Recharges between councils in the database, with the child's name and
// date of birth; and
// what a recharge is proposed from: the area's moves between councils.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/area_move.h"
#include "core/recharge.h"
#include "store/database.h"

namespace tandem::store {

struct StoredRecharge {
  Recharge recharge;
  std::string child_name;
  std::optional<Date> date_of_birth;  // the register's for its child, else as recorded on the recharge
};

void insert_recharge(Tx& tx, const Recharge& r, const std::string& recorded_by, std::int64_t now);
// Writes every field and bumps the version; false when `expected_version` is
// stale or the recharge is not the area's.
bool update_recharge(Tx& tx, const Recharge& r, std::int64_t expected_version);
std::optional<StoredRecharge> find_recharge(Tx& tx, const std::string& area_id, const std::string& id);
// By council, then period.
std::vector<StoredRecharge> recharges(Tx& tx, const std::string& area_id);
void delete_recharges(Tx& tx, const std::string& area_id);

// A move between councils with what a recharge needs: the child's setting
// then (the placement current on the day of the move or, failing that, the
// latest) and the child's final plan's top-up a year.
struct RechargeMove {
  std::string child_id;
  std::string child_name;
  MoveDirection direction = MoveDirection::into_area;
  std::string other_authority;
  Date moved_on{};
  std::optional<Date> transferred_on;
  std::string setting_name;  // empty: no placement recorded
  Pence annual_top_up;
};
std::vector<RechargeMove> recharge_moves(Tx& tx, const std::string& area_id);
// The child's name, if the child is the area's.
std::optional<std::string> child_name(Tx& tx, const std::string& area_id, const std::string& child_id);

}  // namespace tandem::store
