#include "store/frameworks.h"

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {
std::string date_or_empty(const std::optional<Date>& d) { return d ? format_date(*d) : std::string(); }
std::optional<Date> date_from(const std::string& text, const char* column) {
  auto d = parse_date(column, text);
  if (!d) return std::nullopt;
  return *d;
}
}  // namespace

void save_framework(Tx& tx, const Framework& f, std::int64_t now) {
  const long long at = now;
  const std::string starts = date_or_empty(f.starts_on), ends = date_or_empty(f.ends_on);
  tx.sql << "DELETE FROM framework_providers WHERE framework_id = :id", use(f.id);
  tx.sql << "DELETE FROM framework_tiers WHERE framework_id = :id", use(f.id);
  soci::statement st = (tx.sql.prepare << "UPDATE frameworks SET name = :n, reference = :r, starts_on = :s, ends_on = "
                                          ":e, updated_at = :at WHERE id = :id AND area_id = :a",
                        use(f.name), use(f.reference), use(starts), use(ends), use(at), use(f.id), use(f.area_id));
  st.execute(true);
  if (st.get_affected_rows() != 1) {
    tx.sql << "INSERT INTO frameworks (id, area_id, name, reference, starts_on, ends_on, updated_at) VALUES (:id, :a, "
              ":n, :r, :s, :e, :at)",
        use(f.id), use(f.area_id), use(f.name), use(f.reference), use(starts), use(ends), use(at);
  }
  int position = 0;
  for (const auto& t : f.tiers) {
    tx.sql << "INSERT INTO framework_tiers (framework_id, area_id, position, name) VALUES (:f, :a, :p, :n)", use(f.id),
        use(f.area_id), use(position), use(t);
    ++position;
  }
  for (const auto& m : f.members) {
    const int tier = m.tier;
    tx.sql << "INSERT INTO framework_providers (framework_id, area_id, provider_id, tier) VALUES (:f, :a, :p, :t)",
        use(f.id), use(f.area_id), use(m.provider_id), use(tier);
  }
}

namespace {
std::vector<Framework> select_frameworks(Tx& tx, const std::string& where, const std::string& a, const std::string& b) {
  std::vector<Framework> out;
  std::string id, area, name, reference, starts, ends;
  soci::statement st =
      (tx.sql.prepare << "SELECT id, area_id, name, reference, starts_on, ends_on FROM frameworks " + where +
                             " ORDER BY name, id",
       use(a, "a"), use(b, "b"), into(id), into(area), into(name), into(reference), into(starts), into(ends));
  st.execute();
  while (st.fetch()) {
    out.push_back({id,
                   area,
                   name,
                   reference,
                   {},
                   {},
                   date_from(starts, "frameworks.starts_on"),
                   date_from(ends, "frameworks.ends_on")});
  }
  for (auto& f : out) {
    std::string tier;
    soci::statement ts = (tx.sql.prepare << "SELECT name FROM framework_tiers WHERE framework_id = :id ORDER BY "
                                            "position",
                          use(f.id), into(tier));
    ts.execute();
    while (ts.fetch()) f.tiers.push_back(tier);
    std::string provider;
    int position = 0;
    soci::statement ms = (tx.sql.prepare << "SELECT p.provider_id, p.tier FROM framework_providers p JOIN "
                                            "contract_providers c ON c.id = p.provider_id WHERE p.framework_id = :id "
                                            "ORDER BY p.tier, c.name, p.provider_id",
                          use(f.id), into(provider), into(position));
    ms.execute();
    while (ms.fetch()) f.members.push_back({provider, position});
  }
  return out;
}
}  // namespace

std::optional<Framework> find_framework(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = select_frameworks(tx, "WHERE area_id = :a AND id = :b", area_id, id);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<Framework> frameworks(Tx& tx, const std::string& area_id) {
  return select_frameworks(tx, "WHERE area_id = :a AND :b = ''", area_id, "");
}

void insert_suspension(Tx& tx, const std::string& area_id, const std::string& id, const Suspension& s,
                       const std::string& recorded_by, std::int64_t at) {
  const std::string on = format_date(s.suspended_on), lifted = s.lifted_on ? format_date(*s.lifted_on) : "";
  const long long when = at;
  tx.sql << "INSERT INTO framework_suspensions (id, framework_id, area_id, provider_id, suspended_on, reason, "
            "lifted_on, recorded_by, at) VALUES (:id, :f, :a, :p, :on, :r, :l, :by, :at)",
      use(id), use(s.framework_id), use(area_id), use(s.provider_id), use(on), use(s.reason), use(lifted),
      use(recorded_by), use(when);
}

void record_lifted(Tx& tx, const std::string& area_id, const std::string& id, Date lifted_on) {
  const std::string on = format_date(lifted_on);
  tx.sql << "UPDATE framework_suspensions SET lifted_on = :l WHERE id = :id AND area_id = :a", use(on), use(id),
      use(area_id);
}

std::vector<StoredSuspension> suspensions(Tx& tx, const std::string& area_id) {
  std::vector<StoredSuspension> out;
  std::string id, framework, name, provider, on, reason, lifted;
  soci::statement st =
      (tx.sql.prepare << "SELECT s.id, s.framework_id, f.name, s.provider_id, s.suspended_on, "
                         "s.reason, s.lifted_on FROM framework_suspensions s JOIN frameworks f ON "
                         "f.id = s.framework_id WHERE s.area_id = :a ORDER BY s.suspended_on, s.id",
       use(area_id), into(id), into(framework), into(name), into(provider), into(on), into(reason), into(lifted));
  st.execute();
  while (st.fetch()) {
    Suspension s{framework, name, provider, *parse_date("suspended_on", on), reason, std::nullopt};
    if (!lifted.empty()) s.lifted_on = *parse_date("lifted_on", lifted);
    out.push_back({id, std::move(s)});
  }
  return out;
}

void delete_frameworks(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM framework_suspensions WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM framework_providers WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM framework_tiers WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM frameworks WHERE area_id = :a", use(area_id);
}

}  // namespace tandem::store
