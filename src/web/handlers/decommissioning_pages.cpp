// Decommissioning appraisals: the list with the form that starts one, an
// appraisal's page with the form that records the decision, the page that
// changes its sections before the decision, and their JSON API twins.
#include <variant>

#include <nlohmann/json.hpp>

#include "app/decommissioning.h"
#include "web/handlers.h"
#include "web/json_body.h"
#include "web/refusal.h"

namespace tandem::web::handlers {

using json = nlohmann::json;

namespace {

Response refused(Ctx& ctx, const app::Refused& r, bool api) {
  return refusal(ctx, r, api, "You cannot see appraisals");
}

mstch::map input(const std::string& name, const std::string& label, const std::string& value, const Error* e,
                 const std::string& hint, bool textarea, const std::string& width = "") {
  std::string error;
  if (e) {
    for (const auto& f : e->fields) {
      if (f.field == name && error.empty()) error = f.message;
    }
  }
  std::string described;
  if (!hint.empty()) described = name + "-hint";
  if (!error.empty()) described += (described.empty() ? "" : " ") + name + "-error";
  return mstch::map{{"name", name}, {"id", name},     {"label", label},       {"value", value},        {"error", error},
                    {"hint", hint}, {"width", width}, {"textarea", textarea}, {"described", described}};
}

std::string error_on(const Error* e, const std::string& name) {
  if (!e) return "";
  for (const auto& f : e->fields) {
    if (f.field == name) return f.message;
  }
  return "";
}

json delivered_json(const app::AppraisalView& v) {
  json out = json::array();
  for (const auto& s : v.services) out.push_back({{"id", s.id}, {"name", s.name}, {"state", s.state}});
  return out;
}

json appraisal_json(const app::AppraisalView& v) {
  const Appraisal& a = v.appraisal;
  return {{"id", a.id},
          {"subject", to_string(a.subject)},
          {"subject_id", a.subject_id},
          {"subject_title", v.subject_title},
          {"needs_and_demand", a.needs_and_demand},
          {"quality_and_performance", a.quality_and_performance},
          {"cost", a.cost},
          {"contract_terms", a.contract_terms},
          {"stakeholders", a.stakeholders},
          {"exit_plan", a.exit_plan},
          {"decision", a.decision ? json(to_string(*a.decision)) : json(nullptr)},
          {"decided_on", a.decided_on ? json(format_date(*a.decided_on)) : json(nullptr)},
          {"decided_by", a.decided_by},
          {"rationale", a.rationale},
          {"services", delivered_json(v)},
          {"version", a.version}};
}

const std::string& section_text(const Appraisal& a, const std::string& n) {
  return n == "needs_and_demand"          ? a.needs_and_demand
         : n == "quality_and_performance" ? a.quality_and_performance
         : n == "cost"                    ? a.cost
         : n == "contract_terms"          ? a.contract_terms
         : n == "stakeholders"            ? a.stakeholders
                                          : a.exit_plan;
}

const std::pair<const char*, const char*> kSections[] = {
    {"needs_and_demand", "Needs and demand"},
    {"quality_and_performance", "Quality and performance"},
    {"cost", "Cost"},
    {"contract_terms", "The contract"},
    {"stakeholders", "Stakeholders and families affected"},
    {"exit_plan", "Exit plan"},
};

Response list_page(Ctx& ctx, const std::vector<app::AppraisalView>& list, const app::FormFields& f, const Error* e) {
  auto services = ctx.s.register_services();
  mstch::array rows;
  for (const auto& v : list) {
    const Appraisal& a = v.appraisal;
    rows.push_back(mstch::map{
        {"id", a.id},
        {"title", v.subject_title.empty() ? a.subject_id : v.subject_title},
        {"kind", std::string(a.subject == AppraisalSubject::contract ? "Contract" : "Commissioning activity")},
        {"decision", a.decision ? std::string(decommission_decision_label(*a.decision)) : std::string()},
        {"decided_on", a.decided_on ? format_date_long(*a.decided_on) : std::string()}});
  }
  const bool manage = role_has(ctx.me().role, Permission::manage_contracts);
  mstch::array subjects{
      mstch::map{{"value", std::string()}, {"label", std::string("Choose what is appraised")}, {"selected", false}}};
  if (manage) {
    for (const auto& [value, label] : app::appraisal_subjects(services, ctx.me())) {
      subjects.push_back(mstch::map{{"value", value}, {"label", label}, {"selected", param(f, "subject_id") == value}});
    }
  }
  mstch::array sections;
  for (const auto& [name, label] : kSections) {
    sections.push_back(input(name, label, param(f, name), e, "", true));
  }
  mstch::map view{{"rows", rows},
                  {"has_rows", !rows.empty()},
                  {"can_manage", manage},
                  {"subjects", subjects},
                  {"subject_error", error_on(e, "subject_id")},
                  {"sections", sections}};
  return page(ctx, e ? 400 : 200, "contracts/appraisals", "Decommissioning appraisals", std::move(view), "contracts",
              e);
}

Response appraisal_page(Ctx& ctx, const app::AppraisalView& v, const app::FormFields& f, const Error* e) {
  const Appraisal& a = v.appraisal;
  mstch::array sections;
  for (const auto& [name, label] : kSections) {
    sections.push_back(mstch::map{{"label", std::string(label)}, {"text", section_text(a, name)}});
  }
  mstch::array decisions;
  for (const auto d : all_decommission_decisions()) {
    const std::string id(to_string(d));
    decisions.push_back(mstch::map{{"value", id},
                                   {"label", std::string(decommission_decision_label(d))},
                                   {"checked", param(f, "decision") == id}});
  }
  const std::string href =
      a.subject == AppraisalSubject::contract ? "/contracts/" + a.subject_id : "/commissioning/" + a.subject_id;
  mstch::array delivered;
  for (const auto& s : v.services) delivered.push_back(mstch::map{{"id", s.id}, {"name", s.name}, {"state", s.state}});
  mstch::map view{
      {"id", a.id},
      {"title", v.subject_title.empty() ? a.subject_id : v.subject_title},
      {"href", href},
      {"kind", std::string(a.subject == AppraisalSubject::contract ? "Contract" : "Commissioning activity")},
      {"sections", sections},
      {"delivered", delivered},
      {"has_delivered", !delivered.empty()},
      {"decided", a.decision.has_value()},
      {"decision", a.decision ? std::string(decommission_decision_label(*a.decision)) : std::string()},
      {"decided_on", a.decided_on ? format_date_long(*a.decided_on) : std::string()},
      {"decided_by", a.decided_by},
      {"rationale", a.rationale},
      {"can_decide", role_has(ctx.me().role, Permission::manage_contracts) && !a.decision},
      {"can_edit", role_has(ctx.me().role, Permission::manage_contracts) && !a.decision},
      {"decisions", decisions},
      {"decision_error", error_on(e, "decision")},
      {"decision_fields",
       mstch::array{input("decided_on", "Date of the decision", param(f, "decided_on"), e,
                          "As year-month-day, like 2025-11-20", false, "govuk-input--width-10"),
                    input("decided_by", "Decided by", param(f, "decided_by"), e,
                          "A person and their role, or a board, like Joint commissioning board", false),
                    input("rationale", "Reasons (optional)", param(f, "rationale"), e, "", true)}}};
  return page(ctx, e ? 400 : 200, "contracts/appraisal", "Decommissioning appraisal", std::move(view), "contracts", e);
}

// The edit page, from the stored appraisal or (after an error) the form as sent.
Response edit_page(Ctx& ctx, const app::AppraisalView& v, const app::FormFields* sent, const Error* e) {
  auto services = ctx.s.register_services();
  const Appraisal& a = v.appraisal;
  const std::string chosen = sent ? param(*sent, "subject_id") : std::string(to_string(a.subject)) + ":" + a.subject_id;
  mstch::array subjects;
  for (const auto& [value, label] : app::appraisal_subjects(services, ctx.me())) {
    subjects.push_back(mstch::map{{"value", value}, {"label", label}, {"selected", chosen == value}});
  }
  mstch::array sections;
  for (const auto& [name, label] : kSections) {
    sections.push_back(input(name, label, sent ? param(*sent, name) : section_text(a, name), e, "", true));
  }
  std::string version_error;
  if (e && e->first_field() == "version") version_error = e->first_message();
  mstch::map view{{"id", a.id},
                  {"title", v.subject_title.empty() ? a.subject_id : v.subject_title},
                  {"version", sent ? param(*sent, "version") : std::to_string(a.version)},
                  {"version_error", version_error},
                  {"subjects", subjects},
                  {"subject_error", error_on(e, "subject_id")},
                  {"decision_error", error_on(e, "decision")},
                  {"sections", sections}};
  const int status = !e ? 200 : e->first_field() == "version" ? 409 : 400;
  return page(ctx, status, "contracts/appraisal_edit", "Change the appraisal", std::move(view), "contracts", e);
}

}  // namespace

Response appraisal_edit_form(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::open_appraisal(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  return edit_page(ctx, std::get<app::AppraisalView>(out), nullptr, nullptr);
}

Response appraisal_update(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  auto out = app::edit_appraisal(services, ctx.me(), id, ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto v = app::open_appraisal(services, ctx.me(), id);
    if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
    return edit_page(ctx, std::get<app::AppraisalView>(v), &ctx.form, e);
  }
  return redirect("/decommissioning/" + id + "?saved=1");
}

Response appraisals_list(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::list_appraisals(services, ctx.me());
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  return list_page(ctx, std::get<std::vector<app::AppraisalView>>(out), {}, nullptr);
}

Response appraisal_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::start_appraisal(services, ctx.me(), ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto list = app::list_appraisals(services, ctx.me());
    if (auto* r = std::get_if<app::Refused>(&list)) return refused(ctx, *r, false);
    return list_page(ctx, std::get<std::vector<app::AppraisalView>>(list), ctx.form, e);
  }
  return redirect("/decommissioning/" + std::get<Appraisal>(out).id + "?saved=1");
}

Response appraisal(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::open_appraisal(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  return appraisal_page(ctx, std::get<app::AppraisalView>(out), {}, nullptr);
}

Response appraisal_decide(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  auto out = app::decide_appraisal(services, ctx.me(), id, ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto v = app::open_appraisal(services, ctx.me(), id);
    if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
    return appraisal_page(ctx, std::get<app::AppraisalView>(v), ctx.form, e);
  }
  return redirect("/decommissioning/" + id + "?saved=1");
}

Response api_appraisals(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::list_appraisals(services, ctx.me());
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  json items = json::array();
  for (const auto& v : std::get<std::vector<app::AppraisalView>>(out)) items.push_back(appraisal_json(v));
  return json_response(200, json{{"appraisals", items}}.dump());
}

Response api_appraisal(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::open_appraisal(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  return json_response(200, appraisal_json(std::get<app::AppraisalView>(out)).dump());
}

namespace {
Response api_after(Ctx& ctx, app::RegisterServices& services, const std::variant<Appraisal, app::Refused, Error>& out,
                   int status) {
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(e->first_field() == "version" ? 409 : 400, *e);
  auto v = app::open_appraisal(services, ctx.me(), std::get<Appraisal>(out).id);
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  return json_response(status, appraisal_json(std::get<app::AppraisalView>(v)).dump());
}
}  // namespace

Response api_appraisal_create(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after(ctx, services, app::start_appraisal(services, ctx.me(), *p), 201);
}

Response api_appraisal_decide(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after(ctx, services, app::decide_appraisal(services, ctx.me(), ctx.captures.at(0), *p), 200);
}

Response api_appraisal_update(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after(ctx, services, app::edit_appraisal(services, ctx.me(), ctx.captures.at(0), *p), 200);
}

}  // namespace tandem::web::handlers
