#include "store/disagreements.h"

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

void write_positions(Tx& tx, const Disagreement& d) {
  tx.sql << "DELETE FROM disagreement_positions WHERE disagreement_id = :id", use(d.id);
  for (const auto& p : d.parties) {
    const std::string agency(to_string(p.agency)), position(to_string(p.position));
    std::string on = p.decided_on ? format_date(*p.decided_on) : "";
    soci::indicator on_ind = p.decided_on ? soci::i_ok : soci::i_null;
    tx.sql << "INSERT INTO disagreement_positions (disagreement_id, agency, position, note, decided_by, decided_on) "
              "VALUES (:id, :agency, :position, :note, :by, :on)",
        use(d.id), use(agency), use(position), use(p.note), use(p.decided_by), use(on, on_ind);
  }
}

// Reads disagreements matching `where` (bound to :a, :b, :c), then their positions.
std::vector<StoredDisagreement> select(Tx& tx, const std::string& where, const std::string& a, const std::string& b,
                                       const std::string& c) {
  std::vector<StoredDisagreement> out;
  std::string id, area, child, plan, line, what, proposed, recorded, reason, status, by, on, given, family;
  long long version = 0;
  soci::statement st =
      (tx.sql.prepare << "SELECT d.id, d.area_id, d.child_id, d.plan_id, d.line_id, d.line_what, d.proposed, "
                         "d.recorded, d.reason, d.status, d.raised_by, d.raised_on, d.version, ch.given_name, "
                         "ch.family_name FROM disagreements d JOIN children ch ON ch.id = d.child_id " +
                             where,
       use(a, "a"), use(b, "b"), use(c, "c"), into(id), into(area), into(child), into(plan), into(line), into(what),
       into(proposed), into(recorded), into(reason), into(status), into(by), into(on), into(version), into(given),
       into(family));
  st.execute();
  while (st.fetch()) {
    StoredDisagreement s;
    s.d = Disagreement{id,
                       area,
                       child,
                       plan,
                       line,
                       what,
                       proposed,
                       recorded,
                       reason,
                       by,
                       *parse_date("raised_on", on),
                       status == "withdrawn",
                       {}};
    s.version = version;
    s.child_name = given + " " + family;
    out.push_back(std::move(s));
  }
  for (auto& s : out) {
    std::string agency, position, note, decided_by, decided_on;
    soci::indicator on_ind = soci::i_null;
    soci::statement ps =
        (tx.sql.prepare << "SELECT agency, position, note, decided_by, decided_on FROM "
                           "disagreement_positions WHERE disagreement_id = :id ORDER BY agency",
         use(s.d.id), into(agency), into(position), into(note), into(decided_by), into(decided_on, on_ind));
    ps.execute();
    while (ps.fetch()) {
      PartyPosition p;
      p.agency = parse_agency(agency).value_or(Agency::council_education);
      p.position = parse_position(position).value_or(Position::pending);
      p.note = note;
      p.decided_by = decided_by;
      if (on_ind == soci::i_ok) p.decided_on = *parse_date("decided_on", decided_on);
      s.d.parties.push_back(std::move(p));
    }
  }
  return out;
}

}  // namespace

void insert_disagreement(Tx& tx, const Disagreement& d) {
  const std::string status(to_string(status_of(d))), on = format_date(d.raised_on);
  const long long version = 1;
  tx.sql << "INSERT INTO disagreements (id, area_id, child_id, plan_id, line_id, line_what, proposed, recorded, "
            "reason, status, raised_by, raised_on, version) VALUES (:id, :area, :child, :plan, :line, :what, "
            ":proposed, :recorded, :reason, :status, :by, :on, :version)",
      use(d.id), use(d.area_id), use(d.child_id), use(d.plan_id), use(d.line_id), use(d.line_what), use(d.proposed),
      use(d.recorded), use(d.reason), use(status), use(d.raised_by), use(on), use(version);
  write_positions(tx, d);
}

bool update_disagreement(Tx& tx, const Disagreement& d, std::int64_t expected_version) {
  const std::string status(to_string(status_of(d)));
  const long long expected = expected_version, next = expected_version + 1;
  soci::statement st = (tx.sql.prepare << "UPDATE disagreements SET status = :status, version = :next WHERE id = :id "
                                          "AND area_id = :area AND version = :v",
                        use(status), use(next), use(d.id), use(d.area_id), use(expected));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  write_positions(tx, d);
  return true;
}

std::optional<StoredDisagreement> find_disagreement(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = select(tx, "WHERE d.area_id = :a AND d.id = :b AND :c = ''", area_id, id, "");
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<StoredDisagreement> open_disagreements_of_line(Tx& tx, const std::string& area_id,
                                                           const std::string& plan_id, const std::string& line_id) {
  return select(tx, "WHERE d.area_id = :a AND d.plan_id = :b AND d.line_id = :c AND d.status = 'open'", area_id,
                plan_id, line_id);
}

std::vector<StoredDisagreement> disagreements_of_plan(Tx& tx, const std::string& area_id, const std::string& plan_id) {
  return select(tx, "WHERE d.area_id = :a AND d.plan_id = :b AND :c = '' ORDER BY d.raised_on DESC, d.id", area_id,
                plan_id, "");
}

std::vector<StoredDisagreement> area_disagreements(Tx& tx, const std::string& area_id, const std::string& status,
                                                   int limit) {
  return select(tx,
                "WHERE d.area_id = :a AND (:b = '' OR d.status = :c) ORDER BY d.raised_on DESC, d.id LIMIT " +
                    std::to_string(limit),
                area_id, status, status);
}

void delete_disagreements(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM disagreement_positions WHERE disagreement_id IN (SELECT id FROM disagreements WHERE "
            "area_id = :a)",
      use(area_id);
  tx.sql << "DELETE FROM disagreements WHERE area_id = :a", use(area_id);
}

}  // namespace tandem::store
