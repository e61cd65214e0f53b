// `tandem import oruk FILE`: loads another directory's Open Referral UK
// services into an area's Local Offer. Every service is checked first; if any
// is refused, each is reported with its fields and nothing is imported, so a
// directory is never left half-imported. Services, organisations, venues and
// terms already in the area (by id) are updated.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "app/clock.h"
#include "core/result.h"
#include "interop/oruk_import.h"
#include "store/database.h"

namespace tandem::app {

struct ImportReport {
  std::size_t read = 0;
  std::size_t imported = 0;
  std::vector<interop::oruk::Rejected> rejected;
};

// progress(done, total) is called as services are saved.
Result<ImportReport> import_oruk_file(store::Database& db, const Clock& clock, const std::string& area_id,
                                      const std::filesystem::path& file,
                                      const std::function<void(std::size_t, std::size_t)>& progress);

}  // namespace tandem::app
