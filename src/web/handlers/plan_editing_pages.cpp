// Writing a plan: outcome and provision-line forms, the ICB's agreement to
// health provision, issuing the final plan, and their JSON API twins. The
// forms and the API share one reading of the fields (Params), so both give
// the same errors.
#include <variant>

#include <nlohmann/json.hpp>

#include "app/plan_editing.h"
#include "app/plans.h"
#include "core/need.h"
#include "core/placement.h"
#include "store/plan_codec.h"
#include "web/handlers.h"
#include "web/json_body.h"

namespace tandem::web::handlers {

using json = nlohmann::json;

namespace {

constexpr const char* kOutcomePrefix = "outcome_";

app::LineForm line_form_from(const Params& p) {
  app::LineForm f;
  f.section = param(p, "section");
  f.category = param(p, "category");
  f.what = param(p, "what");
  f.how_much = param(p, "how_much");
  f.how_often = param(p, "how_often");
  f.provider = param(p, "provider");
  f.level = param(p, "level");
  f.educates = param(p, "educates") == "yes";
  f.annual_cost = param(p, "annual_cost");
  for (const auto& [key, value] : p) {
    if (key.starts_with(kOutcomePrefix) && value == "yes") f.outcome_ids.push_back(key.substr(8));
  }
  f.responsibility = param(p, "responsibility");
  f.securing = param(p, "securing");
  for (std::size_t i = 0; i < f.pay_agency.size(); ++i) {
    f.pay_agency[i] = param(p, "pay_agency_" + std::to_string(i));
    f.pay_percent[i] = param(p, "pay_percent_" + std::to_string(i));
  }
  f.override_reason = param(p, "override_reason");
  f.version = param(p, "version");
  return f;
}

// A line's "outcome_ids" and "paying" arrays become the numbered fields the
// form uses.
void line_arrays(const json& j, Params& p) {
  if (auto it = j.find("outcome_ids"); it != j.end() && it->is_array()) {
    for (const auto& id : *it) {
      if (id.is_string()) p[kOutcomePrefix + id.get<std::string>()] = "yes";
    }
  }
  if (auto it = j.find("paying"); it != j.end() && it->is_array()) {
    for (std::size_t i = 0; i < it->size() && i < 3; ++i) {
      const auto& share = (*it)[i];
      if (!share.is_object()) continue;
      if (share.contains("agency") && share["agency"].is_string())
        p["pay_agency_" + std::to_string(i)] = share["agency"].get<std::string>();
      if (share.contains("percent")) {
        const auto& pct = share["percent"];
        p["pay_percent_" + std::to_string(i)] = pct.is_string() ? pct.get<std::string>() : pct.dump();
      }
    }
  }
}

Response refused_page(Ctx& ctx, const app::Refused& r) {
  return error_page(ctx, r.status, r.status == 404 ? "Page not found" : "You cannot change this plan", r.message);
}

Response refused_json(const app::Refused& r) {
  return json_message(r.status, r.status == 404 ? "not_found" : "forbidden", r.message);
}

mstch::array options(const std::vector<std::pair<std::string, std::string>>& items, const std::string& selected) {
  mstch::array out;
  for (const auto& [value, label] : items) {
    out.push_back(mstch::map{{"value", value}, {"label", label}, {"selected", value == selected}});
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> agency_items(bool blank) {
  std::vector<std::pair<std::string, std::string>> out;
  if (blank) out.emplace_back("", "Choose an agency");
  for (const Agency a : all_agencies()) out.emplace_back(std::string(to_string(a)), std::string(agency_label(a)));
  return out;
}

std::string percent_text(std::int32_t basis_points) {
  std::string out = std::to_string(basis_points / 100);
  if (basis_points % 100 != 0) {
    const int rest = basis_points % 100;
    out += (rest < 10 ? ".0" : ".") + std::to_string(rest);
  }
  return out;
}

// The form as a line reads back into it, for editing.
app::LineForm form_of(const ProvisionLine& l, std::int64_t version) {
  app::LineForm f;
  f.section = std::string(to_string(l.section));
  f.category = l.category;
  f.what = l.what;
  f.how_much = l.how_much;
  f.how_often = l.how_often;
  f.provider = l.provider.name;
  f.level = std::string(to_string(l.level));
  f.educates = l.educates_or_trains;
  f.annual_cost = format_pounds(l.annual_cost);
  f.outcome_ids = l.outcome_ids;
  f.responsibility = l.override_reason ? "recorded" : "proposed";
  f.securing = l.securing ? std::string(to_string(*l.securing)) : "";
  for (std::size_t i = 0; i < l.paying.size() && i < f.pay_agency.size(); ++i) {
    f.pay_agency[i] = std::string(to_string(l.paying[i].agency));
    f.pay_percent[i] = percent_text(l.paying[i].basis_points);
  }
  f.override_reason = l.override_reason.value_or("");
  f.version = std::to_string(version);
  return f;
}

Response line_form_page(Ctx& ctx, const store::StoredPlan& stored, const std::string& line_id, const app::LineForm& f,
                        const Error* errors) {
  const Plan& plan = stored.plan;
  mstch::array sections;
  for (const Section s : all_sections()) {
    const std::string id(to_string(s));
    std::string label = "Section " + id;
    if (s == Section::F) label += ": special educational provision";
    if (s == Section::G) label += ": health provision";
    if (s == Section::H1) label += ": social care under the Chronically Sick and Disabled Persons Act 1970 s2";
    if (s == Section::H2) label += ": other social care";
    // The first option carries the field's name, so the error summary's link lands on it.
    sections.push_back(mstch::map{{"value", id},
                                  {"input_id", s == Section::F ? std::string("section") : "section-" + id},
                                  {"label", label},
                                  {"checked", f.section == id}});
  }
  std::vector<std::pair<std::string, std::string>> categories{{"", "Choose the kind of provision"}};
  for (const auto& c : provision_categories()) categories.emplace_back(std::string(c.id), std::string(c.label));
  mstch::array levels;
  for (const auto& [value, label] : std::vector<std::pair<std::string, std::string>>{
           {"universal", "Universal"}, {"specialist", "Specialist"}, {"highly_specialist", "Highly specialist"}}) {
    levels.push_back(mstch::map{{"value", value},
                                {"input_id", value == "universal" ? std::string("level") : "level-" + value},
                                {"label", label},
                                {"checked", f.level == value}});
  }
  mstch::array outcomes;
  for (const auto& o : plan.outcomes) {
    const bool linked = std::find(f.outcome_ids.begin(), f.outcome_ids.end(), o.id) != f.outcome_ids.end();
    outcomes.push_back(mstch::map{{"name", kOutcomePrefix + o.id}, {"text", o.text}, {"checked", linked}});
  }
  mstch::array shares;
  for (std::size_t i = 0; i < f.pay_agency.size(); ++i) {
    shares.push_back(mstch::map{{"n", std::to_string(i)},
                                {"number", std::to_string(i + 1)},
                                {"agencies", options(agency_items(true), f.pay_agency[i])},
                                {"percent", f.pay_percent[i]}});
  }
  std::string proposal_text;
  if (auto p = app::propose_for_form(ctx.me().area_id, f)) {
    proposal_text = describe_responsibility(p->section, p->securing, p->paying) + ". " + p->rule;
  }
  mstch::map view{{"plan_id", plan.id},
                  {"heading", line_id.empty() ? "Add provision" : "Change provision"},
                  {"action", "/plans/" + plan.id + "/lines" + (line_id.empty() ? "" : "/" + line_id)},
                  {"version", f.version},
                  {"sections", sections},
                  {"categories", options(categories, f.category)},
                  {"what", f.what},
                  {"how_much", f.how_much},
                  {"how_often", f.how_often},
                  {"provider", f.provider},
                  {"levels", levels},
                  {"educates", f.educates},
                  {"annual_cost", f.annual_cost},
                  {"has_outcomes", !outcomes.empty()},
                  {"outcomes", outcomes},
                  {"proposed", f.responsibility != "recorded"},
                  {"recorded", f.responsibility == "recorded"},
                  {"proposal", proposal_text},
                  {"securing_options", options(agency_items(true), f.securing)},
                  {"shares", shares},
                  {"override_reason", f.override_reason}};
  if (errors != nullptr) {
    view["errors"] = error_items(*errors);
    view["field_errors"] = field_errors(*errors);
  }
  return page(ctx, errors ? 400 : 200, "plans/line", line_id.empty() ? "Add provision" : "Change provision",
              std::move(view), "children", errors);
}

std::optional<store::StoredPlan> plan_for_form(Ctx& ctx, Response& refusal) {
  auto services = ctx.s.register_services();
  auto v = app::open_plan(services, ctx.me(), ctx.captures.at(0), std::nullopt, ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) {
    refusal = refused_page(ctx, *r);
    return std::nullopt;
  }
  return std::get<app::PlanView>(v).stored;
}

Response plan_json(Ctx& ctx, int status, const app::PlanSaved& saved) {
  auto services = ctx.s.register_services();
  auto v = app::open_plan(services, ctx.me(), ctx.captures.at(0), std::nullopt, ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused_json(*r);
  auto j = json::parse(store::plan_to_json(std::get<app::PlanView>(v).stored.plan));
  j["version"] = saved.version;
  if (!saved.line_id.empty()) j["line_id"] = saved.line_id;
  if (saved.disagreement) j["disagreement_id"] = *saved.disagreement;
  return json_response(status, j.dump());
}

Response api_edit_result(Ctx& ctx, const app::PlanEdit& out, int status) {
  if (auto* r = std::get_if<app::Refused>(&out)) return refused_json(*r);
  if (auto* e = std::get_if<Error>(&out)) return json_error(e->first_field() == "version" ? 409 : 400, *e);
  return plan_json(ctx, status, std::get<app::PlanSaved>(out));
}

std::string saved_location(const std::string& plan_id, const app::PlanSaved& saved) {
  return "/plans/" + plan_id + (saved.disagreement ? "?disagreement=" + *saved.disagreement : "?saved=1");
}

}  // namespace

Response plan_line_form(Ctx& ctx) {
  Response refusal;
  auto stored = plan_for_form(ctx, refusal);
  if (!stored) return refusal;
  const std::string line_id = ctx.captures.size() > 1 ? ctx.captures.at(1) : "";
  app::LineForm f;
  f.version = std::to_string(stored->version);
  f.level = "specialist";
  if (!line_id.empty()) {
    auto it = std::find_if(stored->plan.provision.begin(), stored->plan.provision.end(),
                           [&](const ProvisionLine& l) { return l.id == line_id; });
    if (it == stored->plan.provision.end())
      return error_page(ctx, 404, "Page not found", "This plan has no such line.");
    f = form_of(*it, stored->version);
  }
  return line_form_page(ctx, *stored, line_id, f, nullptr);
}

Response plan_line_save(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string plan_id = ctx.captures.at(0);
  const std::string line_id = ctx.captures.size() > 1 ? ctx.captures.at(1) : "";
  const auto form = line_form_from(ctx.form);
  auto out = app::save_line(services, ctx.me(), plan_id, line_id, form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused_page(ctx, *r);
  if (auto* e = std::get_if<Error>(&out)) {
    Response refusal;
    auto stored = plan_for_form(ctx, refusal);
    if (!stored) return refusal;
    return line_form_page(ctx, *stored, line_id, form, e);
  }
  return redirect(saved_location(plan_id, std::get<app::PlanSaved>(out)));
}

Response plan_outcome_form(Ctx& ctx) {
  Response refusal;
  auto stored = plan_for_form(ctx, refusal);
  if (!stored) return refusal;
  const std::string outcome_id = ctx.captures.size() > 1 ? ctx.captures.at(1) : "";
  mstch::map view{{"plan_id", stored->plan.id},
                  {"action", "/plans/" + stored->plan.id + "/outcomes" + (outcome_id.empty() ? "" : "/" + outcome_id)},
                  {"heading", outcome_id.empty() ? "Add an outcome" : "Change an outcome"},
                  {"version", std::to_string(stored->version)}};
  if (!outcome_id.empty()) {
    auto it = std::find_if(stored->plan.outcomes.begin(), stored->plan.outcomes.end(),
                           [&](const Outcome& o) { return o.id == outcome_id; });
    if (it == stored->plan.outcomes.end())
      return error_page(ctx, 404, "Page not found", "This plan has no such outcome.");
    view["text"] = it->text;
    view["target_date"] = it->target_date ? format_date(*it->target_date) : std::string();
  }
  return page(ctx, 200, "plans/outcome", "Outcome", std::move(view), "children");
}

Response plan_outcome_save(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string plan_id = ctx.captures.at(0);
  const std::string outcome_id = ctx.captures.size() > 1 ? ctx.captures.at(1) : "";
  app::OutcomeForm f{param(ctx.form, "text"), param(ctx.form, "target_date"), param(ctx.form, "version")};
  auto out = app::save_outcome(services, ctx.me(), plan_id, outcome_id, f);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused_page(ctx, *r);
  if (auto* e = std::get_if<Error>(&out)) {
    mstch::map view{{"plan_id", plan_id},
                    {"action", "/plans/" + plan_id + "/outcomes" + (outcome_id.empty() ? "" : "/" + outcome_id)},
                    {"heading", outcome_id.empty() ? "Add an outcome" : "Change an outcome"},
                    {"version", f.version},
                    {"text", f.text},
                    {"target_date", f.target_date},
                    {"errors", error_items(*e)},
                    {"field_errors", field_errors(*e)}};
    return page(ctx, 400, "plans/outcome", "Outcome", std::move(view), "children", e);
  }
  return redirect("/plans/" + plan_id + "?saved=1");
}

Response plan_line_agree(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string plan_id = ctx.captures.at(0);
  auto out = app::agree_health_line(services, ctx.me(), plan_id, ctx.captures.at(1), param(ctx.form, "version"));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused_page(ctx, *r);
  if (auto* e = std::get_if<Error>(&out)) return error_page(ctx, 400, "The line was not agreed", e->first_message());
  return redirect("/plans/" + plan_id + "?saved=1");
}

namespace {
Response final_form_page(Ctx& ctx, const std::string& plan_id, const app::FinalForm& f, const Error* e) {
  std::vector<std::pair<std::string, std::string>> types{{"", "Choose the type of setting"}};
  for (const SettingType t : all_setting_types())
    types.emplace_back(std::string(to_string(t)), std::string(setting_type_label(t)));
  mstch::map view{{"plan_id", plan_id},
                  {"version", f.version},
                  {"issued_on", f.issued_on},
                  {"setting_name", f.setting_name},
                  {"setting_urn", f.setting_urn},
                  {"setting_ukprn", f.setting_ukprn},
                  {"types", options(types, f.setting_type)}};
  if (e != nullptr) {
    view["errors"] = error_items(*e);
    view["field_errors"] = field_errors(*e);
  }
  return page(ctx, e ? 400 : 200, "plans/final", "Issue the final plan", std::move(view), "children", e);
}
}  // namespace

Response plan_final_form(Ctx& ctx) {
  Response refusal;
  auto stored = plan_for_form(ctx, refusal);
  if (!stored) return refusal;
  if (stored->plan.stage == PlanStage::final)
    return error_page(ctx, 400, "Already final", "This plan has already been issued as final.");
  app::FinalForm f{format_date(ctx.s.clock.today()), "", "", std::to_string(stored->version), "", ""};
  return final_form_page(ctx, stored->plan.id, f, nullptr);
}

Response plan_final_save(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string plan_id = ctx.captures.at(0);
  app::FinalForm f{param(ctx.form, "issued_on"), param(ctx.form, "setting_name"), param(ctx.form, "setting_type"),
                   param(ctx.form, "version"),   param(ctx.form, "setting_urn"),  param(ctx.form, "setting_ukprn")};
  auto out = app::issue_final(services, ctx.me(), plan_id, f);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused_page(ctx, *r);
  if (auto* e = std::get_if<Error>(&out)) return final_form_page(ctx, plan_id, f, e);
  return redirect("/plans/" + plan_id + "?saved=1");
}

Response plan_start(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::start_draft(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused_page(ctx, *r);
  if (auto* e = std::get_if<Error>(&out)) return error_page(ctx, 400, "No draft was started", e->first_message());
  return redirect("/plans/" + std::get<app::PlanSaved>(out).plan_id + "/sections");
}

namespace {
Response sections_page(Ctx& ctx, const std::string& plan_id, const app::SectionsForm& f, const Error* e) {
  std::vector<std::pair<std::string, std::string>> needs{{"", "Not yet known"}};
  for (const auto& n : need_codes()) needs.emplace_back(std::string(n.code), std::string(n.name));
  mstch::map view{{"plan_id", plan_id},
                  {"version", f.version},
                  {"views", f.views},
                  {"need_options", options(needs, f.primary_need)},
                  {"secondary_needs", f.secondary_needs},
                  {"needs_text", f.needs_text},
                  {"health_needs", f.health_needs},
                  {"social_care_needs", f.social_care_needs}};
  return page(ctx, e ? 400 : 200, "plans/sections", "Sections A to D", std::move(view), "children", e);
}

app::SectionsForm sections_from(const Params& p) {
  return {param(p, "views"),        param(p, "primary_need"),      param(p, "secondary_needs"), param(p, "needs_text"),
          param(p, "health_needs"), param(p, "social_care_needs"), param(p, "version")};
}
}  // namespace

Response plan_sections_form(Ctx& ctx) {
  Response refusal;
  auto stored = plan_for_form(ctx, refusal);
  if (!stored) return refusal;
  const Plan& p = stored->plan;
  std::string secondary;
  for (const auto& n : p.needs.secondary_needs) secondary += (secondary.empty() ? "" : ", ") + n;
  app::SectionsForm f{p.views,
                      p.needs.primary_need,
                      secondary,
                      p.needs.text,
                      p.health_needs,
                      p.social_care_needs,
                      std::to_string(stored->version)};
  return sections_page(ctx, p.id, f, nullptr);
}

Response plan_sections_save(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string plan_id = ctx.captures.at(0);
  const auto f = sections_from(ctx.form);
  auto out = app::save_sections(services, ctx.me(), plan_id, f);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused_page(ctx, *r);
  if (auto* e = std::get_if<Error>(&out)) return sections_page(ctx, plan_id, f, e);
  return redirect("/plans/" + plan_id + "?saved=1");
}

// ---- JSON API ----------------------------------------------------------------------

Response api_plan_start(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::start_draft(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused_json(*r);
  if (auto* e = std::get_if<Error>(&out)) return json_error(e->first_field() == "plan" ? 409 : 400, *e);
  const auto& saved = std::get<app::PlanSaved>(out);
  return json_response(201, json{{"id", saved.plan_id}, {"version", saved.version}, {"stage", "draft"}}.dump());
}

Response api_plan_sections(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body, line_arrays);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out = app::save_sections(services, ctx.me(), ctx.captures.at(0), sections_from(*p));
  return api_edit_result(ctx, out, 200);
}

Response api_plan_line_save(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body, line_arrays);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  const std::string line_id = ctx.captures.size() > 1 ? ctx.captures.at(1) : "";
  auto out = app::save_line(services, ctx.me(), ctx.captures.at(0), line_id, line_form_from(*p));
  return api_edit_result(ctx, out, line_id.empty() ? 201 : 200);
}

Response api_plan_outcome_save(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body, line_arrays);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  const std::string outcome_id = ctx.captures.size() > 1 ? ctx.captures.at(1) : "";
  app::OutcomeForm f{param(*p, "text"), param(*p, "target_date"), param(*p, "version")};
  auto out = app::save_outcome(services, ctx.me(), ctx.captures.at(0), outcome_id, f);
  return api_edit_result(ctx, out, outcome_id.empty() ? 201 : 200);
}

Response api_plan_line_agree(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body, line_arrays);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out = app::agree_health_line(services, ctx.me(), ctx.captures.at(0), ctx.captures.at(1), param(*p, "version"));
  return api_edit_result(ctx, out, 200);
}

Response api_plan_final(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body, line_arrays);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  app::FinalForm f{param(*p, "issued_on"), param(*p, "setting_name"), param(*p, "setting_type"),
                   param(*p, "version"),   param(*p, "setting_urn"),  param(*p, "setting_ukprn")};
  auto out = app::issue_final(services, ctx.me(), ctx.captures.at(0), f);
  return api_edit_result(ctx, out, 200);
}

}  // namespace tandem::web::handlers
