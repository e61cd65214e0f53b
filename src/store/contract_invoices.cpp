#include "store/contract_invoices.h"

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

std::vector<Invoice> select(Tx& tx, const std::string& where, const std::string& a, const std::string& b) {
  std::vector<Invoice> out;
  std::string id, area, contract, reference, invoiced, paid;
  soci::indicator paid_ind = soci::i_null;
  long long amount = 0, version = 0;
  soci::statement st = (tx.sql.prepare << "SELECT id, area_id, contract_id, reference, invoiced_on, amount_pence, "
                                          "paid_on, version FROM contract_invoices " +
                                              where + " ORDER BY invoiced_on, id",
                        use(a, "a"), use(b, "b"), into(id), into(area), into(contract), into(reference), into(invoiced),
                        into(amount), into(paid, paid_ind), into(version));
  st.execute();
  while (st.fetch()) {
    Invoice i{id,           area,   contract, reference, *parse_date("invoiced_on", invoiced), Pence(amount),
              std::nullopt, version};
    if (paid_ind == soci::i_ok) i.paid_on = *parse_date("paid_on", paid);
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace

void insert_invoice(Tx& tx, const Invoice& inv, const std::string& recorded_by, std::int64_t now) {
  const std::string invoiced = format_date(inv.invoiced_on);
  std::string paid = inv.paid_on ? format_date(*inv.paid_on) : std::string();
  soci::indicator paid_ind = inv.paid_on ? soci::i_ok : soci::i_null;
  const long long amount = inv.amount.value, at = now;
  tx.sql << "INSERT INTO contract_invoices (id, contract_id, area_id, reference, invoiced_on, amount_pence, paid_on, "
            "recorded_by, recorded_at) VALUES (:id, :c, :a, :r, :i, :amount, :p, :by, :at)",
      use(inv.id), use(inv.contract_id), use(inv.area_id), use(inv.reference), use(invoiced), use(amount),
      use(paid, paid_ind), use(recorded_by), use(at);
}

bool mark_invoice_paid(Tx& tx, const std::string& area_id, const std::string& id, Date paid_on) {
  const std::string paid = format_date(paid_on);
  soci::statement st = (tx.sql.prepare << "UPDATE contract_invoices SET paid_on = :p, version = version + 1 WHERE id = "
                                          ":id AND area_id = :a AND paid_on IS NULL",
                        use(paid), use(id), use(area_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool update_invoice(Tx& tx, const Invoice& inv, std::int64_t expected_version) {
  const std::string invoiced = format_date(inv.invoiced_on);
  std::string paid = inv.paid_on ? format_date(*inv.paid_on) : std::string();
  soci::indicator paid_ind = inv.paid_on ? soci::i_ok : soci::i_null;
  const long long amount = inv.amount.value, expected = expected_version;
  soci::statement st =
      (tx.sql.prepare << "UPDATE contract_invoices SET reference = :r, invoiced_on = :i, amount_pence = :amount, "
                         "paid_on = :p, version = version + 1 WHERE id = :id AND area_id = :a AND version = :v",
       use(inv.reference), use(invoiced), use(amount), use(paid, paid_ind), use(inv.id), use(inv.area_id),
       use(expected));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Invoice> find_invoice(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = select(tx, "WHERE area_id = :a AND id = :b", area_id, id);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<Invoice> invoices_of(Tx& tx, const std::string& area_id, const std::string& contract_id) {
  return select(tx, "WHERE area_id = :a AND contract_id = :b", area_id, contract_id);
}

std::vector<Invoice> area_invoices(Tx& tx, const std::string& area_id) {
  return select(tx, "WHERE area_id = :a AND :b = ''", area_id, "");
}

void delete_invoices(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM contract_invoices WHERE area_id = :a", use(area_id);
}

}  // namespace tandem::store
