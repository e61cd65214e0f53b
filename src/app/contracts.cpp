#include "app/contracts.h"

#include "app/ceasing.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/crypto.h"
#include "app/form_values.h"
#include "store/audit.h"
#include "store/frameworks.h"

namespace tandem::app {

namespace {

std::string field(const FormFields& f, std::string_view key) {
  auto it = f.find(key);
  return it == f.end() ? std::string() : it->second;
}

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// One value a line (or comma-separated for ids), blanks dropped.
std::vector<std::string> lines_of(const std::string& text, bool commas) {
  std::vector<std::string> out;
  std::string cur;
  for (const char c : text + "\n") {
    if (c == '\n' || (commas && c == ',')) {
      cur = trim(cur);
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

void merge(std::vector<FieldError>& errors, const Error& e) {
  for (const auto& x : e.fields) {
    const bool already =
        std::any_of(errors.begin(), errors.end(), [&](const FieldError& y) { return y.field == x.field; });
    if (!already) errors.push_back(x);
  }
}

// The provider a provider-role user may see: their own; nobody else is narrowed.
// A provider user linked to no provider sees nothing ("-").
std::string scope_of(store::Tx& tx, const SignedIn& user) {
  if (user.role != Role::provider) return "";
  return store::provider_of_user(tx, user.area_id, user.user_id).value_or("-");
}

Refused no_contract() { return Refused{404, "There is no contract with that reference that you can see."}; }

void audit(store::Tx& tx, const SignedIn& user, std::int64_t now, const std::string& action, const std::string& id,
           const std::string& detail) {
  store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, action, "contract", id, "", detail, ""});
}

// Reads the contract form into a checked contract (id and stage given).
Result<Contract> read_contract(RegisterServices& s, const SignedIn& user, const FormFields& f, const std::string& id,
                               ProcurementStage stage, const Contract* before) {
  std::vector<FieldError> errors;
  ContractInput in;
  in.id = id;
  in.area_id = user.area_id;
  in.provider_id = trim(field(f, "provider_id"));
  in.reference = trim(field(f, "reference"));
  in.title = trim(field(f, "title"));
  in.type = parse_contract_type(field(f, "type"));
  in.stage = stage;
  for (const Agency a : commissioning_agencies()) {
    const std::string key = "share_" + std::string(to_string(a));
    const std::string text = trim(field(f, key));
    if (text.empty() || text == "0") continue;
    auto bp = parse_share_percent(key, text);
    if (!bp) {
      errors.push_back(bp.error().fields.front());
      continue;
    }
    in.commissioners.push_back({a, *bp});
  }
  const std::string value = trim(field(f, "value"));
  if (!value.empty()) {
    auto v = parse_pounds("value", value);
    if (v) {
      in.value = *v;
    } else {
      errors.push_back(v.error().fields.front());
    }
  }
  in.start_on = optional_date("start_on", field(f, "start_on"), errors);
  in.end_on = optional_date("end_on", field(f, "end_on"), errors);
  in.service_ids = lines_of(field(f, "service_ids"), true);
  in.provision_names = lines_of(field(f, "provision_names"), false);
  in.framework_id = trim(field(f, "framework_id"));
  if (const std::string tier = trim(field(f, "tier")); !tier.empty()) {
    if (tier.size() <= 3 && std::all_of(tier.begin(), tier.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      in.tier = std::stoi(tier);
    } else {
      errors.push_back({"tier", "Choose the tier by its position on the framework, 0 for the lowest need"});
    }
  }
  auto c = make_contract(in);
  if (!c) merge(errors, c.error());
  // The provider and services must be the area's own.
  s.db.read([&](store::Tx& tx) {
    const auto provider =
        in.provider_id.empty() ? std::nullopt : store::find_provider(tx, user.area_id, in.provider_id);
    if (!in.provider_id.empty() && !provider) {
      errors.push_back({"provider_id", "Choose one of the area's providers"});
    }
    // A provider suspended from a framework cannot be picked for a spot
    // purchase or a call-off (Northumberland 69-72); a contract already held
    // keeps its provider.
    const bool picked = !before || before->provider_id != in.provider_id || !in.type || before->type != *in.type;
    if (provider && in.type && picked) {
      std::vector<Suspension> held;
      for (const auto& su : store::suspensions(tx, user.area_id)) held.push_back(su.suspension);
      if (auto bar = suspension_bars(*in.type, provider->id, provider->name, held, s.clock.today())) {
        std::erase_if(errors, [](const FieldError& e) { return e.field == "provider_id"; });
        errors.insert(errors.begin(), *bar);
      }
    }
    // A call-off picks an approved provider at a tier of a framework, and a
    // spot purchase may (Northumberland 69-72). A contract already held
    // keeps its pick when nothing about the pick changes.
    const bool repicked = picked || before->framework_id != in.framework_id || before->tier != in.tier ||
                          (in.start_on && before->start_on != *in.start_on);
    if (in.type && repicked &&
        std::none_of(errors.begin(), errors.end(), [](const FieldError& e) { return e.field == "tier"; })) {
      std::vector<Suspension> held;
      for (const auto& su : store::suspensions(tx, user.area_id)) held.push_back(su.suspension);
      std::map<std::string, std::string> names;
      for (const auto& p : store::providers(tx, user.area_id)) names[p.id] = p.name;
      const auto frameworks = store::frameworks(tx, user.area_id);
      // With no start date yet, suspensions are judged as of today.
      const Date start = in.start_on.value_or(s.clock.today());
      for (auto& e :
           check_framework_pick({*in.type, in.provider_id, in.framework_id, in.tier, start}, frameworks, held, names)) {
        const bool already =
            std::any_of(errors.begin(), errors.end(), [&](const FieldError& x) { return x.field == e.field; });
        if (!already) errors.push_back(std::move(e));
      }
    }
    if (!in.service_ids.empty()) {
      const auto known = store::directory_service_names(tx, user.area_id);
      for (const auto& sid : in.service_ids) {
        const bool found = std::any_of(known.begin(), known.end(), [&](const auto& k) { return k.first == sid; });
        if (!found) {
          errors.push_back({"service_ids", "There is no Local Offer service " + sid + " in the area"});
          break;
        }
      }
    }
  });
  if (!errors.empty()) return fail(std::move(errors));
  return *c;
}

std::string shares_text(const Contract& c) {
  std::string out;
  for (const auto& s : c.commissioners) {
    if (!out.empty()) out += ", ";
    out += std::string(to_string(s.agency)) + " " + std::to_string(s.basis_points / 100) + "." +
           (s.basis_points % 100 < 10 ? "0" : "") + std::to_string(s.basis_points % 100) + "%";
  }
  return out;
}

std::string pick_text(const Contract& c) {
  if (c.framework_id.empty()) return "";
  return ", from framework " + c.framework_id + (c.tier ? " tier " + std::to_string(*c.tier) : "");
}

ReturnView rate_return(const QuarterlyReturn& r, const std::vector<Kpi>& kpis) {
  ReturnView v{r, {}, Rag::not_reported};
  std::vector<Rag> ratings;
  for (const auto& k : kpis) {
    if (k.contract_id != r.contract_id) continue;
    KpiResult res{k, std::nullopt, Rag::not_reported};
    for (const auto& a : r.actuals) {
      if (a.kpi_id == k.id) res.actual = a;
    }
    res.rating = rate(k, res.actual ? res.actual->actual : std::nullopt);
    ratings.push_back(res.rating);
    v.results.push_back(std::move(res));
  }
  v.rating = overall(ratings);
  return v;
}

// The latest ended quarter within the contract's delivery with no return yet.
std::optional<Quarter> due_quarter(const Contract& c, const std::vector<QuarterlyReturn>& returns, Date today) {
  if (!delivering(c.stage) && c.stage != ProcurementStage::end) return std::nullopt;
  const Quarter last = previous_quarter(quarter_of(today));
  if (quarter_end(last) < c.start_on || quarter_start(last) > c.end_on) return std::nullopt;
  const bool in =
      std::any_of(returns.begin(), returns.end(), [&](const QuarterlyReturn& r) { return r.quarter == last; });
  if (in) return std::nullopt;
  return last;
}

}  // namespace

std::vector<Agency> commissioning_agencies() {
  return {Agency::council_education, Agency::council_social_care, Agency::icb, Agency::nhs_england};
}

Result<ContractList> list_contracts(RegisterServices& s, const SignedIn& user, const ContractFilter& filter) {
  std::vector<FieldError> errors;
  std::optional<ProcurementStage> stage;
  std::optional<Agency> agency;
  if (!filter.stage.empty()) {
    stage = parse_procurement_stage(filter.stage);
    if (!stage)
      errors.push_back({"stage",
                        "Choose a procurement stage: need, options, tender, award, mobilise, live, "
                        "review, extend or end"});
  }
  if (!filter.agency.empty()) {
    agency = parse_agency(filter.agency);
    if (!agency)
      errors.push_back({"agency", "Choose an agency: council_education, council_social_care, icb or nhs_england"});
  }
  if (!errors.empty()) return fail(std::move(errors));
  std::vector<store::StoredContract> all;
  std::vector<QuarterlyReturn> returns;
  std::vector<Kpi> kpis;
  s.db.read([&](store::Tx& tx) {
    const std::string scope = scope_of(tx, user);
    all = store::contracts(tx, user.area_id, scope);
    returns = store::area_returns(tx, user.area_id);
    kpis = store::area_kpis(tx, user.area_id);
  });
  const Date today = s.clock.today();
  ContractList out;
  for (auto& sc : all) {
    const Contract& c = sc.contract;
    if (stage && c.stage != *stage) continue;
    if (agency && std::none_of(c.commissioners.begin(), c.commissioners.end(),
                               [&](const FundingShare& x) { return x.agency == *agency; })) {
      continue;
    }
    ContractRow row{std::move(sc), ContractAlert::none, std::nullopt, Rag::not_reported, false};
    row.alert = contract_alert(row.stored.contract, today);
    if (filter.ending_soon && row.alert == ContractAlert::none) continue;
    std::vector<QuarterlyReturn> mine;
    for (const auto& r : returns) {
      if (r.contract_id == row.stored.contract.id) mine.push_back(r);
    }
    if (!mine.empty()) {  // newest first
      row.last_quarter = mine.front().quarter;
      row.last_rating = rate_return(mine.front(), kpis).rating;
    }
    if (auto due = due_quarter(row.stored.contract, mine, today)) row.return_overdue = return_due(*due) < today;
    for (const auto& [a, v] : value_by_agency(row.stored.contract)) out.value_by_agency[a] += v;
    out.total += row.stored.contract.value;
    out.rows.push_back(std::move(row));
  }
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const ContractRow& a, const ContractRow& b) {
    const bool ad = a.alert != ContractAlert::none, bd = b.alert != ContractAlert::none;
    if (ad != bd) return ad;
    return a.stored.contract.end_on < b.stored.contract.end_on;
  });
  return out;
}

std::variant<ContractView, Refused> open_contract(RegisterServices& s, const SignedIn& user, const std::string& id) {
  std::optional<ContractView> v;
  s.db.read([&](store::Tx& tx) {
    auto stored = store::find_contract(tx, user.area_id, id);
    if (!stored) return;
    const std::string scope = scope_of(tx, user);
    if (!scope.empty() && stored->contract.provider_id != scope) return;
    ContractView view;
    view.stored = std::move(*stored);
    view.history = store::stage_changes(tx, user.area_id, id);
    view.kpis = store::kpis_of(tx, user.area_id, id);
    for (const auto& r : store::returns_of(tx, user.area_id, id)) view.returns.push_back(rate_return(r, view.kpis));
    const auto names = store::directory_service_names(tx, user.area_id);
    for (const auto& sid : view.stored.contract.service_ids) {
      auto it = std::find_if(names.begin(), names.end(), [&](const auto& n) { return n.first == sid; });
      view.services.emplace_back(sid, it == names.end() ? "" : it->second);
    }
    std::set<std::string> children;
    const auto ended = plans_ended_by(tx, user.area_id, s.clock.today());
    for (const auto& o :
         store::outcomes_served(tx, user.area_id, view.stored.contract, view.stored.provider_name, ended)) {
      children.insert(o.child_id);
      ++view.outcomes.counts[o.progress];
      ++view.outcomes.outcomes;
    }
    view.outcomes.children = children.size();
    v = std::move(view);
  });
  if (!v) return no_contract();
  const Date today = s.clock.today();
  const Contract& c = v->stored.contract;
  Pence spent;
  std::vector<QuarterlyReturn> rets;
  for (const auto& r : v->returns) {
    spent += r.ret.spend;
    rets.push_back(r.ret);
  }
  // Spend is reported to the end of the latest quarter returned.
  const Date as_of = v->returns.empty() ? today : std::min(today, quarter_end(v->returns.front().ret.quarter));
  v->spend = spend_against_value(c, spent, as_of);
  v->alert = contract_alert(c, today);
  v->value_by_agency = value_by_agency(c);
  v->next_stages = next_stages(c.stage);
  v->due_quarter = due_quarter(c, rets, today);
  return std::move(*v);
}

ContractEdit save_contract(RegisterServices& s, const SignedIn& user, const std::string& id, const FormFields& f) {
  std::optional<store::StoredContract> before;
  if (!id.empty()) {
    s.db.read([&](store::Tx& tx) { before = store::find_contract(tx, user.area_id, id); });
    if (!before) return no_contract();
  }
  std::optional<std::int64_t> expected;
  if (before) {
    auto v = parse_version(field(f, "version"), "the contract");
    if (!v) return v.error();
    expected = *v;
  }
  // A new contract may start at any stage (contracts already running are
  // recorded live); a stage change otherwise goes through change_stage.
  ProcurementStage stage = ProcurementStage::need;
  if (before) {
    stage = before->contract.stage;
  } else if (const std::string st = field(f, "stage"); !st.empty()) {
    auto parsed = parse_procurement_stage(st);
    if (!parsed)
      return Error("stage", "Choose the stage: need, options, tender, award, mobilise, live, review or extend");
    stage = *parsed;
  }
  auto c = read_contract(s, user, f, id.empty() ? new_id("ct") : id, stage, before ? &before->contract : nullptr);
  if (!c) return c.error();
  const std::int64_t now = s.clock.now_micros();
  bool saved = true;
  std::string provider_name;
  std::optional<store::StoredContract> written;
  s.db.write([&](store::Tx& tx) {
    if (auto p = store::find_provider(tx, user.area_id, c->provider_id)) provider_name = p->name;
    if (before) {
      saved = store::update_contract(tx, *c, *expected, now);
      if (!saved) return;
      audit(tx, user, now, "contract.update", c->id,
            c->title + ": " + format_pounds(c->value) + ", " + format_date(c->start_on) + " to " +
                format_date(c->end_on) + ", " + shares_text(*c) + pick_text(*c));
    } else {
      store::insert_contract(tx, *c, now);
      audit(tx, user, now, "contract.add", c->id,
            c->title + " (" + std::string(to_string(c->type)) + ", " + std::string(to_string(c->stage)) + ") with " +
                provider_name + ": " + format_pounds(c->value) + ", " + shares_text(*c) + pick_text(*c));
    }
    written = store::find_contract(tx, user.area_id, c->id);
  });
  if (!saved) return Error("version", "Someone else changed this contract first. Open it again.");
  return std::move(*written);
}

ContractEdit change_stage(RegisterServices& s, const SignedIn& user, const std::string& id, const FormFields& f) {
  std::optional<store::StoredContract> stored;
  s.db.read([&](store::Tx& tx) { stored = store::find_contract(tx, user.area_id, id); });
  if (!stored) return no_contract();
  auto expected = parse_version(field(f, "version"), "the contract");
  if (!expected) return expected.error();
  std::vector<FieldError> errors;
  const auto to = parse_procurement_stage(field(f, "stage"));
  if (!to) errors.push_back({"stage", "Choose the stage to move to"});
  const auto on = optional_date("on", field(f, "on"), errors);
  if (!on && std::none_of(errors.begin(), errors.end(), [](const FieldError& e) { return e.field == "on"; })) {
    errors.push_back({"on", "Enter the date of the change, like 2025-04-01"});
  }
  const auto new_end = optional_date("end_on", field(f, "end_on"), errors);
  if (!errors.empty()) return Error(std::move(errors));
  auto next = move_stage(stored->contract, *to, *on, new_end, s.clock.today());
  if (!next) return next.error();
  const std::int64_t now = s.clock.now_micros();
  bool saved = false;
  const std::string note = trim(field(f, "note"));
  s.db.write([&](store::Tx& tx) {
    saved = store::update_contract(tx, *next, *expected, now);
    if (!saved) return;
    store::insert_stage_change(
        tx, {new_id("cs"), id, user.area_id, stored->contract.stage, *to, *on, note, user.user_id, now});
    audit(tx, user, now, "contract.stage", id,
          std::string(to_string(stored->contract.stage)) + " -> " + std::string(to_string(*to)) + " on " +
              format_date(*on) + (new_end ? ", ends " + format_date(*new_end) : "") +
              (note.empty() ? "" : ": " + note));
  });
  if (!saved) return Error("version", "Someone else changed this contract first. Open it again.");
  stored->contract = std::move(*next);
  stored->version = *expected + 1;
  return *stored;
}

std::variant<Kpi, Refused, Error> add_kpi(RegisterServices& s, const SignedIn& user, const std::string& contract_id,
                                          const FormFields& f) {
  std::optional<store::StoredContract> stored;
  std::size_t count = 0;
  s.db.read([&](store::Tx& tx) {
    stored = store::find_contract(tx, user.area_id, contract_id);
    if (stored) count = store::kpis_of(tx, user.area_id, contract_id).size();
  });
  if (!stored) return no_contract();
  std::vector<FieldError> errors;
  KpiInput in;
  in.id = new_id("kpi");
  in.contract_id = contract_id;
  in.name = trim(field(f, "name"));
  in.unit = trim(field(f, "unit"));
  in.direction = parse_direction(field(f, "direction"));
  for (const auto& [key, slot] : {std::pair{"target", &in.target}, std::pair{"amber", &in.amber}}) {
    const std::string text = trim(field(f, key));
    if (text.empty()) continue;
    auto m = parse_measure(key, text);
    if (m) {
      *slot = *m;
    } else {
      errors.push_back(m.error().fields.front());
    }
  }
  auto k = make_kpi(in);
  if (!k) merge(errors, k.error());
  if (!errors.empty()) return Error(std::move(errors));
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::save_kpi(tx, user.area_id, *k, static_cast<int>(count));
    audit(tx, user, now, "contract.kpi", contract_id,
          k->name + " (" + k->unit + "): target " + format_measure(k->target) + ", amber " + format_measure(k->amber) +
              ", " + std::string(to_string(k->direction)));
  });
  return *k;
}

std::variant<QuarterlyReturn, Refused, Error> submit_return(RegisterServices& s, const SignedIn& user,
                                                            const std::string& contract_id, const FormFields& f) {
  std::optional<store::StoredContract> stored;
  std::vector<Kpi> kpis;
  s.db.read([&](store::Tx& tx) {
    stored = store::find_contract(tx, user.area_id, contract_id);
    if (!stored) return;
    const std::string scope = scope_of(tx, user);
    if (!scope.empty() && stored->contract.provider_id != scope) stored.reset();
    if (stored) kpis = store::kpis_of(tx, user.area_id, contract_id);
  });
  if (!stored) return no_contract();
  std::vector<FieldError> errors;
  QuarterlyReturn r;
  r.id = new_id("rt");
  r.area_id = user.area_id;
  r.contract_id = contract_id;
  r.submitted_on = s.clock.today();
  r.submitted_by = user.user_id;
  r.narrative = trim(field(f, "narrative"));
  auto q = parse_quarter("quarter", trim(field(f, "quarter")));
  if (q) {
    r.quarter = *q;
  } else {
    errors.push_back(q.error().fields.front());
  }
  const std::string spend = trim(field(f, "spend"));
  if (auto p = parse_pounds("spend", spend.empty() ? "0" : spend)) {
    r.spend = *p;
  } else {
    errors.push_back(p.error().fields.front());
  }
  const std::string children = trim(field(f, "children_served"));
  if (children.empty() || children.size() > 9 ||
      !std::all_of(children.begin(), children.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    errors.push_back({"children_served", "Enter the number of children served in the quarter, 0 or more"});
  } else {
    r.children_served = std::stoll(children);
  }
  for (const auto& k : kpis) {
    KpiActual a{k.id, std::nullopt, trim(field(f, "note." + k.id))};
    const std::string text = trim(field(f, "actual." + k.id));
    if (!text.empty()) {
      auto m = parse_measure("actual." + k.id, text);
      if (m) {
        a.actual = *m;
      } else {
        errors.push_back(m.error().fields.front());
      }
    }
    r.actuals.push_back(std::move(a));
  }
  if (q) {
    auto checked = check_return(stored->contract, kpis, r, s.clock.today());
    if (!checked) {
      merge(errors, checked.error());
    } else {
      r = std::move(*checked);
    }
  }
  if (!errors.empty()) return Error(std::move(errors));
  const std::int64_t now = s.clock.now_micros();
  bool duplicate = false;
  s.db.write([&](store::Tx& tx) {
    if (store::return_exists(tx, contract_id, r.quarter)) {
      duplicate = true;
      return;
    }
    store::insert_return(tx, r);
    std::vector<Rag> ratings;
    for (const auto& k : kpis) {
      for (const auto& a : r.actuals) {
        if (a.kpi_id == k.id) ratings.push_back(rate(k, a.actual));
      }
    }
    audit(tx, user, now, "contract.return", contract_id,
          format_quarter(r.quarter) + ": " + std::string(to_string(overall(ratings))) + ", spend " +
              format_pounds(r.spend) + ", " + std::to_string(r.children_served) + " children");
  });
  if (duplicate) {
    return Error("quarter", "A return for " + format_quarter(r.quarter) + " has already been sent for this contract");
  }
  return r;
}

std::vector<Provider> area_providers(RegisterServices& s, const SignedIn& user) {
  std::vector<Provider> out;
  s.db.read([&](store::Tx& tx) { out = store::providers(tx, user.area_id); });
  return out;
}

std::variant<Provider, Error> add_provider(RegisterServices& s, const SignedIn& user, const FormFields& f) {
  Provider p{new_id("pv"), user.area_id, trim(field(f, "name")), trim(field(f, "organisation_id"))};
  if (p.name.empty())
    return Error("name", "Enter the provider's name, like Northumbria Healthcare NHS Foundation Trust");
  bool taken = false;
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    for (const auto& other : store::providers(tx, user.area_id)) taken = taken || other.name == p.name;
    if (taken) return;
    store::save_provider(tx, p);
    store::insert_audit(
        tx, {new_id("a"), user.area_id, now, user.user_id, "provider.add", "provider", p.id, "", p.name, ""});
  });
  if (taken) return Error("name", "There is already a provider called " + p.name);
  return p;
}

std::vector<std::pair<std::string, std::string>> directory_services(RegisterServices& s, const SignedIn& user) {
  std::vector<std::pair<std::string, std::string>> out;
  s.db.read([&](store::Tx& tx) { out = store::directory_service_names(tx, user.area_id); });
  return out;
}

}  // namespace tandem::app
