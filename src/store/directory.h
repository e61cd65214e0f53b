// The Local Offer directory's tables: saved a service at a time, loaded an
// area at a time (the directory is small: a few thousand services at most, and
// the web layer serves it from memory).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/directory.h"
#include "store/database.h"

namespace tandem::store {

void insert_organisation(Tx& tx, const std::string& area_id, const Organisation& o, std::int64_t now);
void insert_location(Tx& tx, const std::string& area_id, const Location& l);
void insert_taxonomy(Tx& tx, const std::string& area_id, const Taxonomy& t);
void insert_taxonomy_term(Tx& tx, const std::string& area_id, const TaxonomyTerm& t);
// The service with its terms, locations, schedules, contacts and costs.
void insert_service(Tx& tx, const std::string& area_id, const Service& s);
// Replaces a service and everything it holds; false when `expected_version`
// is no longer current. Saves s.version as given.
bool update_service(Tx& tx, const std::string& area_id, const Service& s, std::int64_t expected_version);

// Staff edits: replace the row's fields and save the version given; false
// when `expected_version` is no longer current (or the row is not the area's).
bool update_organisation(Tx& tx, const std::string& area_id, const Organisation& o, std::int64_t expected_version,
                         std::int64_t now);
bool update_location(Tx& tx, const std::string& area_id, const Location& l, std::int64_t expected_version);
// Removes a venue no service is offered at; false when `expected_version` is
// no longer current or a service is offered there now.
bool delete_unused_location(Tx& tx, const std::string& area_id, const std::string& id, std::int64_t expected_version);
// The term stays in its taxonomy.
bool update_taxonomy_term(Tx& tx, const std::string& area_id, const TaxonomyTerm& t, std::int64_t expected_version);

// Imports: update the row with this id in the area, or add it. Throw
// ConflictError when the id belongs to another area.
void save_organisation(Tx& tx, const std::string& area_id, const Organisation& o, std::int64_t now);
void save_location(Tx& tx, const std::string& area_id, const Location& l);
void save_taxonomy(Tx& tx, const std::string& area_id, const Taxonomy& t);
void save_taxonomy_term(Tx& tx, const std::string& area_id, const TaxonomyTerm& t);
void save_service(Tx& tx, const std::string& area_id, const Service& s);

// A service still offered whose closing day has come.
struct DueClosure {
  std::string area_id;
  std::string service_id;
  std::string name;
  std::string status;  // as offered until now: active, or temporarily closed
  Date closes_on{};
};
// Every area's services with a closing day on or before `today`, not yet withdrawn.
std::vector<DueClosure> due_closures(Tx& tx, Date today);
// Withdraws the service as of its closing day (status defunct, withdrawn_on
// that day, no closing day left, version + 1); false when it is no longer due.
bool close_service(Tx& tx, const DueClosure& c, std::int64_t now);

enum class ServiceEnding { unchanged, closing, withdrawn };
// Ends a service the area decided to stop on `day`: a day after `today` sets
// its closing day (unless it closes earlier already), a day not after it
// withdraws it as of that day. Version + 1. Unchanged when there is no such
// service in the area, it is withdrawn already, or it closes on or before
// `day`. The caller bumps the directory version.
ServiceEnding end_service_on(Tx& tx, const std::string& area_id, const std::string& id, Date day, Date today,
                             std::int64_t now);

Directory load_directory(Tx& tx, const std::string& area_id);
void delete_directory(Tx& tx, const std::string& area_id);

// Every write to an area's directory bumps its version in the same transaction.
std::int64_t directory_version(Tx& tx, const std::string& area_id);
void bump_directory_version(Tx& tx, const std::string& area_id);

void upsert_postcode_district(Tx& tx, const std::string& area_id, const std::string& district, GeoPoint centre);
std::map<std::string, GeoPoint> postcode_districts(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
