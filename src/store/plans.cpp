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
  const std::string setting = plan.placement ? plan.placement->setting_name.value_or("") : "",
                    urn = plan.placement ? plan.placement->urn : "",
                    ukprn = plan.placement ? plan.placement->ukprn : "";
  const long long at = now;
  long long version = 1;
  if (expected_version == 0) {
    tx.sql << "INSERT INTO plans (id, area_id, child_id, stage, version, body, updated_at, setting_name, setting_urn, "
              "setting_ukprn) VALUES (:id, :area, :child, :stage, :version, :body, :at, :setting, :urn, :ukprn)",
        use(plan.id), use(area_id), use(plan.child_id), use(stage), use(version), use(body), use(at), use(setting),
        use(urn), use(ukprn);
  } else {
    const long long expected = expected_version;
    version = expected + 1;
    soci::statement st =
        (tx.sql.prepare << "UPDATE plans SET stage = :stage, version = :next, body = :body, updated_at = :at, "
                           "setting_name = :setting, setting_urn = :urn, setting_ukprn = :ukprn WHERE id = :id AND "
                           "area_id = :area AND version = :v",
         use(stage), use(version), use(body), use(at), use(setting), use(urn), use(ukprn), use(plan.id), use(area_id),
         use(expected));
    st.execute(true);
    if (st.get_affected_rows() != 1) return false;
  }
  tx.sql << "INSERT INTO plan_versions (plan_id, version, area_id, stage, body, saved_at, saved_by) VALUES (:id, :v, "
            ":area, :stage, :body, :at, :by)",
      use(plan.id), use(version), use(area_id), use(stage), use(body), use(at), use(saved_by);
  // A plan just inserted has no costs stored to replace.
  if (expected_version != 0) tx.sql << "DELETE FROM plan_costs WHERE plan_id = :id", use(plan.id);
  for (const auto& [payer, pence] : costs) {
    const long long amount = pence.value;
    tx.sql << "INSERT INTO plan_costs (plan_id, area_id, payer, annual_pence) VALUES (:id, :area, :payer, :p)",
        use(plan.id), use(area_id), use(payer), use(amount);
  }
  tx.changed_top_ups_of(area_id);
  return true;
}

namespace {
std::vector<StoredPlan> plans_where(Tx& tx, const std::string& where, const std::string& a, const std::string& b) {
  std::vector<StoredPlan> out;
  std::string area, body, ended, reason;
  long long version = 0, at = 0;
  soci::indicator ended_ind = soci::i_null, reason_ind = soci::i_null;
  soci::statement st =
      (tx.sql.prepare << "SELECT area_id, version, updated_at, body, ended_on, end_reason FROM plans " + where,
       use(a, "a"), use(b, "b"), into(area), into(version), into(at), into(body), into(ended, ended_ind),
       into(reason, reason_ind));
  st.execute();
  while (st.fetch()) {
    StoredPlan p{decode(body), area, version, at, std::nullopt, std::nullopt};
    if (ended_ind == soci::i_ok) p.ended_on = *parse_date("ended_on", ended);
    if (reason_ind == soci::i_ok) p.end_reason = parse_cease_reason(reason);
    out.push_back(std::move(p));
    ended_ind = reason_ind = soci::i_null;
  }
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

std::vector<std::string> end_plans_of_child(Tx& tx, const std::string& area_id, const std::string& child_id, Date on,
                                            CeaseReason reason) {
  std::vector<std::string> ids;
  {
    std::string id;
    soci::statement st = (tx.sql.prepare << "SELECT id FROM plans WHERE area_id = :a AND child_id = :c AND stage = "
                                            "'final' AND ended_on IS NULL ORDER BY id",
                          use(area_id), use(child_id), into(id));
    st.execute();
    while (st.fetch()) ids.push_back(id);
  }
  const std::string day = format_date(on), why(to_string(reason));
  for (const auto& id : ids) {
    tx.sql << "UPDATE plans SET ended_on = :d, end_reason = :r WHERE id = :id", use(day), use(why), use(id);
  }
  if (!ids.empty()) tx.changed_top_ups_of(area_id);
  return ids;
}

void set_plan_review_dates(Tx& tx, const std::string& area_id, const std::string& plan_id, std::optional<Date> made_on,
                           std::optional<Date> last_reviewed_on) {
  std::string made = made_on ? format_date(*made_on) : "",
              last = last_reviewed_on ? format_date(*last_reviewed_on) : "";
  soci::indicator made_ind = made_on ? soci::i_ok : soci::i_null,
                  last_ind = last_reviewed_on ? soci::i_ok : soci::i_null;
  tx.sql << "UPDATE plans SET made_on = :m, last_reviewed_on = :l WHERE id = :id AND area_id = :a", use(made, made_ind),
      use(last, last_ind), use(plan_id), use(area_id);
  // The day a plan was made starts its top-ups.
  tx.changed_top_ups_of(area_id);
}

PlanDates plan_review_dates(Tx& tx, const std::string& plan_id) {
  std::string made, last;
  soci::indicator made_ind = soci::i_null, last_ind = soci::i_null;
  tx.sql << "SELECT made_on, last_reviewed_on FROM plans WHERE id = :id", use(plan_id), into(made, made_ind),
      into(last, last_ind);
  PlanDates out;
  if (made_ind == soci::i_ok) out.made_on = *parse_date("made_on", made);
  if (last_ind == soci::i_ok) out.last_reviewed_on = *parse_date("last_reviewed_on", last);
  return out;
}

std::vector<ReviewRow> final_plans_for_review(Tx& tx, const std::string& area_id, const std::string& user_id,
                                              const std::string& agency, bool agency_wide) {
  std::vector<ReviewRow> out;
  std::string plan_id, child_id, given, family, dob, made, last, amended, moved_in, reviewed_before;
  soci::indicator made_ind = soci::i_null, last_ind = soci::i_null, amended_ind = soci::i_null,
                  moved_ind = soci::i_null, reviewed_before_ind = soci::i_null;
  const std::string wide = agency_wide ? "yes" : "no";
  soci::statement st =
      (tx.sql.prepare
           << "SELECT p.id, c.id, c.given_name, c.family_name, c.date_of_birth, p.made_on, "
              "p.last_reviewed_on, (SELECT MAX(r.amended_plan_issued_on) FROM plan_reviews r WHERE r.plan_id = p.id), "
              "(SELECT MAX(m.transferred_on) FROM area_moves m WHERE m.child_id = c.id AND m.direction = 'in'), "
              "(SELECT m2.plan_last_reviewed_on FROM area_moves m2 WHERE m2.child_id = c.id AND m2.direction = 'in' "
              "AND m2.transferred_on IS NOT NULL ORDER BY m2.transferred_on DESC LIMIT 1) "
              "FROM plans p JOIN children c ON c.id = p.child_id WHERE p.area_id = :a "
              "AND p.stage = 'final' AND p.ended_on IS NULL AND EXISTS (SELECT 1 FROM involvements i WHERE i.child_id "
              "= c.id AND "
              "i.ended_on IS NULL AND (i.user_id = :u OR (i.user_id = '' AND i.agency = :g AND :w = 'yes')))",
       use(area_id), use(user_id), use(agency), use(wide), into(plan_id), into(child_id), into(given), into(family),
       into(dob), into(made, made_ind), into(last, last_ind), into(amended, amended_ind), into(moved_in, moved_ind),
       into(reviewed_before, reviewed_before_ind));
  st.execute();
  while (st.fetch()) {
    ReviewRow r;
    r.plan_id = plan_id;
    r.child_id = child_id;
    r.child_name = given + " " + family;
    r.date_of_birth = *parse_date("date_of_birth", dob);
    if (made_ind == soci::i_ok) r.made_on = *parse_date("made_on", made);
    if (last_ind == soci::i_ok) r.last_reviewed_on = *parse_date("last_reviewed_on", last);
    if (amended_ind == soci::i_ok) r.last_amended_on = *parse_date("amended_plan_issued_on", amended);
    if (moved_ind == soci::i_ok) r.transferred_in_on = *parse_date("transferred_on", moved_in);
    if (reviewed_before_ind == soci::i_ok) {
      r.reviewed_before_transfer_on = *parse_date("plan_last_reviewed_on", reviewed_before);
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::map<std::string, Pence> plan_costs_by_payer(Tx& tx, const std::string& plan_id) {
  std::map<std::string, Pence> out;
  std::string payer;
  long long total = 0;
  soci::statement st = (tx.sql.prepare << "SELECT payer, CAST(SUM(annual_pence) AS BIGINT) FROM plan_costs WHERE "
                                          "plan_id = :p GROUP BY payer",
                        use(plan_id), into(payer), into(total));
  st.execute();
  while (st.fetch()) out[payer] = Pence(total);
  return out;
}

std::map<std::string, Pence> area_costs_by_payer(Tx& tx, const std::string& area_id) {
  std::map<std::string, Pence> out;
  std::string payer;
  long long total = 0;
  soci::statement st = (tx.sql.prepare << "SELECT c.payer, CAST(SUM(c.annual_pence) AS BIGINT) FROM plan_costs c "
                                          "JOIN plans p ON p.id = c.plan_id WHERE c.area_id = :a AND p.stage = "
                                          "'final' AND p.ended_on IS NULL GROUP BY c.payer",
                        use(area_id), into(payer), into(total));
  st.execute();
  while (st.fetch()) out[payer] = Pence(total);
  return out;
}

void delete_plans(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM plan_costs WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM plan_versions WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM plans WHERE area_id = :a", use(area_id);
  tx.changed_top_ups_of(area_id);
}

}  // namespace tandem::store
