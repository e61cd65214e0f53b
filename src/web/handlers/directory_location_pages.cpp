// Staff pages and API for the venues where the Local Offer's services are
// delivered: the list, the add and change forms, and which services run there.
#include <nlohmann/json.hpp>

#include "app/directory_locations.h"
#include "app/directory_schedules.h"
#include "web/handlers.h"
#include "web/handlers/directory_fields.h"
#include "web/json_body.h"

namespace tandem::web::handlers {

using nlohmann::json;

namespace {

constexpr FormField kFields[] = {
    {"name", "Name", "As families know the place, like Northgate Family Hub", "input", ""},
    {"description", "About the venue", "Optional: parking, entrances, what it is like inside", "textarea", ""},
    {"address_1", "Building and street", "", "input", ""},
    {"address_2", "Address line 2", "Optional", "input", ""},
    {"city", "Town or city", "", "input", "govuk-input--width-20"},
    {"postcode", "Postcode", "", "input", "govuk-input--width-10"},
    {"latitude", "Latitude", "Optional, in decimal degrees like 54.5742; needed for families to search by distance",
     "input", "govuk-input--width-10"},
    {"longitude", "Longitude", "Optional, in decimal degrees like -1.2350", "input", "govuk-input--width-10"},
    {"accessibility", "Accessibility", "Step-free access, hearing loop, quiet room, accessible toilet...", "textarea",
     ""},
};

app::LocationForm read_form(const Params& p) {
  return {param(p, "name"),          param(p, "description"), param(p, "address_1"), param(p, "address_2"),
          param(p, "city"),          param(p, "postcode"),    param(p, "latitude"),  param(p, "longitude"),
          param(p, "accessibility"), param(p, "version")};
}

FieldValues values_of(const app::LocationForm& f) {
  FieldValues v;
  v.text = {{"name", f.name},
            {"description", f.description},
            {"address_1", f.address_1},
            {"address_2", f.address_2},
            {"city", f.city},
            {"postcode", f.postcode},
            {"latitude", f.latitude},
            {"longitude", f.longitude},
            {"accessibility", f.accessibility}};
  return v;
}

std::string saved_text(const std::string& saved) {
  if (saved == "1") return "The venue has been saved";
  if (saved == "added") return "The service is now offered here";
  if (saved == "removed") return "The service is no longer offered here";
  return {};
}

Response form_page(Ctx& ctx, int status, const std::optional<app::LocationView>& view, const app::LocationForm& form,
                   const Error* errors, const std::string& add_error = "") {
  const bool adding = !view;
  mstch::array services, others;
  if (view) {
    for (const auto& s : view->services)
      services.push_back(mstch::map{{"id", s.id}, {"name", s.name}, {"status", s.status}});
    for (const auto& s : view->others) others.push_back(mstch::map{{"id", s.id}, {"name", s.name}});
  }
  const std::string name = adding ? std::string() : view->location.name;
  const std::string base = adding ? std::string() : "/directory/locations/" + view->location.id;
  mstch::map v{{"back_href", std::string("/directory/locations")},
               {"back_text", std::string("Back to venues")},
               {"caption", std::string("Local Offer")},
               {"heading", adding ? std::string("Add a venue") : "Change " + name},
               {"action", adding ? std::string("/directory/locations") : base + "/edit"},
               {"version", adding ? std::string("0") : form.version},
               {"fields", form_fields(kFields, values_of(form), errors)},
               {"saved", saved_text(param(ctx.query, "saved"))},
               {"listed", !adding},
               {"listed_heading", std::string("Services offered here")},
               {"has_listed", !services.empty()},
               {"listed_empty", std::string("No service is offered here yet.")},
               {"services", services},
               {"removable", true},
               {"remove_action", base + "/services"},
               {"can_add", !adding && !others.empty()},
               {"add_action", base + "/services"},
               {"add_error", add_error},
               {"others", others},
               {"remove_href", adding ? std::string() : base + "/remove"},
               {"remove_text", std::string("Remove this venue")}};
  return page(ctx, status, "directory/record", adding ? std::string("Add a venue") : "Change " + name, std::move(v),
              "directory", errors);
}

json location_json(const app::LocationView& v) {
  const auto& l = v.location;
  json services = json::array();
  for (const auto& s : v.services) services.push_back({{"id", s.id}, {"name", s.name}, {"status", s.status}});
  return {{"id", l.id},
          {"name", l.name},
          {"description", l.description},
          {"address_1", l.address_1},
          {"address_2", l.address_2},
          {"city", l.city},
          {"postcode", l.postcode},
          {"latitude", l.point ? json(static_cast<double>(l.point->latitude_e6) / 1e6) : json(nullptr)},
          {"longitude", l.point ? json(static_cast<double>(l.point->longitude_e6) / 1e6) : json(nullptr)},
          {"accessibility", l.accessibility},
          {"version", l.version},
          {"services", services}};
}

// Asks before removing a venue; one a service is still offered at cannot go
// (409), and the page names those services instead of offering the button.
Response confirm_page(Ctx& ctx, int status, const app::LocationView& view, const Error* errors) {
  const auto& l = view.location;
  RemovalPage p;
  p.title = "Remove a venue";
  p.back_href = "/directory/locations/" + l.id + "/edit";
  p.back_text = "Back to " + l.name;
  p.caption = "Local Offer";
  p.heading = view.services.empty() ? "Remove " + l.name + "?" : l.name + " cannot be removed yet";
  p.action = "/directory/locations/" + l.id + "/remove";
  p.version = std::to_string(l.version);
  p.button = "Remove the venue";
  p.consequence = "The venue will no longer be listed for staff, and other directories will no longer read it.";
  p.rows = {{"Venue", l.name},
            {"Address", l.address_1 + (l.address_2.empty() ? "" : ", " + l.address_2)},
            {"Town or city", l.city},
            {"Postcode", l.postcode}};
  if (!view.services.empty()) {
    p.blocked = "Services are still offered here. Stop offering each of them here first, from the venue's page.";
    for (const auto& s : view.services) p.blockers.emplace_back(s.name, "/directory/services/" + s.id + "/edit");
  }
  return removal_page(ctx, status, p, errors);
}

// Asks before a service stops being offered at a venue, naming the opening
// times kept for that venue, which go with it.
Response service_here_page(Ctx& ctx, int status, const app::ServiceHereView& view, const Error* errors) {
  const auto& l = view.location;
  const auto& s = view.service;
  RemovalPage p;
  p.title = "Stop offering a service here";
  p.back_href = "/directory/locations/" + l.id + "/edit";
  p.back_text = "Back to " + l.name;
  p.caption = l.name;
  p.heading = "Stop offering " + s.name + " here?";
  p.action = "/directory/locations/" + l.id + "/services/" + s.id + "/remove";
  p.version = std::to_string(s.version);
  p.button = "Stop offering it here";
  p.consequence = view.times.empty()
                      ? "Families will no longer see this venue for the service. The service and the venue stay."
                      : "Families will no longer see this venue for the service, and its opening times here go "
                        "too. The service and the venue stay.";
  p.rows = {{"Service", s.name}, {"Venue", l.name + ", " + l.postcode}};
  for (const auto& t : view.times)
    p.rows.emplace_back("Opening times here", app::day_list(t.byday) + " " + t.opens_at + " to " + t.closes_at);
  return removal_page(ctx, status, p, errors);
}

int removal_status(const Error& e) { return e.first_field() == "services" ? 409 : status_for(e); }

}  // namespace

Response directory_location_remove_form(Ctx& ctx) {
  auto view = app::location_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such venue in your area's Local Offer.");
  return confirm_page(ctx, 200, *view, nullptr);
}

Response directory_location_remove(Ctx& ctx) {
  auto view = app::location_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such venue in your area's Local Offer.");
  auto removed = app::remove_location(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), view->location.id,
                                      param(ctx.form, "version"));
  if (!removed) return confirm_page(ctx, removal_status(removed.error()), *view, &removed.error());
  return redirect("/directory/locations?saved=removed");
}

Response api_directory_location_remove(Ctx& ctx) {
  auto removed = app::remove_location(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), ctx.captures.at(0),
                                      param(ctx.query, "version"));
  if (!removed) {
    if (removed.error().first_field() == "services") return json_error(409, removed.error());
    return api_failure(removed.error());
  }
  return json_response(200, json{{"removed", ctx.captures.at(0)}}.dump());
}

Response directory_locations(Ctx& ctx) {
  mstch::array rows;
  const auto all = app::locations_list(ctx.s.db, ctx.me());
  for (const auto& v : all) {
    rows.push_back(mstch::map{{"id", v.location.id},
                              {"name", v.location.name},
                              {"city", v.location.city},
                              {"postcode", v.location.postcode},
                              {"services", std::to_string(v.services.size())}});
  }
  return page(
      ctx, 200, "directory/locations", "Venues in the Local Offer",
      mstch::map{
          {"rows", rows}, {"total", std::to_string(all.size())}, {"removed", param(ctx.query, "saved") == "removed"}},
      "directory");
}

Response directory_location_new_form(Ctx& ctx) {
  return form_page(ctx, 200, std::nullopt, app::LocationForm{}, nullptr);
}

Response directory_location_create(Ctx& ctx) {
  const auto form = read_form(ctx.form);
  auto id = app::create_location(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), form);
  if (!id) return form_page(ctx, 400, std::nullopt, form, &id.error());
  return redirect("/directory/locations/" + *id + "/edit?saved=1");
}

Response directory_location_edit_form(Ctx& ctx) {
  auto view = app::location_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such venue in your area's Local Offer.");
  return form_page(ctx, 200, view, app::location_form(view->location), nullptr);
}

Response directory_location_update(Ctx& ctx) {
  auto view = app::location_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such venue in your area's Local Offer.");
  const auto form = read_form(ctx.form);
  auto saved = app::update_location(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), view->location.id, form);
  if (!saved) return form_page(ctx, status_for(saved.error()), view, form, &saved.error());
  return redirect("/directory/locations/" + view->location.id + "/edit?saved=1");
}

Response directory_location_service_add(Ctx& ctx) {
  auto view = app::location_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such venue in your area's Local Offer.");
  auto added = app::add_service_at_location(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), view->location.id,
                                            param(ctx.form, "service_id"));
  if (!added) {
    return form_page(ctx, status_for(added.error()), view, app::location_form(view->location), &added.error(),
                     added.error().first_message());
  }
  return redirect("/directory/locations/" + view->location.id + "/edit?saved=added");
}

Response directory_location_service_remove_form(Ctx& ctx) {
  auto view = app::service_here_view(ctx.s.db, ctx.me(), ctx.captures.at(0), ctx.captures.at(1));
  if (!view) return error_page(ctx, 404, "Page not found", "That service is not offered at this venue.");
  return service_here_page(ctx, 200, *view, nullptr);
}

Response directory_location_service_remove(Ctx& ctx) {
  auto view = app::service_here_view(ctx.s.db, ctx.me(), ctx.captures.at(0), ctx.captures.at(1));
  if (!view) return error_page(ctx, 404, "Page not found", "That service is not offered at this venue.");
  auto removed = app::remove_service_at_location(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), view->location.id,
                                                 view->service.id, param(ctx.form, "version"));
  if (!removed) return service_here_page(ctx, status_for(removed.error()), *view, &removed.error());
  return redirect("/directory/locations/" + view->location.id + "/edit?saved=removed");
}

Response api_directory_locations(Ctx& ctx) {
  json items = json::array();
  for (const auto& v : app::locations_list(ctx.s.db, ctx.me())) items.push_back(location_json(v));
  return json_response(200, json{{"locations", items}}.dump());
}

Response api_directory_location(Ctx& ctx) {
  auto view = app::location_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return json_message(404, "not_found", "There is no such venue in your area's Local Offer.");
  return json_response(200, location_json(*view).dump());
}

Response api_directory_location_create(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto id = app::create_location(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), read_form(*p));
  if (!id) return api_failure(id.error());
  return json_response(201, location_json(*app::location_view(ctx.s.db, ctx.me(), *id)).dump());
}

Response api_directory_location_update(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  const std::string id = ctx.captures.at(0);
  auto saved = app::update_location(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, read_form(*p));
  if (!saved) return api_failure(saved.error());
  return json_response(200, location_json(*app::location_view(ctx.s.db, ctx.me(), id)).dump());
}

Response api_directory_location_service_add(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  const std::string id = ctx.captures.at(0);
  auto added =
      app::add_service_at_location(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, param(*p, "service_id"));
  if (!added) return api_failure(added.error());
  return json_response(201, location_json(*app::location_view(ctx.s.db, ctx.me(), id)).dump());
}

Response api_directory_location_service_remove(Ctx& ctx) {
  const std::string id = ctx.captures.at(0);
  auto removed = app::remove_service_at_location(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id,
                                                 ctx.captures.at(1), param(ctx.query, "version"));
  if (!removed) return api_failure(removed.error());
  return json_response(200, location_json(*app::location_view(ctx.s.db, ctx.me(), id)).dump());
}

}  // namespace tandem::web::handlers
