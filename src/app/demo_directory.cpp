#include "app/demo_directory.h"

#include <set>
#include <sstream>
#include <stdexcept>

#include "app/crypto.h"
#include "app/postcode_import.h"
#include "core/directory.h"
#include "demo/directory.h"
#include "demo/postcodes.h"
#include "store/audit.h"
#include "store/directory.h"
#include "store/postcodes.h"

namespace tandem::app {

std::size_t build_demo_directory(store::Database& db, const Clock& clock, const std::string& area_id,
                                 std::uint64_t seed, std::size_t services, const std::vector<std::string>& postcodes) {
  std::set<std::string> districts;
  for (const auto& p : postcodes) {
    if (auto d = postcode_district(p); !d.empty()) districts.insert(d);
  }
  demo::DirectoryOptions options;
  options.seed = seed;
  options.services = services == 0 ? 300 : services;
  options.today = clock.today();
  options.area_id = area_id;
  options.districts.assign(districts.begin(), districts.end());
  const auto demo = demo::generate_directory(options);
  const std::int64_t now = clock.now_micros();
  db.write([&](store::Tx& tx) {
    store::delete_directory(tx, area_id);
    for (const auto& [district, centre] : demo.district_centres)
      store::upsert_postcode_district(tx, area_id, district, centre);
    for (const auto& o : demo.directory.organisations) store::insert_organisation(tx, area_id, o, now);
    for (const auto& l : demo.directory.locations) store::insert_location(tx, area_id, l);
    for (const auto& t : demo.directory.taxonomies) store::insert_taxonomy(tx, area_id, t);
    for (const auto& t : demo.directory.terms) store::insert_taxonomy_term(tx, area_id, t);
    for (const auto& s : demo.directory.services) store::insert_service(tx, area_id, s);
    store::insert_audit(tx, {new_id("a"), area_id, now, "cli", "directory.demo", "area", area_id, "",
                             std::to_string(demo.directory.services.size()) + " Local Offer services, " +
                                 std::to_string(demo.directory.organisations.size()) + " organisations",
                             "seed " + std::to_string(seed)});
  });
  // An import replaces the whole postcode table, so a database that already
  // holds postcodes (the ONS directory, or an earlier demo's) keeps them: the
  // demo's are made up, and its venues still have their own coordinates.
  std::int64_t held = 0;
  db.read([&](store::Tx& tx) { held = store::count_postcodes(tx); });
  if (held > 0) return demo.directory.services.size();
  std::istringstream onspd(demo::demo_postcode_directory(demo, postcodes, seed));
  PostcodeImportOptions import;
  import.source = "the demo area's postcodes";
  auto imported = import_postcodes(db, clock, onspd, import);
  if (!imported) throw std::logic_error("the demo's postcodes were refused: " + imported.error().first_message());
  return demo.directory.services.size();
}

}  // namespace tandem::app
