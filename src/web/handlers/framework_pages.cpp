// Frameworks of approved providers by tier of need: the list (with a form to
// add one), a framework's page (its tiers and providers, suspensions, and the
// forms to add a provider to a tier, suspend and lift); and their JSON API.
#include <variant>

#include <nlohmann/json.hpp>

#include "app/frameworks.h"
#include "web/handlers.h"
#include "web/json_body.h"
#include "web/refusal.h"

namespace tandem::web::handlers {

using json = nlohmann::json;

namespace {

Response refused(Ctx& ctx, const app::Refused& r, bool api) {
  return refusal(ctx, r, api, "You cannot see this framework");
}

std::string error_for(const Error* e, const std::string& name) {
  if (!e) return "";
  for (const auto& f : e->fields) {
    if (f.field == name) return f.message;
  }
  return "";
}

mstch::map input(const std::string& name, const std::string& label, const std::string& value, const Error* e,
                 const std::string& hint = "", const std::string& width = "", bool textarea = false,
                 const std::string& prefix = "") {
  const std::string error = error_for(e, name);
  const std::string id = prefix + name;
  std::string described;
  if (!hint.empty()) described = id + "-hint";
  if (!error.empty()) described += (described.empty() ? "" : " ") + id + "-error";
  return mstch::map{{"name", name}, {"id", id},       {"label", label},       {"value", value},        {"error", error},
                    {"hint", hint}, {"width", width}, {"textarea", textarea}, {"described", described}};
}

mstch::map select(const std::string& name, const std::string& label,
                  const std::vector<std::pair<std::string, std::string>>& items, const std::string& selected,
                  const Error* e, const std::string& prefix = "") {
  mstch::array options;
  for (const auto& [value, text] : items) {
    options.push_back(mstch::map{{"value", value}, {"label", text}, {"selected", value == selected}});
  }
  const std::string error = error_for(e, name);
  return mstch::map{{"name", name},
                    {"id", prefix + name},
                    {"label", label},
                    {"options", options},
                    {"error", error},
                    {"hint", std::string()},
                    {"described", error.empty() ? "" : prefix + name + "-error"},
                    {"is_select", true}};
}

std::string term_of(const Framework& f) {
  if (!f.starts_on || !f.ends_on) return "";
  return format_date_long(*f.starts_on) + " to " + format_date_long(*f.ends_on);
}

// "Ends in 4 months: re-procure", "Ended", "Not started", or "" while well in force.
std::string term_status(const Framework& f, Date today) {
  if (f.ends_on && today > *f.ends_on) return "Ended";
  if (f.starts_on && today < *f.starts_on) return "Not started";
  if (!reprocurement_due(f, today)) return "";
  const auto days = (*f.ends_on - today).count();
  if (days < 45) return "Ends in " + std::to_string(days) + (days == 1 ? " day" : " days") + ": re-procure";
  const auto months = (days + 15) / 30;
  return "Ends in " + std::to_string(months) + " months: re-procure";
}

bool suspended_now(const app::FrameworkView& v, const std::string& provider, Date today) {
  for (const auto& s : v.suspensions) {
    if (s.suspension.provider_id == provider && in_force(s.suspension, today)) return true;
  }
  return false;
}

json framework_json(const app::FrameworkView& v, Date today) {
  json tiers = json::array();
  for (std::size_t i = 0; i < v.framework.tiers.size(); ++i) {
    json providers = json::array();
    for (const auto& m : v.framework.members) {
      if (m.tier != static_cast<int>(i)) continue;
      auto it = v.provider_names.find(m.provider_id);
      providers.push_back({{"provider_id", m.provider_id},
                           {"name", it == v.provider_names.end() ? "" : it->second},
                           {"suspended", suspended_now(v, m.provider_id, today)}});
    }
    tiers.push_back({{"position", i}, {"name", v.framework.tiers[i]}, {"providers", providers}});
  }
  json suspensions = json::array();
  for (const auto& s : v.suspensions) {
    suspensions.push_back(
        {{"provider_id", s.suspension.provider_id},
         {"suspended_on", format_date(s.suspension.suspended_on)},
         {"reason", s.suspension.reason},
         {"lifted_on", s.suspension.lifted_on ? json(format_date(*s.suspension.lifted_on)) : json(nullptr)},
         {"in_force", in_force(s.suspension, today)}});
  }
  json contracts = json::array();
  for (const auto& sc : v.contracts) {
    contracts.push_back({{"id", sc.contract.id},
                         {"title", sc.contract.title},
                         {"type", to_string(sc.contract.type)},
                         {"stage", to_string(sc.contract.stage)},
                         {"provider_id", sc.contract.provider_id},
                         {"provider_name", sc.provider_name},
                         {"tier", sc.contract.tier ? json(*sc.contract.tier) : json(nullptr)},
                         {"start_on", format_date(sc.contract.start_on)},
                         {"end_on", format_date(sc.contract.end_on)}});
  }
  const auto date_or_null = [](const std::optional<Date>& d) { return d ? json(format_date(*d)) : json(nullptr); };
  return {{"id", v.framework.id},
          {"name", v.framework.name},
          {"reference", v.framework.reference},
          {"starts_on", date_or_null(v.framework.starts_on)},
          {"ends_on", date_or_null(v.framework.ends_on)},
          {"in_term", in_term(v.framework, today)},
          {"reprocure", reprocurement_due(v.framework, today)},
          {"tiers", tiers},
          {"suspensions", suspensions},
          {"contracts", contracts}};
}

mstch::array tiers_view(const app::FrameworkView& v, Date today) {
  mstch::array out;
  for (std::size_t i = 0; i < v.framework.tiers.size(); ++i) {
    mstch::array providers;
    for (const auto& m : v.framework.members) {
      if (m.tier != static_cast<int>(i)) continue;
      auto it = v.provider_names.find(m.provider_id);
      providers.push_back(mstch::map{{"name", it == v.provider_names.end() ? m.provider_id : it->second},
                                     {"suspended", suspended_now(v, m.provider_id, today)}});
    }
    out.push_back(mstch::map{{"name", v.framework.tiers[i]}, {"providers", providers}, {"empty", providers.empty()}});
  }
  return out;
}

Response list_page(Ctx& ctx, const app::FormFields& f, const Error* e) {
  auto services = ctx.s.register_services();
  const Date today = ctx.s.clock.today();
  mstch::array list;
  for (const auto& v : app::list_frameworks(services, ctx.me())) {
    list.push_back(mstch::map{{"id", v.framework.id},
                              {"name", v.framework.name},
                              {"reference", v.framework.reference},
                              {"term", term_of(v.framework)},
                              {"status", term_status(v.framework, today)},
                              {"tiers", tiers_view(v, today)}});
  }
  mstch::array fields{
      input("name", "Name", param(f, "name"), e, "For example Short breaks framework"),
      input("reference", "Reference (optional)", param(f, "reference"), e, "", "govuk-input--width-20"),
      input("tiers", "Tiers of need", param(f, "tiers"), e,
            "One a line, lowest need first, for example Universal, Targeted, Specialist", "", true),
      input("starts_on", "Starts on", param(f, "starts_on"), e, "For example 2025-04-01", "govuk-input--width-10"),
      input("ends_on", "Ends on", param(f, "ends_on"), e,
            "At most four years on (Procurement Act 2023, section 47), for example 2029-03-31",
            "govuk-input--width-10")};
  mstch::map view{{"frameworks", list},
                  {"empty", list.empty()},
                  {"fields", fields},
                  {"can_manage", role_has(ctx.me().role, Permission::manage_contracts)}};
  return page(ctx, e ? 400 : 200, "frameworks/list", "Frameworks", std::move(view), "contracts", e);
}

Response framework_page(Ctx& ctx, const app::FrameworkView& v, const app::FormFields& f, const Error* e,
                        const std::string& form) {
  const Date today = ctx.s.clock.today();
  std::vector<std::pair<std::string, std::string>> all{{"", "Choose the provider"}},
      members{{"", "Choose the provider"}}, suspended{{"", "Choose the provider"}}, tiers{{"", "Choose the tier"}};
  for (const auto& [id, name] : v.provider_names) all.emplace_back(id, name);
  for (const auto& [id, name] : v.provider_names) {
    const bool member = std::any_of(v.framework.members.begin(), v.framework.members.end(),
                                    [&](const FrameworkMember& m) { return m.provider_id == id; });
    if (member && !suspended_now(v, id, today)) members.emplace_back(id, name);
    if (suspended_now(v, id, today)) suspended.emplace_back(id, name);
  }
  for (std::size_t i = 0; i < v.framework.tiers.size(); ++i)
    tiers.emplace_back(std::to_string(i), v.framework.tiers[i]);
  // Only the form that was sent shows its errors and values.
  const Error* me = form == "providers" ? e : nullptr;
  const Error* se = form == "suspensions" ? e : nullptr;
  const Error* le = form == "lift" ? e : nullptr;
  const std::string today_text = format_date(today);
  auto val = [&](const std::string& which, const char* k) { return form == which ? param(f, k) : std::string(); };
  // The form sent (the first when none) has the plain ids its errors link to.
  const auto prefix = [&](const std::string& which) {
    return form == which || (form.empty() && which == "providers") ? std::string() : which + "-";
  };
  const std::string mp = prefix("providers"), sp = prefix("suspensions"), lp = prefix("lift");
  mstch::array member_fields{select("provider_id", "Provider", all, val("providers", "provider_id"), me, mp),
                             select("tier", "Tier", tiers, val("providers", "tier"), me, mp)};
  mstch::array suspend_fields{select("provider_id", "Provider", members, val("suspensions", "provider_id"), se, sp),
                              input("on", "Date of the suspension", form == "suspensions" ? param(f, "on") : today_text,
                                    se, "", "govuk-input--width-10", false, sp),
                              input("reason", "Reason", val("suspensions", "reason"), se,
                                    "For example Quality concerns after a failed monitoring visit", "", true, sp)};
  mstch::array lift_fields{select("provider_id", "Provider", suspended, val("lift", "provider_id"), le, lp),
                           input("on", "Date the suspension is lifted", form == "lift" ? param(f, "on") : today_text,
                                 le, "", "govuk-input--width-10", false, lp)};
  mstch::array history;
  for (const auto& s : v.suspensions) {
    auto it = v.provider_names.find(s.suspension.provider_id);
    history.push_back(
        mstch::map{{"name", it == v.provider_names.end() ? s.suspension.provider_id : it->second},
                   {"on", format_date_long(s.suspension.suspended_on)},
                   {"reason", s.suspension.reason},
                   {"lifted", s.suspension.lifted_on ? format_date_long(*s.suspension.lifted_on) : std::string()},
                   {"in_force", in_force(s.suspension, today)}});
  }
  mstch::array contracts;
  for (const auto& sc : v.contracts) {
    contracts.push_back(mstch::map{
        {"id", sc.contract.id},
        {"title", sc.contract.title},
        {"provider", sc.provider_name},
        {"type", std::string(contract_type_label(sc.contract.type))},
        {"tier", sc.contract.tier ? std::to_string(*sc.contract.tier + 1) + " (" + sc.tier_name + ")" : std::string()},
        {"stage", std::string(procurement_stage_label(sc.contract.stage))},
        {"term", format_date_long(sc.contract.start_on) + " to " + format_date_long(sc.contract.end_on)}});
  }
  mstch::map view{{"id", v.framework.id},
                  {"name", v.framework.name},
                  {"reference", v.framework.reference},
                  {"term", term_of(v.framework)},
                  {"status", term_status(v.framework, today)},
                  {"tiers", tiers_view(v, today)},
                  {"contracts", contracts},
                  {"has_contracts", !contracts.empty()},
                  {"history", history},
                  {"has_history", !history.empty()},
                  {"can_manage", role_has(ctx.me().role, Permission::manage_contracts)},
                  {"member_fields", member_fields},
                  {"suspend_fields", suspend_fields},
                  {"lift_fields", lift_fields},
                  {"can_lift", suspended.size() > 1}};
  return page(ctx, e ? 400 : 200, "frameworks/framework", v.framework.name, std::move(view), "contracts", e);
}

Response after_post(Ctx& ctx, const std::string& id, const app::FrameworkEdit& out, const std::string& form) {
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto services = ctx.s.register_services();
    auto v = app::open_framework(services, ctx.me(), id);
    if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
    return framework_page(ctx, std::get<app::FrameworkView>(v), ctx.form, e, form);
  }
  return redirect("/frameworks/" + id + "?saved=1");
}

Response api_after(Ctx& ctx, app::RegisterServices& services, const app::FrameworkEdit& out, int status) {
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(400, *e);
  auto v = app::open_framework(services, ctx.me(), std::get<Framework>(out).id);
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  return json_response(status, framework_json(std::get<app::FrameworkView>(v), ctx.s.clock.today()).dump());
}

}  // namespace

Response frameworks_list(Ctx& ctx) { return list_page(ctx, {}, nullptr); }

Response framework_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::add_framework(services, ctx.me(), ctx.form);
  if (auto* e = std::get_if<Error>(&out)) return list_page(ctx, ctx.form, e);
  return redirect("/frameworks/" + std::get<Framework>(out).id + "?saved=1");
}

Response framework(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_framework(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  return framework_page(ctx, std::get<app::FrameworkView>(v), {}, nullptr, "");
}

Response framework_provider_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  return after_post(ctx, id, app::add_framework_provider(services, ctx.me(), id, ctx.form), "providers");
}

Response framework_suspension_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  return after_post(ctx, id, app::suspend_provider(services, ctx.me(), id, ctx.form), "suspensions");
}

Response framework_lift(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  return after_post(ctx, id, app::lift_suspension(services, ctx.me(), id, ctx.form), "lift");
}

Response api_frameworks(Ctx& ctx) {
  auto services = ctx.s.register_services();
  json items = json::array();
  for (const auto& v : app::list_frameworks(services, ctx.me()))
    items.push_back(framework_json(v, ctx.s.clock.today()));
  return json_response(200, json{{"frameworks", items}}.dump());
}

Response api_framework(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_framework(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  return json_response(200, framework_json(std::get<app::FrameworkView>(v), ctx.s.clock.today()).dump());
}

Response api_framework_create(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body, [](const json& j, Params& out) {
    if (auto it = j.find("tiers"); it != j.end() && it->is_array()) {
      std::string joined;
      for (const auto& t : *it) {
        if (t.is_string()) joined += t.get<std::string>() + "\n";
      }
      out["tiers"] = joined;
    }
  });
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after(ctx, services, app::add_framework(services, ctx.me(), *p), 201);
}

Response api_framework_provider_create(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after(ctx, services, app::add_framework_provider(services, ctx.me(), ctx.captures.at(0), *p), 201);
}

Response api_framework_suspension_create(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after(ctx, services, app::suspend_provider(services, ctx.me(), ctx.captures.at(0), *p), 201);
}

Response api_framework_lift(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after(ctx, services, app::lift_suspension(services, ctx.me(), ctx.captures.at(0), *p), 200);
}

}  // namespace tandem::web::handlers
