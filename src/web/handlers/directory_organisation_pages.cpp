// Staff pages and API for the organisations that run the Local Offer's
// services: the list, the add and change forms, and the services each runs.
#include <nlohmann/json.hpp>

#include "app/directory_organisations.h"
#include "web/handlers.h"
#include "web/handlers/directory_fields.h"
#include "web/json_body.h"

namespace tandem::web::handlers {

using nlohmann::json;

namespace {

constexpr FormField kFields[] = {
    {"name", "Name", "", "input", ""},
    {"description", "What it does", "In plain words, as families will read it", "textarea", ""},
    {"website", "Website", "Starting https://", "input", ""},
    {"email", "Email address", "", "input", ""},
    {"logo", "Logo", "The web address of its logo image, starting https://; leave empty for none", "input", ""},
    {"charity_number", "Charity number", "If it is a registered charity, like 1123456 or SC012345", "input",
     "govuk-input--width-10"},
    {"company_number", "Company number", "If it is registered at Companies House, like 01234567", "input",
     "govuk-input--width-10"},
};

app::OrganisationForm read_form(const Params& p) {
  return {param(p, "name"), param(p, "description"),    param(p, "website"),        param(p, "email"),
          param(p, "logo"), param(p, "charity_number"), param(p, "company_number"), param(p, "version")};
}

FieldValues values_of(const app::OrganisationForm& f) {
  FieldValues v;
  v.text = {{"name", f.name},   {"description", f.description},       {"website", f.website},
            {"email", f.email}, {"charity_number", f.charity_number}, {"company_number", f.company_number},
            {"logo", f.logo}};
  return v;
}

Response form_page(Ctx& ctx, int status, const std::optional<app::OrganisationView>& view,
                   const app::OrganisationForm& form, const Error* errors) {
  const bool adding = !view;
  mstch::array services;
  if (view) {
    for (const auto& s : view->services)
      services.push_back(mstch::map{{"id", s.id}, {"name", s.name}, {"status", s.status}});
  }
  const std::string name = adding ? std::string() : view->organisation.name;
  mstch::map v{
      {"back_href", std::string("/directory/organisations")},
      {"back_text", std::string("Back to organisations")},
      {"caption", std::string("Local Offer")},
      {"heading", adding ? std::string("Add an organisation") : "Change " + name},
      {"action", adding ? std::string("/directory/organisations")
                        : "/directory/organisations/" + view->organisation.id + "/edit"},
      {"version", adding ? std::string("0") : form.version},
      {"fields", form_fields(kFields, values_of(form), errors)},
      {"saved", param(ctx.query, "saved") == "1" ? std::string("The organisation has been saved") : std::string()},
      {"listed", !adding},
      {"listed_heading", std::string("Services it runs")},
      {"has_listed", !services.empty()},
      {"listed_empty", std::string("It runs no services in the Local Offer yet.")},
      {"services", services},
      {"remove_href", adding ? std::string() : "/directory/organisations/" + view->organisation.id + "/remove"},
      {"remove_text", std::string("Remove this organisation")}};
  return page(ctx, status, "directory/record", adding ? std::string("Add an organisation") : "Change " + name,
              std::move(v), "directory", errors);
}

json organisation_json(const app::OrganisationView& v) {
  const auto& o = v.organisation;
  json services = json::array();
  for (const auto& s : v.services) services.push_back({{"id", s.id}, {"name", s.name}, {"status", s.status}});
  return {{"id", o.id},
          {"name", o.name},
          {"description", o.description},
          {"website", o.website},
          {"email", o.email},
          {"logo", o.logo},
          {"charity_number", o.charity_number},
          {"company_number", o.company_number},
          {"version", o.version},
          {"services", services}};
}

}  // namespace

Response directory_organisations(Ctx& ctx) {
  mstch::array rows;
  const auto all = app::organisations_list(ctx.s.db, ctx.me());
  for (const auto& v : all) {
    rows.push_back(mstch::map{{"id", v.organisation.id},
                              {"name", v.organisation.name},
                              {"charity_number", v.organisation.charity_number},
                              {"company_number", v.organisation.company_number},
                              {"services", std::to_string(v.services.size())}});
  }
  return page(
      ctx, 200, "directory/organisations", "Organisations in the Local Offer",
      mstch::map{
          {"rows", rows}, {"total", std::to_string(all.size())}, {"removed", param(ctx.query, "saved") == "removed"}},
      "directory");
}

Response directory_organisation_new_form(Ctx& ctx) {
  return form_page(ctx, 200, std::nullopt, app::OrganisationForm{}, nullptr);
}

Response directory_organisation_create(Ctx& ctx) {
  const auto form = read_form(ctx.form);
  auto id = app::create_organisation(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), form);
  if (!id) return form_page(ctx, 400, std::nullopt, form, &id.error());
  return redirect("/directory/organisations/" + *id + "/edit?saved=1");
}

Response directory_organisation_edit_form(Ctx& ctx) {
  auto view = app::organisation_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such organisation in your area's Local Offer.");
  return form_page(ctx, 200, view, app::organisation_form(view->organisation), nullptr);
}

Response directory_organisation_update(Ctx& ctx) {
  auto view = app::organisation_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such organisation in your area's Local Offer.");
  const auto form = read_form(ctx.form);
  auto saved =
      app::update_organisation(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), view->organisation.id, form);
  if (!saved) return form_page(ctx, status_for(saved.error()), view, form, &saved.error());
  return redirect("/directory/organisations/" + view->organisation.id + "/edit?saved=1");
}

Response api_directory_organisations(Ctx& ctx) {
  json items = json::array();
  for (const auto& v : app::organisations_list(ctx.s.db, ctx.me())) items.push_back(organisation_json(v));
  return json_response(200, json{{"organisations", items}}.dump());
}

Response api_directory_organisation(Ctx& ctx) {
  auto view = app::organisation_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return json_message(404, "not_found", "There is no such organisation in your area's Local Offer.");
  return json_response(200, organisation_json(*view).dump());
}

Response api_directory_organisation_create(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto id = app::create_organisation(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), read_form(*p));
  if (!id) return api_failure(id.error());
  return json_response(201, organisation_json(*app::organisation_view(ctx.s.db, ctx.me(), *id)).dump());
}

Response api_directory_organisation_update(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  const std::string id = ctx.captures.at(0);
  auto saved = app::update_organisation(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, read_form(*p));
  if (!saved) return api_failure(saved.error());
  return json_response(200, organisation_json(*app::organisation_view(ctx.s.db, ctx.me(), id)).dump());
}

}  // namespace tandem::web::handlers
