#include "store/audit.h"

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

void insert_access(Tx& tx, const AccessRow& r) {
  const long long at = r.at;
  tx.sql << "INSERT INTO access_log (id, area_id, at, user_id, route, child_ids, outcome) "
            "VALUES (:id, :area, :at, :user, :route, :children, :outcome)",
      use(r.id), use(r.area_id), use(at), use(r.user_id), use(r.route), use(r.child_ids), use(r.outcome);
}

namespace {
// One query over both logs so the administrator sees a single timeline. The
// child filter on reads matches the id as a whole word in the list.
const char* kUnion =
    "SELECT kind, at, user_id, action, entity_id, child_ids, detail, reason FROM ("
    " SELECT 'write' AS kind, at, user_id, action, entity_id, child_id AS child_ids, detail, reason, area_id"
    " FROM audit_log"
    " UNION ALL"
    " SELECT 'read' AS kind, at, user_id, route AS action, '' AS entity_id, child_ids, outcome AS detail,"
    " '' AS reason, area_id FROM access_log"
    ") t WHERE area_id = :area"
    " AND (:child1 = '' OR child_ids = :child2 OR (' ' || child_ids || ' ') LIKE ('% ' || :child3 || ' %'))"
    " AND (:user1 = '' OR user_id = :user2)";
}  // namespace

std::vector<AuditEntryView> query_audit(Tx& tx, const AuditQuery& q) {
  std::vector<AuditEntryView> out;
  AuditEntryView v;
  long long at = 0;
  const std::string sql = std::string(kUnion) + " ORDER BY at DESC LIMIT :limit OFFSET :offset";
  soci::statement st =
      (tx.sql.prepare << sql, use(q.area_id, "area"), use(q.child_id, "child1"), use(q.child_id, "child2"),
       use(q.child_id, "child3"), use(q.user_id, "user1"), use(q.user_id, "user2"), use(q.limit, "limit"),
       use(q.offset, "offset"), into(v.kind), into(at), into(v.user_id), into(v.action), into(v.entity_id),
       into(v.child_ids), into(v.detail), into(v.reason));
  st.execute();
  while (st.fetch()) {
    v.at = at;
    out.push_back(v);
  }
  return out;
}

int count_audit(Tx& tx, const AuditQuery& q) {
  int n = 0;
  const std::string sql = std::string("SELECT CAST(COUNT(*) AS INTEGER) FROM (") + kUnion + ") c";
  tx.sql << sql, use(q.area_id, "area"), use(q.child_id, "child1"), use(q.child_id, "child2"),
      use(q.child_id, "child3"), use(q.user_id, "user1"), use(q.user_id, "user2"), into(n);
  return n;
}

}  // namespace tandem::store
