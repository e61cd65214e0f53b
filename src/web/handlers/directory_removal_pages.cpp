// Staff pages and API that remove whole records from the Local Offer: a
// service (or, when other records refer to it, its withdrawal), an
// organisation and a term of a taxonomy. Each asks first on a page of its own
// and names what still depends on the record when it cannot go.
#include <nlohmann/json.hpp>

#include "app/directory_removals.h"
#include "web/handlers.h"
#include "web/handlers/directory_fields.h"
#include "web/json_body.h"

namespace tandem::web::handlers {

using nlohmann::json;

namespace {

// A refusal because something depends on the record: 409, like a stale edit.
int refusal_status(const Error& e) {
  for (const auto& f : e.fields) {
    if (f.field == "references" || f.field == "services" || f.field == "providers" || f.field == "terms" ||
        f.field == "status" || f.field == "closes_on")
      return 409;
  }
  return status_for(e);
}

Response api_refusal(const Error& e) {
  if (e.first_field() == "id") return json_message(404, "not_found", e.first_message());
  return json_error(refusal_status(e), e);
}

// A service's state after a withdrawal, a closing day set, or one cancelled.
Response service_state(Ctx& ctx, const std::string& id, std::int64_t version) {
  auto view = app::service_removal_view(ctx.s.db, ctx.me(), id);
  if (!view) return json_message(404, "not_found", "There is no such service in your area's Local Offer");
  const Service& s = view->service;
  const auto date = [](const std::optional<Date>& d) { return d ? json(format_date(*d)) : json(nullptr); };
  return json_response(200, json{{"id", id},
                                 {"status", s.status},
                                 {"withdrawn_on", date(s.withdrawn_on)},
                                 {"closes_on", date(s.closes_on)},
                                 {"version", version}}
                                .dump());
}

Response no_service(Ctx& ctx) {
  return error_page(ctx, 404, "Page not found", "There is no such service in your area's Local Offer.");
}

Response service_confirm_page(Ctx& ctx, int status, const app::ServiceRemovalView& view, const Error* errors,
                              const std::string& from = {}) {
  const Service& s = view.service;
  const std::string base = "/directory/services/" + s.id;
  RemovalPage p;
  p.title = "Remove or withdraw a service";
  p.back_href = base + "/edit";
  p.back_text = "Back to " + s.name;
  p.caption = "Local Offer";
  p.action = base + "/remove";
  p.version = std::to_string(s.version);
  p.button = "Remove the service";
  p.rows = {
      {"Service", s.name},
      {"Run by", view.organisation},
      {"Status", s.withdrawn() && s.withdrawn_on ? s.status + " since " + format_date_long(*s.withdrawn_on) : s.status},
      {"Venues", std::to_string(s.locations.size())}};
  if (s.closes_on) p.rows.emplace_back("Closes on", format_date_long(*s.closes_on));
  if (view.references.empty()) {
    p.heading = "Remove " + s.name + "?";
    p.consequence =
        "The service, its venues, opening times, terms, contacts and costs will be deleted. Families will no longer "
        "find it and other directories will no longer read it. Nothing else in Tandem refers to it.";
  } else {
    p.heading = s.name + " cannot be removed";
    p.blocked =
        "Other records refer to this service, and that history matters. Withdraw it instead: families will "
        "no longer find it, and staff keep the record and what refers to it.";
    for (const auto& r : view.references) p.blockers.emplace_back(r, base + "/edit");
  }
  if (!s.withdrawn()) {
    p.alternative_heading = view.references.empty() ? "Or withdraw it, keeping the record" : "Withdraw the service";
    p.alternative_text =
        "Withdrawing marks it no longer offered (Open Referral UK status defunct). It leaves families' search, its "
        "page tells families it has closed, and other directories read it as defunct. Give a later day to close it "
        "then: until that day families still find it, and its page tells them when it closes.";
    p.alternative_action = base + "/withdraw";
    p.alternative_button = "Withdraw the service";
    p.alternative_date_name = "from";
    p.alternative_date_label = "Closes from";
    p.alternative_date_hint = "Today, a day already past when it has stopped, or a later day, for example " +
                              format_date(ctx.s.clock.today() + std::chrono::days{90});
    p.alternative_date_value = !from.empty() ? from : format_date(s.closes_on ? *s.closes_on : ctx.s.clock.today());
  }
  if (s.closes_on) {
    p.undo_heading = "Keep offering it";
    p.undo_text = s.name + " is to close on " + format_date_long(*s.closes_on) + ". Keep it on offer instead.";
    p.undo_action = base + "/keep";
    p.undo_button = "Keep the service";
  }
  return removal_page(ctx, status, p, errors);
}

Response organisation_confirm_page(Ctx& ctx, int status, const app::OrganisationRemovalView& view,
                                   const Error* errors) {
  const auto& o = view.organisation.organisation;
  RemovalPage p;
  p.title = "Remove an organisation";
  p.back_href = "/directory/organisations/" + o.id + "/edit";
  p.back_text = "Back to " + o.name;
  p.caption = "Local Offer";
  const bool blocked = !view.organisation.services.empty() || !view.providers.empty();
  p.heading = blocked ? o.name + " cannot be removed yet" : "Remove " + o.name + "?";
  p.action = "/directory/organisations/" + o.id + "/remove";
  p.version = std::to_string(o.version);
  p.button = "Remove the organisation";
  p.consequence = "The organisation will no longer be listed for staff, and other directories will no longer read it.";
  p.rows = {{"Organisation", o.name}, {"Website", o.website}, {"Email", o.email}};
  if (!view.organisation.services.empty()) {
    p.blocked =
        "It still runs services. Remove each of them, or move them to another organisation on the "
        "service's page, first.";
    for (const auto& s : view.organisation.services)
      p.blockers.emplace_back(s.name, "/directory/services/" + s.id + "/edit");
  } else if (!view.providers.empty()) {
    p.blocked = "Contracts' providers are this organisation. Link each provider to another organisation first.";
    for (const auto& name : view.providers) p.blockers.emplace_back(name, "/providers");
  }
  return removal_page(ctx, status, p, errors);
}

Response term_confirm_page(Ctx& ctx, int status, const app::TermRemovalView& view, const Error* errors) {
  const auto& t = view.term;
  RemovalPage p;
  p.title = "Remove a term";
  p.back_href = "/directory/terms/" + t.id + "/edit";
  p.back_text = "Back to " + t.name;
  p.caption = view.taxonomy;
  const bool blocked = !view.services.empty() || !view.narrower.empty();
  p.heading = blocked ? t.name + " cannot be removed yet" : "Remove " + t.name + " from " + view.taxonomy + "?";
  p.action = "/directory/terms/" + t.id + "/remove";
  p.version = std::to_string(t.version);
  p.button = "Remove the term";
  p.consequence = "The term will no longer be offered for describing services, nor in the feed's taxonomy.";
  p.rows = {{"Term", t.name}, {"Code", t.code}, {"Taxonomy", view.taxonomy}};
  if (blocked) {
    std::string why;
    if (!view.services.empty()) why = "Services are still described by it: take it off each of them first. ";
    if (!view.narrower.empty()) why += "Terms sit under it: remove them, or move them under another term, first.";
    p.blocked = why;
    for (const auto& s : view.services) p.blockers.emplace_back(s.name, "/directory/services/" + s.id + "/terms");
    for (const auto& x : view.narrower) p.blockers.emplace_back(x.name, "/directory/terms/" + x.id + "/edit");
  }
  return removal_page(ctx, status, p, errors);
}

}  // namespace

Response directory_service_remove_form(Ctx& ctx) {
  auto view = app::service_removal_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return no_service(ctx);
  return service_confirm_page(ctx, 200, *view, nullptr);
}

Response directory_service_remove(Ctx& ctx) {
  auto view = app::service_removal_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return no_service(ctx);
  auto removed = app::remove_service(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), view->service.id,
                                     param(ctx.form, "version"));
  if (!removed) return service_confirm_page(ctx, refusal_status(removed.error()), *view, &removed.error());
  return redirect("/directory/reviews?removed=1");
}

Response directory_service_withdraw(Ctx& ctx) {
  auto view = app::service_removal_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return no_service(ctx);
  const std::string from = param(ctx.form, "from");
  auto withdrawn = app::withdraw_service(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), view->service.id,
                                         param(ctx.form, "version"), from);
  if (!withdrawn) return service_confirm_page(ctx, refusal_status(withdrawn.error()), *view, &withdrawn.error(), from);
  // The day was read and checked by withdraw_service: a later one set a closing day.
  const auto day = parse_date("from", from);
  const bool later = day && *day > ctx.s.clock.today();
  return redirect(later ? "/directory/reviews?closing=1" : "/directory/reviews?withdrawn=1");
}

Response directory_service_keep(Ctx& ctx) {
  auto view = app::service_removal_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return no_service(ctx);
  auto kept = app::keep_service(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), view->service.id,
                                param(ctx.form, "version"));
  if (!kept) return service_confirm_page(ctx, refusal_status(kept.error()), *view, &kept.error());
  return redirect("/directory/reviews?kept=1");
}

Response api_directory_service_remove(Ctx& ctx) {
  auto removed = app::remove_service(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), ctx.captures.at(0),
                                     param(ctx.query, "version"));
  if (!removed) return api_refusal(removed.error());
  return json_response(200, json{{"removed", ctx.captures.at(0)}}.dump());
}

Response api_directory_service_withdraw(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  const std::string id = ctx.captures.at(0);
  auto version = app::withdraw_service(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, param(*p, "version"),
                                       param(*p, "from"));
  if (!version) return api_refusal(version.error());
  return service_state(ctx, id, *version);
}

Response api_directory_service_keep(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  const std::string id = ctx.captures.at(0);
  auto version = app::keep_service(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, param(*p, "version"));
  if (!version) return api_refusal(version.error());
  return service_state(ctx, id, *version);
}

Response directory_organisation_remove_form(Ctx& ctx) {
  auto view = app::organisation_removal_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such organisation in your area's Local Offer.");
  return organisation_confirm_page(ctx, 200, *view, nullptr);
}

Response directory_organisation_remove(Ctx& ctx) {
  auto view = app::organisation_removal_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such organisation in your area's Local Offer.");
  auto removed = app::remove_organisation(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(),
                                          view->organisation.organisation.id, param(ctx.form, "version"));
  if (!removed) return organisation_confirm_page(ctx, refusal_status(removed.error()), *view, &removed.error());
  return redirect("/directory/organisations?saved=removed");
}

Response api_directory_organisation_remove(Ctx& ctx) {
  auto removed = app::remove_organisation(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), ctx.captures.at(0),
                                          param(ctx.query, "version"));
  if (!removed) return api_refusal(removed.error());
  return json_response(200, json{{"removed", ctx.captures.at(0)}}.dump());
}

Response directory_term_remove_form(Ctx& ctx) {
  auto view = app::term_removal_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such term in your area's Local Offer.");
  return term_confirm_page(ctx, 200, *view, nullptr);
}

Response directory_term_remove(Ctx& ctx) {
  auto view = app::term_removal_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such term in your area's Local Offer.");
  auto removed =
      app::remove_term(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), view->term.id, param(ctx.form, "version"));
  if (!removed) return term_confirm_page(ctx, refusal_status(removed.error()), *view, &removed.error());
  return redirect("/directory/taxonomies?saved=removed");
}

Response api_directory_term_remove(Ctx& ctx) {
  auto removed = app::remove_term(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), ctx.captures.at(0),
                                  param(ctx.query, "version"));
  if (!removed) return api_refusal(removed.error());
  return json_response(200, json{{"removed", ctx.captures.at(0)}}.dump());
}

}  // namespace tandem::web::handlers
