// Opens a fresh, migrated database for a store test: a temporary SQLite file,
// or, when TANDEM_TEST_POSTGRES is set (a postgresql:// URL), a new schema on
// that server, so the same tests run on both engines.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace tandem::testing {

struct TestDatabase {
  std::unique_ptr<store::Database> db;
  std::string url;
};

TestDatabase open_test_database(const std::string& name);

}  // namespace tandem::testing
