// Staff pages and API for whom families contact about a service.
#include <nlohmann/json.hpp>

#include "app/directory_contacts.h"
#include "web/handlers.h"
#include "web/handlers/directory_fields.h"
#include "web/json_body.h"

namespace tandem::web::handlers {

using nlohmann::json;

namespace {

constexpr FormField kFields[] = {
    {"name", "Name", "The person or team families should ask for, like Bookings team", "input", ""},
    {"title", "Job title", "Optional, like Reception manager", "input", ""},
    {"phone", "Phone number", "Like 01632 960123; give a phone number, an email address or both", "input",
     "govuk-input--width-20"},
    {"email", "Email address", "Like bookings@example.org", "input", ""},
};

app::ContactForm read_form(const Params& p) {
  return {param(p, "name"), param(p, "title"), param(p, "phone"), param(p, "email"), param(p, "version")};
}

std::string base_of(const Service& s) { return "/directory/services/" + s.id + "/contacts"; }

Response form_page(Ctx& ctx, int status, const Service& service, const std::string& contact_id,
                   const app::ContactForm& form, const Error* errors) {
  const bool adding = contact_id.empty();
  FieldValues values;
  values.text = {{"name", form.name}, {"title", form.title}, {"phone", form.phone}, {"email", form.email}};
  const std::string base = base_of(service), heading = adding ? "Add a contact" : "Change a contact";
  mstch::map v{{"back_href", base},
               {"back_text", std::string("Back to the contacts")},
               {"caption", service.name},
               {"heading", heading},
               {"action", adding ? base : base + "/" + contact_id + "/edit"},
               {"version", form.version},
               {"fields", form_fields(kFields, values, errors)}};
  return page(ctx, status, "directory/record", heading, std::move(v), "directory", errors);
}

std::string saved_text(const std::string& saved) {
  if (saved == "added") return "The contact has been added";
  if (saved == "changed") return "The contact has been changed";
  if (saved == "removed") return "The contact has been removed";
  return {};
}

Response list_page(Ctx& ctx, int status, const Service& s, const Error* errors) {
  mstch::array rows;
  for (const auto& c : s.contacts) {
    rows.push_back(
        mstch::map{{"contact_id", c.id}, {"name", c.name}, {"title", c.title}, {"phone", c.phone}, {"email", c.email}});
  }
  mstch::map v{{"id", s.id},
               {"name", s.name},
               {"rows", rows},
               {"has_rows", !rows.empty()},
               {"saved", saved_text(param(ctx.query, "saved"))}};
  return page(ctx, status, "directory/contacts", "Contacts: " + s.name, std::move(v), "directory", errors);
}

Response not_found(Ctx& ctx) {
  return error_page(ctx, 404, "Page not found", "There is no such service in your area's Local Offer.");
}

Response no_contact(Ctx& ctx) {
  return error_page(ctx, 404, "Page not found", "There is no such contact for this service.");
}

const ServiceContact* find_contact(const Service& s, const std::string& id) {
  for (const auto& c : s.contacts) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

Response confirm_page(Ctx& ctx, int status, const Service& s, const ServiceContact& c, const Error* errors) {
  RemovalPage p;
  p.title = "Remove a contact";
  p.back_href = base_of(s);
  p.back_text = "Back to the contacts";
  p.caption = s.name;
  p.heading = "Remove this contact?";
  p.action = base_of(s) + "/" + c.id + "/remove";
  p.version = std::to_string(s.version);
  p.button = "Remove the contact";
  p.consequence = "Families will no longer see this contact on the service's page or in the Open Referral UK feed.";
  p.rows = {{"Name", c.name}, {"Job title", c.title}, {"Phone number", c.phone}, {"Email address", c.email}};
  return removal_page(ctx, status, p, errors);
}

json contacts_json(const Service& s) {
  json items = json::array();
  for (const auto& c : s.contacts) {
    items.push_back({{"id", c.id}, {"name", c.name}, {"title", c.title}, {"phone", c.phone}, {"email", c.email}});
  }
  return {{"service_id", s.id}, {"version", s.version}, {"contacts", items}};
}

std::optional<Service> find_view(Ctx& ctx) { return app::service_contacts(ctx.s.db, ctx.me(), ctx.captures.at(0)); }

}  // namespace

Response directory_contacts(Ctx& ctx) {
  auto s = find_view(ctx);
  if (!s) return not_found(ctx);
  return list_page(ctx, 200, *s, nullptr);
}

Response directory_contact_new_form(Ctx& ctx) {
  auto s = find_view(ctx);
  if (!s) return not_found(ctx);
  app::ContactForm form;
  form.version = std::to_string(s->version);
  return form_page(ctx, 200, *s, "", form, nullptr);
}

Response directory_contact_create(Ctx& ctx) {
  auto s = find_view(ctx);
  if (!s) return not_found(ctx);
  const auto form = read_form(ctx.form);
  auto saved = app::add_contact(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), s->id, form);
  if (!saved) return form_page(ctx, status_for(saved.error()), *s, "", form, &saved.error());
  return redirect(base_of(*s) + "?saved=added");
}

Response directory_contact_edit_form(Ctx& ctx) {
  auto s = find_view(ctx);
  if (!s) return not_found(ctx);
  const auto* c = find_contact(*s, ctx.captures.at(1));
  if (!c) return no_contact(ctx);
  return form_page(ctx, 200, *s, c->id, app::contact_form(*c, s->version), nullptr);
}

Response directory_contact_update(Ctx& ctx) {
  auto s = find_view(ctx);
  if (!s) return not_found(ctx);
  const auto form = read_form(ctx.form);
  auto saved = app::update_contact(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), s->id, ctx.captures.at(1), form);
  if (!saved) {
    if (saved.error().first_field() == "id") return no_contact(ctx);
    return form_page(ctx, status_for(saved.error()), *s, ctx.captures.at(1), form, &saved.error());
  }
  return redirect(base_of(*s) + "?saved=changed");
}

Response directory_contact_remove_form(Ctx& ctx) {
  auto s = find_view(ctx);
  if (!s) return not_found(ctx);
  const auto* c = find_contact(*s, ctx.captures.at(1));
  if (!c) return no_contact(ctx);
  return confirm_page(ctx, 200, *s, *c, nullptr);
}

Response directory_contact_remove(Ctx& ctx) {
  auto s = find_view(ctx);
  if (!s) return not_found(ctx);
  auto saved = app::remove_contact(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), s->id, ctx.captures.at(1),
                                   param(ctx.form, "version"));
  if (!saved) {
    const auto* c = find_contact(*s, ctx.captures.at(1));
    if (saved.error().first_field() == "id" || !c) return no_contact(ctx);
    return confirm_page(ctx, status_for(saved.error()), *s, *c, &saved.error());
  }
  return redirect(base_of(*s) + "?saved=removed");
}

Response api_directory_contacts(Ctx& ctx) {
  auto s = find_view(ctx);
  if (!s) return json_message(404, "not_found", "There is no such service in your area's Local Offer.");
  return json_response(200, contacts_json(*s).dump());
}

Response api_directory_contact_create(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  const std::string id = ctx.captures.at(0);
  auto saved = app::add_contact(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, read_form(*p));
  if (!saved) return api_failure(saved.error());
  return json_response(201, contacts_json(*app::service_contacts(ctx.s.db, ctx.me(), id)).dump());
}

Response api_directory_contact_update(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  const std::string id = ctx.captures.at(0);
  auto saved =
      app::update_contact(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, ctx.captures.at(1), read_form(*p));
  if (!saved) return api_failure(saved.error());
  return json_response(200, contacts_json(*app::service_contacts(ctx.s.db, ctx.me(), id)).dump());
}

Response api_directory_contact_remove(Ctx& ctx) {
  const std::string id = ctx.captures.at(0);
  auto saved = app::remove_contact(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, ctx.captures.at(1),
                                   param(ctx.query, "version"));
  if (!saved) return api_failure(saved.error());
  return json_response(200, contacts_json(*app::service_contacts(ctx.s.db, ctx.me(), id)).dump());
}

}  // namespace tandem::web::handlers
