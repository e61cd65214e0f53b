// `tandem import oruk SOURCE`: loads another directory's Open Referral UK
// services into an area's Local Offer. SOURCE is one of
//   - the address of a feed (http:// or https://), read page by page;
//   - a folder of the Open Referral UK CSV tables (services.csv, ...);
//   - a JSON file: a service, a list of services or a page of them.
// Every service is checked first; if any is refused, each is reported with
// where it came from and its fields, and nothing is imported, so a directory is
// never left half-imported. Services, organisations, venues and terms already
// in the area (by id) are updated, so importing again updates rather than
// duplicates. An area the database does not have yet is created from the
// shipped area profile of that id.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "app/clock.h"
#include "app/oruk_remote.h"
#include "core/result.h"
#include "interop/oruk_import.h"
#include "store/database.h"

namespace tandem::app {

struct ImportReport {
  std::size_t read = 0;
  std::size_t imported = 0;
  std::size_t organisations = 0;  // distinct ones saved
  std::size_t locations = 0;
  std::size_t terms = 0;
  bool area_created = false;
  std::vector<interop::oruk::Rejected> rejected;
};

struct ImportOptions {
  std::chrono::seconds timeout{30};  // for each request to a feed
  HttpFetch fetch;                   // empty: http_get with the timeout
};

Result<ImportReport> import_oruk(store::Database& db, const Clock& clock, const std::string& area_id,
                                 const std::string& source, const ImportOptions& options,
                                 const ImportProgress& progress);

// A JSON file; progress(done, total) is called as services are saved.
Result<ImportReport> import_oruk_file(store::Database& db, const Clock& clock, const std::string& area_id,
                                      const std::filesystem::path& file,
                                      const std::function<void(std::size_t, std::size_t)>& progress);

}  // namespace tandem::app
