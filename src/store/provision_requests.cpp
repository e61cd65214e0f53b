#include "store/provision_requests.h"

#include <map>

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

void write_checks(Tx& tx, const ProvisionRequest& r) {
  tx.sql << "DELETE FROM provision_request_checks WHERE request_id = :id", use(r.id);
  for (const auto& k : r.checks) {
    const std::string criterion(to_string(k.criterion)), finding(to_string(k.finding));
    const long long at = k.checked_at;
    tx.sql << "INSERT INTO provision_request_checks (request_id, area_id, criterion, finding, note, checked_by, "
              "checked_at) VALUES (:r, :a, :c, :f, :n, :by, :at)",
        use(r.id), use(r.area_id), use(criterion), use(finding), use(k.note), use(k.checked_by), use(at);
  }
}

std::vector<ProvisionRequest> select(Tx& tx, const std::string& where, const std::string& a, const std::string& b,
                                     const std::string& c) {
  std::vector<ProvisionRequest> out;
  std::string id, area, received_on, source, by, child, provision, provider, reason, need, contact, decision, reasons,
      decided_by, decided_on, service;
  long long received_at = 0, version = 0;
  int age = 0;
  soci::indicator age_ind = soci::i_null, decided_ind = soci::i_null;
  soci::statement st =
      (tx.sql.prepare << "SELECT id, area_id, received_on, received_at, source, requested_by, child_id, provision, "
                         "provider, reason, need_code, age, contact, decision, decision_reasons, decided_by, "
                         "decided_on, service_id, version FROM provision_requests " +
                             where,
       use(a, "a"), use(b, "b"), use(c, "c"), into(id), into(area), into(received_on), into(received_at), into(source),
       into(by), into(child), into(provision), into(provider), into(reason), into(need), into(age, age_ind),
       into(contact), into(decision), into(reasons), into(decided_by), into(decided_on, decided_ind), into(service),
       into(version));
  st.execute();
  while (st.fetch()) {
    ProvisionRequest r;
    r.id = id;
    r.area_id = area;
    r.received_on = *parse_date("received_on", received_on);
    r.received_at = received_at;
    r.source = source == "staff" ? RequestOrigin::staff : RequestOrigin::family;
    r.requested_by = by;
    r.child_id = child;
    r.provision = provision;
    r.provider = provider;
    r.reason = reason;
    r.need_code = need;
    if (age_ind == soci::i_ok) r.age = age;
    r.contact = contact;
    r.decision = parse_request_decision(decision);
    r.decision_reasons = reasons;
    r.decided_by = decided_by;
    if (decided_ind == soci::i_ok) r.decided_on = *parse_date("decided_on", decided_on);
    r.service_id = service;
    r.version = version;
    out.push_back(std::move(r));
  }
  for (auto& r : out) {
    std::string criterion, finding, note, checked_by;
    long long at = 0;
    soci::statement cs = (tx.sql.prepare << "SELECT criterion, finding, note, checked_by, checked_at FROM "
                                            "provision_request_checks WHERE request_id = :id",
                          use(r.id), into(criterion), into(finding), into(note), into(checked_by), into(at));
    cs.execute();
    std::vector<CriterionCheck> checks;
    while (cs.fetch()) {
      auto which = parse_criterion(criterion);
      if (!which) continue;
      checks.push_back({*which, parse_finding(finding).value_or(Finding::unclear), note, checked_by, at});
    }
    for (auto criterion_in_order : all_criteria()) {
      for (const auto& k : checks) {
        if (k.criterion == criterion_in_order) r.checks.push_back(k);
      }
    }
  }
  return out;
}

}  // namespace

void insert_provision_request(Tx& tx, const ProvisionRequest& r, std::int64_t now) {
  const std::string received_on = format_date(r.received_on), source(to_string(r.source)),
                    stage(to_string(stage_of(r))),
                    decision = r.decision ? std::string(to_string(*r.decision)) : std::string(),
                    decided_on = r.decided_on ? format_date(*r.decided_on) : std::string();
  soci::indicator age_ind = r.age ? soci::i_ok : soci::i_null, decided_ind = r.decided_on ? soci::i_ok : soci::i_null;
  const int age = r.age.value_or(0);
  const long long received_at = r.received_at, version = r.version, at = now;
  tx.sql << "INSERT INTO provision_requests (id, area_id, received_on, received_at, source, requested_by, child_id, "
            "provision, provider, reason, need_code, age, contact, stage, decision, decision_reasons, decided_by, "
            "decided_on, service_id, version, updated_at) VALUES (:id, :a, :ro, :ra, :src, :by, :ch, :p, :pr, :re, "
            ":n, :age, :ct, :st, :d, :dr, :db, :do, :s, :v, :at)",
      use(r.id), use(r.area_id), use(received_on), use(received_at), use(source), use(r.requested_by), use(r.child_id),
      use(r.provision), use(r.provider), use(r.reason), use(r.need_code), use(age, age_ind), use(r.contact), use(stage),
      use(decision), use(r.decision_reasons), use(r.decided_by), use(decided_on, decided_ind), use(r.service_id),
      use(version), use(at);
  write_checks(tx, r);
}

bool update_provision_request(Tx& tx, const ProvisionRequest& r, std::int64_t expected_version, std::int64_t now) {
  const std::string stage(to_string(stage_of(r))),
      decision = r.decision ? std::string(to_string(*r.decision)) : std::string(),
      decided_on = r.decided_on ? format_date(*r.decided_on) : std::string();
  soci::indicator decided_ind = r.decided_on ? soci::i_ok : soci::i_null;
  const long long version = r.version, expected = expected_version, at = now;
  soci::statement st =
      (tx.sql.prepare << "UPDATE provision_requests SET stage = :st, decision = :d, decision_reasons = :dr, "
                         "decided_by = :db, decided_on = :do, service_id = :s, version = :v, updated_at = :at WHERE "
                         "id = :id AND area_id = :a AND version = :e",
       use(stage), use(decision), use(r.decision_reasons), use(r.decided_by), use(decided_on, decided_ind),
       use(r.service_id), use(version), use(at), use(r.id), use(r.area_id), use(expected));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  write_checks(tx, r);
  return true;
}

std::optional<ProvisionRequest> find_provision_request(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = select(tx, "WHERE area_id = :a AND id = :b AND :c = ''", area_id, id, "");
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<ProvisionRequest> provision_requests(Tx& tx, const std::string& area_id, const std::string& stage,
                                                 int limit) {
  return select(
      tx, "WHERE area_id = :a AND (stage = :b OR :c = '') ORDER BY received_at DESC, id LIMIT " + std::to_string(limit),
      area_id, stage, stage);
}

void delete_provision_requests(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM provision_request_checks WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM provision_requests WHERE area_id = :a", use(area_id);
}

std::vector<Demand> caseload_demand(Tx& tx, const std::string& area_id, Date today) {
  std::map<std::pair<std::string, std::size_t>, Demand> cells;
  std::map<std::string, std::pair<std::string, std::size_t>> cell_of_child;
  {
    std::string id, born, need;
    soci::statement st = (tx.sql.prepare << "SELECT id, date_of_birth, primary_need FROM children WHERE area_id = :a "
                                            "AND plan_status = 'ehc_plan'",
                          use(area_id), into(id), into(born), into(need));
    st.execute();
    while (st.fetch()) {
      auto birth = parse_date("date_of_birth", born);
      if (!birth || need.empty()) continue;
      auto band = band_of(age_on(*birth, today));
      if (!band) continue;
      auto& d = cells[{need, *band}];
      d.need_code = need;
      d.band = *band;
      ++d.children;
      cell_of_child[id] = {need, *band};
    }
  }
  {
    // The newest plan of each child counts; its lines are the provision. The
    // database counts them: parsing every plan here took 0.7 s at 20,000 plans.
    const std::string lines = tx.engine == Engine::sqlite ? "json_array_length(body, '$.provision')"
                                                          : "json_array_length(CAST(body AS json) -> 'provision')";
    std::string child;
    long long count = 0;
    soci::indicator count_ind = soci::i_null;
    std::map<std::string, long long> newest;
    soci::statement st = (tx.sql.prepare << "SELECT child_id, " + lines +
                                                " FROM plans WHERE area_id = :a ORDER BY child_id, updated_at, id",
                          use(area_id), into(child), into(count, count_ind));
    st.execute();
    while (st.fetch()) {
      if (cell_of_child.contains(child)) newest[child] = count_ind == soci::i_ok ? count : 0;
    }
    for (const auto& [c, n] : newest) cells[cell_of_child[c]].provision_lines += static_cast<int>(n);
  }
  std::vector<Demand> out;
  for (auto& [k, d] : cells) out.push_back(std::move(d));
  return out;
}

}  // namespace tandem::store
