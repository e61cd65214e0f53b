#include "store/pooled_budgets.h"

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

std::vector<PooledBudget> select(Tx& tx, const std::string& where, const std::string& a, const std::string& b) {
  std::vector<PooledBudget> out;
  std::string id, area, name, agreement, host, start, end;
  long long version = 0;
  soci::statement st = (tx.sql.prepare << "SELECT id, area_id, name, agreement, host, start_on, end_on, version FROM "
                                          "pooled_budgets " +
                                              where + " ORDER BY name, id",
                        use(a, "a"), use(b, "b"), into(id), into(area), into(name), into(agreement), into(host),
                        into(start), into(end), into(version));
  st.execute();
  while (st.fetch()) {
    PooledBudget p;
    p.id = id;
    p.area_id = area;
    p.name = name;
    p.agreement = agreement;
    p.host = parse_agency(host).value_or(Agency::council_education);
    p.start_on = *parse_date("start_on", start);
    p.end_on = *parse_date("end_on", end);
    p.version = version;
    out.push_back(std::move(p));
  }
  for (auto& p : out) {
    std::string agency;
    long long amount = 0;
    soci::statement cs = (tx.sql.prepare << "SELECT agency, amount_pence FROM pooled_budget_contributions WHERE "
                                            "pool_id = :id ORDER BY position",
                          use(p.id), into(agency), into(amount));
    cs.execute();
    while (cs.fetch()) {
      if (auto ag = parse_agency(agency)) p.contributions.push_back({*ag, Pence(amount)});
    }
    std::string contract;
    soci::statement ks = (tx.sql.prepare << "SELECT contract_id FROM pooled_budget_contracts WHERE pool_id = :id "
                                            "ORDER BY position",
                          use(p.id), into(contract));
    ks.execute();
    while (ks.fetch()) p.contract_ids.push_back(contract);
  }
  return out;
}

// Its contributions and contracts, in order.
void insert_parts(Tx& tx, const PooledBudget& p) {
  int position = 0;
  for (const auto& c : p.contributions) {
    const std::string agency(to_string(c.agency));
    const long long amount = c.amount.value;
    tx.sql << "INSERT INTO pooled_budget_contributions (pool_id, area_id, position, agency, amount_pence) VALUES "
              "(:p, :a, :pos, :ag, :amount)",
        use(p.id), use(p.area_id), use(position), use(agency), use(amount);
    ++position;
  }
  position = 0;
  for (const auto& c : p.contract_ids) {
    tx.sql << "INSERT INTO pooled_budget_contracts (pool_id, area_id, position, contract_id) VALUES (:p, :a, :pos, "
              ":c)",
        use(p.id), use(p.area_id), use(position), use(c);
    ++position;
  }
}

}  // namespace

void insert_pool(Tx& tx, const PooledBudget& p, const std::string& created_by, std::int64_t now) {
  const std::string host(to_string(p.host)), start = format_date(p.start_on), end = format_date(p.end_on);
  const long long at = now;
  tx.sql << "INSERT INTO pooled_budgets (id, area_id, name, agreement, host, start_on, end_on, created_by, "
            "created_at) VALUES (:id, :a, :n, :ag, :h, :s, :e, :by, :at)",
      use(p.id), use(p.area_id), use(p.name), use(p.agreement), use(host), use(start), use(end), use(created_by),
      use(at);
  insert_parts(tx, p);
}

bool update_pool(Tx& tx, const PooledBudget& p, std::int64_t expected_version) {
  const std::string host(to_string(p.host)), start = format_date(p.start_on), end = format_date(p.end_on);
  const long long expected = expected_version;
  soci::statement st =
      (tx.sql.prepare << "UPDATE pooled_budgets SET name = :n, agreement = :ag, host = :h, start_on = "
                         ":s, end_on = :e, version = version + 1 WHERE id = :id AND area_id = :a AND "
                         "version = :v",
       use(p.name), use(p.agreement), use(host), use(start), use(end), use(p.id), use(p.area_id), use(expected));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  tx.sql << "DELETE FROM pooled_budget_contracts WHERE pool_id = :p", use(p.id);
  tx.sql << "DELETE FROM pooled_budget_contributions WHERE pool_id = :p", use(p.id);
  insert_parts(tx, p);
  return true;
}

std::optional<PooledBudget> find_pool(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = select(tx, "WHERE area_id = :a AND id = :b", area_id, id);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<PooledBudget> pools(Tx& tx, const std::string& area_id) {
  return select(tx, "WHERE area_id = :a AND :b = ''", area_id, "");
}

void delete_pools(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM pooled_budget_contracts WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM pooled_budget_contributions WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM pooled_budgets WHERE area_id = :a", use(area_id);
}

}  // namespace tandem::store
