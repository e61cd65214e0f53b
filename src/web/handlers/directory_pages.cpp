// Staff pages that keep the Local Offer up to date: the services by review
// date, and the form that changes a service.
#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "app/directory_admin.h"
#include "web/handlers.h"
#include "web/refusal.h"

namespace tandem::web::handlers {

namespace {

struct Field {
  const char* name;
  const char* label;
  const char* hint;
  const char* kind;   // "input", "textarea" or "select"
  const char* width;  // GOV.UK width class for inputs
};

constexpr Field kFields[] = {
    {"name", "Name", "", "input", ""},
    {"organisation_id", "Run by", "", "select", ""},
    {"description", "What it offers", "In plain words, as families will read it", "textarea", ""},
    {"how_to_access", "How to get it", "Referral, booking or just turning up", "textarea", ""},
    {"level", "Level of support", "", "select", ""},
    {"status", "Status", "", "select", ""},
    {"minimum_age", "Youngest age", "In whole years", "input", "govuk-input--width-3"},
    {"maximum_age", "Oldest age", "In whole years; leave empty for no upper age", "input", "govuk-input--width-3"},
    {"url", "Website", "Starting https://", "input", ""},
    {"email", "Email address", "", "input", ""},
    {"last_checked_on", "Last checked with the provider", "As YYYY-MM-DD, like 2026-03-27", "input",
     "govuk-input--width-10"},
    {"review_due_on", "Next review due", "As YYYY-MM-DD, like 2026-09-27", "input", "govuk-input--width-10"},
};

// Asked only when a service is added; later changes to these are not yet in a form.
constexpr Field kNewFields[] = {
    {"location_id", "Where it runs", "", "select", ""},
    {"contact_name", "Who families contact", "A person or a team", "input", ""},
    {"contact_phone", "Their phone number", "", "input", "govuk-input--width-20"},
    {"contact_email", "Their email address", "", "input", ""},
    {"cost", "Price in pounds", "Leave empty if it is free", "input", "govuk-input--width-5"},
};

app::ServiceForm form_from(const Service& s) {
  app::ServiceForm f;
  f.name = s.name;
  f.organisation_id = s.organisation_id;
  f.description = s.description;
  f.how_to_access = s.how_to_access;
  f.level = std::string(to_string(s.level));
  f.status = s.status;
  f.minimum_age = std::to_string(s.minimum_age);
  f.maximum_age = s.maximum_age ? std::to_string(*s.maximum_age) : "";
  f.url = s.url;
  f.email = s.email;
  f.last_checked_on = format_date(s.last_checked_on);
  f.review_due_on = format_date(s.review_due_on);
  f.version = std::to_string(s.version);
  return f;
}

std::string& field(app::ServiceForm& f, std::string_view name) {
  if (name == "name") return f.name;
  if (name == "organisation_id") return f.organisation_id;
  if (name == "description") return f.description;
  if (name == "how_to_access") return f.how_to_access;
  if (name == "level") return f.level;
  if (name == "status") return f.status;
  if (name == "minimum_age") return f.minimum_age;
  if (name == "maximum_age") return f.maximum_age;
  if (name == "url") return f.url;
  if (name == "email") return f.email;
  if (name == "last_checked_on") return f.last_checked_on;
  if (name == "location_id") return f.location_id;
  if (name == "contact_name") return f.contact_name;
  if (name == "contact_phone") return f.contact_phone;
  if (name == "contact_email") return f.contact_email;
  if (name == "cost") return f.cost;
  return f.review_due_on;
}

Response edit_page(Ctx& ctx, int status, const app::ServiceEditView& view, app::ServiceForm form, const Error* errors,
                   bool adding = false) {
  std::map<std::string, std::string> messages;
  if (errors) {
    for (const auto& e : errors->fields) messages.emplace(e.field, e.message);
  }
  std::vector<std::pair<std::string, std::string>> organisations, levels, statuses;
  for (const auto& o : view.organisations) organisations.emplace_back(o.id, o.name);
  for (auto l : all_service_levels()) levels.emplace_back(std::string(to_string(l)), service_level_label(l));
  for (const char* st : {"active", "temporarily closed", "inactive", "defunct"}) statuses.emplace_back(st, st);
  std::vector<std::pair<std::string, std::string>> venues{{"", "Nowhere fixed: it comes to families"}};
  for (const auto& l : view.locations) venues.emplace_back(l.id, l.name + ", " + l.postcode);
  std::vector<Field> all(std::begin(kFields), std::end(kFields));
  if (adding) all.insert(all.end(), std::begin(kNewFields), std::end(kNewFields));
  mstch::array fields;
  for (const auto& f : all) {
    const std::string name = f.name, hint = f.hint, kind = f.kind;
    const std::string error = messages.contains(name) ? messages[name] : "";
    std::string described = hint.empty() ? "" : name + "-hint";
    if (!error.empty()) described += (described.empty() ? "" : " ") + name + "-error";
    mstch::map m{{"name", name},
                 {"label", std::string(f.label)},
                 {"hint", hint},
                 {"error", error},
                 {"described", described},
                 {"value", field(form, name)},
                 {"width", std::string(f.width)},
                 {kind, true}};
    if (name == "organisation_id") m["options"] = choices(organisations, form.organisation_id);
    if (name == "level") m["options"] = choices(levels, form.level);
    if (name == "status") m["options"] = choices(statuses, form.status);
    if (name == "location_id") m["options"] = choices(venues, form.location_id);
    fields.push_back(m);
  }
  mstch::array needs;
  for (std::size_t i = 0; i < view.needs.size(); ++i) {
    const auto& n = view.needs[i];
    const bool checked = std::find(form.needs.begin(), form.needs.end(), n.code) != form.needs.end();
    needs.push_back(mstch::map{{"code", n.code},
                               {"label", n.name},
                               {"checked", checked},
                               {"input_id", i == 0 ? std::string("needs") : "needs-" + n.code}});
  }
  mstch::map v{
      {"id", view.service.id},
      {"adding", adding},
      {"heading", adding ? std::string("Add a service to the Local Offer") : "Change " + view.service.name},
      {"action", adding ? std::string("/directory/services") : "/directory/services/" + view.service.id + "/edit"},
      {"version", form.version},
      {"fields", fields},
      {"needs", needs},
      {"needs_error", messages.contains("needs") ? messages["needs"] : std::string()},
      {"closes", view.service.closes_on ? format_date_long(*view.service.closes_on) : std::string()},
      {"saved", param(ctx.query, "saved") == "1"}};
  return page(ctx, status, "directory/form", adding ? std::string("Add a service") : "Change " + view.service.name,
              std::move(v), "directory", errors);
}

}  // namespace

Response directory_reviews(Ctx& ctx) {
  const auto rows = app::services_by_review(ctx.s.db, ctx.s.clock, ctx.me());
  const bool only_overdue = param(ctx.query, "show") == "overdue";
  mstch::array out;
  int overdue = 0;
  for (const auto& r : rows) {
    if (r.withdrawn_on) {
      if (only_overdue) continue;
      out.push_back(mstch::map{{"id", r.id},
                               {"name", r.name},
                               {"organisation", r.organisation},
                               {"last_checked", format_date_long(r.last_checked_on)},
                               {"due", std::string("Not reviewed")},
                               {"tag", std::string("govuk-tag--grey")},
                               {"status", "Withdrawn " + format_date_long(*r.withdrawn_on)}});
      continue;
    }
    overdue += r.days_left < 0 ? 1 : 0;
    if (only_overdue && r.days_left >= 0) continue;
    std::string status = r.days_left < 0    ? std::to_string(-r.days_left) + " days overdue"
                         : r.days_left < 30 ? "Due in " + std::to_string(r.days_left) + " days"
                                            : std::string("Up to date");
    if (r.closes_on) status += "; closes " + format_date_long(*r.closes_on);
    out.push_back(mstch::map{{"id", r.id},
                             {"name", r.name},
                             {"organisation", r.organisation},
                             {"last_checked", format_date_long(r.last_checked_on)},
                             {"due", format_date_long(r.review_due_on)},
                             {"tag", std::string(r.days_left < 0    ? "govuk-tag--red"
                                                 : r.days_left < 30 ? "govuk-tag--orange"
                                                                    : "govuk-tag--green")},
                             {"status", status}});
  }
  return page(
      ctx, 200, "directory/reviews", only_overdue ? "Local Offer reviews overdue" : "Local Offer reviews",
      mstch::map{{"rows", out},
                 {"total", std::to_string(rows.size())},
                 {"overdue", std::to_string(overdue)},
                 {"only_overdue", only_overdue},
                 {"saved", param(ctx.query, "saved")},
                 {"notice", param(ctx.query, "removed") == "1"     ? std::string("The service has been removed")
                            : param(ctx.query, "withdrawn") == "1" ? std::string("The service has been withdrawn: "
                                                                                 "families no longer find it")
                            : param(ctx.query, "closing") == "1"
                                ? std::string("The service will close on the day given: until then families find "
                                              "it, and its page tells them when it closes")
                            : param(ctx.query, "kept") == "1" ? std::string("The service stays on offer")
                                                              : std::string()}},
      "directory");
}

Response api_directory_reviews(Ctx& ctx) {
  const std::string show = param(ctx.query, "show");
  if (!show.empty() && show != "overdue" && show != "all")
    return json_error(400, Error("show", "show must be overdue or all"));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : app::services_by_review(ctx.s.db, ctx.s.clock, ctx.me())) {
    if (show == "overdue" && r.days_left >= 0) continue;
    items.push_back({{"id", r.id},
                     {"name", r.name},
                     {"organisation", r.organisation},
                     {"last_checked_on", format_date(r.last_checked_on)},
                     {"review_due_on", format_date(r.review_due_on)},
                     {"days_left", r.days_left},
                     {"overdue", r.days_left < 0},
                     {"closes_on", r.closes_on ? nlohmann::json(format_date(*r.closes_on)) : nlohmann::json(nullptr)}});
  }
  return json_response(200, nlohmann::json{{"services", items}}.dump());
}

Response directory_service_edit_form(Ctx& ctx) {
  auto view = app::service_for_edit(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such service in your area's Local Offer.");
  auto form = form_from(view->service);
  for (const auto& t : view->needs) {
    if (std::find(view->service.term_ids.begin(), view->service.term_ids.end(), t.id) != view->service.term_ids.end())
      form.needs.push_back(t.code);
  }
  return edit_page(ctx, 200, *view, form, nullptr);
}

Response directory_service_update(Ctx& ctx) {
  auto view = app::service_for_edit(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such service in your area's Local Offer.");
  app::ServiceForm form;
  for (const auto& f : kFields) field(form, f.name) = param(ctx.form, f.name);
  form.version = param(ctx.form, "version");
  form.needs = all_values(ctx.req.body, "needs");
  auto saved =
      app::update_directory_service(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), view->service.id, form);
  if (!saved) return edit_page(ctx, 400, *view, form, &saved.error());
  return redirect("/directory/services/" + view->service.id + "/edit?saved=1");
}

Response directory_service_new_form(Ctx& ctx) {
  const auto view = app::new_service_view(ctx.s.db, ctx.s.clock, ctx.me());
  auto form = form_from(view.service);
  form.status = "active";
  form.level = "universal";
  if (!view.organisations.empty()) form.organisation_id = view.organisations.front().id;
  return edit_page(ctx, 200, view, form, nullptr, true);
}

Response directory_service_create(Ctx& ctx) {
  const auto view = app::new_service_view(ctx.s.db, ctx.s.clock, ctx.me());
  app::ServiceForm form;
  for (const auto& f : kFields) field(form, f.name) = param(ctx.form, f.name);
  for (const auto& f : kNewFields) field(form, f.name) = param(ctx.form, f.name);
  form.version = "0";
  form.needs = all_values(ctx.req.body, "needs");
  auto id = app::create_directory_service(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), form);
  if (!id) return edit_page(ctx, 400, view, form, &id.error(), true);
  return redirect("/directory/services/" + *id + "/edit?saved=1");
}

}  // namespace tandem::web::handlers
