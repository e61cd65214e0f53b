#include "store/appeals.h"

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

struct OptText {
  std::string text;
  soci::indicator ind = soci::i_null;
};
OptText opt(const std::optional<Date>& d) { return d ? OptText{format_date(*d), soci::i_ok} : OptText{}; }
std::optional<Date> read_opt(const std::string& text, soci::indicator ind, const char* field) {
  if (ind != soci::i_ok) return std::nullopt;
  return *parse_date(field, text);
}

void write_orders(Tx& tx, const Appeal& a) {
  tx.sql << "DELETE FROM appeal_orders WHERE appeal_id = :id", use(a.id);
  for (const auto& o : a.orders) {
    const std::string kind(to_string(o.kind)), made = format_date(o.made_on);
    auto complied = opt(o.complied_on);
    tx.sql << "INSERT INTO appeal_orders (id, appeal_id, area_id, kind, made_on, complied_on) VALUES (:id, :a, "
              ":area, :kind, :made, :complied)",
        use(o.id), use(a.id), use(a.area_id), use(kind), use(made), use(complied.text, complied.ind);
  }
}

std::vector<StoredAppeal> select(Tx& tx, const std::string& where, const std::string& a, const std::string& b,
                                 const std::string& c, const std::string& d) {
  std::vector<StoredAppeal> out;
  std::string id, area, child, decision, notice, certificate, registered, hearing, outcome, outcome_on, given, family;
  soci::indicator cert_ind = soci::i_null, hearing_ind = soci::i_null, outcome_ind = soci::i_null;
  long long version = 0;
  soci::statement st =
      (tx.sql.prepare << "SELECT p.id, p.area_id, p.child_id, p.decision, p.decision_notice_on, "
                         "p.mediation_certificate, p.registered_on, p.hearing_on, p.outcome, p.outcome_on, p.version, "
                         "ch.given_name, ch.family_name FROM appeals p JOIN children ch ON ch.id = p.child_id " +
                             where,
       use(a, "a"), use(b, "b"), use(c, "c"), use(d, "d"), into(id), into(area), into(child), into(decision),
       into(notice), into(certificate, cert_ind), into(registered), into(hearing, hearing_ind), into(outcome),
       into(outcome_on, outcome_ind), into(version), into(given), into(family));
  st.execute();
  while (st.fetch()) {
    StoredAppeal s;
    Appeal& x = s.appeal;
    x.id = id;
    x.area_id = area;
    x.child_id = child;
    x.decision = parse_appealed_decision(decision).value_or(AppealedDecision::plan_contents);
    x.decision_notice_on = *parse_date("decision_notice_on", notice);
    x.mediation_certificate = read_opt(certificate, cert_ind, "mediation_certificate");
    x.registered_on = *parse_date("registered_on", registered);
    x.hearing_on = read_opt(hearing, hearing_ind, "hearing_on");
    x.outcome = parse_appeal_outcome(outcome).value_or(AppealOutcome::pending);
    x.outcome_on = read_opt(outcome_on, outcome_ind, "outcome_on");
    s.version = version;
    s.child_name = given + " " + family;
    out.push_back(std::move(s));
  }
  for (auto& s : out) {
    std::string oid, kind, made, complied;
    soci::indicator complied_ind = soci::i_null;
    soci::statement os = (tx.sql.prepare << "SELECT id, kind, made_on, complied_on FROM appeal_orders WHERE "
                                            "appeal_id = :id ORDER BY made_on, id",
                          use(s.appeal.id), into(oid), into(kind), into(made), into(complied, complied_ind));
    os.execute();
    while (os.fetch()) {
      s.appeal.orders.push_back({oid, parse_order_kind(kind).value_or(OrderKind::make_plan),
                                 *parse_date("made_on", made), read_opt(complied, complied_ind, "complied_on")});
    }
  }
  return out;
}

}  // namespace

void insert_appeal(Tx& tx, const Appeal& a, const std::string& recorded_by) {
  const std::string decision(to_string(a.decision)), notice = format_date(a.decision_notice_on),
                                                     registered = format_date(a.registered_on),
                                                     outcome(to_string(a.outcome));
  auto certificate = opt(a.mediation_certificate), hearing = opt(a.hearing_on), outcome_on = opt(a.outcome_on);
  const long long version = 1;
  tx.sql << "INSERT INTO appeals (id, area_id, child_id, decision, decision_notice_on, mediation_certificate, "
            "registered_on, hearing_on, outcome, outcome_on, recorded_by, version) VALUES (:id, :area, :child, "
            ":decision, :notice, :cert, :registered, :hearing, :outcome, :outcome_on, :by, :version)",
      use(a.id), use(a.area_id), use(a.child_id), use(decision), use(notice), use(certificate.text, certificate.ind),
      use(registered), use(hearing.text, hearing.ind), use(outcome), use(outcome_on.text, outcome_on.ind),
      use(recorded_by), use(version);
  write_orders(tx, a);
}

bool update_appeal(Tx& tx, const Appeal& a, std::int64_t expected_version) {
  const std::string outcome(to_string(a.outcome));
  auto hearing = opt(a.hearing_on), outcome_on = opt(a.outcome_on);
  const long long expected = expected_version, next = expected_version + 1;
  soci::statement st = (tx.sql.prepare << "UPDATE appeals SET hearing_on = :hearing, outcome = :outcome, outcome_on "
                                          "= :outcome_on, version = :next WHERE id = :id AND area_id = :area AND "
                                          "version = :v",
                        use(hearing.text, hearing.ind), use(outcome), use(outcome_on.text, outcome_on.ind), use(next),
                        use(a.id), use(a.area_id), use(expected));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  write_orders(tx, a);
  return true;
}

std::optional<StoredAppeal> find_appeal(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = select(tx, "WHERE p.area_id = :a AND p.id = :b AND :c = :d", area_id, id, "", "");
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<StoredAppeal> appeals_of_child(Tx& tx, const std::string& area_id, const std::string& child_id) {
  return select(tx, "WHERE p.area_id = :a AND p.child_id = :b AND :c = :d ORDER BY p.registered_on DESC, p.id", area_id,
                child_id, "", "");
}

std::vector<StoredAppeal> appeals_against_ceasing(Tx& tx, const std::string& area_id) {
  return select(tx,
                "WHERE p.area_id = :a AND p.decision = :b AND :c = :d ORDER BY p.child_id, p.registered_on DESC, p.id",
                area_id, "cease", "", "");
}

std::vector<StoredAppeal> live_appeals(Tx& tx, const std::string& area_id, const std::string& user_id,
                                       const std::string& agency, bool agency_wide) {
  return select(tx,
                "WHERE p.area_id = :a AND (p.outcome = 'pending' OR EXISTS (SELECT 1 FROM appeal_orders o WHERE "
                "o.appeal_id = p.id AND o.complied_on IS NULL)) AND EXISTS (SELECT 1 FROM involvements i WHERE "
                "i.child_id = p.child_id AND i.ended_on IS NULL AND (i.user_id = :b OR (i.user_id = '' AND i.agency "
                "= :c AND :d = 'yes'))) ORDER BY p.registered_on, p.id",
                area_id, user_id, agency, agency_wide ? "yes" : "no");
}

void delete_appeals(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM appeal_orders WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM appeals WHERE area_id = :a", use(area_id);
}

}  // namespace tandem::store
