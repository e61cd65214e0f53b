#include "app/directory_import.h"

#include <algorithm>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/crypto.h"
#include "app/postcode_lookup.h"
#include "interop/oruk_tables.h"
#include "profile/area_profiles.h"
#include "store/audit.h"
#include "store/directory.h"
#include "store/people.h"

namespace tandem::app {

namespace {

bool is_url(const std::string& source) { return source.starts_with("http://") || source.starts_with("https://"); }

Result<std::string> read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return fail("file", "Cannot read " + file.string() + ": check the path");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every *.csv in the folder, by file name.
Result<std::map<std::string, std::string>> read_tables(const std::filesystem::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".csv") continue;
    auto text = read_file(entry.path());
    if (!text) return tl::unexpected(text.error());
    files[entry.path().filename().string()] = std::move(*text);
  }
  return files;
}

Result<interop::oruk::ParsedFeed> read_source(const std::string& source, Date today, const ImportOptions& options,
                                              const ImportProgress& progress) {
  if (is_url(source)) {
    HttpFetch fetch = options.fetch;
    if (!fetch) {
      HttpOptions http;
      http.timeout = options.timeout;
      fetch = [http](const std::string& url) { return http_get(url, http); };
    }
    return read_remote_feed(source, fetch, today, progress);
  }
  std::error_code ec;
  if (!std::filesystem::exists(source, ec))
    return fail("source", "There is no " + source +
                              ": give a feed's address (http:// or https://), a folder of Open Referral UK CSV tables "
                              "or a JSON file");
  if (std::filesystem::is_directory(source, ec)) {
    auto files = read_tables(source);
    if (!files) return tl::unexpected(files.error());
    return interop::oruk::parse_service_tables(*files, today);
  }
  auto text = read_file(source);
  if (!text) return tl::unexpected(text.error());
  return interop::oruk::parse_services(*text, today);
}

// The area to import into, created from its shipped profile when the database
// does not have it yet. Fails naming the areas there are.
Result<bool> area_to_create(store::Database& db, const std::string& area_id) {
  bool known = false;
  db.read([&](store::Tx& tx) { known = store::find_area(tx, area_id).has_value(); });
  if (known) return false;
  auto profile = shipped_area_profile(area_id);
  if (!profile)
    return fail("area", "There is no area " + area_id + " in this database, and " + profile.error().first_message());
  return true;
}

}  // namespace

Result<ImportReport> import_oruk(store::Database& db, const Clock& clock, const std::string& area_id,
                                 const std::string& source, const ImportOptions& options,
                                 const ImportProgress& progress) {
  auto feed = read_source(source, clock.today(), options, progress);
  if (!feed) return tl::unexpected<Error>(feed.error());
  ImportReport report;
  report.read = feed->services.size() + feed->rejected.size();
  report.rejected = std::move(feed->rejected);
  if (!report.rejected.empty()) return report;
  auto create = area_to_create(db, area_id);
  if (!create) return tl::unexpected(create.error());
  report.area_created = *create;

  const std::int64_t now = clock.now_micros();
  const std::string label = is_url(source) ? source : std::filesystem::path(source).filename().string();
  try {
    db.write([&](store::Tx& tx) {
      if (report.area_created) {
        const auto profile = shipped_area_profile(area_id);
        store::upsert_area(tx, {profile->id, profile->name, profile->la_code});
      }
      std::set<std::string> saved;  // organisations, venues and terms named by several services
      auto once = [&](const std::string& id) { return saved.insert(id).second; };
      for (std::size_t i = 0; i < feed->services.size(); ++i) {
        auto& record = feed->services[i];
        if (once(record.organisation.id)) {
          store::save_organisation(tx, area_id, record.organisation, now);
          ++report.organisations;
        }
        for (auto& l : record.locations) {
          if (once(l.id)) {
            locate_by_postcode(tx, l);
            store::save_location(tx, area_id, l);
            ++report.locations;
          }
        }
        for (const auto& t : record.taxonomies) {
          if (once(t.id)) store::save_taxonomy(tx, area_id, t);
        }
        for (const auto& t : record.terms) {
          if (once(t.id)) {
            store::save_taxonomy_term(tx, area_id, t);
            ++report.terms;
          }
        }
        // The source's last_modified when it gave one (never later than now).
        record.service.updated_at = record.service.updated_at > 0 ? std::min(record.service.updated_at, now) : now;
        store::save_service(tx, area_id, record.service);
        ++report.imported;
        if (progress && (report.imported % 200 == 0 || report.imported == feed->services.size()))
          progress("services saved", report.imported, feed->services.size());
      }
      store::bump_directory_version(tx, area_id);
      store::insert_audit(tx, {new_id("a"), area_id, now, "cli", "directory.import", "area", area_id, "",
                               std::to_string(report.imported) + " services from " + label, ""});
    });
  } catch (const store::ConflictError& e) {
    return fail("file", std::string("Nothing was imported: ") + e.what());
  }
  return report;
}

Result<ImportReport> import_oruk_file(store::Database& db, const Clock& clock, const std::string& area_id,
                                      const std::filesystem::path& file,
                                      const std::function<void(std::size_t, std::size_t)>& progress) {
  return import_oruk(db, clock, area_id, file.string(), {}, [&](std::string_view, std::size_t done, std::size_t total) {
    if (progress) progress(done, total);
  });
}

}  // namespace tandem::app
