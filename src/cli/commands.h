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
// Imports a file of Open Referral UK services, printing progress and every
// refused service with its fields. Returns 0 when imported, 2 when refused.
int import_oruk(store::Database& db, const app::Clock& clock, const std::string& area_id, const std::string& file);
Result<std::string> create_token(store::Database& db, const app::Clock& clock, const std::string& email,
                                 const std::string& name);

}  // namespace tandem::cli
