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

void insert_access(Tx& tx, const AccessRow& r) { insert_access(tx, std::vector<const AccessRow*>{&r}); }

void insert_access(Tx& tx, const std::vector<const AccessRow*>& rows) {
  if (rows.empty()) return;
  AccessRow r;
  long long at = 0;
  std::string child;
  soci::statement entry =
      (tx.sql.prepare << "INSERT INTO access_log (id, area_id, at, user_id, route, child_ids, outcome) "
                         "VALUES (:id, :area, :at, :user, :route, :children, :outcome)",
       use(r.id), use(r.area_id), use(at), use(r.user_id), use(r.route), use(r.child_ids), use(r.outcome));
  soci::statement shown =
      (tx.sql.prepare << "INSERT INTO access_log_children (access_id, child_id, at) VALUES (:a, :c, :at)", use(r.id),
       use(child), use(at));
  for (const auto* row : rows) {
    r = *row;
    at = r.at;
    entry.execute(true);
    std::string_view ids = r.child_ids;
    // A page may show one child twice (two moves, say): the read is one read.
    std::set<std::string_view> seen;
    while (!ids.empty()) {
      const auto space = ids.find(' ');
      const std::string_view id = ids.substr(0, space);
      ids = space == std::string_view::npos ? std::string_view{} : ids.substr(space + 1);
      if (id.empty() || !seen.insert(id).second) continue;
      child = id;
      shown.execute(true);
    }
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
    writes += " AND child_id = :child1";
    reads += " JOIN access_log_children c ON c.access_id = a.id WHERE c.child_id = :child2 AND a.area_id = :area2";
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

void bind(soci::details::prepare_temp_type& prep, const AuditQuery& q) {
  prep, use(q.area_id, "area"), use(q.area_id, "area2");
  if (!q.child_id.empty()) prep, use(q.child_id, "child1"), use(q.child_id, "child2");
  if (!q.user_id.empty()) prep, use(q.user_id, "user1"), use(q.user_id, "user2");
}
}  // namespace

std::vector<AuditEntryView> query_audit(Tx& tx, const AuditQuery& q) {
  std::vector<AuditEntryView> out;
  AuditEntryView v;
  long long at = 0;
  auto prep = (tx.sql.prepare << timeline(q) + " ORDER BY at DESC LIMIT " + std::to_string(q.limit) + " OFFSET " +
                                     std::to_string(q.offset));
  bind(prep, q);
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
  bind(prep, q);
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
