#include "store/plans.h"

#include "store/detail/tx.h"
#include "store/plan_codec.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {
std::string stage_text(const Plan& p) { return p.stage == PlanStage::final ? "final" : "draft"; }

Plan decode(const std::string& body) {
  auto p = plan_from_json(body);
  if (!p) throw StoreError("a stored plan does not read back: " + p.error().first_message());
  return *p;
}
}  // namespace

bool save_plan(Tx& tx, const std::string& area_id, const Plan& plan, std::int64_t expected_version,
               const std::map<std::string, Pence>& costs, const std::string& saved_by, std::int64_t now) {
  const std::string body = plan_to_json(plan), stage = stage_text(plan);
  const long long at = now;
  long long version = 1;
  if (expected_version == 0) {
    tx.sql << "INSERT INTO plans (id, area_id, child_id, stage, version, body, updated_at) VALUES (:id, :area, "
              ":child, :stage, :version, :body, :at)",
        use(plan.id), use(area_id), use(plan.child_id), use(stage), use(version), use(body), use(at);
  } else {
    const long long expected = expected_version;
    version = expected + 1;
    soci::statement st = (tx.sql.prepare << "UPDATE plans SET stage = :stage, version = :next, body = :body, "
                                            "updated_at = :at WHERE id = :id AND area_id = :area AND version = :v",
                          use(stage), use(version), use(body), use(at), use(plan.id), use(area_id), use(expected));
    st.execute(true);
    if (st.get_affected_rows() != 1) return false;
  }
  tx.sql << "INSERT INTO plan_versions (plan_id, version, area_id, stage, body, saved_at, saved_by) VALUES (:id, :v, "
            ":area, :stage, :body, :at, :by)",
      use(plan.id), use(version), use(area_id), use(stage), use(body), use(at), use(saved_by);
  tx.sql << "DELETE FROM plan_costs WHERE plan_id = :id", use(plan.id);
  for (const auto& [payer, pence] : costs) {
    const long long amount = pence.value;
    tx.sql << "INSERT INTO plan_costs (plan_id, area_id, payer, annual_pence) VALUES (:id, :area, :payer, :p)",
        use(plan.id), use(area_id), use(payer), use(amount);
  }
  return true;
}

namespace {
std::vector<StoredPlan> plans_where(Tx& tx, const std::string& where, const std::string& a, const std::string& b) {
  std::vector<StoredPlan> out;
  std::string area, body;
  long long version = 0, at = 0;
  soci::statement st = (tx.sql.prepare << "SELECT area_id, version, updated_at, body FROM plans " + where, use(a, "a"),
                        use(b, "b"), into(area), into(version), into(at), into(body));
  st.execute();
  while (st.fetch()) out.push_back({decode(body), area, version, at});
  return out;
}
}  // namespace

std::optional<StoredPlan> find_plan(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = plans_where(tx, "WHERE area_id = :a AND id = :b", area_id, id);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<StoredPlan> plans_of_child(Tx& tx, const std::string& area_id, const std::string& child_id) {
  return plans_where(tx, "WHERE area_id = :a AND child_id = :b ORDER BY updated_at DESC, id", area_id, child_id);
}

std::vector<PlanVersionRow> plan_versions(Tx& tx, const std::string& plan_id) {
  std::vector<PlanVersionRow> out;
  PlanVersionRow r;
  long long version = 0, at = 0;
  soci::statement st = (tx.sql.prepare << "SELECT version, stage, saved_at, saved_by FROM plan_versions WHERE "
                                          "plan_id = :id ORDER BY version DESC",
                        use(plan_id), into(version), into(r.stage), into(at), into(r.saved_by));
  st.execute();
  while (st.fetch()) {
    r.version = version;
    r.saved_at = at;
    out.push_back(r);
  }
  return out;
}

std::optional<Plan> plan_version(Tx& tx, const std::string& area_id, const std::string& plan_id, std::int64_t version) {
  std::string body;
  soci::indicator ind = soci::i_null;
  const long long v = version;
  tx.sql << "SELECT body FROM plan_versions WHERE plan_id = :id AND area_id = :a AND version = :v", use(plan_id),
      use(area_id), use(v), into(body, ind);
  if (ind != soci::i_ok) return std::nullopt;
  return decode(body);
}

std::map<std::string, Pence> area_costs_by_payer(Tx& tx, const std::string& area_id) {
  std::map<std::string, Pence> out;
  std::string payer;
  long long total = 0;
  soci::statement st = (tx.sql.prepare << "SELECT c.payer, CAST(SUM(c.annual_pence) AS BIGINT) FROM plan_costs c "
                                          "JOIN plans p ON p.id = c.plan_id WHERE c.area_id = :a AND p.stage = "
                                          "'final' GROUP BY c.payer",
                        use(area_id), into(payer), into(total));
  st.execute();
  while (st.fetch()) out[payer] = Pence(total);
  return out;
}

void delete_plans(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM plan_costs WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM plan_versions WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM plans WHERE area_id = :a", use(area_id);
}

}  // namespace tandem::store
