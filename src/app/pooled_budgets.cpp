#include "app/pooled_budgets.h"

#include "app/crypto.h"
#include "app/form_values.h"
#include "store/audit.h"
#include "store/contract_invoices.h"
#include "store/pooled_budgets.h"

namespace tandem::app {

namespace {

std::vector<std::string> ids_of(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (const char c : text + "\n") {
    if (c == '\n' || c == ',' || c == '\r' || c == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

Refused not_for_providers() { return Refused{403, "Pooled budgets are for the partnership's commissioners."}; }

// Each contract's invoices dated within the pool's term are what the pool paid.
PoolView view_of(store::Tx& tx, const std::string& area_id, PooledBudget p) {
  PoolView v;
  Pence spent;
  for (const auto& id : p.contract_ids) {
    auto c = store::find_contract(tx, area_id, id);
    if (!c) continue;
    const auto invoices = store::invoices_of(tx, area_id, id);
    const Pence in_term = pool_spend(p, invoices);
    Pence outside;
    for (const auto& i : invoices) {
      if (!within_pool_term(p, i.invoiced_on)) outside += i.amount;
    }
    spent += in_term;
    v.contracts.push_back({std::move(*c), in_term, outside});
  }
  v.balance = pool_balance(p, spent);
  v.pool = std::move(p);
  return v;
}

// Reads and checks the pool's form into `in`; every wrong field named once.
Result<PooledBudget> read_pool(RegisterServices& s, const SignedIn& user, const FormFields& f, PooledBudgetInput in,
                               std::vector<FieldError> errors) {
  in.name = trimmed(f, "name");
  in.agreement = trimmed(f, "agreement");
  const std::string host = trimmed(f, "host");
  if (!host.empty()) {
    in.host = parse_agency(host);
    if (!in.host) errors.push_back({"host", "Choose the partner that hosts the pool"});
  }
  in.start_on = optional_date("start_on", trimmed(f, "start_on"), errors);
  in.end_on = optional_date("end_on", trimmed(f, "end_on"), errors);
  for (const Agency a : commissioning_agencies()) {
    const std::string key = "contribution_" + std::string(to_string(a));
    const std::string text = trimmed(f, key);
    if (text.empty() || text == "0") continue;
    auto p = parse_pounds(key, text);
    if (!p) {
      errors.push_back(p.error().fields.front());
      continue;
    }
    in.contributions.push_back({a, *p});
  }
  in.contract_ids = ids_of(trimmed(f, "contract_ids"));
  // The page's checkboxes: contract.<id> for each contract ticked.
  for (auto it = f.lower_bound("contract."); it != f.end() && it->first.starts_with("contract."); ++it) {
    if (!it->second.empty()) in.contract_ids.push_back(it->first.substr(9));
  }
  auto pool = make_pooled_budget(in);
  if (!pool) {
    for (const auto& e : pool.error().fields) {
      bool already = false;
      for (const auto& x : errors) already = already || x.field == e.field;
      // A contribution that did not read is already named on its own field.
      if (e.field == "contributions" && in.contributions.empty()) {
        for (const auto& x : errors) already = already || x.field.starts_with("contribution_");
      }
      if (!already) errors.push_back(e);
    }
  }
  s.db.read([&](store::Tx& tx) {
    for (const auto& id : in.contract_ids) {
      if (!store::find_contract(tx, user.area_id, id)) {
        errors.push_back({"contract_ids", "There is no contract " + id + " in the area"});
        break;
      }
    }
  });
  if (!errors.empty()) return fail(std::move(errors));
  return pool;
}

std::string describe(const PooledBudget& p) {
  std::string detail = p.name + " " + format_date(p.start_on) + " to " + format_date(p.end_on);
  for (const auto& c : p.contributions)
    detail += "; " + std::string(to_string(c.agency)) + " " + format_pounds(c.amount);
  detail += "; contracts " + std::to_string(p.contract_ids.size());
  return detail;
}

}  // namespace

std::variant<std::vector<PoolView>, Refused> list_pools(RegisterServices& s, const SignedIn& user) {
  if (user.role == Role::provider) return not_for_providers();
  std::vector<PoolView> out;
  s.db.read([&](store::Tx& tx) {
    for (auto& p : store::pools(tx, user.area_id)) out.push_back(view_of(tx, user.area_id, std::move(p)));
  });
  return out;
}

std::variant<PoolView, Refused> open_pool(RegisterServices& s, const SignedIn& user, const std::string& id) {
  if (user.role == Role::provider) return not_for_providers();
  std::optional<PoolView> v;
  s.db.read([&](store::Tx& tx) {
    if (auto p = store::find_pool(tx, user.area_id, id)) v = view_of(tx, user.area_id, std::move(*p));
  });
  if (!v) return Refused{404, "There is no pooled budget with that reference."};
  return std::move(*v);
}

std::variant<PooledBudget, Refused, Error> create_pool(RegisterServices& s, const SignedIn& user, const FormFields& f) {
  if (user.role == Role::provider) return not_for_providers();
  PooledBudgetInput in;
  in.id = new_id("pool");
  in.area_id = user.area_id;
  auto pool = read_pool(s, user, f, in, {});
  if (!pool) return pool.error();
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::insert_pool(tx, *pool, user.user_id, now);
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "pool.create", "pooled_budget", pool->id, "",
                             describe(*pool), ""});
  });
  return *pool;
}

std::variant<PooledBudget, Refused, Error> edit_pool(RegisterServices& s, const SignedIn& user, const std::string& id,
                                                     const FormFields& f) {
  if (user.role == Role::provider) return not_for_providers();
  std::optional<PooledBudget> was;
  s.db.read([&](store::Tx& tx) { was = store::find_pool(tx, user.area_id, id); });
  if (!was) return Refused{404, "There is no pooled budget with that reference."};
  auto version = parse_version(trimmed(f, "version"), "the pool");
  PooledBudgetInput in;
  in.id = was->id;
  in.area_id = was->area_id;
  auto pool = read_pool(s, user, f, in, {});
  if (!pool || !version) {
    // The version's error last: wrong fields are a 400, an old version alone a 409.
    std::vector<FieldError> errors;
    if (!pool) errors = pool.error().fields;
    if (!version) errors.push_back(version.error().fields.front());
    return Error(std::move(errors));
  }
  const std::int64_t now = s.clock.now_micros();
  bool saved = false;
  s.db.write([&](store::Tx& tx) {
    saved = store::update_pool(tx, *pool, *version);
    if (!saved) return;
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "pool.edit", "pooled_budget", pool->id, "",
                             "was " + describe(*was) + "; now " + describe(*pool), ""});
  });
  if (!saved) return Error("version", "Someone else changed this pool first. Open it again.");
  pool->version = *version + 1;
  return *pool;
}

}  // namespace tandem::app
