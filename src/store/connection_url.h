// Reads the --database URL into what each engine's driver needs.
#pragma once

#include <string>

#include "store/database.h"

namespace tandem::store {

struct ConnectionTarget {
  Engine engine;
  std::string connect;  // SOCI connect string for the engine
  std::string display;  // safe to print: no password
};

// "sqlite:PATH" or "postgresql://user:password@host:port/dbname?key=value".
// Throws StoreError explaining the allowed forms when the URL is malformed.
ConnectionTarget parse_connection_url(const std::string& url);

}  // namespace tandem::store
