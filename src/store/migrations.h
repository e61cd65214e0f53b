// The SQL migrations compiled into the binary, in order.
//
// db/migrations/NNNN_name.sql runs on both engines. Where one engine needs
// different text, NNNN_name.sqlite.sql or NNNN_name.postgresql.sql replaces it
// for that engine only.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace tandem::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;
  std::string checksum;  // FNV-1a 64, hex: detects an applied file edited later
};

std::vector<Migration> migrations_for(Engine engine);

// Splits a migration into statements at semicolons that end a line; `--`
// comment lines are dropped.
std::vector<std::string> split_statements(const std::string& sql);

}  // namespace tandem::store
