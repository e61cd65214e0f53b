#include "store/audit.h"

#include <set>

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

void insert_audit(Tx& tx, const AuditRow& r) {
  const long long at = r.at;
  tx.sql << "INSERT INTO audit_log (id, area_id, at, user_id, action, entity, entity_id, child_id, detail, reason) "
            "VALUES (:id, :area, :at, :user, :action, :entity, :eid, :child, :detail, :reason)",
      use(r.id), use(r.area_id), use(at), use(r.user_id), use(r.action), use(r.entity), use(r.entity_id),
      use(r.child_id), use(r.detail), use(r.reason);
}

std::int64_t access_hour_start(std::int64_t at) {
  constexpr std::int64_t hour = 3'600'000'000;
  return at - ((at % hour) + hour) % hour;
}

std::vector<AccessChildHour> children_shown(const AccessRow& row) {
  std::vector<AccessChildHour> out;
  std::set<std::string_view> seen;
  std::string_view ids = row.child_ids;
  const auto hour = access_hour_start(row.at);
  while (!ids.empty()) {
    const auto space = ids.find(' ');
    const std::string_view id = ids.substr(0, space);
    ids = space == std::string_view::npos ? std::string_view{} : ids.substr(space + 1);
    if (id.empty() || !seen.insert(id).second) continue;
    out.push_back({std::string(id), hour, row.user_id});
  }
  return out;
}

void insert_access(Tx& tx, const AccessRow& r) { insert_access(tx, {&r}, children_shown(r)); }

void insert_access(Tx& tx, const std::vector<const AccessRow*>& rows, const std::vector<AccessChildHour>& index) {
  AccessRow r;
  long long at = 0;
  if (!rows.empty()) {
    soci::statement entry =
        (tx.sql.prepare << "INSERT INTO access_log (id, area_id, at, user_id, route, child_ids, outcome) "
                           "VALUES (:id, :area, :at, :user, :route, :children, :outcome)",
         use(r.id), use(r.area_id), use(at), use(r.user_id), use(r.route), use(r.child_ids), use(r.outcome));
    for (const auto* row : rows) {
      r = *row;
      at = r.at;
      entry.execute(true);
    }
  }
  if (index.empty()) return;
  AccessChildHour k;
  long long hour = 0;
  soci::statement shown = (tx.sql.prepare << "INSERT INTO access_child_hours (child_id, hour_start, user_id) VALUES "
                                             "(:c, :h, :u) ON CONFLICT (child_id, hour_start, user_id) DO NOTHING",
                           use(k.child_id), use(hour), use(k.user_id));
  for (const auto& key : index) {
    k = key;
    hour = key.hour_start;
    shown.execute(true);
  }
}

namespace {
// One timeline over both logs. Filtered by child, each side is an index lookup
// (audit_log by child_id; reads through access_log_children).
std::string timeline(const AuditQuery& q) {
  std::string writes =
      "SELECT 'write' AS kind, at, user_id, action, entity_id, child_id AS child_ids, detail, reason FROM audit_log "
      "WHERE area_id = :area";
  std::string reads =
      "SELECT 'read' AS kind, a.at, a.user_id, a.route AS action, '' AS entity_id, a.child_ids, a.outcome AS detail, "
      "'' AS reason FROM access_log a";
  if (!q.child_id.empty()) {
    // The hours in which each user was shown the child, then that user's reads
    // in those hours that list the child (space-separated, so "c-1" is not "c-13").
    writes += " AND child_id = :child1";
    reads +=
        " JOIN access_child_hours h ON a.user_id = h.user_id AND a.at >= h.hour_start AND a.at < h.hour_start + "
        "3600000000 WHERE h.child_id = :child2 AND a.area_id = :area2 AND (' ' || a.child_ids || ' ') LIKE :listed "
        "ESCAPE '!'";
  } else {
    reads += " WHERE a.area_id = :area2";
  }
  if (!q.user_id.empty()) {
    writes += " AND user_id = :user1";
    reads += " AND a.user_id = :user2";
  }
  return "SELECT kind, at, user_id, action, entity_id, child_ids, detail, reason FROM (" + writes + " UNION ALL " +
         reads + ") t";
}

// A LIKE pattern matching child_ids that list the child as a whole word.
std::string listed_pattern(const std::string& child_id) {
  std::string out = "% ";
  for (char c : child_id) {
    if (c == '%' || c == '_' || c == '!') out += '!';
    out += c;
  }
  return out + " %";
}

void bind(soci::details::prepare_temp_type& prep, const AuditQuery& q, const std::string& listed) {
  prep, use(q.area_id, "area"), use(q.area_id, "area2");
  if (!q.child_id.empty()) prep, use(q.child_id, "child1"), use(q.child_id, "child2"), use(listed, "listed");
  if (!q.user_id.empty()) prep, use(q.user_id, "user1"), use(q.user_id, "user2");
}
}  // namespace

std::vector<AuditEntryView> query_audit(Tx& tx, const AuditQuery& q) {
  std::vector<AuditEntryView> out;
  AuditEntryView v;
  long long at = 0;
  auto prep = (tx.sql.prepare << timeline(q) + " ORDER BY at DESC LIMIT " + std::to_string(q.limit) + " OFFSET " +
                                     std::to_string(q.offset));
  const auto listed = listed_pattern(q.child_id);
  bind(prep, q, listed);
  prep, into(v.kind), into(at), into(v.user_id), into(v.action), into(v.entity_id), into(v.child_ids), into(v.detail),
      into(v.reason);
  soci::statement st = prep;
  st.execute();
  while (st.fetch()) {
    v.at = at;
    out.push_back(v);
  }
  return out;
}

int count_audit(Tx& tx, const AuditQuery& q) {
  int n = 0;
  auto prep = (tx.sql.prepare << "SELECT CAST(COUNT(*) AS INTEGER) FROM (" + timeline(q) + ") c");
  const auto listed = listed_pattern(q.child_id);
  bind(prep, q, listed);
  prep, into(n);
  soci::statement st = prep;
  st.execute(true);
  return n;
}

std::vector<AuditRow> child_history(Tx& tx, const std::string& area_id, const std::string& child_id, int limit) {
  std::vector<AuditRow> out;
  AuditRow r;
  long long at = 0;
  soci::statement st =
      (tx.sql.prepare << "SELECT id, area_id, at, user_id, action, entity, entity_id, child_id, detail, reason FROM "
                         "audit_log WHERE child_id = :c AND area_id = :a ORDER BY at DESC LIMIT " +
                             std::to_string(limit),
       use(child_id), use(area_id), into(r.id), into(r.area_id), into(at), into(r.user_id), into(r.action),
       into(r.entity), into(r.entity_id), into(r.child_id), into(r.detail), into(r.reason));
  st.execute();
  while (st.fetch()) {
    r.at = at;
    out.push_back(r);
  }
  return out;
}

}  // namespace tandem::store
