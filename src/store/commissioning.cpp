#include "store/commissioning.h"

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

void write_partners(Tx& tx, const Activity& a) {
  tx.sql << "DELETE FROM commissioning_partners WHERE activity_id = :id", use(a.id);
  int position = 0;
  for (const auto& s : a.partners) {
    const std::string agency(to_string(s.agency));
    const int bp = s.basis_points;
    tx.sql << "INSERT INTO commissioning_partners (activity_id, area_id, position, agency, basis_points) VALUES (:c, "
              ":a, :p, :agency, :bp)",
        use(a.id), use(a.area_id), use(position), use(agency), use(bp);
    ++position;
  }
}

void load_children(Tx& tx, StoredActivity& s) {
  Activity& a = s.activity;
  {
    std::string agency;
    int bp = 0;
    soci::statement st = (tx.sql.prepare << "SELECT agency, basis_points FROM commissioning_partners WHERE "
                                            "activity_id = :id ORDER BY position",
                          use(a.id), into(agency), into(bp));
    st.execute();
    while (st.fetch()) {
      if (auto ag = parse_agency(agency)) a.partners.push_back({*ag, bp});
    }
  }
  {
    std::string stage, need, title, url, contract;
    soci::statement st = (tx.sql.prepare << "SELECT stage, need_id, title, url, contract_id FROM "
                                            "commissioning_evidence WHERE activity_id = :id ORDER BY at, id",
                          use(a.id), into(stage), into(need), into(title), into(url), into(contract));
    st.execute();
    while (st.fetch()) {
      a.evidence.push_back(
          {parse_cycle_stage(stage).value_or(CycleStage::joint_understanding), need, title, url, contract});
    }
  }
  {
    std::string stage, body, agency, on, decision, maker, note;
    soci::statement st =
        (tx.sql.prepare << "SELECT stage, body, agency, decided_on, decision, decision_maker, note FROM "
                           "commissioning_sign_offs WHERE activity_id = :id ORDER BY decided_on, at, id",
         use(a.id), into(stage), into(body), into(agency), into(on), into(decision), into(maker), into(note));
    st.execute();
    while (st.fetch()) {
      SignOff s1;
      s1.stage = parse_cycle_stage(stage).value_or(CycleStage::joint_understanding);
      s1.agency = parse_agency(agency).value_or(Agency::council_education);
      s1.decided_on = *parse_date("decided_on", on);
      s1.decision = parse_sign_off_decision(decision).value_or(SignOffDecision::deferred);
      s1.decision_maker = maker;
      s1.note = note;
      (body == "board" ? a.recommendations : a.sign_offs).push_back(std::move(s1));
    }
  }
  {
    std::string id, from, to, due, by;
    long long at = 0;
    soci::statement st = (tx.sql.prepare << "SELECT id, from_stage, to_stage, next_due_on, changed_by, at FROM "
                                            "commissioning_stage_changes WHERE activity_id = :id ORDER BY at, id",
                          use(a.id), into(id), into(from), into(to), into(due), into(by), into(at));
    st.execute();
    while (st.fetch()) {
      s.history.push_back({id, a.id, a.area_id, parse_cycle_stage(from).value_or(CycleStage::joint_understanding),
                           parse_cycle_stage(to).value_or(CycleStage::joint_understanding),
                           *parse_date("next_due_on", due), by, at});
    }
  }
}

std::vector<StoredActivity> select_activities(Tx& tx, const std::string& where, const std::string& a,
                                              const std::string& b) {
  std::vector<StoredActivity> out;
  std::string id, area, title, kind, level, stage, due, contract;
  long long budget = 0, version = 0;
  soci::statement st = (tx.sql.prepare << "SELECT id, area_id, title, kind, level, budget_pence, stage, "
                                          "stage_due_on, contract_id, version FROM commissioning_activities " +
                                              where + " ORDER BY stage_due_on, id",
                        use(a, "a"), use(b, "b"), into(id), into(area), into(title), into(kind), into(level),
                        into(budget), into(stage), into(due), into(contract), into(version));
  st.execute();
  while (st.fetch()) {
    StoredActivity s;
    Activity& x = s.activity;
    x.id = id;
    x.area_id = area;
    x.title = title;
    x.kind = parse_activity_kind(kind).value_or(ActivityKind::commission);
    x.level = parse_commissioning_level(level).value_or(CommissioningLevel::service);
    x.budget = Pence(budget);
    x.stage = parse_cycle_stage(stage).value_or(CycleStage::joint_understanding);
    x.stage_due_on = *parse_date("stage_due_on", due);
    x.contract_id = contract;
    s.version = version;
    out.push_back(std::move(s));
  }
  for (auto& s : out) load_children(tx, s);
  return out;
}

}  // namespace

void insert_activity(Tx& tx, const Activity& a, std::int64_t now) {
  const std::string kind(to_string(a.kind)), level(to_string(a.level)), stage(to_string(a.stage)),
      due = format_date(a.stage_due_on);
  const long long budget = a.budget.value, version = 1, at = now;
  tx.sql << "INSERT INTO commissioning_activities (id, area_id, title, kind, level, budget_pence, stage, "
            "stage_due_on, contract_id, version, updated_at) VALUES (:id, :a, :t, :k, :l, :b, :s, :d, :c, :v, :at)",
      use(a.id), use(a.area_id), use(a.title), use(kind), use(level), use(budget), use(stage), use(due),
      use(a.contract_id), use(version), use(at);
  write_partners(tx, a);
}

bool update_activity(Tx& tx, const Activity& a, std::int64_t expected_version, std::int64_t now) {
  const std::string kind(to_string(a.kind)), level(to_string(a.level)), stage(to_string(a.stage)),
      due = format_date(a.stage_due_on);
  const long long budget = a.budget.value, expected = expected_version, next = expected_version + 1, at = now;
  soci::statement st =
      (tx.sql.prepare << "UPDATE commissioning_activities SET title = :t, kind = :k, level = :l, budget_pence = :b, "
                         "stage = :s, stage_due_on = :d, contract_id = :c, version = :next, updated_at = :at WHERE "
                         "id = :id AND area_id = :a AND version = :expected",
       use(a.title), use(kind), use(level), use(budget), use(stage), use(due), use(a.contract_id), use(next), use(at),
       use(a.id), use(a.area_id), use(expected));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  write_partners(tx, a);
  return true;
}

std::optional<StoredActivity> find_activity(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = select_activities(tx, "WHERE area_id = :a AND id = :b", area_id, id);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<StoredActivity> activities(Tx& tx, const std::string& area_id) {
  return select_activities(tx, "WHERE area_id = :a AND :b = ''", area_id, "");
}

void insert_evidence(Tx& tx, const std::string& area_id, const std::string& activity_id, const std::string& id,
                     const EvidenceLink& e, const std::string& added_by, std::int64_t at) {
  const std::string stage(to_string(e.stage));
  const long long when = at;
  tx.sql << "INSERT INTO commissioning_evidence (id, activity_id, area_id, stage, need_id, title, url, contract_id, "
            "added_by, at) VALUES (:id, :ac, :a, :s, :n, :t, :u, :c, :by, :at)",
      use(id), use(activity_id), use(area_id), use(stage), use(e.need_id), use(e.title), use(e.url), use(e.contract_id),
      use(added_by), use(when);
}

void insert_sign_off(Tx& tx, const std::string& area_id, const std::string& activity_id, const std::string& id,
                     const SignOff& s, bool board, const std::string& recorded_by, std::int64_t at) {
  const std::string stage(to_string(s.stage)), body = board ? "board" : "partner",
                                               agency = board ? "" : std::string(to_string(s.agency)),
                                               on = format_date(s.decided_on), decision(to_string(s.decision));
  const long long when = at;
  tx.sql << "INSERT INTO commissioning_sign_offs (id, activity_id, area_id, stage, body, agency, decided_on, "
            "decision, decision_maker, note, recorded_by, at) VALUES (:id, :ac, :a, :s, :b, :ag, :on, :d, :m, :n, "
            ":by, :at)",
      use(id), use(activity_id), use(area_id), use(stage), use(body), use(agency), use(on), use(decision),
      use(s.decision_maker), use(s.note), use(recorded_by), use(when);
}

void insert_activity_stage_change(Tx& tx, const ActivityStageChange& c) {
  const std::string from(to_string(c.from)), to(to_string(c.to)), due = format_date(c.next_due_on);
  const long long at = c.at;
  tx.sql << "INSERT INTO commissioning_stage_changes (id, activity_id, area_id, from_stage, to_stage, next_due_on, "
            "changed_by, at) VALUES (:id, :ac, :a, :f, :t, :d, :by, :at)",
      use(c.id), use(c.activity_id), use(c.area_id), use(from), use(to), use(due), use(c.changed_by), use(at);
}

void delete_commissioning(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM commissioning_stage_changes WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM commissioning_sign_offs WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM commissioning_evidence WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM commissioning_partners WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM commissioning_activities WHERE area_id = :a", use(area_id);
}

}  // namespace tandem::store
