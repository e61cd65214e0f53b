// The subcommands that need more than a few lines (demo, tokens, profiles).
#pragma once

#include <cstdint>
#include <string>

#include "app/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace tandem::cli {

struct DemoOptions {
  std::string area = "demo";
  int plans = 0;
  std::uint64_t seed = 20261123;
  int services = 0;
};

// Builds (or rebuilds) the demo area in the database and prints its accounts.
int run_demo(store::Database& db, const app::Clock& clock, const DemoOptions& options);
int check_profile(const std::string& path);
// Loads the shipped profiles and every *.toml in `dir` (when given); prints each
// problem with its file, line and key. Returns false if any profile is bad.
bool area_profiles_load(const std::string& dir);
// The id of the only area in the database; throws with advice when there are none or several.
std::string only_area(store::Database& db);
// Imports Open Referral UK services from a feed's address, a folder of its CSV
// tables or a JSON file, printing progress and every refused service with
// where it came from and its fields. Returns 0 when imported, 2 when refused
// (nothing is imported then).
int import_oruk(store::Database& db, const app::Clock& clock, const std::string& area_id, const std::string& source,
                int timeout_seconds);
Result<std::string> create_token(store::Database& db, const app::Clock& clock, const std::string& email,
                                 const std::string& name);

}  // namespace tandem::cli
