#include <span>
#include <variant>

#include <nlohmann/json.hpp>

#include "core/embedded_file.h"
#include "web/handlers.h"

namespace tandem {
std::span<const EmbeddedFile> embedded_api_docs();
}

namespace tandem::web::handlers {

namespace {

using nlohmann::json;

json child_json(const Child& c) {
  return {{"id", c.id},
          {"given_name", c.given_name},
          {"family_name", c.family_name},
          {"date_of_birth", format_date(c.date_of_birth)},
          {"sex", c.sex},
          {"upn", c.upn},
          {"nhs_number", c.nhs_number},
          {"postcode", c.postcode},
          {"primary_need", c.primary_need},
          {"plan_status", std::string(to_string(c.plan_status))},
          {"setting_name", c.setting_name},
          {"responsible_icb", c.responsible_icb},
          {"icb_since", c.icb_since ? json(format_date(*c.icb_since)) : json(nullptr)},
          {"looked_after", c.looked_after},
          {"ethnicity", c.ethnicity},
          {"setting_urn", c.setting_urn},
          {"setting_ukprn", c.setting_ukprn},
          {"upn_unknown", c.upn_unknown},
          {"version", c.version}};
}

// Reads a JSON object of string fields into the same form a page posts, so
// the API and the pages share one validation.
Result<ChildForm> form_from_json(const std::string& body, std::int64_t* version) {
  json j;
  try {
    j = json::parse(body);
  } catch (const json::parse_error&) {
    return fail("body", "The request body must be a JSON object, like {\"given_name\": \"Ada\", ...}");
  }
  if (!j.is_object()) return fail("body", "The request body must be a JSON object");
  std::vector<FieldError> errors;
  auto text = [&](const char* key) -> std::string {
    if (!j.contains(key) || j[key].is_null()) return "";
    if (key == std::string("looked_after") && j[key].is_boolean()) return j[key].get<bool>() ? "yes" : "no";
    if (!j[key].is_string()) {
      errors.push_back({key, std::string(key) + " must be a string"});
      return "";
    }
    return j[key].get<std::string>();
  };
  ChildForm f;
  f.given_name = text("given_name");
  f.family_name = text("family_name");
  f.date_of_birth = text("date_of_birth");
  f.sex = text("sex");
  f.upn = text("upn");
  f.nhs_number = text("nhs_number");
  f.postcode = text("postcode");
  f.primary_need = text("primary_need");
  f.plan_status = text("plan_status");
  f.setting_name = text("setting_name");
  f.responsible_icb = text("responsible_icb");
  f.icb_since = text("icb_since");
  f.looked_after = text("looked_after");
  f.ethnicity = text("ethnicity");
  f.setting_urn = text("setting_urn");
  f.setting_ukprn = text("setting_ukprn");
  f.upn_unknown = text("upn_unknown");
  if (version) {
    if (!j.contains("version") || !j["version"].is_number_integer()) {
      errors.push_back({"version", "version must be the whole number you read with the record (optimistic locking)"});
    } else {
      *version = j["version"].get<std::int64_t>();
    }
  }
  if (!errors.empty()) return fail(std::move(errors));
  return f;
}

}  // namespace

Response api_me(Ctx& ctx) {
  const auto& u = ctx.me();
  json j{{"id", u.user_id},
         {"email", u.email},
         {"display_name", u.display_name},
         {"area_id", u.area_id},
         {"role", std::string(to_string(u.role))},
         {"agency", std::string(to_string(u.agency))}};
  if (!ctx.via_api_token) j["csrf_token"] = ctx.s.auth.csrf_token(u.session_hash);
  return json_response(200, j.dump());
}

Response api_children_list(Ctx& ctx) {
  auto services = ctx.s.register_services();
  app::RegisterFilters f;
  f.q = param(ctx.query, "q");
  f.primary_need = param(ctx.query, "primary_need");
  f.plan_status = param(ctx.query, "plan_status");
  f.setting_type = param(ctx.query, "setting_type");
  f.page = param(ctx.query, "page");
  if (f.page.empty()) f.page = "1";
  auto result = app::list_register(services, ctx.me(), f, ctx.route());
  if (!result) return json_error(400, result.error());
  json items = json::array();
  for (const auto& r : result->rows) {
    items.push_back({{"id", r.id},
                     {"given_name", r.given_name},
                     {"family_name", r.family_name},
                     {"date_of_birth", r.date_of_birth},
                     {"upn", r.upn},
                     {"nhs_number", r.nhs_number},
                     {"primary_need", r.primary_need},
                     {"plan_status", r.plan_status},
                     {"setting_name", r.setting_name}});
  }
  return json_response(200, json{{"children", items},
                                 {"total", result->total},
                                 {"total_is_lower_bound", result->more_than},
                                 {"page", result->page},
                                 {"pages", result->pages},
                                 {"page_size", result->page_size}}
                                .dump());
}

Response api_child(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto outcome = app::open_child(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (std::holds_alternative<app::NotFound>(outcome))
    return json_message(404, "not_found", "No child with that id in your area");
  if (std::holds_alternative<app::Forbidden>(outcome)) {
    return json_message(403, "forbidden", "Only agencies and people involved with this child can see their record");
  }
  const auto& rec = std::get<app::ChildRecord>(outcome);
  json j = child_json(rec.child);
  j["secondary_needs"] = json::array();
  for (const auto& n : rec.needs) j["secondary_needs"].push_back({{"rank", n.rank}, {"code", n.code}});
  j["placements"] = json::array();
  for (const auto& p : rec.placements) {
    j["placements"].push_back({{"id", p.id},
                               {"setting_name", p.setting_name},
                               {"setting_type", std::string(to_string(p.setting_type))},
                               {"start_date", format_date(p.start_date)},
                               {"end_date", p.end_date ? json(format_date(*p.end_date)) : json(nullptr)},
                               {"urn", p.urn},
                               {"ukprn", p.ukprn}});
  }
  j["involvements"] = json::array();
  for (const auto& i : rec.involvements) {
    j["involvements"].push_back({{"agency", std::string(to_string(i.agency))},
                                 {"professional_name", i.professional_name},
                                 {"role_on_case", i.role_on_case},
                                 {"started_on", format_date(i.started_on)},
                                 {"ended_on", i.ended_on ? json(format_date(*i.ended_on)) : json(nullptr)}});
  }
  return json_response(200, j.dump());
}

Response api_child_create(Ctx& ctx) {
  auto form = form_from_json(ctx.req.body, nullptr);
  if (!form) return json_error(400, form.error());
  auto services = ctx.s.register_services();
  auto id = app::add_child(services, ctx.me(), *form);
  if (!id) return json_error(400, id.error());
  Response r = json_response(201, json{{"id", *id}}.dump());
  r.set("Location", "/api/v1/children/" + *id);
  return r;
}

Response api_child_update(Ctx& ctx) {
  std::int64_t version = 0;
  auto form = form_from_json(ctx.req.body, &version);
  if (!form) return json_error(400, form.error());
  std::string reason;
  try {
    auto j = json::parse(ctx.req.body);
    if (j.contains("reason") && j["reason"].is_string()) reason = j["reason"].get<std::string>();
  } catch (const json::parse_error&) {
  }
  auto services = ctx.s.register_services();
  auto out = app::edit_child(services, ctx.me(), ctx.captures.at(0), *form, version, reason);
  if (std::holds_alternative<app::NotFound>(out.refused))
    return json_message(404, "not_found", "No child with that id in your area");
  if (std::holds_alternative<app::Forbidden>(out.refused)) {
    return json_message(403, "forbidden", "Only agencies and people involved with this child can see their record");
  }
  if (!out.result) return json_error(out.result.error().first_field() == "version" ? 409 : 400, out.result.error());
  return json_response(200, child_json(*out.result).dump());
}

Response api_openapi(Ctx&) {
  for (const auto& f : embedded_api_docs()) {
    if (f.path.ends_with("openapi.json")) {
      Response r = json_response(200, std::string(f.content));
      r.set("Access-Control-Allow-Origin", "*");
      return r;
    }
  }
  return json_message(404, "not_found", "This build has no API description");
}

}  // namespace tandem::web::handlers
