// A plain-text description of the database schema (tables, columns, types,
// nullability) that reads the same on SQLite and PostgreSQL, so a test can
// prove both engines got the same schema from the same migrations.
#pragma once

#include <string>

#include "store/database.h"

namespace tandem::store {

// One line per column, "table.column TYPE [NOT NULL]", sorted; TYPE is TEXT,
// INTEGER or BIGINT as the migrations declare it.
std::string describe_schema(Database& db);

}  // namespace tandem::store
