// The SEN2 return as JSON: its totals and validation report, the open
// conflicts with a later return, and settling one.
#include <nlohmann/json.hpp>

#include "app/sen2_conflicts.h"
#include "app/sen2_view.h"
#include "web/handlers.h"
#include "web/json_body.h"

namespace tandem::web::handlers {

namespace {

using nlohmann::json;

json conflict_json(const store::Sen2ConflictRow& c) {
  return {{"id", c.id},
          {"child_id", c.child_id},
          {"import_id", c.import_id},
          {"path", c.path},
          {"tandem_value", c.tandem_value},
          {"file_value", c.file_value},
          {"raised_at", c.raised_at}};
}

}  // namespace

Response api_sen2_return(Ctx& ctx) {
  Error error;
  const auto year = sen2_year(ctx, error);
  if (!year) return json_error(400, error);
  auto services = ctx.s.register_services();
  auto v = app::sen2_return_view(services, ctx.me(), *year, ctx.route(), true);
  if (!v) return json_error(400, v.error());
  const auto& r = v->report;
  const auto& t = r.totals;
  json problems = json::array();
  for (const auto& p : r.problems)
    problems.push_back({{"severity", p.severity},
                        {"rule", p.rule},
                        {"child_id", p.child_id},
                        {"person", p.person},
                        {"path", p.path},
                        {"page", p.page},
                        {"message", p.message}});
  json conflicts = json::array();
  for (const auto& c : v->conflicts) {
    json j = conflict_json(c.row);
    j["person"] = c.person;
    j["can_take_file"] = c.can_take_file;
    conflicts.push_back(j);
  }
  json j{{"year", *year},
         {"census_date", format_date(r.period.census)},
         {"version", r.version},
         {"totals",
          {{"persons", t.persons},
           {"active_plans", t.active_plans},
           {"requests", t.requests},
           {"requests_assess", t.requests_assess},
           {"requests_not_assess", t.requests_not_assess},
           {"plans_issued", t.plans_issued},
           {"issued_within_20_weeks", t.issued_within_20_weeks},
           {"issued_with_exception", t.issued_with_exception},
           {"issued_within_20_weeks_no_exception", t.issued_within_20_weeks_no_exception},
           {"errors", t.errors},
           {"queries", t.queries}}},
         {"tandem",
          {{"active_plans", r.tandem_active_plans},
           {"requests", r.tandem_requests},
           {"requests_assess", r.tandem_requests_assess},
           {"requests_not_assess", r.tandem_requests_not_assess},
           {"plans_issued", r.rate.including_exceptions.plans},
           {"issued_within_20_weeks", r.rate.including_exceptions.within_20_weeks},
           {"plans_issued_no_exception", r.rate.excluding_exceptions.plans},
           {"issued_within_20_weeks_no_exception", r.rate.excluding_exceptions.within_20_weeks}}},
         {"problems", problems},
         {"conflicts", conflicts}};
  return json_response(200, j.dump());
}

Response api_sen2_conflicts(Ctx& ctx) {
  auto services = ctx.s.register_services();
  json items = json::array();
  for (const auto& c : app::sen2_open_conflicts(services, ctx.me(), ctx.route(), 1000)) {
    json j = conflict_json(c.row);
    j["person"] = c.person;
    j["can_take_file"] = c.can_take_file;
    items.push_back(j);
  }
  return json_response(200, json{{"conflicts", items}}.dump());
}

Response api_sen2_conflict_settle(Ctx& ctx) {
  if (!role_has(ctx.me().role, Permission::view_performance))
    return json_message(403, "forbidden", "Settling a conflict is for staff who see the return and change cases");
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object, like {\"keep\": \"file\"}"));
  auto services = ctx.s.register_services();
  auto out = app::settle_sen2_conflict(services, ctx.me(), ctx.captures.at(0), param(*p, "keep"));
  if (!out) {
    const auto& field = out.error().first_field();
    return json_error(field == "conflict" ? 404 : field == "settled" ? 409 : 400, out.error());
  }
  json j = conflict_json(out->row);
  j["settled_at"] = *out->settled_at;
  j["settled_by"] = out->settled_by;
  j["resolution"] = out->resolution;
  return json_response(200, j.dump());
}

}  // namespace tandem::web::handlers
