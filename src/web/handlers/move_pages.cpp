// Moves between councils with a plan (reg 15): recording a move from the
// child's record, one move with its deadlines and the form for its next step,
// the area's list; and their JSON API twins.
#include <variant>

#include <nlohmann/json.hpp>

#include "app/area_moves.h"
#include "web/handlers.h"
#include "web/json_body.h"
#include "web/refusal.h"
#include "web/step_status.h"

namespace tandem::web::handlers {

using json = nlohmann::json;

namespace {

Response refused(Ctx& ctx, const app::Refused& r, bool api) { return refusal(ctx, r, api, "You cannot see this move"); }

app::MoveForm form_from(const Params& p) {
  return {param(p, "direction"),      param(p, "other_authority"), param(p, "moved_on"),
          param(p, "learned_on"),     param(p, "transferred_on"),  param(p, "plan_last_reviewed_on"),
          param(p, "family_told_on"), param(p, "will_assess"),     param(p, "version")};
}

std::string shown(const std::optional<Date>& d) { return d ? format_date_long(*d) : std::string("Not yet"); }
std::string iso(const std::optional<Date>& d) { return d ? format_date(*d) : std::string(); }

std::string describe(const AreaMove& m) {
  return (m.direction == MoveDirection::into_area ? "In from " : "Out to ") + m.other_authority + ", " +
         format_date_long(m.moved_on);
}

Response new_move_page(Ctx& ctx, const std::string& child_id, const app::MoveForm& f, const Error* e) {
  mstch::map view{{"child_id", child_id},
                  {"in", f.direction == "in"},
                  {"out", f.direction == "out"},
                  {"other_authority", f.other_authority},
                  {"moved_on", f.moved_on},
                  {"learned_on", f.learned_on},
                  {"transferred_on", f.transferred_on},
                  {"plan_last_reviewed_on", f.plan_last_reviewed_on}};
  return page(ctx, e ? 400 : 200, "moves/new", "Record a move between councils", std::move(view), "children", e);
}

Response move_page(Ctx& ctx, const app::MoveView& v, const app::MoveForm* sent, const Error* e) {
  const AreaMove& m = v.stored.move;
  const bool in = m.direction == MoveDirection::into_area;
  mstch::array deadlines;
  for (const auto& step : v.steps) {
    deadlines.push_back(mstch::map{{"what", step.what},
                                   {"basis", step.due.basis},
                                   {"date", format_date_long(step.due.date)},
                                   {"tag", status_tag(step.status)},
                                   {"status", status_text(step.status)}});
  }
  // The form shows what was sent when it is refused, else what is stored.
  const app::MoveForm f = sent ? *sent
                               : app::MoveForm{"",
                                               m.other_authority,
                                               format_date(m.moved_on),
                                               iso(m.learned_on),
                                               iso(m.transferred_on),
                                               iso(m.plan_last_reviewed_on),
                                               iso(m.family_told_on),
                                               m.will_assess ? (*m.will_assess ? "yes" : "no") : "",
                                               std::to_string(m.version)};
  mstch::map view{
      {"id", m.id},
      {"child_id", m.child_id},
      {"child_name", v.stored.child_name},
      {"title", std::string(in ? "Moved into the area" : "Moving out of the area")},
      {"in", in},
      {"out", !in},
      {"other_label", std::string(in ? "Council moved from" : "Council moving to")},
      {"other_authority_shown", m.other_authority},
      {"moved_shown", format_date_long(m.moved_on)},
      {"learned_shown", shown(m.learned_on)},
      {"transferred_shown", shown(m.transferred_on)},
      {"reviewed_shown", shown(m.plan_last_reviewed_on)},
      {"told_shown", m.family_told_on ? format_date_long(*m.family_told_on) + (m.will_assess.value_or(false)
                                                                                   ? ": the council will assess afresh"
                                                                                   : ": no new assessment")
                                      : std::string("Not yet")},
      {"deadlines", deadlines},
      {"has_deadlines", !deadlines.empty()},
      {"no_deadlines", std::string(in ? "The deadlines start when the plan is transferred: record the day it arrived."
                                      : "Record the day the council learned of the move.")},
      {"can_edit", role_has(ctx.me().role, Permission::edit_plan)},
      {"saved", param(ctx.query, "saved") == "1"},
      {"other_authority", f.other_authority},
      {"moved_on", f.moved_on},
      {"learned_on", f.learned_on},
      {"transferred_on", f.transferred_on},
      {"plan_last_reviewed_on", f.plan_last_reviewed_on},
      {"family_told_on", f.family_told_on},
      {"assess_yes", f.will_assess == "yes"},
      {"assess_no", f.will_assess == "no"},
      {"version", std::to_string(m.version)}};
  return page(ctx, e ? 400 : 200, "moves/move", "Move between councils", std::move(view), "children", e);
}

json move_json(const app::MoveView& v) {
  const AreaMove& m = v.stored.move;
  auto opt = [](const std::optional<Date>& d) { return d ? json(format_date(*d)) : json(nullptr); };
  json steps = json::array();
  for (const auto& s : v.steps) {
    steps.push_back(
        {{"what", s.what}, {"due", format_date(s.due.date)}, {"basis", s.due.basis}, {"status", to_string(s.status)}});
  }
  return {{"id", m.id},
          {"child_id", m.child_id},
          {"child_name", v.stored.child_name},
          {"direction", to_string(m.direction)},
          {"other_authority", m.other_authority},
          {"moved_on", format_date(m.moved_on)},
          {"learned_on", opt(m.learned_on)},
          {"transferred_on", opt(m.transferred_on)},
          {"plan_last_reviewed_on", opt(m.plan_last_reviewed_on)},
          {"family_told_on", opt(m.family_told_on)},
          {"will_assess", m.will_assess ? json(*m.will_assess) : json(nullptr)},
          {"version", m.version},
          {"steps", steps}};
}

}  // namespace

Response move_new_form(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto child = app::child_for(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&child)) return refused(ctx, *r, false);
  return new_move_page(ctx, ctx.captures.at(0), {}, nullptr);
}

Response move_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto f = form_from(ctx.form);
  auto out = app::record_move(services, ctx.me(), ctx.captures.at(0), f);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) return new_move_page(ctx, ctx.captures.at(0), f, e);
  return redirect("/moves/" + std::get<app::MoveView>(out).stored.move.id + "?saved=1");
}

Response move(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_move(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  return move_page(ctx, std::get<app::MoveView>(v), nullptr, nullptr);
}

Response move_update(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  const auto f = form_from(ctx.form);
  auto out = app::update_move(services, ctx.me(), id, f);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto v = app::open_move(services, ctx.me(), id, ctx.route());
    if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
    return move_page(ctx, std::get<app::MoveView>(v), &f, e);
  }
  return redirect("/moves/" + id + "?saved=1");
}

Response moves(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto rows = app::recent_moves(services, ctx.me(), ctx.route());
  mstch::array items;
  int overdue = 0;
  for (const auto& v : rows) {
    const auto* next = v.next();
    overdue += next && next->status == StepStatus::overdue ? 1 : 0;
    const bool waiting_for_transfer = v.steps.empty();
    items.push_back(mstch::map{
        {"id", v.stored.move.id},
        {"child", v.stored.child_name},
        {"move", describe(v.stored.move)},
        {"next", next ? next->what + " by " + format_date_long(next->due.date)
                      : std::string(waiting_for_transfer ? "Record the transfer of the plan" : "Every step done")},
        {"tag", next ? status_tag(next->status) : std::string("govuk-tag--grey")},
        {"status", next ? status_text(next->status) : std::string(waiting_for_transfer ? "Waiting" : "Done")}});
  }
  mstch::map view{{"rows", items},
                  {"has_rows", !items.empty()},
                  {"count", std::to_string(rows.size())},
                  {"overdue", std::to_string(overdue)}};
  return page(ctx, 200, "moves/list", "Moves between councils", std::move(view), "children");
}

Response api_moves(Ctx& ctx) {
  auto services = ctx.s.register_services();
  json items = json::array();
  for (const auto& v : app::recent_moves(services, ctx.me(), ctx.route())) items.push_back(move_json(v));
  return json_response(200, json{{"moves", items}}.dump());
}

Response api_move(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_move(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  return json_response(200, move_json(std::get<app::MoveView>(v)).dump());
}

Response api_move_create(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out = app::record_move(services, ctx.me(), ctx.captures.at(0), form_from(*p));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(400, *e);
  return json_response(201, move_json(std::get<app::MoveView>(out)).dump());
}

Response api_move_update(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out = app::update_move(services, ctx.me(), ctx.captures.at(0), form_from(*p));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(e->first_field() == "version" ? 409 : 400, *e);
  return json_response(200, move_json(std::get<app::MoveView>(out)).dump());
}

}  // namespace tandem::web::handlers
