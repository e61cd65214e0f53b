// What the SEN2 return reads of an area in a few queries (never one per
// child), and the return's own tables (migration 0017): people as imported,
// import runs and conflicts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/assessment.h"
#include "core/cessation.h"
#include "core/child.h"
#include "core/placement.h"
#include "core/review.h"
#include "core/tribunal.h"
#include "store/database.h"

namespace tandem::store {

struct Sen2Plan {
  std::string id;
  std::string child_id;
  std::string stage;  // "draft" or "final"
  std::optional<Date> made_on;
  std::optional<Date> last_reviewed_on;
  // Section I's setting and its URN or UKPRN (empty: not recorded).
  std::string setting_name;
  std::string setting_urn;
  std::string setting_ukprn;
};

struct Sen2Cessation {
  CeaseReason reason = CeaseReason::other;
  Date decided_on{};
};

struct Sen2Review {
  Date meeting_on{};
  std::optional<ReviewDecision> decision;
};

struct Sen2Appeal {
  AppealedDecision decision = AppealedDecision::refusal_to_assess;
  bool mediation = false;  // a mediation certificate was recorded
  Date registered_on{};
};

struct Sen2Stored {
  std::string person_json;
  std::string derived_json;
};

struct Sen2Area {
  std::vector<Child> children;                                 // ordered by family name, given name, id
  std::map<std::string, std::vector<Assessment>> assessments;  // by child, by received_on
  std::map<std::string, std::vector<Sen2Plan>> plans;          // by child
  std::map<std::string, std::vector<Placement>> placements;    // by child, by start_date
  std::map<std::string, std::vector<SecondaryNeed>> needs;     // by child, by rank
  std::map<std::string, Sen2Cessation> cessations;             // by plan
  std::map<std::string, Sen2Review> latest_reviews;            // by plan: the latest meeting
  std::map<std::string, std::vector<Sen2Appeal>> appeals;      // by child
  std::map<std::string, Sen2Stored> stored;                    // by child: people imported from a return
};

// Everything the return needs about an area's children. `only_child` limits it
// to one child (the import's check of one person).
Sen2Area load_sen2_area(Tx& tx, const std::string& area_id, const std::string& only_child = "");

// The person as the last import stored them, alone: a nightly re-run finds
// most people unchanged with this one read.
std::optional<Sen2Stored> find_sen2_person(Tx& tx, const std::string& area_id, const std::string& child_id);

// Writes Tandem's view of a person already saved (save_sen2_person).
void set_sen2_derived(Tx& tx, const std::string& child_id, const std::string& derived_json);
// The same for many people (child id, derived JSON) in one statement per
// kSen2DerivedBatch of them.
constexpr std::size_t kSen2DerivedBatch = 100;
void set_sen2_derived(Tx& tx, const std::vector<std::pair<std::string, std::string>>& derived);

void save_sen2_person(Tx& tx, const std::string& area_id, const std::string& child_id, const Sen2Stored& s,
                      const std::string& import_id, std::int64_t now);

struct Sen2ImportRow {
  std::string id;
  std::string area_id;
  std::string file_name;
  int year = 0;
  int persons = 0, created = 0, updated = 0, unchanged = 0, conflicts = 0;
  std::string imported_by;
  std::int64_t imported_at = 0;
};
void insert_sen2_import(Tx& tx, const Sen2ImportRow& r);
std::vector<Sen2ImportRow> sen2_imports(Tx& tx, const std::string& area_id, int limit);

struct Sen2ConflictRow {
  std::string id;
  std::string child_id;
  std::string import_id;
  std::string path;
  std::string tandem_value;
  std::string file_value;
  std::int64_t raised_at = 0;
};
void insert_sen2_conflict(Tx& tx, const std::string& area_id, const Sen2ConflictRow& c);
std::vector<Sen2ConflictRow> open_sen2_conflicts(Tx& tx, const std::string& area_id, int limit);
// Conflicts still open for this child and path: a nightly import raises each once.
bool sen2_conflict_open(Tx& tx, const std::string& child_id, const std::string& path, const std::string& file_value);

// One conflict of the area, open or settled; nullopt when there is none.
struct Sen2ConflictState {
  Sen2ConflictRow row;
  std::optional<std::int64_t> settled_at;
  std::string settled_by, resolution;  // resolution: "tandem" or "file"
};
std::optional<Sen2ConflictState> find_sen2_conflict(Tx& tx, const std::string& area_id, const std::string& id);
// Marks an open conflict settled; false when it was settled already.
bool settle_sen2_conflict(Tx& tx, const std::string& area_id, const std::string& id, const std::string& resolution,
                          const std::string& by, std::int64_t now);
// Open conflicts about one child.
std::vector<Sen2ConflictRow> open_sen2_conflicts_of(Tx& tx, const std::string& child_id);
// When the child was last loaded from a return, and the file's name.
struct Sen2Imported {
  std::int64_t at = 0;
  std::string file_name;
  int year = 0;
};
std::optional<Sen2Imported> sen2_imported(Tx& tx, const std::string& child_id);
// Places a placement's URN and UKPRN (the conflict settled from the file).
void set_placement_ids(Tx& tx, const std::string& placement_id, const std::string& urn, const std::string& ukprn);

// What a SEN2 import matches a person on, for every child of the area: read
// once per import, not twice a person (app/sen2_matching.h).
struct ChildKey {
  std::string id, upn, family_name, given_name;
  Date date_of_birth;
};
std::vector<ChildKey> child_keys(Tx& tx, const std::string& area_id);

// Removes the child's placements (and marks the area's top-ups stale).
void delete_placements_of(Tx& tx, const std::string& area_id, const std::string& child_id);
void delete_needs_of(Tx& tx, const std::string& child_id);
void delete_sen2(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
