// Inter-agency disagreements: the area's list, one disagreement with each
// party's position, and recording the signed-in user's agency's position.
#include <variant>

#include <nlohmann/json.hpp>

#include "app/plan_editing.h"
#include "web/handlers.h"
#include "web/json_body.h"

namespace tandem::web::handlers {

using json = nlohmann::json;

namespace {

std::string status_tag(DisagreementStatus s) {
  switch (s) {
    case DisagreementStatus::open: return "govuk-tag--yellow";
    case DisagreementStatus::agreed: return "govuk-tag--green";
    case DisagreementStatus::disputed: return "govuk-tag--red";
    case DisagreementStatus::withdrawn: return "govuk-tag--grey";
  }
  return "";
}

std::string position_label(Position p) {
  switch (p) {
    case Position::pending: return "Not yet recorded";
    case Position::agrees: return "Agrees";
    case Position::disagrees: return "Disagrees";
  }
  return "";
}

json to_json(const store::StoredDisagreement& s) {
  const auto& d = s.d;
  json parties = json::array();
  for (const auto& p : d.parties) {
    parties.push_back({{"agency", to_string(p.agency)},
                       {"position", to_string(p.position)},
                       {"note", p.note},
                       {"decided_on", p.decided_on ? json(format_date(*p.decided_on)) : json(nullptr)}});
  }
  return {{"id", d.id},
          {"child_id", d.child_id},
          {"plan_id", d.plan_id},
          {"line_id", d.line_id},
          {"provision", d.line_what},
          {"proposed", d.proposed},
          {"recorded", d.recorded},
          {"reason", d.reason},
          {"status", to_string(status_of(d))},
          {"raised_on", format_date(d.raised_on)},
          {"version", s.version},
          {"parties", parties}};
}

Response refused_to(Ctx& ctx, const app::Refused& r, bool api) {
  if (api) return json_message(r.status, r.status == 404 ? "not_found" : "forbidden", r.message);
  return error_page(ctx, r.status, r.status == 404 ? "Page not found" : "You cannot see this disagreement", r.message);
}

Response show(Ctx& ctx, const store::StoredDisagreement& s, const Error* e) {
  const auto& d = s.d;
  const auto status = status_of(d);
  mstch::array parties;
  bool my_agency_pending = false;
  for (const auto& p : d.parties) {
    parties.push_back(mstch::map{{"agency", std::string(agency_label(p.agency))},
                                 {"position", position_label(p.position)},
                                 {"note", p.note},
                                 {"on", p.decided_on ? format_date_long(*p.decided_on) : std::string()}});
    if (p.agency == ctx.me().agency && p.position == Position::pending) my_agency_pending = true;
  }
  const bool can_answer =
      status == DisagreementStatus::open && my_agency_pending && role_has(ctx.me().role, Permission::agree_provision);
  mstch::map view{{"id", d.id},
                  {"child_id", d.child_id},
                  {"child_name", s.child_name},
                  {"plan_id", d.plan_id},
                  {"what", d.line_what},
                  {"proposed", d.proposed},
                  {"recorded", d.recorded},
                  {"reason", d.reason},
                  {"raised_on", format_date_long(d.raised_on)},
                  {"status", std::string(status_label(status))},
                  {"tag", status_tag(status)},
                  {"disputed", status == DisagreementStatus::disputed},
                  {"parties", parties},
                  {"can_answer", can_answer},
                  {"my_agency", std::string(agency_label(ctx.me().agency))},
                  {"version", std::to_string(s.version)},
                  {"note", e ? param(ctx.form, "note") : std::string()}};
  if (e != nullptr) {
    view["errors"] = error_items(*e);
    view["field_errors"] = field_errors(*e);
  }
  return page(ctx, e ? 400 : 200, "disagreements/show", "Disagreement about provision", std::move(view),
              "disagreements", e);
}

}  // namespace

Response disagreements(Ctx& ctx) {
  auto services = ctx.s.register_services();
  std::string status = param(ctx.query, "status");
  if (status.empty()) status = "open";
  if (status == "all") status.clear();
  if (!status.empty() && !parse_disagreement_status(status)) {
    return error_page(ctx, 400, "Not a status", "Show open, agreed, disputed, withdrawn or all disagreements.");
  }
  const auto rows = app::area_disagreement_list(services, ctx.me(), status, ctx.route());
  mstch::array items;
  for (const auto& r : rows) {
    const auto st = status_of(r.d);
    int waiting = 0;
    for (const auto& p : r.d.parties) waiting += p.position == Position::pending ? 1 : 0;
    items.push_back(mstch::map{{"id", r.d.id},
                               {"child", r.child_name},
                               {"what", r.d.line_what},
                               {"recorded", r.d.recorded},
                               {"raised", format_date_long(r.d.raised_on)},
                               {"status", std::string(status_label(st))},
                               {"tag", status_tag(st)},
                               {"waiting", std::to_string(waiting)}});
  }
  mstch::array filters;
  for (const char* s : {"open", "disputed", "agreed", "withdrawn", "all"}) {
    const bool current = (status.empty() ? std::string("all") : status) == s;
    filters.push_back(mstch::map{{"value", std::string(s)}, {"current", current}});
  }
  mstch::map view{
      {"rows", items}, {"count", std::to_string(rows.size())}, {"filters", filters}, {"empty", rows.empty()}};
  return page(ctx, 200, "disagreements/list", "Disagreements between agencies", std::move(view), "disagreements");
}

Response disagreement_page(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto found = app::open_disagreement_record(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&found)) return refused_to(ctx, *r, false);
  return show(ctx, std::get<store::StoredDisagreement>(found), nullptr);
}

Response disagreement_position(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  auto out = app::record_agency_position(services, ctx.me(), id, param(ctx.form, "position"), param(ctx.form, "note"),
                                         param(ctx.form, "version"));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused_to(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto found = app::open_disagreement_record(services, ctx.me(), id, ctx.route());
    if (auto* r = std::get_if<app::Refused>(&found)) return refused_to(ctx, *r, false);
    return show(ctx, std::get<store::StoredDisagreement>(found), e);
  }
  return redirect("/disagreements/" + id + "?saved=1");
}

Response api_disagreements(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string status = param(ctx.query, "status");
  if (!status.empty() && !parse_disagreement_status(status)) {
    return json_error(400, Error("status", "Use open, agreed, disputed or withdrawn, or leave it out for all"));
  }
  json items = json::array();
  for (const auto& r : app::area_disagreement_list(services, ctx.me(), status, ctx.route()))
    items.push_back(to_json(r));
  return json_response(200, json{{"items", items}}.dump());
}

Response api_disagreement(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto found = app::open_disagreement_record(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&found)) return refused_to(ctx, *r, true);
  return json_response(200, to_json(std::get<store::StoredDisagreement>(found)).dump());
}

Response api_disagreement_position(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto text = [&](const char* key) { return param(*p, key); };
  auto services = ctx.s.register_services();
  auto out = app::record_agency_position(services, ctx.me(), ctx.captures.at(0), text("position"), text("note"),
                                         text("version"));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused_to(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(e->first_field() == "version" ? 409 : 400, *e);
  return json_response(200, to_json(std::get<store::StoredDisagreement>(out)).dump());
}

}  // namespace tandem::web::handlers
