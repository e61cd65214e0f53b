// A transaction in progress: the SOCI session it runs on and its engine.
// Included only by store/ source files.
#pragma once

#include <soci/soci.h>

#include "store/database.h"

namespace tandem::store {

class Tx {
 public:
  Tx(soci::session& s, Engine e) : sql(s), engine(e) {}
  soci::session& sql;
  Engine engine;
  // Set by writes to the children's register (children, their search tokens,
  // placements, involvements); once committed, Database::register_generation()
  // moves on so cached register reads know they are stale.
  bool register_changed = false;
};

}  // namespace tandem::store
