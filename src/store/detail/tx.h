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
};

}  // namespace tandem::store
