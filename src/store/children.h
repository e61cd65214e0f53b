// The children's register: children, their needs, placements and the agencies
// and people involved, with a prefix search that works alike on both engines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/child.h"
#include "core/health_notification.h"
#include "core/placement.h"
#include "store/database.h"

namespace tandem::store {

// Inserts the child and its search tokens. Throws ConflictError if the id exists.
void insert_child(Tx& tx, const Child& child, std::int64_t now);
// Updates when `child.version` matches the stored version, bumping it; returns
// false (and changes nothing) when someone else saved first.
bool update_child(Tx& tx, const Child& child, std::int64_t now);
// Every child of an area (or just `child_id` when given), by family name, given name, date of birth, UPN and id.
std::vector<Child> children_of_area(Tx& tx, const std::string& area_id, const std::string& child_id = "");
std::optional<Child> find_child(Tx& tx, const std::string& area_id, const std::string& id);

void insert_placement(Tx& tx, const std::string& area_id, const std::string& child_id, const Placement& p);
std::vector<Placement> placements_of(Tx& tx, const std::string& child_id);
// A setting's URN and UKPRN as the area's records give them: the pair most
// often recorded on placements at a setting of exactly that name, else on
// children's current settings; both empty when none records either.
struct SettingIds {
  std::string urn;
  std::string ukprn;
};
SettingIds setting_ids(Tx& tx, const std::string& area_id, const std::string& setting_name);
void insert_need(Tx& tx, const std::string& area_id, const std::string& child_id, const SecondaryNeed& n);
std::vector<SecondaryNeed> needs_of(Tx& tx, const std::string& child_id);
void insert_involvement(Tx& tx, const std::string& area_id, const std::string& child_id, const CaseInvolvement& i);
std::vector<CaseInvolvement> involvements_of(Tx& tx, const std::string& child_id);

// Who is asking, for the involvement filter: rows are visible when a current
// involvement names the user, or names the agency as a whole and the agency
// is one whose agency-wide involvements count (see can_see_child).
struct Viewer {
  std::string user_id;
  std::string agency;
  bool agency_wide = true;
};

struct RegisterQuery {
  std::string area_id;
  Viewer viewer;
  std::vector<std::string> tokens;  // normalised search words; each must prefix-match a token of the child
  std::string primary_need;         // empty: any
  std::string plan_status;          // empty: any
  std::string setting_type;         // empty: any (current placement)
  int limit = 25;
  int offset = 0;
};

struct RegisterRow {
  std::string id;
  std::string given_name;
  std::string family_name;
  std::string date_of_birth;
  std::string upn;
  std::string nhs_number;
  std::string primary_need;
  std::string plan_status;
  std::string setting_name;
};

std::vector<RegisterRow> search_register(Tx& tx, const RegisterQuery& q);

// One page and the number of matches (counted up to `cap` + 1) from a single
// pass over the matches, in name order.
struct RegisterResult {
  std::vector<RegisterRow> rows;
  int matches = 0;
};
RegisterResult search_register_counted(Tx& tx, const RegisterQuery& q, int cap);
// Counts matches up to `cap` + 1, so a page can say "more than 1,000" without
// reading the whole area on every request.
int count_register(Tx& tx, const RegisterQuery& q, int cap);

// What the register search needs to decide, without going back to the
// database, whether a child matches a query and whether a viewer may see it.
struct RegisterCandidate {
  struct Involvement {
    std::string agency;
    std::string user_id;  // empty: the agency as a whole
  };
  RegisterRow row;
  std::vector<std::string> tokens;              // the child's search words, sorted
  std::vector<Involvement> involvements;        // current ones only (no end date)
  std::vector<std::string> current_placements;  // setting types of placements with no end date
};

// Every child of the area with a search word starting with `word`, whoever may
// see them, in register order (family name, given name, id) as the engine
// sorts it: the same candidates search_register reads for that word.
std::vector<RegisterCandidate> register_candidates(Tx& tx, const std::string& area_id, const std::string& word);

// Whether a candidate matches every word and filter of `q` and is visible to
// its viewer: search_register's rule, checked in memory.
bool register_candidate_matches(const RegisterCandidate& c, const RegisterQuery& q);

// search_register_counted over candidates for one of q's words: the page and
// the capped count, stopping as soon as both are known.
RegisterResult register_page_of(const std::vector<RegisterCandidate>& candidates, const RegisterQuery& q, int cap);

// The words a child can be found by (names, identifiers, date of birth,
// postcode, setting), lower-cased.
std::vector<std::string> search_tokens_for(const Child& child);

}  // namespace tandem::store

namespace tandem::store {
// Removes an area's register (children, needs, placements, involvements,
// health notices, search tokens) so a demo can be rebuilt. The audit trail is kept.
void delete_register(Tx& tx, const std::string& area_id);
}  // namespace tandem::store

namespace tandem::store {
void insert_health_notification(Tx& tx, const std::string& area_id, const HealthNotification& n,
                                const std::string& recorded_by, std::int64_t now);
std::vector<HealthNotification> health_notifications_of(Tx& tx, const std::string& child_id);
}  // namespace tandem::store
