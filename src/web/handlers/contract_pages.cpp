// Commissioned services: the contracts list (filters by stage, agency and
// ending soon), a contract's page with its monitoring, the forms that add and
// change contracts, move them through procurement, add indicators and send
// quarterly returns, the providers page; and their JSON API twins.
#include <variant>

#include <nlohmann/json.hpp>

#include "app/contract_invoices.h"
#include "app/contracts.h"
#include "app/frameworks.h"
#include "app/money_spent.h"
#include "web/handlers.h"
#include "web/json_body.h"
#include "web/refusal.h"

namespace tandem::web::handlers {

using json = nlohmann::json;

namespace {

Response refused(Ctx& ctx, const app::Refused& r, bool api) {
  return refusal(ctx, r, api, "You cannot see this contract");
}

// One text input for the contract_field partial.
mstch::map input(const std::string& name, const std::string& label, const std::string& value, const Error* e,
                 const std::string& hint = "", const std::string& width = "", bool textarea = false,
                 const std::string& id = "") {
  const std::string the_id = id.empty() ? name : id;
  std::string error;
  if (e) {
    for (const auto& f : e->fields) {
      if (f.field == name && error.empty()) error = f.message;
    }
  }
  std::string described;
  if (!hint.empty()) described = the_id + "-hint";
  if (!error.empty()) described += (described.empty() ? "" : " ") + the_id + "-error";
  return mstch::map{{"name", name}, {"id", the_id},   {"label", label},       {"value", value},        {"error", error},
                    {"hint", hint}, {"width", width}, {"textarea", textarea}, {"described", described}};
}

// One select for the commissioning_select partial.
mstch::map select_field(const std::string& name, const std::string& label,
                        const std::vector<std::pair<std::string, std::string>>& items, const std::string& selected,
                        const Error* e, const std::string& hint) {
  mstch::map m = input(name, label, "", e, hint);
  m["options"] = choices(items, selected);
  m["is_select"] = true;
  return m;
}

std::string percent(std::int32_t bp) {
  std::string out = std::to_string(bp / 100);
  if (bp % 100 != 0) out += "." + std::string(bp % 100 < 10 ? "0" : "") + std::to_string(bp % 100);
  return out;
}

std::string rag_tag(Rag r) {
  switch (r) {
    case Rag::green: return "govuk-tag--green";
    case Rag::amber: return "govuk-tag--yellow";
    case Rag::red: return "govuk-tag--red";
    case Rag::not_reported: return "govuk-tag--grey";
  }
  return "govuk-tag--grey";
}

std::string alert_text(ContractAlert a) {
  switch (a) {
    case ContractAlert::ending_soon: return "Ending soon";
    case ContractAlert::overrun: return "Past its end date";
    case ContractAlert::none: return "";
  }
  return "";
}

std::vector<std::pair<std::string, std::string>> stage_choices(bool any) {
  std::vector<std::pair<std::string, std::string>> out;
  if (any) out.emplace_back("", "Any stage");
  for (const auto s : all_procurement_stages()) {
    out.emplace_back(std::string(to_string(s)), std::string(procurement_stage_label(s)));
  }
  return out;
}

// ---- JSON ----

json contract_json(const store::StoredContract& sc) {
  const Contract& c = sc.contract;
  json shares = json::array();
  const auto parts = value_by_agency(c);
  for (std::size_t i = 0; i < c.commissioners.size(); ++i) {
    shares.push_back({{"agency", to_string(c.commissioners[i].agency)},
                      {"basis_points", c.commissioners[i].basis_points},
                      {"value_pence", i < parts.size() ? parts[i].second.value : 0}});
  }
  return {{"id", c.id},
          {"provider_id", c.provider_id},
          {"provider_name", sc.provider_name},
          {"reference", c.reference},
          {"title", c.title},
          {"type", to_string(c.type)},
          {"stage", to_string(c.stage)},
          {"value_pence", c.value.value},
          {"start_on", format_date(c.start_on)},
          {"end_on", format_date(c.end_on)},
          {"commissioners", shares},
          {"service_ids", c.service_ids},
          {"provision_names", c.provision_names},
          {"framework_id", c.framework_id.empty() ? json(nullptr) : json(c.framework_id)},
          {"framework_name", c.framework_id.empty() ? json(nullptr) : json(sc.framework_name)},
          {"tier", c.tier ? json(*c.tier) : json(nullptr)},
          {"tier_name", c.tier ? json(sc.tier_name) : json(nullptr)},
          {"version", sc.version}};
}

json kpi_json(const Kpi& k) {
  return {{"id", k.id},
          {"name", k.name},
          {"unit", k.unit},
          {"direction", to_string(k.direction)},
          {"target", format_measure(k.target)},
          {"amber", format_measure(k.amber)},
          {"waiting_time", is_waiting_time(k)}};
}

json return_json(const app::ReturnView& r) {
  json results = json::array();
  for (const auto& x : r.results) {
    results.push_back(
        {{"kpi_id", x.kpi.id},
         {"actual", x.actual && x.actual->actual ? json(format_measure(*x.actual->actual)) : json(nullptr)},
         {"note", x.actual ? x.actual->note : ""},
         {"rating", to_string(x.rating)}});
  }
  return {{"id", r.ret.id},
          {"quarter", format_quarter(r.ret.quarter)},
          {"spend_pence", r.ret.spend.value},
          {"children_served", r.ret.children_served},
          {"narrative", r.ret.narrative},
          {"submitted_on", format_date(r.ret.submitted_on)},
          {"rating", to_string(r.rating)},
          {"results", results}};
}

json view_json(const app::ContractView& v) {
  json j = contract_json(v.stored);
  j["alert"] = to_string(v.alert);
  j["next_stages"] = json::array();
  for (const auto s : v.next_stages) j["next_stages"].push_back(to_string(s));
  j["kpis"] = json::array();
  for (const auto& k : v.kpis) j["kpis"].push_back(kpi_json(k));
  j["returns"] = json::array();
  for (const auto& r : v.returns) j["returns"].push_back(return_json(r));
  j["spend"] = {{"spent_pence", v.spend.spent.value},
                {"expected_pence", v.spend.expected.value},
                {"value_pence", v.spend.value.value},
                {"rating", to_string(v.spend.rating)}};
  j["due_quarter"] = v.due_quarter ? json(format_quarter(*v.due_quarter)) : json(nullptr);
  json counts = json::object();
  for (const auto& [p, n] : v.outcomes.counts) counts[std::string(to_string(p))] = n;
  j["outcomes"] = {{"children", v.outcomes.children}, {"outcomes", v.outcomes.outcomes}, {"by_progress", counts}};
  j["history"] = json::array();
  for (const auto& h : v.history) {
    j["history"].push_back(
        {{"from", to_string(h.from)}, {"to", to_string(h.to)}, {"on", format_date(h.on)}, {"note", h.note}});
  }
  return j;
}

// The API's arrays flattened into the form's fields.
std::optional<Params> contract_body(const std::string& body) {
  return json_body_params(body, [](const json& j, Params& p) {
    if (auto it = j.find("commissioners"); it != j.end() && it->is_array()) {
      for (const auto& s : *it) {
        if (!s.is_object() || !s.contains("agency") || !s["agency"].is_string()) continue;
        std::string share;
        if (s.contains("percent"))
          share = s["percent"].is_string() ? s["percent"].get<std::string>() : s["percent"].dump();
        p["share_" + s["agency"].get<std::string>()] = share;
      }
    }
    for (const char* key : {"service_ids", "provision_names"}) {
      if (auto it = j.find(key); it != j.end() && it->is_array()) {
        std::string joined;
        for (const auto& v : *it) {
          if (v.is_string()) joined += v.get<std::string>() + "\n";
        }
        p[key] = joined;
      }
    }
    if (auto it = j.find("value_pence"); it != j.end() && it->is_number_integer()) {
      const long long pence = it->get<long long>();
      p["value"] = std::to_string(pence / 100) + "." + (pence % 100 < 10 ? "0" : "") + std::to_string(pence % 100);
    }
    if (auto it = j.find("actuals"); it != j.end() && it->is_array()) {
      for (const auto& a : *it) {
        if (!a.is_object() || !a.contains("kpi_id") || !a["kpi_id"].is_string()) continue;
        const std::string id = a["kpi_id"].get<std::string>();
        if (a.contains("actual") && !a["actual"].is_null()) {
          p["actual." + id] = a["actual"].is_string() ? a["actual"].get<std::string>() : a["actual"].dump();
        }
        if (a.contains("note") && a["note"].is_string()) p["note." + id] = a["note"].get<std::string>();
      }
    }
  });
}

// ---- Pages ----

Response form_page(Ctx& ctx, const std::string& id, const app::FormFields& f, const Error* e) {
  auto services = ctx.s.register_services();
  std::vector<std::pair<std::string, std::string>> providers{{"", "Choose the provider"}};
  for (const auto& p : app::area_providers(services, ctx.me())) providers.emplace_back(p.id, p.name);
  std::vector<std::pair<std::string, std::string>> types{{"", "Choose the type"}};
  for (const auto t : all_contract_types()) {
    types.emplace_back(std::string(to_string(t)), std::string(contract_type_label(t)));
  }
  // The framework and tier as two plain selects, so the form needs no
  // script: the tiers are numbered, and the hint names each framework's.
  std::vector<std::pair<std::string, std::string>> frameworks{{"", "None"}}, tiers{{"", "None"}};
  std::string tier_hint;
  std::size_t most_tiers = 0;
  for (const auto& fv : app::list_frameworks(services, ctx.me())) {
    const Framework& fw = fv.framework;
    frameworks.emplace_back(fw.id, fw.name);
    most_tiers = std::max(most_tiers, fw.tiers.size());
    tier_hint += (tier_hint.empty() ? "" : "; ") + fw.name + ":";
    for (std::size_t i = 0; i < fw.tiers.size(); ++i) {
      tier_hint += (i == 0 ? " " : ", ") + std::to_string(i + 1) + " " + fw.tiers[i];
    }
  }
  for (std::size_t i = 0; i < most_tiers; ++i) tiers.emplace_back(std::to_string(i), "Tier " + std::to_string(i + 1));
  auto get = [&](const char* k) { return param(f, k); };
  mstch::array pick{select_field("framework_id", "Framework it is picked from", frameworks, get("framework_id"), e,
                                 "A call-off names its framework; a spot purchase may; other contracts name none"),
                    select_field("tier", "Tier of need", tiers, get("tier"), e,
                                 tier_hint.empty() ? std::string("The area has no frameworks yet")
                                                   : "Lowest need first. " + tier_hint)};
  mstch::array top{
      input("title", "Title", get("title"), e, "What is commissioned, like Community speech and language therapy"),
      input("reference", "Reference (optional)", get("reference"), e, "", "govuk-input--width-20")};
  mstch::array shares;
  for (const Agency a : app::commissioning_agencies()) {
    const std::string key = "share_" + std::string(to_string(a));
    shares.push_back(
        input(key, std::string(agency_label(a)) + " share (%)", get(key.c_str()), e, "", "govuk-input--width-5"));
  }
  mstch::array bottom{
      input("value", "Value over the whole term (£)", get("value"), e, "", "govuk-input--width-10"),
      input("start_on", "Start date", get("start_on"), e, "As year-month-day, for example 2025-04-01",
            "govuk-input--width-10"),
      input("end_on", "End date", get("end_on"), e, "The last day of the contract, for example 2028-03-31",
            "govuk-input--width-10"),
      input("service_ids", "Local Offer services delivered (optional)", get("service_ids"), e,
            "The directory ids of the services, one a line", "", true),
      input("provision_names", "Names used in EHC plans (optional)", get("provision_names"), e,
            "How plans' provision lines name the service, one a line, like Community speech and language therapy "
            "service",
            "", true)};
  const bool is_new = id.empty();
  mstch::map view{{"heading", is_new ? std::string("Add a contract") : std::string("Change the contract")},
                  {"action", is_new ? std::string("/contracts") : "/contracts/" + id + "/edit"},
                  {"back", is_new ? std::string("/contracts") : "/contracts/" + id},
                  {"button", is_new ? std::string("Add the contract") : std::string("Save the changes")},
                  {"new", is_new},
                  {"version", get("version")},
                  {"providers", choices(providers, get("provider_id"))},
                  {"providers_exist", providers.size() > 1},
                  {"types", choices(types, get("type"))},
                  {"stages", choices(stage_choices(false), get("stage").empty() ? "need" : get("stage"))},
                  {"top_fields", top},
                  {"pick_fields", pick},
                  {"share_fields", shares},
                  {"bottom_fields", bottom}};
  return page(ctx, e ? 400 : 200, "contracts/form", is_new ? "Add a contract" : "Change the contract", std::move(view),
              "contracts", e);
}

app::FormFields fields_of(const store::StoredContract& sc) {
  const Contract& c = sc.contract;
  app::FormFields f{{"provider_id", c.provider_id},
                    {"reference", c.reference},
                    {"title", c.title},
                    {"type", std::string(to_string(c.type))},
                    {"value", format_pounds(c.value)},
                    {"start_on", format_date(c.start_on)},
                    {"end_on", format_date(c.end_on)},
                    {"framework_id", c.framework_id},
                    {"tier", c.tier ? std::to_string(*c.tier) : std::string()},
                    {"version", std::to_string(sc.version)}};
  for (const auto& s : c.commissioners) f["share_" + std::string(to_string(s.agency))] = percent(s.basis_points);
  std::string ids, names;
  for (const auto& s : c.service_ids) ids += s + "\n";
  for (const auto& s : c.provision_names) names += s + "\n";
  f["service_ids"] = ids;
  f["provision_names"] = names;
  return f;
}

Response contract_page(Ctx& ctx, const app::ContractView& v, const Error* e) {
  const Contract& c = v.stored.contract;
  mstch::array shares;
  for (std::size_t i = 0; i < c.commissioners.size(); ++i) {
    shares.push_back(mstch::map{
        {"agency", std::string(agency_label(c.commissioners[i].agency))},
        {"percent", percent(c.commissioners[i].basis_points)},
        {"amount", i < v.value_by_agency.size() ? format_pounds(v.value_by_agency[i].second) : std::string()}});
  }
  mstch::array services;
  for (const auto& [sid, name] : v.services) services.push_back(mstch::map{{"id", sid}, {"name", name}});
  mstch::array names;
  for (const auto& n : c.provision_names) names.push_back(n);
  const app::ReturnView* latest = v.returns.empty() ? nullptr : &v.returns.front();
  mstch::array kpis;
  for (const auto& k : v.kpis) {
    std::optional<std::int64_t> actual;
    Rag rating = Rag::not_reported;
    if (latest) {
      for (const auto& r : latest->results) {
        if (r.kpi.id == k.id) {
          actual = r.actual ? r.actual->actual : std::nullopt;
          rating = r.rating;
        }
      }
    }
    kpis.push_back(
        mstch::map{{"name", k.name},
                   {"unit", k.unit},
                   {"waiting", is_waiting_time(k)},
                   {"direction", k.direction == Direction::higher_is_better ? std::string("Higher is better")
                                                                            : std::string("Lower is better")},
                   {"target", format_measure(k.target)},
                   {"amber", format_measure(k.amber)},
                   {"actual", actual ? format_measure(*actual) : std::string()},
                   {"rag", std::string(rag_label(rating))},
                   {"rag_tag", rag_tag(rating)}});
  }
  mstch::array returns;
  for (const auto& r : v.returns) {
    mstch::array results;
    for (const auto& x : r.results) {
      results.push_back(
          mstch::map{{"name", x.kpi.name},
                     {"unit", x.kpi.unit},
                     {"actual", x.actual && x.actual->actual ? format_measure(*x.actual->actual) : std::string()},
                     {"note", x.actual ? x.actual->note : std::string()},
                     {"rag", std::string(rag_label(x.rating))},
                     {"rag_tag", rag_tag(x.rating)}});
    }
    returns.push_back(mstch::map{{"quarter", format_quarter(r.ret.quarter)},
                                 {"label", quarter_label(r.ret.quarter)},
                                 {"rag", std::string(rag_label(r.rating))},
                                 {"rag_tag", rag_tag(r.rating)},
                                 {"spend", format_pounds(r.ret.spend)},
                                 {"children", std::to_string(r.ret.children_served)},
                                 {"submitted", format_date_long(r.ret.submitted_on)},
                                 {"narrative", r.ret.narrative},
                                 {"results", results}});
  }
  mstch::array outcomes;
  for (const auto p : all_progress()) {
    auto it = v.outcomes.counts.find(p);
    outcomes.push_back(mstch::map{{"label", std::string(progress_label(p))},
                                  {"count", std::to_string(it == v.outcomes.counts.end() ? 0 : it->second)}});
  }
  mstch::array history;
  for (const auto& h : v.history) {
    history.push_back(mstch::map{{"on", format_date_long(h.on)},
                                 {"from", std::string(procurement_stage_label(h.from))},
                                 {"to", std::string(procurement_stage_label(h.to))},
                                 {"note", h.note}});
  }
  std::vector<std::pair<std::string, std::string>> next;
  for (const auto s : v.next_stages)
    next.emplace_back(std::string(to_string(s)), std::string(procurement_stage_label(s)));
  const bool manage = role_has(ctx.me().role, Permission::manage_contracts);
  const bool submit = role_has(ctx.me().role, Permission::submit_returns);
  const std::string today = format_date(ctx.s.clock.today());
  mstch::array stage_fields{
      input("on", "Date of the change", today, e, "", "govuk-input--width-10"),
      input("end_on", "New end date (for an extension)", "", e, "", "govuk-input--width-10"),
      input("note", "Note (optional)", "", e, "For example the governance decision that agreed it", "", true)};
  mstch::array kpi_fields{
      input("name", "Indicator", "", e, "For example Children seen within 18 weeks of referral"),
      input("unit", "Unit", "", e, "For example %, weeks or children", "govuk-input--width-10"),
      input("target", "Target", "", e, "", "govuk-input--width-5"),
      input("amber", "Amber from", "", e, "A figure that meets this but not the target is amber; beyond it is red",
            "govuk-input--width-5")};
  const Date spend_as_of = v.returns.empty()
                               ? ctx.s.clock.today()
                               : std::min(ctx.s.clock.today(), quarter_end(v.returns.front().ret.quarter));
  mstch::map view{{"id", c.id},
                  {"title", c.title},
                  {"provider", v.stored.provider_name},
                  {"reference", c.reference.empty() ? std::string("None") : c.reference},
                  {"type", std::string(contract_type_label(c.type))},
                  {"stage", std::string(procurement_stage_label(c.stage))},
                  {"alert", alert_text(v.alert)},
                  {"alert_tag", v.alert == ContractAlert::overrun ? std::string("govuk-tag--red")
                                                                  : std::string("govuk-tag--orange")},
                  {"start", format_date_long(c.start_on)},
                  {"end", format_date_long(c.end_on)},
                  {"value", format_pounds(c.value)},
                  {"shares", shares},
                  {"services", services},
                  {"has_services", !services.empty()},
                  {"names", names},
                  {"has_names", !names.empty()},
                  {"spent", format_pounds(v.spend.spent)},
                  {"expected", format_pounds(v.spend.expected)},
                  {"spend_as_of", format_date_long(spend_as_of)},
                  {"spend_rag", std::string(rag_label(v.spend.rating))},
                  {"spend_tag", rag_tag(v.spend.rating)},
                  {"due_quarter", v.due_quarter ? format_quarter(*v.due_quarter) : std::string()},
                  {"due_label", v.due_quarter ? quarter_label(*v.due_quarter) : std::string()},
                  {"due_on", v.due_quarter ? format_date_long(return_due(*v.due_quarter)) : std::string()},
                  {"kpis", kpis},
                  {"has_kpis", !kpis.empty()},
                  {"latest_quarter", latest ? format_quarter(latest->ret.quarter) : std::string()},
                  {"returns", returns},
                  {"outcomes", outcomes},
                  {"outcome_children", std::to_string(v.outcomes.children)},
                  {"outcome_count", std::to_string(v.outcomes.outcomes)},
                  {"history", history},
                  {"next", choices(next, "")},
                  {"can_move", manage && !next.empty()},
                  {"can_manage", manage},
                  {"can_submit", submit},
                  {"stage_fields", stage_fields},
                  {"kpi_fields", kpi_fields},
                  {"version", std::to_string(v.stored.version)}};
  // Money actually spent (invoices) and the cost per child served.
  auto money = ctx.s.register_services();
  if (auto inv = app::open_invoices(money, ctx.me(), c.id); auto* iv = std::get_if<app::InvoiceView>(&inv)) {
    const InvoiceTotals& t = iv->totals;
    view["invoiced"] = format_pounds(t.invoiced);
    view["invoice_count"] = std::to_string(iv->invoices.size());
    view["pro_rata"] = format_pounds(t.pro_rata);
    view["overspent"] = t.overspent;
    view["overspend"] = format_pounds(-t.remaining);
    view["ahead"] = t.ahead_of_pro_rata && !t.overspent;
    view["cost_per_child"] = iv->cost_per_child ? format_pounds(*iv->cost_per_child) : std::string();
    view["children_served"] = std::to_string(iv->children_served);
  }
  view["block"] = c.type == ContractType::block;
  if (!c.framework_id.empty()) {
    view["framework_id"] = c.framework_id;
    view["framework_name"] = v.stored.framework_name;
    view["picked_as"] = std::string(c.type == ContractType::framework_call_off ? "Called off from" : "Picked from");
    view["tier_number"] = c.tier ? std::to_string(*c.tier + 1) : std::string();
    view["tier_name"] = v.stored.tier_name;
  }
  return page(ctx, e ? 400 : 200, "contracts/contract", c.title, std::move(view), "contracts", e);
}

Response return_page(Ctx& ctx, const app::ContractView& v, const app::FormFields& f, const Error* e) {
  const Contract& c = v.stored.contract;
  const std::string quarter =
      param(f, "quarter").empty() && v.due_quarter ? format_quarter(*v.due_quarter) : param(f, "quarter");
  mstch::array fields{input("quarter", "Financial quarter", quarter, e,
                            "As year, next year and quarter, for example 2025-26-Q1", "govuk-input--width-10"),
                      input("spend", "Spend in the quarter (£)", param(f, "spend"), e, "", "govuk-input--width-10"),
                      input("children_served", "Children and young people served", param(f, "children_served"), e, "",
                            "govuk-input--width-5"),
                      input("narrative", "What went well, what did not, and what you will change (optional)",
                            param(f, "narrative"), e, "", "", true)};
  mstch::array kpis;
  for (const auto& k : v.kpis) {
    const std::string a = "actual." + k.id, n = "note." + k.id;
    kpis.push_back(mstch::map{
        {"name", k.name},
        {"unit", k.unit},
        {"target", format_measure(k.target)},
        {"inputs", mstch::array{input(a, "Figure (" + k.unit + ")", param(f, a), e, "", "govuk-input--width-5"),
                                input(n, "Note (needed if there is no figure)", param(f, n), e)}}});
  }
  mstch::map view{{"id", c.id},       {"title", c.title}, {"provider", v.stored.provider_name},
                  {"fields", fields}, {"kpis", kpis},     {"has_kpis", !kpis.empty()}};
  return page(ctx, e ? 400 : 200, "contracts/return", "Send the quarterly return", std::move(view), "contracts", e);
}

Response providers_page(Ctx& ctx, const app::FormFields& f, const Error* e) {
  auto services = ctx.s.register_services();
  mstch::array list;
  for (const auto& p : app::area_providers(services, ctx.me()))
    list.push_back(mstch::map{{"id", p.id}, {"name", p.name}});
  mstch::array fields{input("name", "Provider's name", param(f, "name"), e),
                      input("organisation_id", "Local Offer organisation id (optional)", param(f, "organisation_id"), e,
                            "When the provider lists its services in the Local Offer")};
  return page(ctx, e ? 400 : 200, "contracts/providers", "Providers",
              mstch::map{{"providers", list}, {"fields", fields}}, "contracts", e);
}

app::ContractFilter filter_of(const Params& q) {
  return {param(q, "stage"), param(q, "agency"), param(q, "ending_soon") == "yes" || param(q, "ending_soon") == "true"};
}

}  // namespace

Response contracts_list(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto filter = filter_of(ctx.query);
  auto list = app::list_contracts(services, ctx.me(), filter);
  const Error* e = list ? nullptr : &list.error();
  app::ContractList empty;
  const app::ContractList& l = list ? *list : empty;
  mstch::array rows;
  int alerts = 0, overdue = 0;
  for (const auto& r : l.rows) {
    const Contract& c = r.stored.contract;
    alerts += r.alert != ContractAlert::none ? 1 : 0;
    overdue += r.return_overdue ? 1 : 0;
    rows.push_back(mstch::map{{"id", c.id},
                              {"title", c.title},
                              {"reference", c.reference},
                              {"provider", r.stored.provider_name},
                              {"type", std::string(contract_type_label(c.type))},
                              {"stage", std::string(procurement_stage_label(c.stage))},
                              {"value", format_pounds(c.value)},
                              {"ends", format_date_long(c.end_on)},
                              {"alert", alert_text(r.alert)},
                              {"alert_tag", r.alert == ContractAlert::overrun ? std::string("govuk-tag--red")
                                                                              : std::string("govuk-tag--orange")},
                              {"quarter", r.last_quarter ? format_quarter(*r.last_quarter) : std::string()},
                              {"rag", std::string(rag_label(r.last_rating))},
                              {"rag_tag", rag_tag(r.last_rating)},
                              {"return_overdue", r.return_overdue}});
  }
  // Committed beside actually spent (app/money_spent.h), for the partnership's readers.
  const auto spent = app::area_spend_by_agency(services, ctx.me());
  std::map<Agency, Pence> committed = l.value_by_agency;
  if (spent) {
    for (const auto& [a, sp] : *spent) committed.try_emplace(a, Pence(0));
  }
  mstch::array by_agency;
  for (const auto& [a, v] : committed) {
    const AgencySpend sp = spent && spent->contains(a) ? spent->at(a) : AgencySpend{};
    by_agency.push_back(mstch::map{{"agency", std::string(agency_label(a))},
                                   {"value", format_pounds(v)},
                                   {"invoiced", format_pounds(sp.invoiced)},
                                   {"top_ups", format_pounds(sp.top_ups)},
                                   {"recharges", format_pounds(sp.recharges_paid - sp.recharges_received)},
                                   {"spent", format_pounds(sp.total())}});
  }
  std::vector<std::pair<std::string, std::string>> agencies{{"", "Any agency"}};
  for (const Agency a : app::commissioning_agencies()) {
    agencies.emplace_back(std::string(to_string(a)), std::string(agency_label(a)));
  }
  mstch::map view{{"rows", rows},
                  {"empty", rows.empty()},
                  {"count", std::to_string(l.rows.size())},
                  {"total", format_pounds(l.total)},
                  {"alerts", std::to_string(alerts)},
                  {"overdue", std::to_string(overdue)},
                  {"by_agency", by_agency},
                  {"show_spent", spent.has_value()},
                  {"can_pay", role_has(ctx.me().role, Permission::record_payments)},
                  {"stages", choices(stage_choices(true), filter.stage)},
                  {"agencies", choices(agencies, filter.agency)},
                  {"ending_soon", filter.ending_soon},
                  {"can_pools", ctx.me().role != Role::provider},
                  {"can_manage", role_has(ctx.me().role, Permission::manage_contracts)}};
  return page(ctx, e ? 400 : 200, "contracts/list", "Contracts", std::move(view), "contracts", e);
}

Response contract_new_form(Ctx& ctx) { return form_page(ctx, "", {}, nullptr); }

Response contract_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::save_contract(services, ctx.me(), "", ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) return form_page(ctx, "", ctx.form, e);
  return redirect("/contracts/" + std::get<store::StoredContract>(out).contract.id + "?saved=1");
}

Response contract(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_contract(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  return contract_page(ctx, std::get<app::ContractView>(v), nullptr);
}

Response contract_edit_form(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_contract(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  return form_page(ctx, ctx.captures.at(0), fields_of(std::get<app::ContractView>(v).stored), nullptr);
}

Response contract_update(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  auto out = app::save_contract(services, ctx.me(), id, ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) return form_page(ctx, id, ctx.form, e);
  return redirect("/contracts/" + id + "?saved=1");
}

Response contract_stage(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  auto out = app::change_stage(services, ctx.me(), id, ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto v = app::open_contract(services, ctx.me(), id);
    if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
    return contract_page(ctx, std::get<app::ContractView>(v), e);
  }
  return redirect("/contracts/" + id + "?saved=1");
}

Response contract_kpi_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  auto out = app::add_kpi(services, ctx.me(), id, ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto v = app::open_contract(services, ctx.me(), id);
    if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
    return contract_page(ctx, std::get<app::ContractView>(v), e);
  }
  return redirect("/contracts/" + id + "?saved=1");
}

Response contract_return_form(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_contract(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  return return_page(ctx, std::get<app::ContractView>(v), {}, nullptr);
}

Response contract_return_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  auto out = app::submit_return(services, ctx.me(), id, ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto v = app::open_contract(services, ctx.me(), id);
    if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
    return return_page(ctx, std::get<app::ContractView>(v), ctx.form, e);
  }
  return redirect("/contracts/" + id + "?saved=1");
}

Response providers_list(Ctx& ctx) { return providers_page(ctx, {}, nullptr); }

Response provider_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::add_provider(services, ctx.me(), ctx.form);
  if (auto* e = std::get_if<Error>(&out)) return providers_page(ctx, ctx.form, e);
  return redirect("/providers?saved=1");
}

// ---- API ----

Response api_contracts(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto list = app::list_contracts(services, ctx.me(), filter_of(ctx.query));
  if (!list) return json_error(400, list.error());
  json items = json::array();
  for (const auto& r : list->rows) {
    auto j = contract_json(r.stored);
    j["alert"] = to_string(r.alert);
    j["last_return"] = r.last_quarter
                           ? json{{"quarter", format_quarter(*r.last_quarter)}, {"rating", to_string(r.last_rating)}}
                           : json(nullptr);
    j["return_overdue"] = r.return_overdue;
    items.push_back(std::move(j));
  }
  json by_agency = json::object();
  for (const auto& [a, v] : list->value_by_agency) by_agency[std::string(to_string(a))] = v.value;
  json out{{"contracts", items}, {"total_pence", list->total.value}, {"value_by_agency", by_agency}};
  // Money actually spent, area-wide, beside the value committed; none for a provider.
  if (const auto spent = app::area_spend_by_agency(services, ctx.me())) {
    json s = json::object();
    for (const auto& [a, sp] : *spent) {
      s[std::string(to_string(a))] = {{"invoiced_pence", sp.invoiced.value},
                                      {"top_ups_pence", sp.top_ups.value},
                                      {"recharges_paid_pence", sp.recharges_paid.value},
                                      {"recharges_received_pence", sp.recharges_received.value},
                                      {"spent_pence", sp.total().value}};
    }
    out["spent_by_agency"] = s;
  }
  return json_response(200, out.dump());
}

Response api_contract(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_contract(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  json j = view_json(std::get<app::ContractView>(v));
  auto inv = app::open_invoices(services, ctx.me(), ctx.captures.at(0));
  if (auto* iv = std::get_if<app::InvoiceView>(&inv)) {
    const InvoiceTotals& t = iv->totals;
    j["invoices"] = {{"count", iv->invoices.size()}, {"invoiced_pence", t.invoiced.value},
                     {"paid_pence", t.paid.value},   {"pro_rata_pence", t.pro_rata.value},
                     {"overspent", t.overspent},     {"ahead_of_pro_rata", t.ahead_of_pro_rata}};
    // Activity-based cost per child (Haringey 4).
    j["children_served"] = iv->children_served;
    j["cost_per_child_pence"] = iv->cost_per_child ? json(iv->cost_per_child->value) : json(nullptr);
  }
  return json_response(200, j.dump());
}

namespace {
Response api_after_edit(Ctx& ctx, app::RegisterServices& services, const app::ContractEdit& out, int status) {
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(e->first_field() == "version" ? 409 : 400, *e);
  auto v = app::open_contract(services, ctx.me(), std::get<store::StoredContract>(out).contract.id);
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  return json_response(status, view_json(std::get<app::ContractView>(v)).dump());
}
}  // namespace

Response api_contract_create(Ctx& ctx) {
  auto p = contract_body(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after_edit(ctx, services, app::save_contract(services, ctx.me(), "", *p), 201);
}

Response api_contract_update(Ctx& ctx) {
  auto p = contract_body(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after_edit(ctx, services, app::save_contract(services, ctx.me(), ctx.captures.at(0), *p), 200);
}

Response api_contract_stage(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after_edit(ctx, services, app::change_stage(services, ctx.me(), ctx.captures.at(0), *p), 200);
}

Response api_contract_kpi_create(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out = app::add_kpi(services, ctx.me(), ctx.captures.at(0), *p);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(400, *e);
  return json_response(201, kpi_json(std::get<Kpi>(out)).dump());
}

Response api_contract_return_create(Ctx& ctx) {
  auto p = contract_body(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  auto out = app::submit_return(services, ctx.me(), id, *p);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(400, *e);
  auto v = app::open_contract(services, ctx.me(), id);
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  for (const auto& r : std::get<app::ContractView>(v).returns) {
    if (r.ret.id == std::get<QuarterlyReturn>(out).id) return json_response(201, return_json(r).dump());
  }
  return json_message(500, "missing", "The return was saved but could not be read back");
}

Response api_providers(Ctx& ctx) {
  auto services = ctx.s.register_services();
  json items = json::array();
  for (const auto& p : app::area_providers(services, ctx.me())) {
    items.push_back({{"id", p.id}, {"name", p.name}, {"organisation_id", p.organisation_id}});
  }
  return json_response(200, json{{"providers", items}}.dump());
}

Response api_provider_create(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out = app::add_provider(services, ctx.me(), *p);
  if (auto* e = std::get_if<Error>(&out)) return json_error(400, *e);
  const auto& pv = std::get<Provider>(out);
  return json_response(201, json{{"id", pv.id}, {"name", pv.name}, {"organisation_id", pv.organisation_id}}.dump());
}

}  // namespace tandem::web::handlers
