#include "store/decommissioning.h"

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

std::vector<Appraisal> select(Tx& tx, const std::string& where, const std::string& a, const std::string& b) {
  std::vector<Appraisal> out;
  Appraisal x;
  std::string subject, decision, decided_on;
  soci::indicator decision_ind = soci::i_null, on_ind = soci::i_null;
  long long version = 0;
  soci::statement st =
      (tx.sql.prepare
           << "SELECT id, area_id, subject, subject_id, needs_and_demand, quality_and_performance, cost, "
              "contract_terms, stakeholders, exit_plan, decision, decided_on, decided_by, rationale, version "
              "FROM decommissioning_appraisals " +
                  where + " ORDER BY created_at DESC, id",
       use(a, "a"), use(b, "b"), into(x.id), into(x.area_id), into(subject), into(x.subject_id),
       into(x.needs_and_demand), into(x.quality_and_performance), into(x.cost), into(x.contract_terms),
       into(x.stakeholders), into(x.exit_plan), into(decision, decision_ind), into(decided_on, on_ind),
       into(x.decided_by), into(x.rationale), into(version));
  st.execute();
  while (st.fetch()) {
    Appraisal r = x;
    r.version = version;
    r.subject = parse_appraisal_subject(subject).value_or(AppraisalSubject::contract);
    r.decision = decision_ind == soci::i_ok ? parse_decommission_decision(decision) : std::nullopt;
    r.decided_on = on_ind == soci::i_ok ? std::optional<Date>(*parse_date("decided_on", decided_on)) : std::nullopt;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

void insert_appraisal(Tx& tx, const Appraisal& a, const std::string& created_by, std::int64_t now) {
  const std::string subject(to_string(a.subject));
  const long long at = now;
  tx.sql << "INSERT INTO decommissioning_appraisals (id, area_id, subject, subject_id, needs_and_demand, "
            "quality_and_performance, cost, contract_terms, stakeholders, exit_plan, decision, decided_on, "
            "decided_by, rationale, created_by, created_at) VALUES (:id, :a, :s, :sid, :n, :q, :c, :t, :st, :e, "
            "NULL, NULL, '', '', :by, :at)",
      use(a.id), use(a.area_id), use(subject), use(a.subject_id), use(a.needs_and_demand),
      use(a.quality_and_performance), use(a.cost), use(a.contract_terms), use(a.stakeholders), use(a.exit_plan),
      use(created_by), use(at);
}

bool record_decision(Tx& tx, const Appraisal& a) {
  const std::string decision(a.decision ? to_string(*a.decision) : ""),
      on = a.decided_on ? format_date(*a.decided_on) : "";
  soci::statement st = (tx.sql.prepare << "UPDATE decommissioning_appraisals SET decision = :d, decided_on = :on, "
                                          "decided_by = :by, rationale = :r, version = version + 1 WHERE id = :id AND "
                                          "area_id = :a AND decision IS NULL",
                        use(decision), use(on), use(a.decided_by), use(a.rationale), use(a.id), use(a.area_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool update_appraisal(Tx& tx, const Appraisal& a, std::int64_t expected_version) {
  const std::string subject(to_string(a.subject));
  const long long expected = expected_version;
  soci::statement st =
      (tx.sql.prepare << "UPDATE decommissioning_appraisals SET subject = :s, subject_id = :sid, needs_and_demand = "
                         ":n, quality_and_performance = :q, cost = :c, contract_terms = :t, stakeholders = :st, "
                         "exit_plan = :e, version = version + 1 WHERE id = :id AND area_id = :a AND version = :v",
       use(subject), use(a.subject_id), use(a.needs_and_demand), use(a.quality_and_performance), use(a.cost),
       use(a.contract_terms), use(a.stakeholders), use(a.exit_plan), use(a.id), use(a.area_id), use(expected));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Appraisal> find_appraisal(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = select(tx, "WHERE area_id = :a AND id = :b", area_id, id);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<Appraisal> appraisals(Tx& tx, const std::string& area_id) {
  return select(tx, "WHERE area_id = :a AND :b = ''", area_id, "");
}

void delete_appraisals(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM decommissioning_appraisals WHERE area_id = :a", use(area_id);
}

}  // namespace tandem::store
