// Open Referral UK (HSDS-UK 3.0) JSON for the Local Offer directory: the
// shapes of schema/compiled/*.json (data/oruk/), as strings ready to splice
// into pages. Ids in the standard are UUIDs; where the directory keeps no row
// of its own (an address, an accessibility note, a term attached to a service)
// the id is derived from the row it belongs to, so it is the same every time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/directory.h"

namespace tandem::interop::oruk {

// The standard has no field for a service's level of support: the feed gives
// it as a term of this taxonomy, whose id and terms' ids derive from the area.
constexpr std::string_view kLevelTaxonomyName = "Level of support";

// Lookups by id over one directory; it must outlive the index.
class DirectoryIndex {
 public:
  explicit DirectoryIndex(const Directory& d);
  DirectoryIndex(const DirectoryIndex&) = delete;
  DirectoryIndex& operator=(const DirectoryIndex&) = delete;
  const Directory& directory() const { return d_; }
  const Organisation* organisation(const std::string& id) const;
  const Location* location(const std::string& id) const;
  const Taxonomy* taxonomy(const std::string& id) const;
  const TaxonomyTerm* term(const std::string& id) const;
  const Taxonomy& level_taxonomy() const { return level_taxonomy_; }
  const std::vector<TaxonomyTerm>& level_terms() const { return level_terms_; }  // as all_service_levels()
  const TaxonomyTerm& level_term(ServiceLevel l) const;

 private:
  const Directory& d_;
  Taxonomy level_taxonomy_;
  std::vector<TaxonomyTerm> level_terms_;
  std::unordered_map<std::string, const Organisation*> organisations_;
  std::unordered_map<std::string, const Location*> locations_;
  std::unordered_map<std::string, const Taxonomy*> taxonomies_;
  std::unordered_map<std::string, const TaxonomyTerm*> terms_;
};

// A service's one-to-one fields with its organisation (service_list.json).
std::string service_list_item(const Service& s, const DirectoryIndex& index);
// The fully nested service (service.json).
std::string service_full(const Service& s, const DirectoryIndex& index);
// A service at one location, one-to-one fields (service_at_location_list.json).
std::string service_at_location_item(const Service& s, const ServiceAtLocation& sal, const DirectoryIndex& index);
// A service at one location, fully nested (service_at_location.json). It also
// carries the service's name and status, since the published OpenAPI points
// this endpoint at service.json, which requires them.
std::string service_at_location_full(const Service& s, const ServiceAtLocation& sal, const DirectoryIndex& index);
std::string taxonomy_json(const Taxonomy& t);
std::string taxonomy_term_json(const TaxonomyTerm& t, const DirectoryIndex& index);

struct PageInfo {
  std::int64_t total_items = 0;
  std::int64_t page = 1;
  std::int64_t per_page = 1;
};
// A page of results: the paging fields, then `contents` spliced from items
// already in JSON.
std::string page(const PageInfo& info, const std::vector<std::string_view>& items);

// A stable UUID derived from a row's id and what the derived row is for.
std::string derived_uuid(std::string_view base, std::string_view purpose);

}  // namespace tandem::interop::oruk
