#include "store/recharges.h"

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

std::optional<Date> date_or_none(soci::indicator ind, const std::string& text) {
  if (ind != soci::i_ok || text.empty()) return std::nullopt;
  auto d = parse_date("date", text);
  return d ? std::optional<Date>(*d) : std::nullopt;
}

std::vector<StoredRecharge> select(Tx& tx, const std::string& where, const std::string& a, const std::string& b) {
  std::vector<StoredRecharge> out;
  std::string id, area, direction, council, child, named, setting, start, end, reference, invoiced, paid, status, given,
      family, born, registered_born, their_reference;
  soci::indicator child_ind = soci::i_null, invoiced_ind = soci::i_null, paid_ind = soci::i_null,
                  given_ind = soci::i_null, family_ind = soci::i_null, born_ind = soci::i_null,
                  registered_born_ind = soci::i_null;
  long long amount = 0, version = 0;
  // A child not on the register is named on the recharge itself.
  soci::statement st =
      (tx.sql.prepare << "SELECT r.id, r.area_id, r.direction, r.other_council, r.child_id, r.child_name, "
                         "r.setting_name, r.period_start, r.period_end, r.amount_pence, r.invoice_reference, "
                         "r.invoiced_on, r.paid_on, r.status, r.version, r.child_date_of_birth, "
                         "r.other_council_reference, c.given_name, c.family_name, c.date_of_birth FROM recharges r "
                         "LEFT JOIN children c ON c.id = r.child_id " +
                             where + " ORDER BY r.other_council, r.period_start, r.id",
       use(a, "a"), use(b, "b"), into(id), into(area), into(direction), into(council), into(child, child_ind),
       into(named), into(setting), into(start), into(end), into(amount), into(reference), into(invoiced, invoiced_ind),
       into(paid, paid_ind), into(status), into(version), into(born, born_ind), into(their_reference),
       into(given, given_ind), into(family, family_ind), into(registered_born, registered_born_ind));
  st.execute();
  while (st.fetch()) {
    Recharge r;
    r.id = id;
    r.area_id = area;
    r.direction = parse_recharge_direction(direction).value_or(RechargeDirection::owed_to_us);
    r.other_council = council;
    r.child_id = child_ind == soci::i_ok ? child : std::string();
    r.child_name = named;
    r.status = parse_recharge_status(status).value_or(RechargeStatus::not_invoiced);
    r.setting_name = setting;
    r.period_start = *parse_date("period_start", start);
    r.period_end = *parse_date("period_end", end);
    r.amount = Pence(amount);
    r.invoice_reference = reference;
    r.invoiced_on = date_or_none(invoiced_ind, invoiced);
    r.paid_on = date_or_none(paid_ind, paid);
    r.version = version;
    r.date_of_birth = date_or_none(born_ind, born);
    r.other_council_reference = their_reference;
    const bool registered = given_ind == soci::i_ok && family_ind == soci::i_ok;
    const std::string name = registered ? given + " " + family : named;
    const auto dob = registered ? date_or_none(registered_born_ind, registered_born) : r.date_of_birth;
    out.push_back({std::move(r), name, dob});
  }
  return out;
}

// The values bound beside the recharge's own: dates as text, an unregistered
// child's missing reference as null.
struct Dates {
  std::string start, end, invoiced, paid, status, born;
  soci::indicator invoiced_ind, paid_ind, child_ind, born_ind;
  explicit Dates(const Recharge& r)
      : start(format_date(r.period_start)),
        end(format_date(r.period_end)),
        invoiced(r.invoiced_on ? format_date(*r.invoiced_on) : ""),
        paid(r.paid_on ? format_date(*r.paid_on) : ""),
        status(to_string(r.status)),
        born(r.date_of_birth ? format_date(*r.date_of_birth) : ""),
        invoiced_ind(r.invoiced_on ? soci::i_ok : soci::i_null),
        paid_ind(r.paid_on ? soci::i_ok : soci::i_null),
        child_ind(r.child_id.empty() ? soci::i_null : soci::i_ok),
        born_ind(r.date_of_birth ? soci::i_ok : soci::i_null) {}
};

}  // namespace

void insert_recharge(Tx& tx, const Recharge& r, const std::string& recorded_by, std::int64_t now) {
  Dates d(r);
  const std::string direction(to_string(r.direction));
  const long long amount = r.amount.value, version = r.version, at = now;
  tx.sql << "INSERT INTO recharges (id, area_id, direction, other_council, child_id, child_name, "
            "child_date_of_birth, other_council_reference, setting_name, period_start, period_end, amount_pence, "
            "invoice_reference, invoiced_on, paid_on, status, version, recorded_by, recorded_at) VALUES (:id, :a, :d, "
            ":o, :c, :cn, :cb, :cr, :s, :ps, :pe, :amount, :r, :i, :p, :st, :v, :by, :at)",
      use(r.id), use(r.area_id), use(direction), use(r.other_council), use(r.child_id, d.child_ind), use(r.child_name),
      use(d.born, d.born_ind), use(r.other_council_reference), use(r.setting_name), use(d.start), use(d.end),
      use(amount), use(r.invoice_reference), use(d.invoiced, d.invoiced_ind), use(d.paid, d.paid_ind), use(d.status),
      use(version), use(recorded_by), use(at);
}

bool update_recharge(Tx& tx, const Recharge& r, std::int64_t expected_version) {
  Dates d(r);
  const std::string direction(to_string(r.direction));
  const long long amount = r.amount.value, expected = expected_version;
  soci::statement st =
      (tx.sql.prepare << "UPDATE recharges SET direction = :d, other_council = :o, child_id = :c, child_name = :cn, "
                         "child_date_of_birth = :cb, other_council_reference = :cr, setting_name = :s, "
                         "period_start = :ps, period_end = :pe, amount_pence = :amount, invoice_reference = :r, "
                         "invoiced_on = :i, paid_on = :p, status = :st, version = version + 1 "
                         "WHERE id = :id AND area_id = :a AND version = :v",
       use(direction), use(r.other_council), use(r.child_id, d.child_ind), use(r.child_name), use(d.born, d.born_ind),
       use(r.other_council_reference), use(r.setting_name), use(d.start), use(d.end), use(amount),
       use(r.invoice_reference), use(d.invoiced, d.invoiced_ind), use(d.paid, d.paid_ind), use(d.status), use(r.id),
       use(r.area_id), use(expected));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<StoredRecharge> find_recharge(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = select(tx, "WHERE r.area_id = :a AND r.id = :b", area_id, id);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<StoredRecharge> recharges(Tx& tx, const std::string& area_id) {
  return select(tx, "WHERE r.area_id = :a AND :b = ''", area_id, "");
}

void delete_recharges(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM recharges WHERE area_id = :a", use(area_id);
}

std::vector<RechargeMove> recharge_moves(Tx& tx, const std::string& area_id) {
  std::vector<RechargeMove> out;
  {
    std::string child, given, family, direction, other, moved, transferred;
    soci::indicator transferred_ind = soci::i_null;
    soci::statement st =
        (tx.sql.prepare << "SELECT m.child_id, c.given_name, c.family_name, m.direction, m.other_authority, "
                           "m.moved_on, m.transferred_on FROM area_moves m JOIN children c ON c.id = m.child_id WHERE "
                           "m.area_id = :a ORDER BY m.moved_on DESC, m.id",
         use(area_id), into(child), into(given), into(family), into(direction), into(other), into(moved),
         into(transferred, transferred_ind));
    st.execute();
    while (st.fetch()) {
      RechargeMove m;
      m.child_id = child;
      m.child_name = given + " " + family;
      m.direction = direction == "out" ? MoveDirection::out_of_area : MoveDirection::into_area;
      m.other_authority = other;
      m.moved_on = *parse_date("moved_on", moved);
      m.transferred_on = date_or_none(transferred_ind, transferred);
      out.push_back(std::move(m));
    }
  }
  for (auto& m : out) {
    std::string setting, start;
    soci::indicator setting_ind = soci::i_null;
    const std::string moved = format_date(m.moved_on);
    // The placement current on the day of the move, else the latest.
    soci::statement st =
        (tx.sql.prepare << "SELECT setting_name, start_date FROM placements WHERE child_id = :c ORDER BY CASE WHEN "
                           "start_date <= :m AND (end_date IS NULL OR end_date >= :n) THEN 0 ELSE 1 END, start_date "
                           "DESC",
         use(m.child_id, "c"), use(moved, "m"), use(moved, "n"), into(setting, setting_ind), into(start));
    st.execute();
    if (st.fetch() && setting_ind == soci::i_ok) m.setting_name = setting;
    long long annual = 0;
    soci::indicator annual_ind = soci::i_null;
    tx.sql << "SELECT MAX(pc.annual_pence) FROM plans p JOIN plan_costs pc ON pc.plan_id = p.id AND pc.payer = "
              "'high_needs_top_up' WHERE p.child_id = :c AND p.stage = 'final'",
        use(m.child_id), into(annual, annual_ind);
    if (annual_ind == soci::i_ok) m.annual_top_up = Pence(annual);
  }
  return out;
}

std::optional<std::string> child_name(Tx& tx, const std::string& area_id, const std::string& child_id) {
  std::string given, family;
  soci::indicator ind = soci::i_null;
  tx.sql << "SELECT given_name, family_name FROM children WHERE id = :c AND area_id = :a", use(child_id), use(area_id),
      into(given, ind), into(family);
  if (!tx.sql.got_data() || ind != soci::i_ok) return std::nullopt;
  return given + " " + family;
}

}  // namespace tandem::store
