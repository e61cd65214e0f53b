// Ceasing a plan (the form, the decision with its letter) and recording a
// young person's capacity for decisions; and their JSON API twins.
#include <variant>

#include <nlohmann/json.hpp>

#include "app/ceasing.h"
#include "app/plans.h"
#include "web/handlers.h"
#include "web/json_body.h"
#include "web/refusal.h"

namespace tandem::web::handlers {

using json = nlohmann::json;

namespace {

Response refused(Ctx& ctx, const app::Refused& r, bool api) {
  return refusal(ctx, r, api, "You cannot change this plan");
}

app::CeaseForm cease_form_from(const Params& p) {
  return {param(p, "reason"), param(p, "consulted_on"), param(p, "decided_on"), param(p, "left_education_on"),
          param(p, "reasons")};
}

Response cease_page(Ctx& ctx, const std::string& plan_id, const app::CeaseForm& f, const Error* e) {
  mstch::array reasons;
  for (const auto r : all_cease_reasons()) {
    const std::string id(to_string(r));
    reasons.push_back(mstch::map{{"value", id},
                                 {"input_id", r == CeaseReason::max_age ? std::string("reason") : "reason-" + id},
                                 {"label", std::string(cease_reason_label(r))},
                                 {"checked", f.reason == id}});
  }
  mstch::map view{{"plan_id", plan_id},
                  {"reasons", reasons},
                  {"consulted_on", f.consulted_on},
                  {"decided_on", f.decided_on},
                  {"left_education_on", f.left_education_on},
                  {"reason_text", f.reasons}};
  return page(ctx, e ? 400 : 200, "plans/cease", "Cease the plan", std::move(view), "children", e);
}

}  // namespace

Response plan_cease_form(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_plan(services, ctx.me(), ctx.captures.at(0), std::nullopt, ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  app::CeaseForm f;
  f.decided_on = format_date(ctx.s.clock.today());
  return cease_page(ctx, ctx.captures.at(0), f, nullptr);
}

Response plan_cease(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string plan_id = ctx.captures.at(0);
  const auto f = cease_form_from(ctx.form);
  auto out = app::cease_plan(services, ctx.me(), plan_id, f);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) return cease_page(ctx, plan_id, f, e);
  return redirect("/plans/" + plan_id + "?saved=1");
}

Response child_capacity(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string child_id = ctx.captures.at(0);
  app::CapacityForm f{param(ctx.form, "lacks_capacity"), param(ctx.form, "representative"),
                      param(ctx.form, "assessed_on")};
  auto out = app::record_capacity(services, ctx.me(), child_id, f);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    std::string message;
    for (const auto& fe : e->fields) message += (message.empty() ? "" : " ") + fe.message + ".";
    return error_page(ctx, 400, "The capacity record was not saved", message);
  }
  return redirect("/children/" + child_id + "?saved=1");
}

Response api_plan_cessation(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out = app::cease_plan(services, ctx.me(), ctx.captures.at(0), cease_form_from(*p));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(e->first_field() == "plan" ? 409 : 400, *e);
  const auto& ceased = std::get<app::Ceased>(out);
  auto plan = app::open_plan(services, ctx.me(), ctx.captures.at(0), std::nullopt, ctx.route());
  std::string child_id;
  if (auto* v = std::get_if<app::PlanView>(&plan)) child_id = v->child.id;
  auto view = app::cessation_of(services, ctx.me(), ctx.captures.at(0), child_id);
  json j{{"plan_id", ctx.captures.at(0)},
         {"reason", to_string(ceased.cessation.reason)},
         {"sen2_cease_reason", sen2_code(ceased.cessation.reason)},
         {"decided_on", format_date(ceased.cessation.decided_on)},
         {"letter_id", ceased.letter_id},
         {"plan_ends_on", view && view->ends_on ? json(format_date(*view->ends_on)) : json(nullptr)}};
  return json_response(201, j.dump());
}

Response api_child_capacity(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  app::CapacityForm f{param(*p, "lacks_capacity"), param(*p, "representative"), param(*p, "assessed_on")};
  auto out = app::record_capacity(services, ctx.me(), ctx.captures.at(0), f);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(400, *e);
  const auto& c = std::get<CapacityRecord>(out);
  return json_response(200, json{{"lacks_capacity", c.lacks_capacity},
                                 {"representative", c.representative},
                                 {"assessed_on", format_date(c.assessed_on)}}
                                .dump());
}

}  // namespace tandem::web::handlers
