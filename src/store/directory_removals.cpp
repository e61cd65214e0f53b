#include "store/directory_removals.h"

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

long long count_of(Tx& tx, const std::string& sql, const std::string& area_id, const std::string& value) {
  long long n = 0;
  tx.sql << sql, use(area_id), use(value), into(n);
  return n;
}

std::string counted(long long n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::vector<std::string> service_references(Tx& tx, const std::string& area_id, const std::string& service_id) {
  std::vector<std::string> out;
  // Ids are UUIDs, so one found inside a stored document is this service's.
  const std::string inside = "%" + service_id + "%";
  if (auto n =
          count_of(tx, "SELECT COUNT(*) FROM feedback WHERE area_id = :a AND service_id = :s", area_id, service_id))
    out.push_back(counted(n, "piece of families' feedback", "pieces of families' feedback"));
  if (auto n = count_of(tx, "SELECT COUNT(*) FROM provision_requests WHERE area_id = :a AND service_id = :s", area_id,
                        service_id))
    out.push_back(counted(n, "request for provision", "requests for provision"));
  {
    std::string reference, title;
    soci::statement st =
        (tx.sql.prepare << "SELECT c.reference, c.title FROM contracts c JOIN contract_deliveries d ON d.contract_id "
                           "= c.id WHERE d.area_id = :a AND d.kind = 'service' AND d.value = :s ORDER BY c.reference",
         use(area_id), use(service_id), into(reference), into(title));
    st.execute();
    while (st.fetch()) out.push_back("contract " + reference + " " + title);
  }
  if (auto n = count_of(tx,
                        "SELECT COUNT(DISTINCT activity_id) FROM commissioning_evidence WHERE area_id = :a AND url "
                        "LIKE :s",
                        area_id, inside))
    out.push_back(counted(n, "commissioning activity's evidence", "commissioning activities' evidence"));
  if (auto n = count_of(tx, "SELECT COUNT(DISTINCT plan_id) FROM plan_versions WHERE area_id = :a AND body LIKE :s",
                        area_id, inside))
    out.push_back(counted(n, "EHC plan's provision", "EHC plans' provision"));
  return out;
}

bool delete_service(Tx& tx, const std::string& area_id, const std::string& id, std::int64_t expected_version) {
  const long long expected = expected_version;
  long long found = 0;
  tx.sql << "SELECT COUNT(*) FROM services WHERE id = :id AND area_id = :a AND version = :v", use(id), use(area_id),
      use(expected), into(found);
  if (found != 1) return false;
  for (const char* table : {"service_terms", "schedules", "service_contacts", "cost_options", "service_at_location"})
    tx.sql << std::string("DELETE FROM ") + table + " WHERE service_id = :s AND area_id = :a", use(id), use(area_id);
  tx.sql << "DELETE FROM services WHERE id = :id AND area_id = :a", use(id), use(area_id);
  return true;
}

std::vector<std::string> organisation_providers(Tx& tx, const std::string& area_id, const std::string& id) {
  std::vector<std::string> out;
  std::string name;
  soci::statement st = (tx.sql.prepare << "SELECT name FROM contract_providers WHERE area_id = :a AND "
                                          "organisation_id = :o ORDER BY name",
                        use(area_id), use(id), into(name));
  st.execute();
  while (st.fetch()) out.push_back(name);
  return out;
}

bool delete_unused_organisation(Tx& tx, const std::string& area_id, const std::string& id,
                                std::int64_t expected_version) {
  const long long expected = expected_version;
  soci::statement st = (tx.sql.prepare << "DELETE FROM organisations WHERE id = :id AND area_id = :a AND version = "
                                          ":expected AND NOT EXISTS (SELECT 1 FROM services WHERE organisation_id = "
                                          ":used) AND NOT EXISTS (SELECT 1 FROM contract_providers WHERE "
                                          "organisation_id = :provider)",
                        use(id), use(area_id), use(expected), use(id), use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool delete_unused_term(Tx& tx, const std::string& area_id, const std::string& id, std::int64_t expected_version) {
  const long long expected = expected_version;
  soci::statement st = (tx.sql.prepare << "DELETE FROM taxonomy_terms WHERE id = :id AND area_id = :a AND version = "
                                          ":expected AND NOT EXISTS (SELECT 1 FROM service_terms WHERE term_id = "
                                          ":used) AND NOT EXISTS (SELECT 1 FROM taxonomy_terms c WHERE c.parent_id = "
                                          ":parent)",
                        use(id), use(area_id), use(expected), use(id), use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace tandem::store
