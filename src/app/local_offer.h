// The Local Offer as families and other directories read it: one area's
// directory held in memory with its Open Referral UK JSON already built, and
// the searches over it (words, needs, ages, level, cost, days and times,
// distance from a postcode).
//
// The directory is small (a few thousand services) and read far more than it
// changes, so each server keeps an immutable snapshot and swaps in a new one
// when the area's directory version moves: writes through this server call
// changed(); writes through another server are seen within a second. The
// snapshot is a cache, safe to lose.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/clock.h"
#include "app/postcode_lookup.h"
#include "core/directory.h"
#include "core/result.h"
#include "interop/oruk.h"
#include "store/database.h"

namespace tandem::app {

using QueryParams = std::map<std::string, std::string, std::less<>>;

struct ServiceEntry {
  const Service* service = nullptr;
  const Organisation* organisation = nullptr;  // none if the row names no known one
  std::vector<const TaxonomyTerm*> needs;      // terms of the SEND needs taxonomy
  std::vector<const TaxonomyTerm*> types;      // every other term
  std::vector<std::string> taxonomy_ids;       // sorted, the level of support's among them
  std::string level_term_id;                   // its level as a term (see interop/oruk.h)
  std::string list_json;
  std::string full_json;
};

struct LocatedEntry {
  std::uint32_t service = 0;  // index into services()
  const ServiceAtLocation* sal = nullptr;
  const Location* location = nullptr;
  std::string list_json;
  std::string full_json;
};

class DirectorySnapshot {
 public:
  DirectorySnapshot(Directory d, std::map<std::string, GeoPoint> districts, std::int64_t version,
                    std::string area_name = {});
  DirectorySnapshot(const DirectorySnapshot&) = delete;
  DirectorySnapshot& operator=(const DirectorySnapshot&) = delete;

  const Directory& directory() const { return directory_; }
  std::int64_t version() const { return version_; }
  const std::string& area_name() const { return area_name_; }
  const std::vector<ServiceEntry>& services() const { return services_; }  // by name
  const std::vector<LocatedEntry>& located() const { return located_; }    // by service name, then id
  const interop::oruk::DirectoryIndex& index() const { return index_; }
  const std::vector<std::string>& taxonomy_json() const { return taxonomy_json_; }  // as directory().taxonomies
  const std::vector<std::string>& term_json() const { return term_json_; }          // as directory().terms

  std::optional<std::uint32_t> find_service(std::string_view id) const;
  std::optional<std::uint32_t> find_located(std::string_view id) const;
  std::optional<std::uint32_t> find_taxonomy(std::string_view id) const;
  std::optional<std::uint32_t> find_term(std::string_view id) const;
  const TaxonomyTerm* need_term(std::string_view code) const;  // by DfE code
  const std::map<std::string, GeoPoint>& districts() const { return districts_; }
  // Services with a word starting with each of `words` (lower case), by index.
  std::vector<std::uint32_t> with_words(const std::vector<std::string>& words) const;

 private:
  Directory directory_;
  std::map<std::string, GeoPoint> districts_;
  std::int64_t version_;
  std::string area_name_;
  interop::oruk::DirectoryIndex index_;
  std::vector<ServiceEntry> services_;
  std::vector<LocatedEntry> located_;
  std::vector<std::string> taxonomy_json_, term_json_;
  std::unordered_map<std::string_view, std::uint32_t> service_at_, located_at_, taxonomy_at_, term_at_;
  std::vector<std::pair<std::string, std::uint32_t>> words_;  // sorted (word, service)
};

// What a search asks for. Every part is optional.
struct DirectoryQuery {
  std::vector<std::string> words;  // lower case
  std::string term_id;
  std::string taxonomy_id;
  std::optional<double> minimum_age;  // ORUK: the service's youngest age is at least this
  std::optional<double> maximum_age;  // ORUK: the service's oldest age is at most this
  std::optional<int> age;             // the service is for someone this age
  std::optional<ServiceLevel> level;
  std::optional<bool> free;
  std::string day;  // "MO".."SU"
  std::optional<int> start_minutes;
  std::optional<int> end_minutes;
  std::optional<GeoPoint> near;  // order by distance from here
  std::optional<double> within_metres;
  std::int64_t page = 1;
  std::int64_t per_page = 50;
  // Families never find a withdrawn service; the Open Referral UK feed lists
  // it as "defunct", so directories that copied it learn it has closed.
  bool withdrawn_too = false;
};

constexpr std::int64_t kMaxPerPage = 200;

// Reads the ORUK query parameters (search, page, per_page, taxonomy_term_id,
// taxonomy_id, minimum_age, maximum_age, day, start_time, end_time; with
// `located`, postcode and proximity too, placed by `postcodes` when given).
// Each bad one is named with what is allowed. The query includes withdrawn
// services.
Result<DirectoryQuery> parse_oruk_query(const QueryParams& params, const DirectorySnapshot& snapshot, bool located,
                                        PostcodeLookup* postcodes = nullptr);
// Where to measure from for a postcode or postcode district: the imported
// postcode's own centre, else its district's from the import (`postcodes`,
// when given), else the directory's own centre of the district. A postcode in
// none of them is refused naming the districts the directory covers.
Result<GeoPoint> postcode_centre(std::string_view field, std::string_view postcode, const DirectorySnapshot& snapshot,
                                 PostcodeLookup* postcodes = nullptr);

struct Hit {
  std::uint32_t index = 0;  // into services() or located()
  std::optional<double> metres;
};
// Every match, in order (by name; nearest first when the query has a point).
std::vector<Hit> find_services(const DirectorySnapshot& snapshot, const DirectoryQuery& q);
std::vector<Hit> find_located(const DirectorySnapshot& snapshot, const DirectoryQuery& q);

class LocalOffer {
 public:
  // area_id empty: the database's only area, looked for until there is one.
  LocalOffer(store::Database& db, const Clock& clock, std::string area_id = {});
  // The current directory; nullptr while no area can be chosen.
  std::shared_ptr<const DirectorySnapshot> snapshot();
  // Call after writing to the directory, so this server shows it at once.
  void changed();
  std::string area_id();
  // Where searched postcodes are (the imported ONS postcode directory).
  PostcodeLookup& postcodes() { return postcodes_; }

 private:
  store::Database& db_;
  const Clock& clock_;
  std::mutex mutex_;        // guards the fields below
  std::mutex build_mutex_;  // held while a snapshot is built
  std::string area_id_;
  std::shared_ptr<const DirectorySnapshot> current_;
  std::int64_t checked_at_ = 0;
  PostcodeLookup postcodes_;
};

}  // namespace tandem::app
