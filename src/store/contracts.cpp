#include "store/contracts.h"

#include "store/children_served.h"

#include <algorithm>
#include <set>

#include "store/detail/tx.h"
#include "store/plan_codec.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {

// The framework and tier as nullable columns: NULL when none is named.
struct Picked {
  std::string framework;
  int tier = 0;
  soci::indicator framework_ind = soci::i_null, tier_ind = soci::i_null;
  explicit Picked(const Contract& c)
      : framework(c.framework_id),
        tier(c.tier.value_or(0)),
        framework_ind(c.framework_id.empty() ? soci::i_null : soci::i_ok),
        tier_ind(c.tier ? soci::i_ok : soci::i_null) {}
};

void write_children(Tx& tx, const Contract& c) {
  tx.sql << "DELETE FROM contract_agencies WHERE contract_id = :id", use(c.id);
  tx.sql << "DELETE FROM contract_deliveries WHERE contract_id = :id", use(c.id);
  int position = 0;
  for (const auto& s : c.commissioners) {
    const std::string agency(to_string(s.agency));
    const int bp = s.basis_points;
    tx.sql << "INSERT INTO contract_agencies (contract_id, area_id, position, agency, basis_points) VALUES (:c, :a, "
              ":p, :agency, :bp)",
        use(c.id), use(c.area_id), use(position), use(agency), use(bp);
    ++position;
  }
  const auto deliveries = [&](const std::string& kind, const std::vector<std::string>& values) {
    int p = 0;
    for (const auto& v : values) {
      tx.sql << "INSERT INTO contract_deliveries (contract_id, area_id, kind, position, value) VALUES (:c, :a, :k, "
                ":p, :v)",
          use(c.id), use(c.area_id), use(kind), use(p), use(v);
      ++p;
    }
  };
  deliveries("service", c.service_ids);
  deliveries("name", c.provision_names);
}

std::vector<StoredContract> select_contracts(Tx& tx, const std::string& where, const std::string& a,
                                             const std::string& b) {
  std::vector<StoredContract> out;
  std::string id, area, provider, reference, title, type, stage, start, end, provider_name, framework, framework_name,
      tier_name;
  long long value = 0, version = 0;
  int tier = 0;
  soci::indicator framework_ind = soci::i_null, tier_ind = soci::i_null, framework_name_ind = soci::i_null,
                  tier_name_ind = soci::i_null;
  soci::statement st =
      (tx.sql.prepare << "SELECT c.id, c.area_id, c.provider_id, c.reference, c.title, c.type, c.stage, "
                         "c.value_pence, c.start_on, c.end_on, c.version, p.name, c.framework_id, c.tier, f.name, "
                         "t.name FROM contracts c JOIN contract_providers p ON p.id = c.provider_id LEFT JOIN "
                         "frameworks f ON f.id = c.framework_id LEFT JOIN framework_tiers t ON t.framework_id = "
                         "c.framework_id AND t.position = c.tier " +
                             where + " ORDER BY c.end_on, c.id",
       use(a, "a"), use(b, "b"), into(id), into(area), into(provider), into(reference), into(title), into(type),
       into(stage), into(value), into(start), into(end), into(version), into(provider_name),
       into(framework, framework_ind), into(tier, tier_ind), into(framework_name, framework_name_ind),
       into(tier_name, tier_name_ind));
  st.execute();
  while (st.fetch()) {
    StoredContract s;
    if (framework_ind == soci::i_ok) s.contract.framework_id = framework;
    if (tier_ind == soci::i_ok) s.contract.tier = tier;
    if (framework_name_ind == soci::i_ok) s.framework_name = framework_name;
    if (tier_name_ind == soci::i_ok) s.tier_name = tier_name;
    Contract& c = s.contract;
    c.id = id;
    c.area_id = area;
    c.provider_id = provider;
    c.reference = reference;
    c.title = title;
    c.type = parse_contract_type(type).value_or(ContractType::block);
    c.stage = parse_procurement_stage(stage).value_or(ProcurementStage::need);
    c.value = Pence(value);
    c.start_on = *parse_date("start_on", start);
    c.end_on = *parse_date("end_on", end);
    s.version = version;
    s.provider_name = provider_name;
    out.push_back(std::move(s));
  }
  for (auto& s : out) {
    std::string agency;
    int bp = 0;
    soci::statement as = (tx.sql.prepare << "SELECT agency, basis_points FROM contract_agencies WHERE contract_id = "
                                            ":id ORDER BY position",
                          use(s.contract.id), into(agency), into(bp));
    as.execute();
    while (as.fetch()) {
      if (auto ag = parse_agency(agency)) s.contract.commissioners.push_back({*ag, bp});
    }
    std::string kind, text;
    soci::statement ds = (tx.sql.prepare << "SELECT kind, value FROM contract_deliveries WHERE contract_id = :id "
                                            "ORDER BY kind, position",
                          use(s.contract.id), into(kind), into(text));
    ds.execute();
    while (ds.fetch()) {
      (kind == "service" ? s.contract.service_ids : s.contract.provision_names).push_back(text);
    }
  }
  return out;
}

std::vector<QuarterlyReturn> select_returns(Tx& tx, const std::string& where, const std::string& a,
                                            const std::string& b) {
  std::vector<QuarterlyReturn> out;
  std::string id, contract, area, quarter, narrative, submitted_on, submitted_by;
  long long spend = 0, children = 0;
  soci::statement st = (tx.sql.prepare << "SELECT id, contract_id, area_id, quarter, spend_pence, children_served, "
                                          "narrative, submitted_on, submitted_by FROM contract_returns " +
                                              where + " ORDER BY quarter DESC, id",
                        use(a, "a"), use(b, "b"), into(id), into(contract), into(area), into(quarter), into(spend),
                        into(children), into(narrative), into(submitted_on), into(submitted_by));
  st.execute();
  while (st.fetch()) {
    QuarterlyReturn r;
    r.id = id;
    r.contract_id = contract;
    r.area_id = area;
    r.quarter = *parse_quarter("quarter", quarter);
    r.spend = Pence(spend);
    r.children_served = children;
    r.narrative = narrative;
    r.submitted_on = *parse_date("submitted_on", submitted_on);
    r.submitted_by = submitted_by;
    out.push_back(std::move(r));
  }
  for (auto& r : out) {
    std::string kpi, note;
    long long actual = 0;
    soci::indicator ind = soci::i_null;
    soci::statement vs = (tx.sql.prepare << "SELECT v.kpi_id, v.actual, v.note FROM contract_return_values v LEFT "
                                            "JOIN contract_kpis k ON k.id = v.kpi_id WHERE v.return_id = :id ORDER "
                                            "BY k.position, v.kpi_id",
                          use(r.id), into(kpi), into(actual, ind), into(note));
    vs.execute();
    while (vs.fetch()) {
      r.actuals.push_back({kpi, ind == soci::i_ok ? std::optional<std::int64_t>(actual) : std::nullopt, note});
    }
  }
  return out;
}

}  // namespace

void save_provider(Tx& tx, const Provider& p) {
  soci::statement st = (tx.sql.prepare << "UPDATE contract_providers SET name = :n, organisation_id = :o WHERE id = "
                                          ":id AND area_id = :a",
                        use(p.name), use(p.organisation_id), use(p.id), use(p.area_id));
  st.execute(true);
  if (st.get_affected_rows() == 1) return;
  tx.sql << "INSERT INTO contract_providers (id, area_id, name, organisation_id) VALUES (:id, :a, :n, :o)", use(p.id),
      use(p.area_id), use(p.name), use(p.organisation_id);
}

std::vector<Provider> providers(Tx& tx, const std::string& area_id) {
  std::vector<Provider> out;
  Provider p;
  soci::statement st = (tx.sql.prepare << "SELECT id, area_id, name, organisation_id FROM contract_providers WHERE "
                                          "area_id = :a ORDER BY name, id",
                        use(area_id), into(p.id), into(p.area_id), into(p.name), into(p.organisation_id));
  st.execute();
  while (st.fetch()) out.push_back(p);
  return out;
}

std::optional<Provider> find_provider(Tx& tx, const std::string& area_id, const std::string& id) {
  for (auto& p : providers(tx, area_id)) {
    if (p.id == id) return std::move(p);
  }
  return std::nullopt;
}

void link_provider_user(Tx& tx, const std::string& area_id, const std::string& user_id,
                        const std::string& provider_id) {
  tx.sql << "DELETE FROM provider_users WHERE user_id = :u AND area_id = :a", use(user_id), use(area_id);
  tx.sql << "INSERT INTO provider_users (user_id, area_id, provider_id) VALUES (:u, :a, :p)", use(user_id),
      use(area_id), use(provider_id);
}

std::optional<std::string> provider_of_user(Tx& tx, const std::string& area_id, const std::string& user_id) {
  std::string provider;
  tx.sql << "SELECT provider_id FROM provider_users WHERE user_id = :u AND area_id = :a", use(user_id), use(area_id),
      into(provider);
  if (!tx.sql.got_data()) return std::nullopt;
  return provider;
}

void insert_contract(Tx& tx, const Contract& c, std::int64_t now) {
  const std::string type(to_string(c.type)), stage(to_string(c.stage)), start = format_date(c.start_on),
                                                                        end = format_date(c.end_on);
  const long long value = c.value.value, version = 1, at = now;
  Picked picked(c);
  tx.sql << "INSERT INTO contracts (id, area_id, provider_id, reference, title, type, stage, value_pence, start_on, "
            "end_on, version, updated_at, framework_id, tier) VALUES (:id, :a, :p, :r, :t, :type, :stage, :v, :s, "
            ":e, :version, :at, :fw, :tier)",
      use(c.id), use(c.area_id), use(c.provider_id), use(c.reference), use(c.title), use(type), use(stage), use(value),
      use(start), use(end), use(version), use(at), use(picked.framework, picked.framework_ind),
      use(picked.tier, picked.tier_ind);
  write_children(tx, c);
}

bool update_contract(Tx& tx, const Contract& c, std::int64_t expected_version, std::int64_t now) {
  const std::string type(to_string(c.type)), stage(to_string(c.stage)), start = format_date(c.start_on),
                                                                        end = format_date(c.end_on);
  const long long value = c.value.value, expected = expected_version, next = expected_version + 1, at = now;
  Picked picked(c);
  soci::statement st =
      (tx.sql.prepare << "UPDATE contracts SET provider_id = :p, reference = :r, title = :t, type = :type, stage = "
                         ":stage, value_pence = :v, start_on = :s, end_on = :e, version = :next, updated_at = :at, "
                         "framework_id = :fw, tier = :tier WHERE id = :id AND area_id = :a AND version = :expected",
       use(c.provider_id), use(c.reference), use(c.title), use(type), use(stage), use(value), use(start), use(end),
       use(next), use(at), use(picked.framework, picked.framework_ind), use(picked.tier, picked.tier_ind), use(c.id),
       use(c.area_id), use(expected));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  write_children(tx, c);
  return true;
}

std::optional<StoredContract> find_contract(Tx& tx, const std::string& area_id, const std::string& id) {
  auto rows = select_contracts(tx, "WHERE c.area_id = :a AND c.id = :b", area_id, id);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<StoredContract> framework_contracts(Tx& tx, const std::string& area_id, const std::string& framework_id,
                                                const std::string& provider_id) {
  auto rows = select_contracts(tx, "WHERE c.area_id = :a AND c.framework_id = :b", area_id, framework_id);
  if (!provider_id.empty()) {
    std::erase_if(rows, [&](const StoredContract& s) { return s.contract.provider_id != provider_id; });
  }
  return rows;
}

std::vector<StoredContract> contracts(Tx& tx, const std::string& area_id, const std::string& provider_id) {
  if (provider_id.empty()) return select_contracts(tx, "WHERE c.area_id = :a AND :b = ''", area_id, "");
  return select_contracts(tx, "WHERE c.area_id = :a AND c.provider_id = :b", area_id, provider_id);
}

void insert_stage_change(Tx& tx, const StageChange& c) {
  const std::string from(to_string(c.from)), to(to_string(c.to)), on = format_date(c.on);
  const long long at = c.at;
  tx.sql << "INSERT INTO contract_stage_changes (id, contract_id, area_id, from_stage, to_stage, changed_on, note, "
            "changed_by, at) VALUES (:id, :c, :a, :f, :t, :on, :note, :by, :at)",
      use(c.id), use(c.contract_id), use(c.area_id), use(from), use(to), use(on), use(c.note), use(c.changed_by),
      use(at);
}

std::vector<StageChange> stage_changes(Tx& tx, const std::string& area_id, const std::string& contract_id) {
  std::vector<StageChange> out;
  std::string id, from, to, on, note, by;
  long long at = 0;
  soci::statement st =
      (tx.sql.prepare << "SELECT id, from_stage, to_stage, changed_on, note, changed_by, at FROM "
                         "contract_stage_changes WHERE area_id = :a AND contract_id = :c ORDER BY "
                         "at, id",
       use(area_id), use(contract_id), into(id), into(from), into(to), into(on), into(note), into(by), into(at));
  st.execute();
  while (st.fetch()) {
    out.push_back({id, contract_id, area_id, parse_procurement_stage(from).value_or(ProcurementStage::need),
                   parse_procurement_stage(to).value_or(ProcurementStage::need), *parse_date("changed_on", on), note,
                   by, at});
  }
  return out;
}

void save_kpi(Tx& tx, const std::string& area_id, const Kpi& k, int position) {
  tx.sql << "DELETE FROM contract_kpis WHERE id = :id", use(k.id);
  const std::string direction(to_string(k.direction));
  const long long target = k.target, amber = k.amber;
  tx.sql << "INSERT INTO contract_kpis (id, contract_id, area_id, position, name, unit, direction, target, amber) "
            "VALUES (:id, :c, :a, :p, :n, :u, :d, :t, :am)",
      use(k.id), use(k.contract_id), use(area_id), use(position), use(k.name), use(k.unit), use(direction), use(target),
      use(amber);
}

namespace {
std::vector<Kpi> select_kpis(Tx& tx, const std::string& where, const std::string& a, const std::string& b) {
  std::vector<Kpi> out;
  std::string id, contract, name, unit, direction;
  long long target = 0, amber = 0;
  soci::statement st = (tx.sql.prepare << "SELECT id, contract_id, name, unit, direction, target, amber FROM "
                                          "contract_kpis " +
                                              where + " ORDER BY contract_id, position, id",
                        use(a, "a"), use(b, "b"), into(id), into(contract), into(name), into(unit), into(direction),
                        into(target), into(amber));
  st.execute();
  while (st.fetch()) {
    out.push_back(
        {id, contract, name, unit, parse_direction(direction).value_or(Direction::higher_is_better), target, amber});
  }
  return out;
}
}  // namespace

std::vector<Kpi> kpis_of(Tx& tx, const std::string& area_id, const std::string& contract_id) {
  return select_kpis(tx, "WHERE area_id = :a AND contract_id = :b", area_id, contract_id);
}

std::vector<Kpi> area_kpis(Tx& tx, const std::string& area_id) {
  return select_kpis(tx, "WHERE area_id = :a AND :b = ''", area_id, "");
}

void insert_return(Tx& tx, const QuarterlyReturn& r) {
  const std::string quarter = format_quarter(r.quarter), on = format_date(r.submitted_on);
  const long long spend = r.spend.value, children = r.children_served;
  tx.sql << "INSERT INTO contract_returns (id, contract_id, area_id, quarter, spend_pence, children_served, "
            "narrative, submitted_on, submitted_by) VALUES (:id, :c, :a, :q, :s, :n, :narrative, :on, :by)",
      use(r.id), use(r.contract_id), use(r.area_id), use(quarter), use(spend), use(children), use(r.narrative), use(on),
      use(r.submitted_by);
  for (const auto& v : r.actuals) {
    long long actual = v.actual.value_or(0);
    soci::indicator ind = v.actual ? soci::i_ok : soci::i_null;
    tx.sql << "INSERT INTO contract_return_values (return_id, kpi_id, area_id, actual, note) VALUES (:r, :k, :a, "
              ":v, :n)",
        use(r.id), use(v.kpi_id), use(r.area_id), use(actual, ind), use(v.note);
  }
}

bool return_exists(Tx& tx, const std::string& contract_id, Quarter q) {
  const std::string quarter = format_quarter(q);
  long long n = 0;
  tx.sql << "SELECT CAST(COUNT(*) AS BIGINT) FROM contract_returns WHERE contract_id = :c AND quarter = :q",
      use(contract_id), use(quarter), into(n);
  return n > 0;
}

std::vector<QuarterlyReturn> returns_of(Tx& tx, const std::string& area_id, const std::string& contract_id) {
  return select_returns(tx, "WHERE area_id = :a AND contract_id = :b", area_id, contract_id);
}

std::vector<QuarterlyReturn> area_returns(Tx& tx, const std::string& area_id) {
  return select_returns(tx, "WHERE area_id = :a AND :b = ''", area_id, "");
}

std::vector<std::pair<std::string, std::string>> directory_service_names(Tx& tx, const std::string& area_id) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string id, name;
  soci::statement st = (tx.sql.prepare << "SELECT id, name FROM services WHERE area_id = :a ORDER BY name, id",
                        use(area_id), into(id), into(name));
  st.execute();
  while (st.fetch()) out.emplace_back(id, name);
  return out;
}

std::vector<ServedOutcome> outcomes_served(Tx& tx, const std::string& area_id, const Contract& c,
                                           const std::string& provider_name, const std::set<std::string>& ended_plans) {
  std::vector<ServedOutcome> out;
  for (const auto& served : plans_served(tx, area_id, c, provider_name, ended_plans)) {
    const auto& plan_id = served.plan_id;
    const auto& child = served.child_id;
    const auto& outcome_ids = served.outcome_ids;
    if (outcome_ids.empty()) continue;
    std::string review_id;
    tx.sql << "SELECT id FROM plan_reviews WHERE plan_id = :p ORDER BY meeting_on DESC, id DESC LIMIT 1", use(plan_id),
        into(review_id);
    if (!tx.sql.got_data()) continue;
    std::string outcome, progress;
    soci::statement os = (tx.sql.prepare << "SELECT outcome_id, progress FROM review_outcomes WHERE review_id = :r "
                                            "ORDER BY outcome_id",
                          use(review_id), into(outcome), into(progress));
    os.execute();
    while (os.fetch()) {
      if (!outcome_ids.contains(outcome)) continue;
      out.push_back({child, plan_id, outcome, parse_progress(progress).value_or(Progress::on_track)});
    }
  }
  return out;
}

void delete_contracts(Tx& tx, const std::string& area_id) {
  tx.sql << "DELETE FROM contract_return_values WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM contract_returns WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM contract_kpis WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM contract_stage_changes WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM contract_deliveries WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM contract_agencies WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM contracts WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM provider_users WHERE area_id = :a", use(area_id);
  tx.sql << "DELETE FROM contract_providers WHERE area_id = :a", use(area_id);
}

}  // namespace tandem::store
