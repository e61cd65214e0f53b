// Moves between councils with a plan (reg 15), one row a move.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/area_move.h"
#include "store/database.h"

namespace tandem::store {

struct StoredMove {
  AreaMove move;
  std::string child_name;
  // A move in: the day the child's plan was last reviewed here since it was
  // transferred, if it has been (closes the reg 15(5) step). Read with the
  // move, in the same query.
  std::optional<Date> reviewed_here_on;
};

void insert_move(Tx& tx, const AreaMove& m);
// Writes every field and bumps the version; false when `m.version` is stale.
bool update_move(Tx& tx, const AreaMove& m);
std::optional<StoredMove> find_move(Tx& tx, const std::string& area_id, const std::string& id);
std::vector<StoredMove> moves_of_child(Tx& tx, const std::string& area_id, const std::string& child_id);
// Moves on or after `since`, or still waiting for a step, of children the
// viewer is involved with (as the register decides), latest move first.
std::vector<StoredMove> recent_moves(Tx& tx, const std::string& area_id, const std::string& user_id,
                                     const std::string& agency, bool agency_wide, Date since);
void delete_moves(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
