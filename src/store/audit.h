// The audit trail (every write: who, when, what, why) and the access log
// (every read of a child's record). Both are append-only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace tandem::store {

struct AuditRow {
  std::string id;
  std::string area_id;
  std::int64_t at = 0;  // microseconds since the epoch, UTC
  std::string user_id;
  std::string action;  // e.g. "child.update", "access.denied", "user.add"
  std::string entity;  // e.g. "child"
  std::string entity_id;
  std::string child_id;  // empty when no child is concerned
  std::string detail;    // what changed, readable ("postcode: M1 1AE -> M2 2BB")
  std::string reason;    // why, as the person gave it, or the rule
};

struct AccessRow {
  std::string id;
  std::string area_id;
  std::int64_t at = 0;
  std::string user_id;
  std::string route;      // e.g. "GET /children/c-1"
  std::string child_ids;  // space-separated ids of the children shown
  std::string outcome;    // "shown" or "denied"
};

// "This user was shown this child in this hour": the per-child index of the
// access log (migration 0027). Reads of a child are found through it, then in
// access_log by user and time.
struct AccessChildHour {
  std::string child_id;
  std::int64_t hour_start = 0;  // microseconds, a whole hour since the epoch
  std::string user_id;
};
std::int64_t access_hour_start(std::int64_t at);
// The distinct children an entry shows, each once (a page may list one child twice).
std::vector<AccessChildHour> children_shown(const AccessRow& row);

void insert_audit(Tx& tx, const AuditRow& row);
void insert_access(Tx& tx, const AccessRow& row);
// Several entries and the index rows they need, each statement prepared once:
// the access log writer's group commit. An index row already present is kept.
void insert_access(Tx& tx, const std::vector<const AccessRow*>& rows, const std::vector<AccessChildHour>& index);

struct AuditQuery {
  std::string area_id;
  std::string child_id;  // empty: all
  std::string user_id;   // empty: all
  int limit = 50;
  int offset = 0;
};

struct AuditEntryView {
  std::string kind;  // "write" or "read"
  std::int64_t at = 0;
  std::string user_id;
  std::string user_email;
  std::string action;
  std::string entity_id;
  std::string child_ids;
  std::string detail;
  std::string reason;
};

// Writes and reads together, newest first.
std::vector<AuditEntryView> query_audit(Tx& tx, const AuditQuery& q);
int count_audit(Tx& tx, const AuditQuery& q);

// The changes made to one child's record, newest first.
std::vector<AuditRow> child_history(Tx& tx, const std::string& area_id, const std::string& child_id, int limit);

}  // namespace tandem::store
