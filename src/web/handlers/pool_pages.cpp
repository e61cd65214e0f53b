// Pooled budgets: the list with the form that sets a pool up, a pool's page
// (contributions, the contracts it pays for with what has been invoiced on
// each, the balance), and their JSON API twins.
#include <variant>

#include <nlohmann/json.hpp>

#include "app/pooled_budgets.h"
#include "web/handlers.h"
#include "web/json_body.h"
#include "web/refusal.h"

namespace tandem::web::handlers {

using json = nlohmann::json;

namespace {

Response refused(Ctx& ctx, const app::Refused& r, bool api) {
  return refusal(ctx, r, api, "You cannot see pooled budgets");
}

mstch::map input(const std::string& name, const std::string& label, const std::string& value, const Error* e,
                 const std::string& hint, const std::string& width) {
  std::string error;
  if (e) {
    for (const auto& f : e->fields) {
      if (f.field == name && error.empty()) error = f.message;
    }
  }
  std::string described;
  if (!hint.empty()) described = name + "-hint";
  if (!error.empty()) described += (described.empty() ? "" : " ") + name + "-error";
  return mstch::map{{"name", name}, {"id", name},     {"label", label},    {"value", value},        {"error", error},
                    {"hint", hint}, {"width", width}, {"textarea", false}, {"described", described}};
}

std::string percent(std::int32_t bp) {
  std::string out = std::to_string(bp / 100);
  if (bp % 100 != 0) out += "." + std::string(bp % 100 < 10 ? "0" : "") + std::to_string(bp % 100);
  return out;
}

json pool_json(const app::PoolView& v) {
  const PooledBudget& p = v.pool;
  json contributions = json::array();
  for (std::size_t i = 0; i < p.contributions.size(); ++i) {
    contributions.push_back({{"agency", to_string(p.contributions[i].agency)},
                             {"amount_pence", p.contributions[i].amount.value},
                             {"basis_points", i < v.balance.shares.size() ? v.balance.shares[i].second : 0}});
  }
  json contracts = json::array();
  for (const auto& c : v.contracts) {
    contracts.push_back({{"id", c.stored.contract.id},
                         {"title", c.stored.contract.title},
                         {"provider_name", c.stored.provider_name},
                         {"value_pence", c.stored.contract.value.value},
                         {"invoiced_pence", c.invoiced.value}});
  }
  return {{"id", p.id},
          {"name", p.name},
          {"agreement", p.agreement},
          {"host", to_string(p.host)},
          {"start_on", format_date(p.start_on)},
          {"end_on", format_date(p.end_on)},
          {"contributions", contributions},
          {"contracts", contracts},
          {"contributed_pence", v.balance.contributed.value},
          {"spent_pence", v.balance.spent.value},
          {"balance_pence", v.balance.balance.value},
          {"overdrawn", v.balance.overdrawn}};
}

std::optional<Params> pool_body(const std::string& body) {
  return json_body_params(body, [](const json& j, Params& p) {
    if (auto it = j.find("contributions"); it != j.end() && it->is_array()) {
      for (const auto& c : *it) {
        if (!c.is_object() || !c.contains("agency") || !c["agency"].is_string()) continue;
        std::string amount;
        if (c.contains("amount_pence") && c["amount_pence"].is_number_integer()) {
          const long long pence = c["amount_pence"].get<long long>();
          amount = pence < 0 ? std::string("-")
                             : std::to_string(pence / 100) + "." + (pence % 100 < 10 ? "0" : "") +
                                   std::to_string(pence % 100);
        } else if (c.contains("amount") && c["amount"].is_string()) {
          amount = c["amount"].get<std::string>();
        }
        p["contribution_" + c["agency"].get<std::string>()] = amount;
      }
    }
    if (auto it = j.find("contract_ids"); it != j.end() && it->is_array()) {
      std::string joined;
      for (const auto& v : *it) {
        if (v.is_string()) joined += v.get<std::string>() + "\n";
      }
      p["contract_ids"] = joined;
    }
  });
}

Response pools_page(Ctx& ctx, const std::vector<app::PoolView>& pools, const app::FormFields& f, const Error* e) {
  auto services = ctx.s.register_services();
  mstch::array rows;
  for (const auto& v : pools) {
    rows.push_back(mstch::map{{"id", v.pool.id},
                              {"name", v.pool.name},
                              {"host", std::string(agency_label(v.pool.host))},
                              {"contributed", format_pounds(v.balance.contributed)},
                              {"spent", format_pounds(v.balance.spent)},
                              {"balance", format_pounds(v.balance.balance)},
                              {"overdrawn", v.balance.overdrawn}});
  }
  const bool manage = role_has(ctx.me().role, Permission::manage_contracts);
  mstch::array hosts{mstch::map{
      {"value", std::string()}, {"label", std::string("Choose the host")}, {"selected", param(f, "host").empty()}}};
  mstch::array amounts;
  for (const Agency a : app::commissioning_agencies()) {
    const std::string id(to_string(a)), key = "contribution_" + id;
    hosts.push_back(
        mstch::map{{"value", id}, {"label", std::string(agency_label(a))}, {"selected", param(f, "host") == id}});
    amounts.push_back(input(key, std::string(agency_label(a)) + " contribution (£, optional)", param(f, key), e, "",
                            "govuk-input--width-10"));
  }
  mstch::array contracts;
  if (manage) {
    auto list = app::list_contracts(services, ctx.me(), {});
    if (list) {
      for (const auto& r : list->rows) {
        const std::string key = "contract." + r.stored.contract.id;
        contracts.push_back(mstch::map{{"id", r.stored.contract.id},
                                       {"title", r.stored.contract.title},
                                       {"provider", r.stored.provider_name},
                                       {"checked", !param(f, key).empty()}});
      }
    }
  }
  std::string contracts_error, host_error;
  if (e) {
    for (const auto& x : e->fields) {
      if (x.field == "contract_ids" && contracts_error.empty()) contracts_error = x.message;
      if (x.field == "host" && host_error.empty()) host_error = x.message;
    }
  }
  std::string contributions_error;
  if (e) {
    for (const auto& x : e->fields) {
      if (x.field == "contributions" && contributions_error.empty()) contributions_error = x.message;
    }
  }
  mstch::map view{
      {"rows", rows},
      {"has_rows", !rows.empty()},
      {"can_manage", manage},
      {"top_fields", mstch::array{input("name", "Name", param(f, "name"), e, "Like Joint therapies pooled budget", ""),
                                  input("agreement", "Section 75 agreement reference (optional)", param(f, "agreement"),
                                        e, "", "govuk-input--width-20")}},
      {"hosts", hosts},
      {"host_error", host_error},
      {"contributions_error", contributions_error},
      {"amount_fields", amounts},
      {"date_fields", mstch::array{input("start_on", "Start date", param(f, "start_on"), e,
                                         "As year-month-day, like 2025-04-01", "govuk-input--width-10"),
                                   input("end_on", "End date", param(f, "end_on"), e, "The last day, like 2026-03-31",
                                         "govuk-input--width-10")}},
      {"contracts", contracts},
      {"has_contracts", !contracts.empty()},
      {"contracts_error", contracts_error}};
  return page(ctx, e ? 400 : 200, "contracts/pools", "Pooled budgets", std::move(view), "contracts", e);
}

}  // namespace

Response pools_list(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::list_pools(services, ctx.me());
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  return pools_page(ctx, std::get<std::vector<app::PoolView>>(out), {}, nullptr);
}

Response pool_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::create_pool(services, ctx.me(), ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto list = app::list_pools(services, ctx.me());
    if (auto* r = std::get_if<app::Refused>(&list)) return refused(ctx, *r, false);
    return pools_page(ctx, std::get<std::vector<app::PoolView>>(list), ctx.form, e);
  }
  return redirect("/pools/" + std::get<PooledBudget>(out).id + "?saved=1");
}

Response pool(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::open_pool(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  const auto& v = std::get<app::PoolView>(out);
  mstch::array contributions;
  for (std::size_t i = 0; i < v.pool.contributions.size(); ++i) {
    const auto& c = v.pool.contributions[i];
    contributions.push_back(
        mstch::map{{"agency", std::string(agency_label(c.agency))},
                   {"amount", format_pounds(c.amount)},
                   {"percent", i < v.balance.shares.size() ? percent(v.balance.shares[i].second) : std::string()}});
  }
  mstch::array contracts;
  for (const auto& c : v.contracts) {
    contracts.push_back(mstch::map{{"id", c.stored.contract.id},
                                   {"title", c.stored.contract.title},
                                   {"provider", c.stored.provider_name},
                                   {"value", format_pounds(c.stored.contract.value)},
                                   {"invoiced", format_pounds(c.invoiced)}});
  }
  mstch::map view{{"name", v.pool.name},
                  {"agreement", v.pool.agreement.empty() ? std::string("None given") : v.pool.agreement},
                  {"host", std::string(agency_label(v.pool.host))},
                  {"start", format_date_long(v.pool.start_on)},
                  {"end", format_date_long(v.pool.end_on)},
                  {"contributions", contributions},
                  {"contracts", contracts},
                  {"has_contracts", !contracts.empty()},
                  {"contributed", format_pounds(v.balance.contributed)},
                  {"spent", format_pounds(v.balance.spent)},
                  {"balance", format_pounds(v.balance.balance)},
                  {"overdrawn", v.balance.overdrawn}};
  return page(ctx, 200, "contracts/pool", v.pool.name, std::move(view), "contracts", nullptr);
}

Response api_pools(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::list_pools(services, ctx.me());
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  json items = json::array();
  for (const auto& v : std::get<std::vector<app::PoolView>>(out)) items.push_back(pool_json(v));
  return json_response(200, json{{"pools", items}}.dump());
}

Response api_pool(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::open_pool(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  return json_response(200, pool_json(std::get<app::PoolView>(out)).dump());
}

Response api_pool_create(Ctx& ctx) {
  auto p = pool_body(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out = app::create_pool(services, ctx.me(), *p);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(400, *e);
  auto v = app::open_pool(services, ctx.me(), std::get<PooledBudget>(out).id);
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  return json_response(201, pool_json(std::get<app::PoolView>(v)).dump());
}

}  // namespace tandem::web::handlers
