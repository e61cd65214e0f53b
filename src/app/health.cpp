#include "app/health.h"

#include "store/migrations.h"

namespace tandem::app {

Health check_health(store::Database& db) {
  try {
    const int have = db.schema_version();
    const auto all = store::migrations_for(db.engine());
    const int want = all.empty() ? 0 : all.back().version;
    if (have < want) {
      return {false, "database schema is at version " + std::to_string(have) + ", this build needs " +
                         std::to_string(want) + ": run `tandem migrate`"};
    }
    return {true, "ok"};
  } catch (const store::StoreError& e) {
    return {false, std::string("database unavailable: ") + e.what()};
  }
}

}  // namespace tandem::app
