#include "app/directory_import.h"

#include <fstream>
#include <set>
#include <sstream>

#include "app/crypto.h"
#include "store/audit.h"
#include "store/directory.h"
#include "store/people.h"

namespace tandem::app {

Result<ImportReport> import_oruk_file(store::Database& db, const Clock& clock, const std::string& area_id,
                                      const std::filesystem::path& file,
                                      const std::function<void(std::size_t, std::size_t)>& progress) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return fail("file", "Cannot read " + file.string() + ": check the path");
  std::stringstream text;
  text << in.rdbuf();
  auto feed = interop::oruk::parse_services(text.str(), clock.today());
  if (!feed) return tl::unexpected<Error>(feed.error());
  ImportReport report;
  report.read = feed->services.size() + feed->rejected.size();
  report.rejected = std::move(feed->rejected);
  if (!report.rejected.empty()) return report;
  bool area_known = false;
  db.read([&](store::Tx& tx) { area_known = store::find_area(tx, area_id).has_value(); });
  if (!area_known) return fail("area", "There is no area " + area_id + " in this database");

  const std::int64_t now = clock.now_micros();
  try {
    db.write([&](store::Tx& tx) {
      std::set<std::string> saved;  // organisations, venues and terms named by several services
      auto once = [&](const std::string& id) { return saved.insert(id).second; };
      for (std::size_t i = 0; i < feed->services.size(); ++i) {
        auto& record = feed->services[i];
        if (once(record.organisation.id)) store::save_organisation(tx, area_id, record.organisation, now);
        for (const auto& l : record.locations) {
          if (once(l.id)) store::save_location(tx, area_id, l);
        }
        for (const auto& t : record.taxonomies) {
          if (once(t.id)) store::save_taxonomy(tx, area_id, t);
        }
        for (const auto& t : record.terms) {
          if (once(t.id)) store::save_taxonomy_term(tx, area_id, t);
        }
        record.service.updated_at = now;
        store::save_service(tx, area_id, record.service);
        ++report.imported;
        if (progress && (report.imported % 200 == 0 || report.imported == feed->services.size()))
          progress(report.imported, feed->services.size());
      }
      store::bump_directory_version(tx, area_id);
      store::insert_audit(tx, {new_id("a"), area_id, now, "cli", "directory.import", "area", area_id, "",
                               std::to_string(report.imported) + " services from " + file.filename().string(), ""});
    });
  } catch (const store::ConflictError& e) {
    return fail("file", std::string("Nothing was imported: ") + e.what());
  }
  return report;
}

}  // namespace tandem::app
