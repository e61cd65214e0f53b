// Builds the request handler for the whole product from its dependencies.
#pragma once

#include "store/database.h"
#include "web/http.h"

namespace tandem::web {

struct AppContext {
  store::Database& db;
};

Handler make_handler(AppContext& context);

}  // namespace tandem::web
