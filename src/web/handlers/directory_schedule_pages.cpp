// Staff pages and API for a service's regular opening times.
#include <nlohmann/json.hpp>

#include "app/directory_schedules.h"
#include "web/handlers.h"
#include "web/handlers/directory_fields.h"
#include "web/json_body.h"

namespace tandem::web::handlers {

using nlohmann::json;

namespace {

constexpr FormField kFields[] = {
    {"byday", "Days", "Tick every day it runs at these times", "checkboxes", ""},
    {"opens_at", "Opens at", "On the 24-hour clock, like 09:30", "input", "govuk-input--width-5"},
    {"closes_at", "Closes at", "On the 24-hour clock, like 15:00", "input", "govuk-input--width-5"},
    {"service_at_location_id", "Where", "", "select", ""},
    {"valid_from", "From", "Optional: the first day these times hold, like 2026-09-01", "input",
     "govuk-input--width-10"},
    {"valid_to", "Until", "Optional: the last day these times hold, like 2027-07-20", "input", "govuk-input--width-10"},
    {"description", "Note for families", "Optional, like Term time only", "input", ""},
};

const Choices kDays{{"MO", "Monday"}, {"TU", "Tuesday"},  {"WE", "Wednesday"}, {"TH", "Thursday"},
                    {"FR", "Friday"}, {"SA", "Saturday"}, {"SU", "Sunday"}};

app::ScheduleForm read_form(const Params& p, std::vector<std::string> days) {
  app::ScheduleForm f;
  f.days = std::move(days);
  f.opens_at = param(p, "opens_at");
  f.closes_at = param(p, "closes_at");
  f.valid_from = param(p, "valid_from");
  f.valid_to = param(p, "valid_to");
  f.description = param(p, "description");
  f.service_at_location_id = param(p, "service_at_location_id");
  f.version = param(p, "version");
  return f;
}

std::string dates_text(const Schedule& s) {
  std::string out;
  if (s.valid_from) out = "From " + format_date_long(*s.valid_from);
  if (s.valid_to) out += (out.empty() ? "Until " : " until ") + format_date_long(*s.valid_to);
  return out.empty() ? "All year" : out;
}

std::string venue_name(const app::SchedulesView& v, const std::string& sal_id) {
  if (sal_id.empty()) return "Wherever it runs";
  for (const auto& venue : v.venues) {
    if (venue.service_at_location_id == sal_id) return venue.name;
  }
  return "Wherever it runs";
}

Response form_page(Ctx& ctx, int status, const app::SchedulesView& view, const std::string& schedule_id,
                   const app::ScheduleForm& form, const Error* errors) {
  const bool adding = schedule_id.empty();
  FieldValues values;
  values.text = {{"opens_at", form.opens_at},       {"closes_at", form.closes_at},
                 {"valid_from", form.valid_from},   {"valid_to", form.valid_to},
                 {"description", form.description}, {"service_at_location_id", form.service_at_location_id}};
  values.ticked["byday"] = form.days;
  values.choices["byday"] = kDays;
  Choices where{{"", "Wherever it runs"}};
  for (const auto& v : view.venues) where.emplace_back(v.service_at_location_id, v.name);
  values.choices["service_at_location_id"] = where;
  const std::string base = "/directory/services/" + view.service.id + "/schedules";
  mstch::map v{{"back_href", base},
               {"back_text", std::string("Back to the opening times")},
               {"caption", view.service.name},
               {"heading", std::string(adding ? "Add opening times" : "Change opening times")},
               {"action", adding ? base : base + "/" + schedule_id + "/edit"},
               {"version", form.version},
               {"fields", form_fields(kFields, values, errors)}};
  return page(ctx, status, "directory/record", adding ? "Add opening times" : "Change opening times", std::move(v),
              "directory", errors);
}

std::string saved_text(const std::string& saved) {
  if (saved == "added") return "The opening times have been added";
  if (saved == "changed") return "The opening times have been changed";
  if (saved == "removed") return "The opening times have been removed";
  return {};
}

Response list_page(Ctx& ctx, int status, const app::SchedulesView& view, const Error* errors) {
  mstch::array rows;
  for (const auto& s : view.service.schedules) {
    rows.push_back(mstch::map{{"schedule_id", s.id},
                              {"days", app::day_list(s.byday)},
                              {"opens", s.opens_at},
                              {"closes", s.closes_at},
                              {"where", venue_name(view, s.service_at_location_id)},
                              {"dates", dates_text(s)},
                              {"note", s.description}});
  }
  mstch::map v{{"id", view.service.id}, {"name", view.service.name}, {"version", std::to_string(view.service.version)},
               {"rows", rows},          {"has_rows", !rows.empty()}, {"saved", saved_text(param(ctx.query, "saved"))}};
  return page(ctx, status, "directory/schedules", "Opening times: " + view.service.name, std::move(v), "directory",
              errors);
}

std::optional<app::SchedulesView> find_view(Ctx& ctx) {
  return app::service_schedules(ctx.s.db, ctx.me(), ctx.captures.at(0));
}

Response not_found(Ctx& ctx) {
  return error_page(ctx, 404, "Page not found", "There is no such service in your area's Local Offer.");
}

Response confirm_page(Ctx& ctx, int status, const app::SchedulesView& view, const Schedule& s, const Error* errors) {
  const std::string base = "/directory/services/" + view.service.id + "/schedules";
  RemovalPage p;
  p.title = "Remove opening times";
  p.back_href = base;
  p.back_text = "Back to the opening times";
  p.caption = view.service.name;
  p.heading = "Remove these opening times?";
  p.action = base + "/" + s.id + "/remove";
  p.version = std::to_string(view.service.version);
  p.button = "Remove the opening times";
  p.consequence = "Families will no longer see these times on the service's page or in the Open Referral UK feed.";
  p.rows = {{"Days", app::day_list(s.byday)},
            {"Times", s.opens_at + " to " + s.closes_at},
            {"Where", venue_name(view, s.service_at_location_id)},
            {"Dates", dates_text(s)},
            {"Note for families", s.description}};
  return removal_page(ctx, status, p, errors);
}

const Schedule* find_schedule(const app::SchedulesView& v, const std::string& id) {
  for (const auto& s : v.service.schedules) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

json schedules_json(const app::SchedulesView& v) {
  json items = json::array();
  for (const auto& s : v.service.schedules) {
    items.push_back({{"id", s.id},
                     {"byday", s.byday},
                     {"opens_at", s.opens_at},
                     {"closes_at", s.closes_at},
                     {"valid_from", s.valid_from ? json(format_date(*s.valid_from)) : json(nullptr)},
                     {"valid_to", s.valid_to ? json(format_date(*s.valid_to)) : json(nullptr)},
                     {"description", s.description},
                     {"service_at_location_id", s.service_at_location_id}});
  }
  json venues = json::array();
  for (const auto& venue : v.venues)
    venues.push_back({{"service_at_location_id", venue.service_at_location_id}, {"name", venue.name}});
  return {{"service_id", v.service.id}, {"version", v.service.version}, {"schedules", items}, {"venues", venues}};
}

// byday as a JSON array of day codes or a comma-separated string.
std::vector<std::string> json_days(const std::string& body) {
  std::vector<std::string> out;
  const auto doc = json::parse(body, nullptr, false);
  if (!doc.is_object() || !doc.contains("byday")) return out;
  const auto& days = doc["byday"];
  if (days.is_array()) {
    for (const auto& d : days) {
      if (d.is_string()) out.push_back(d.get<std::string>());
    }
  } else if (days.is_string()) {
    std::string_view rest = days.get_ref<const std::string&>();
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      out.emplace_back(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
  }
  return out;
}

}  // namespace

Response directory_schedules(Ctx& ctx) {
  auto view = find_view(ctx);
  if (!view) return not_found(ctx);
  return list_page(ctx, 200, *view, nullptr);
}

Response directory_schedule_new_form(Ctx& ctx) {
  auto view = find_view(ctx);
  if (!view) return not_found(ctx);
  app::ScheduleForm form;
  form.version = std::to_string(view->service.version);
  return form_page(ctx, 200, *view, "", form, nullptr);
}

Response directory_schedule_create(Ctx& ctx) {
  auto view = find_view(ctx);
  if (!view) return not_found(ctx);
  const auto form = read_form(ctx.form, all_values(ctx.req.body, "byday"));
  auto saved = app::add_schedule(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), view->service.id, form);
  if (!saved) return form_page(ctx, status_for(saved.error()), *view, "", form, &saved.error());
  return redirect("/directory/services/" + view->service.id + "/schedules?saved=added");
}

Response directory_schedule_edit_form(Ctx& ctx) {
  auto view = find_view(ctx);
  if (!view) return not_found(ctx);
  for (const auto& s : view->service.schedules) {
    if (s.id == ctx.captures.at(1))
      return form_page(ctx, 200, *view, s.id, app::schedule_form(s, view->service.version), nullptr);
  }
  return error_page(ctx, 404, "Page not found", "There are no such opening times for this service.");
}

Response directory_schedule_update(Ctx& ctx) {
  auto view = find_view(ctx);
  if (!view) return not_found(ctx);
  const auto form = read_form(ctx.form, all_values(ctx.req.body, "byday"));
  auto saved = app::update_schedule(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), view->service.id,
                                    ctx.captures.at(1), form);
  if (!saved) {
    if (saved.error().first_field() == "id")
      return error_page(ctx, 404, "Page not found", saved.error().first_message());
    return form_page(ctx, status_for(saved.error()), *view, ctx.captures.at(1), form, &saved.error());
  }
  return redirect("/directory/services/" + view->service.id + "/schedules?saved=changed");
}

Response directory_schedule_remove_form(Ctx& ctx) {
  auto view = find_view(ctx);
  if (!view) return not_found(ctx);
  const auto* s = find_schedule(*view, ctx.captures.at(1));
  if (!s) return error_page(ctx, 404, "Page not found", "There are no such opening times for this service.");
  return confirm_page(ctx, 200, *view, *s, nullptr);
}

Response directory_schedule_remove(Ctx& ctx) {
  auto view = find_view(ctx);
  if (!view) return not_found(ctx);
  auto saved = app::remove_schedule(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), view->service.id,
                                    ctx.captures.at(1), param(ctx.form, "version"));
  if (!saved) {
    const auto* s = find_schedule(*view, ctx.captures.at(1));
    if (saved.error().first_field() == "id" || !s)
      return error_page(ctx, 404, "Page not found", saved.error().first_message());
    return confirm_page(ctx, status_for(saved.error()), *view, *s, &saved.error());
  }
  return redirect("/directory/services/" + view->service.id + "/schedules?saved=removed");
}

Response api_directory_schedules(Ctx& ctx) {
  auto view = find_view(ctx);
  if (!view) return json_message(404, "not_found", "There is no such service in your area's Local Offer.");
  return json_response(200, schedules_json(*view).dump());
}

Response api_directory_schedule_create(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  const std::string id = ctx.captures.at(0);
  auto saved =
      app::add_schedule(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, read_form(*p, json_days(ctx.req.body)));
  if (!saved) return api_failure(saved.error());
  return json_response(201, schedules_json(*app::service_schedules(ctx.s.db, ctx.me(), id)).dump());
}

Response api_directory_schedule_update(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  const std::string id = ctx.captures.at(0);
  auto saved = app::update_schedule(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, ctx.captures.at(1),
                                    read_form(*p, json_days(ctx.req.body)));
  if (!saved) return api_failure(saved.error());
  return json_response(200, schedules_json(*app::service_schedules(ctx.s.db, ctx.me(), id)).dump());
}

Response api_directory_schedule_remove(Ctx& ctx) {
  const std::string id = ctx.captures.at(0);
  auto saved = app::remove_schedule(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, ctx.captures.at(1),
                                    param(ctx.query, "version"));
  if (!saved) return api_failure(saved.error());
  return json_response(200, schedules_json(*app::service_schedules(ctx.s.db, ctx.me(), id)).dump());
}

}  // namespace tandem::web::handlers
