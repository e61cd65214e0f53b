// Readiness: can this server reach its database and is the schema current?
#pragma once

#include <string>

#include "store/database.h"

namespace tandem::app {

struct Health {
  bool ready = false;
  std::string detail;  // what is wrong when not ready; safe to show operators
};

Health check_health(store::Database& db);

}  // namespace tandem::app
