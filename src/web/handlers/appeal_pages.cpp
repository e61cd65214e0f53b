// The tribunal tracker: live appeals with their next date, one appeal with
// its orders and their deadlines, and the forms that record each step; and
// their JSON API twins.
#include <variant>

#include <nlohmann/json.hpp>

#include "app/appeals.h"
#include "web/handlers.h"
#include "web/json_body.h"
#include "web/refusal.h"
#include "web/step_status.h"

namespace tandem::web::handlers {

using json = nlohmann::json;

namespace {

Response refused(Ctx& ctx, const app::Refused& r, bool api) {
  return refusal(ctx, r, api, "You cannot see this appeal");
}

app::AppealForm appeal_form_from(const Params& p) {
  return {param(p, "decision"), param(p, "decision_notice_on"), param(p, "mediation_certificate"),
          param(p, "registered_on"), param(p, "hearing_on")};
}

app::AppealStepForm step_form_from(const Params& p) {
  return {param(p, "step"), param(p, "on"),       param(p, "outcome"),
          param(p, "kind"), param(p, "order_id"), param(p, "version")};
}

Response new_appeal_page(Ctx& ctx, const std::string& child_id, const app::AppealForm& f, const Error* e) {
  std::vector<std::pair<std::string, std::string>> decisions{{"", "Choose the decision appealed"}};
  for (const auto d : all_appealed_decisions())
    decisions.emplace_back(std::string(to_string(d)), std::string(appealed_decision_label(d)));
  mstch::map view{{"child_id", child_id},
                  {"decisions", choices(decisions, f.decision)},
                  {"decision_notice_on", f.decision_notice_on},
                  {"mediation_certificate", f.mediation_certificate},
                  {"registered_on", f.registered_on},
                  {"hearing_on", f.hearing_on}};
  return page(ctx, e ? 400 : 200, "appeals/new", "Record an appeal", std::move(view), "appeals", e);
}

Response appeal_page(Ctx& ctx, const app::AppealView& v, const Error* e) {
  const Appeal& a = v.stored.appeal;
  mstch::array orders;
  for (const auto& o : v.orders) {
    mstch::array deadlines;
    for (const auto& d : o.deadlines) {
      deadlines.push_back(mstch::map{{"what", d.what}, {"date", format_date_long(d.due.date)}, {"basis", d.due.basis}});
    }
    orders.push_back(mstch::map{{"id", o.order.id},
                                {"kind", std::string(order_kind_label(o.order.kind))},
                                {"made", format_date_long(o.order.made_on)},
                                {"deadlines", deadlines},
                                {"tag", status_tag(o.status)},
                                {"status", status_text(o.status)},
                                {"complied", o.order.complied_on ? format_date_long(*o.order.complied_on) : ""},
                                {"open", !o.order.complied_on.has_value()}});
  }
  const bool writer = role_has(ctx.me().role, Permission::edit_plan);
  const bool pending = a.outcome == AppealOutcome::pending;
  std::vector<std::pair<std::string, std::string>> outcomes{{"", "Choose the outcome"}};
  for (const auto o :
       {AppealOutcome::withdrawn, AppealOutcome::conceded, AppealOutcome::dismissed, AppealOutcome::upheld})
    outcomes.emplace_back(std::string(to_string(o)), std::string(appeal_outcome_label(o)));
  std::vector<std::pair<std::string, std::string>> kinds{{"", "Choose what was ordered"}};
  for (const auto k : all_order_kinds())
    kinds.emplace_back(std::string(to_string(k)), std::string(order_kind_label(k)));
  mstch::map view{{"id", a.id},
                  {"child_id", a.child_id},
                  {"child_name", v.stored.child_name},
                  {"decision", std::string(appealed_decision_label(a.decision))},
                  {"notice", format_date_long(a.decision_notice_on)},
                  {"certificate", a.mediation_certificate ? format_date_long(*a.mediation_certificate) : ""},
                  {"appeal_by", format_date_long(v.appeal_by.date)},
                  {"appeal_by_basis", v.appeal_by.basis},
                  {"late", a.registered_on > v.appeal_by.date},
                  {"registered", format_date_long(a.registered_on)},
                  {"hearing", a.hearing_on ? format_date_long(*a.hearing_on) : "Not yet set"},
                  {"outcome", std::string(appeal_outcome_label(a.outcome))},
                  {"outcome_on", a.outcome_on ? format_date_long(*a.outcome_on) : ""},
                  {"orders", orders},
                  {"has_orders", !orders.empty()},
                  {"can_hear", writer && pending},
                  {"can_decide", writer && pending},
                  {"can_order", writer && !pending},
                  {"can_comply", writer},
                  {"outcomes", choices(outcomes, "")},
                  {"kinds", choices(kinds, "")},
                  {"today", format_date(ctx.s.clock.today())},
                  {"version", std::to_string(v.stored.version)}};
  return page(ctx, e ? 400 : 200, "appeals/appeal", "Appeal to the tribunal", std::move(view), "appeals", e);
}

json appeal_json(const app::AppealView& v) {
  const Appeal& a = v.stored.appeal;
  json orders = json::array();
  for (const auto& o : v.orders) {
    json deadlines = json::array();
    for (const auto& d : o.deadlines)
      deadlines.push_back({{"what", d.what}, {"date", format_date(d.due.date)}, {"basis", d.due.basis}});
    orders.push_back({{"id", o.order.id},
                      {"kind", to_string(o.order.kind)},
                      {"made_on", format_date(o.order.made_on)},
                      {"complied_on", o.order.complied_on ? json(format_date(*o.order.complied_on)) : json(nullptr)},
                      {"status", to_string(o.status)},
                      {"deadlines", deadlines}});
  }
  auto opt = [](const std::optional<Date>& d) { return d ? json(format_date(*d)) : json(nullptr); };
  return {{"id", a.id},
          {"child_id", a.child_id},
          {"decision", to_string(a.decision)},
          {"decision_notice_on", format_date(a.decision_notice_on)},
          {"mediation_certificate", opt(a.mediation_certificate)},
          {"appeal_by", {{"date", format_date(v.appeal_by.date)}, {"basis", v.appeal_by.basis}}},
          {"registered_on", format_date(a.registered_on)},
          {"hearing_on", opt(a.hearing_on)},
          {"outcome", to_string(a.outcome)},
          {"outcome_on", opt(a.outcome_on)},
          {"version", v.stored.version},
          {"orders", orders}};
}

}  // namespace

Response appeals_tracker(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto rows = app::tribunal_tracker(services, ctx.me(), ctx.route());
  mstch::array items;
  int overdue = 0;
  for (const auto& r : rows) {
    overdue += r.status == StepStatus::overdue ? 1 : 0;
    const auto& a = r.view.stored.appeal;
    items.push_back(mstch::map{{"id", a.id},
                               {"child", r.view.stored.child_name},
                               {"decision", std::string(appealed_decision_label(a.decision))},
                               {"registered", format_date_long(a.registered_on)},
                               {"outcome", std::string(appeal_outcome_label(a.outcome))},
                               {"next_what", r.next_what},
                               {"next_date", format_date_long(r.next_date)},
                               {"tag", status_tag(r.status)},
                               {"status", status_text(r.status)}});
  }
  mstch::map view{{"rows", items},
                  {"count", std::to_string(rows.size())},
                  {"overdue", std::to_string(overdue)},
                  {"empty", rows.empty()}};
  return page(ctx, 200, "appeals/tracker", "Tribunal tracker", std::move(view), "appeals");
}

Response appeal_new_form(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto child = app::child_for(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&child)) return refused(ctx, *r, false);
  return new_appeal_page(ctx, ctx.captures.at(0), {}, nullptr);
}

Response appeal_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto f = appeal_form_from(ctx.form);
  auto out = app::record_appeal(services, ctx.me(), ctx.captures.at(0), f);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) return new_appeal_page(ctx, ctx.captures.at(0), f, e);
  return redirect("/appeals/" + std::get<store::StoredAppeal>(out).appeal.id + "?saved=1");
}

Response appeal(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_appeal_record(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  return appeal_page(ctx, std::get<app::AppealView>(v), nullptr);
}

Response appeal_step(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  auto out = app::change_appeal(services, ctx.me(), id, step_form_from(ctx.form));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto v = app::open_appeal_record(services, ctx.me(), id, ctx.route());
    if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
    return appeal_page(ctx, std::get<app::AppealView>(v), e);
  }
  return redirect("/appeals/" + id + "?saved=1");
}

Response api_appeals(Ctx& ctx) {
  auto services = ctx.s.register_services();
  json items = json::array();
  for (const auto& r : app::tribunal_tracker(services, ctx.me(), ctx.route())) {
    auto j = appeal_json(r.view);
    j["next"] = {{"what", r.next_what}, {"date", format_date(r.next_date)}, {"status", to_string(r.status)}};
    items.push_back(std::move(j));
  }
  return json_response(200, json{{"appeals", items}}.dump());
}

Response api_appeal(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_appeal_record(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  return json_response(200, appeal_json(std::get<app::AppealView>(v)).dump());
}

Response api_appeal_create(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out = app::record_appeal(services, ctx.me(), ctx.captures.at(0), appeal_form_from(*p));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(400, *e);
  auto v = app::open_appeal_record(services, ctx.me(), std::get<store::StoredAppeal>(out).appeal.id, ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  return json_response(201, appeal_json(std::get<app::AppealView>(v)).dump());
}

Response api_appeal_step(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out = app::change_appeal(services, ctx.me(), ctx.captures.at(0), step_form_from(*p));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(e->first_field() == "version" ? 409 : 400, *e);
  auto v = app::open_appeal_record(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  return json_response(200, appeal_json(std::get<app::AppealView>(v)).dump());
}

}  // namespace tandem::web::handlers
