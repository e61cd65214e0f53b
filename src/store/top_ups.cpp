#include "store/top_ups.h"

#include <map>

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

std::vector<TopUpPayment> select(Tx& tx, const std::string& where, const std::string& a, const std::string& b) {
  std::vector<TopUpPayment> out;
  std::string id, area, term, setting, paid, reference;
  long long amount = 0, version = 0;
  soci::statement st = (tx.sql.prepare << "SELECT id, area_id, term, setting_name, amount_pence, paid_on, reference, "
                                          "version FROM top_up_payments " +
                                              where + " ORDER BY paid_on, recorded_at, id",
                        use(a, "a"), use(b, "b"), into(id), into(area), into(term), into(setting), into(amount),
                        into(paid), into(reference), into(version));
  st.execute();
  while (st.fetch()) {
    out.push_back({id, area, term, setting, Pence(amount), *parse_date("paid_on", paid), reference, version});
  }
  return out;
}

}  // namespace

std::vector<TopUpChild> top_up_children(Tx& tx, const std::string& area_id, Date from, Date to) {
  std::vector<TopUpChild> out;
  std::map<std::string, std::size_t> index;
  {
    std::string child_id, given, family, made;
    soci::indicator made_ind = soci::i_null;
    long long annual = 0;
    soci::statement st =
        (tx.sql.prepare << "SELECT p.child_id, c.given_name, c.family_name, pc.annual_pence, p.made_on FROM plans p "
                           "JOIN plan_costs pc ON pc.plan_id = p.id AND pc.payer = 'high_needs_top_up' JOIN children "
                           "c ON c.id = p.child_id WHERE p.area_id = :a AND p.stage = 'final' AND pc.annual_pence > "
                           "0 ORDER BY c.family_name, c.given_name, p.child_id",
         use(area_id), into(child_id), into(given), into(family), into(annual), into(made, made_ind));
    st.execute();
    while (st.fetch()) {
      if (index.contains(child_id)) continue;  // one final plan a child; the first if ever more
      TopUpChild c;
      c.child_id = child_id;
      c.child_name = given + " " + family;
      c.annual_top_up = Pence(annual);
      if (made_ind == soci::i_ok && !made.empty()) {
        if (auto d = parse_date("made_on", made)) c.plan_from = *d;
      }
      index.emplace(child_id, out.size());
      out.push_back(std::move(c));
    }
  }
  const std::string start = format_date(from), end = format_date(to);
  std::string child_id, setting, type, placed_from, placed_to;
  soci::indicator to_ind = soci::i_null;
  soci::statement st =
      (tx.sql.prepare << "SELECT child_id, setting_name, setting_type, start_date, end_date FROM placements WHERE "
                         "area_id = :a AND start_date <= :e AND (end_date IS NULL OR end_date >= :s) ORDER BY "
                         "child_id, start_date",
       use(area_id, "a"), use(end, "e"), use(start, "s"), into(child_id), into(setting), into(type), into(placed_from),
       into(placed_to, to_ind));
  st.execute();
  while (st.fetch()) {
    auto it = index.find(child_id);
    if (it == index.end()) continue;
    TopUpPlacement p;
    p.setting_name = setting;
    p.setting_type = parse_setting_type(type).value_or(SettingType::other);
    p.from = *parse_date("start_date", placed_from);
    if (to_ind == soci::i_ok) p.to = *parse_date("end_date", placed_to);
    out[it->second].placements.push_back(std::move(p));
  }
  return out;
}

void insert_top_up_payment(Tx& tx, const TopUpPayment& p, const std::string& recorded_by, std::int64_t now) {
  const std::string paid = format_date(p.paid_on);
  const long long amount = p.amount.value, at = now;
  const long long version = p.version;
  tx.sql << "INSERT INTO top_up_payments (id, area_id, term, setting_name, amount_pence, paid_on, reference, "
            "version, recorded_by, recorded_at) VALUES (:id, :a, :t, :s, :amount, :p, :r, :v, :by, :at)",
      use(p.id), use(p.area_id), use(p.term_id), use(p.setting_name), use(amount), use(paid), use(p.reference),
      use(version), use(recorded_by), use(at);
  tx.changed_top_ups_of(p.area_id);
}

bool update_top_up_payment(Tx& tx, const TopUpPayment& p, std::int64_t expected_version) {
  const std::string paid = format_date(p.paid_on);
  const long long amount = p.amount.value, expected = expected_version;
  soci::statement st =
      (tx.sql.prepare << "UPDATE top_up_payments SET amount_pence = :amount, paid_on = :p, reference = :r, "
                         "version = version + 1 WHERE id = :id AND area_id = :a AND version = :v",
       use(amount), use(paid), use(p.reference), use(p.id), use(p.area_id), use(expected));
  st.execute(true);
  const bool saved = st.get_affected_rows() == 1;
  if (saved) tx.changed_top_ups_of(p.area_id);
  return saved;
}

std::optional<TopUpPayment> find_top_up_payment(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = select(tx, "WHERE area_id = :a AND id = :b", area_id, id);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<TopUpPayment> top_up_payments(Tx& tx, const std::string& area_id, const std::string& term_id) {
  return select(tx, "WHERE area_id = :a AND term = :b", area_id, term_id);
}

std::vector<TopUpPayment> area_top_up_payments(Tx& tx, const std::string& area_id) {
  return select(tx, "WHERE area_id = :a AND :b = ''", area_id, "");
}

TopUpTokens top_up_tokens(Tx& tx, const std::string& area_id) {
  long long registry = 0, top_ups = 0;
  soci::indicator registry_ind = soci::i_null, top_ups_ind = soci::i_null;
  tx.sql << "SELECT (SELECT change_token FROM register_changes WHERE area_id = :a), (SELECT change_token FROM "
            "top_up_changes WHERE area_id = :b)",
      use(area_id, "a"), use(area_id, "b"), into(registry, registry_ind), into(top_ups, top_ups_ind);
  return {registry_ind == soci::i_ok ? registry : 0, top_ups_ind == soci::i_ok ? top_ups : 0};
}

void delete_top_up_payments(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM top_up_payments WHERE area_id = :a", use(area_id);
  tx.changed_top_ups_of(area_id);
}

}  // namespace tandem::store
