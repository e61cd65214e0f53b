// Staff pages and API for what a service costs families.
#include <nlohmann/json.hpp>

#include "app/directory_costs.h"
#include "web/handlers.h"
#include "web/handlers/directory_fields.h"
#include "web/json_body.h"

namespace tandem::web::handlers {

using nlohmann::json;

namespace {

constexpr FormField kFields[] = {
    {"option", "Who or what the price is for", "Like Per child, Under 18s or Sibling place", "input", ""},
    {"amount", "Amount", "Like 12.50; 0 if it is free; leave it empty if there is no set price", "input",
     "govuk-input--width-10"},
    {"currency", "Currency", "", "select", ""},
    {"amount_description", "What the amount buys", "Optional, like per 1 hour session or per term", "input", ""},
};

const Choices kCurrencies{{"GBP", "Pounds sterling (GBP)"}, {"EUR", "Euros (EUR)"}, {"USD", "US dollars (USD)"}};

app::CostForm read_form(const Params& p) {
  return {param(p, "option"), param(p, "amount"), param(p, "currency"), param(p, "amount_description"),
          param(p, "version")};
}

std::string base_of(const Service& s) { return "/directory/services/" + s.id + "/costs"; }

Response form_page(Ctx& ctx, int status, const Service& service, const std::string& cost_id, const app::CostForm& form,
                   const Error* errors) {
  const bool adding = cost_id.empty();
  FieldValues values;
  values.text = {{"option", form.option},
                 {"amount", form.amount},
                 {"currency", form.currency.empty() ? std::string("GBP") : form.currency},
                 {"amount_description", form.amount_description}};
  values.choices["currency"] = kCurrencies;
  const std::string base = base_of(service), heading = adding ? "Add a price" : "Change a price";
  mstch::map v{{"back_href", base},
               {"back_text", std::string("Back to the costs")},
               {"caption", service.name},
               {"heading", heading},
               {"action", adding ? base : base + "/" + cost_id + "/edit"},
               {"version", form.version},
               {"fields", form_fields(kFields, values, errors)}};
  return page(ctx, status, "directory/record", heading, std::move(v), "directory", errors);
}

std::string saved_text(const std::string& saved) {
  if (saved == "added") return "The price has been added";
  if (saved == "changed") return "The price has been changed";
  if (saved == "removed") return "The price has been removed";
  return {};
}

Response list_page(Ctx& ctx, int status, const Service& s, const Error* errors) {
  mstch::array rows;
  for (const auto& c : s.costs) {
    rows.push_back(mstch::map{{"cost_id", c.id},
                              {"option", c.option},
                              {"amount", format_price(c)},
                              {"currency", c.currency},
                              {"per", c.amount_description}});
  }
  mstch::map v{{"id", s.id},
               {"name", s.name},
               {"rows", rows},
               {"has_rows", !rows.empty()},
               {"saved", saved_text(param(ctx.query, "saved"))}};
  return page(ctx, status, "directory/costs", "Costs: " + s.name, std::move(v), "directory", errors);
}

Response not_found(Ctx& ctx) {
  return error_page(ctx, 404, "Page not found", "There is no such service in your area's Local Offer.");
}

Response no_cost(Ctx& ctx) {
  return error_page(ctx, 404, "Page not found", "There is no such price for this service.");
}

const CostOption* find_cost(const Service& s, const std::string& id) {
  for (const auto& c : s.costs) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

Response confirm_page(Ctx& ctx, int status, const Service& s, const CostOption& c, const Error* errors) {
  RemovalPage p;
  p.title = "Remove a price";
  p.back_href = base_of(s);
  p.back_text = "Back to the costs";
  p.caption = s.name;
  p.heading = "Remove this price?";
  p.action = base_of(s) + "/" + c.id + "/remove";
  p.version = std::to_string(s.version);
  p.button = "Remove the price";
  p.consequence = "Families will no longer see this price on the service's page or in the Open Referral UK feed.";
  p.rows = {{"For", c.option}, {"Amount", format_price(c)}, {"What the amount buys", c.amount_description}};
  return removal_page(ctx, status, p, errors);
}

json costs_json(const Service& s) {
  json items = json::array();
  for (const auto& c : s.costs) {
    items.push_back({{"id", c.id},
                     {"option", c.option},
                     {"amount", c.amount ? json(app::amount_text(c)) : json(nullptr)},
                     {"currency", c.currency},
                     {"amount_description", c.amount_description}});
  }
  return {{"service_id", s.id}, {"version", s.version}, {"costs", items}};
}

std::optional<Service> find_view(Ctx& ctx) { return app::service_costs(ctx.s.db, ctx.me(), ctx.captures.at(0)); }

}  // namespace

Response directory_costs(Ctx& ctx) {
  auto s = find_view(ctx);
  if (!s) return not_found(ctx);
  return list_page(ctx, 200, *s, nullptr);
}

Response directory_cost_new_form(Ctx& ctx) {
  auto s = find_view(ctx);
  if (!s) return not_found(ctx);
  app::CostForm form;
  form.version = std::to_string(s->version);
  return form_page(ctx, 200, *s, "", form, nullptr);
}

Response directory_cost_create(Ctx& ctx) {
  auto s = find_view(ctx);
  if (!s) return not_found(ctx);
  const auto form = read_form(ctx.form);
  auto saved = app::add_cost(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), s->id, form);
  if (!saved) return form_page(ctx, status_for(saved.error()), *s, "", form, &saved.error());
  return redirect(base_of(*s) + "?saved=added");
}

Response directory_cost_edit_form(Ctx& ctx) {
  auto s = find_view(ctx);
  if (!s) return not_found(ctx);
  const auto* c = find_cost(*s, ctx.captures.at(1));
  if (!c) return no_cost(ctx);
  return form_page(ctx, 200, *s, c->id, app::cost_form(*c, s->version), nullptr);
}

Response directory_cost_update(Ctx& ctx) {
  auto s = find_view(ctx);
  if (!s) return not_found(ctx);
  const auto form = read_form(ctx.form);
  auto saved = app::update_cost(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), s->id, ctx.captures.at(1), form);
  if (!saved) {
    if (saved.error().first_field() == "id") return no_cost(ctx);
    return form_page(ctx, status_for(saved.error()), *s, ctx.captures.at(1), form, &saved.error());
  }
  return redirect(base_of(*s) + "?saved=changed");
}

Response directory_cost_remove_form(Ctx& ctx) {
  auto s = find_view(ctx);
  if (!s) return not_found(ctx);
  const auto* c = find_cost(*s, ctx.captures.at(1));
  if (!c) return no_cost(ctx);
  return confirm_page(ctx, 200, *s, *c, nullptr);
}

Response directory_cost_remove(Ctx& ctx) {
  auto s = find_view(ctx);
  if (!s) return not_found(ctx);
  auto saved = app::remove_cost(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), s->id, ctx.captures.at(1),
                                param(ctx.form, "version"));
  if (!saved) {
    const auto* c = find_cost(*s, ctx.captures.at(1));
    if (saved.error().first_field() == "id" || !c) return no_cost(ctx);
    return confirm_page(ctx, status_for(saved.error()), *s, *c, &saved.error());
  }
  return redirect(base_of(*s) + "?saved=removed");
}

Response api_directory_costs(Ctx& ctx) {
  auto s = find_view(ctx);
  if (!s) return json_message(404, "not_found", "There is no such service in your area's Local Offer.");
  return json_response(200, costs_json(*s).dump());
}

Response api_directory_cost_create(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  const std::string id = ctx.captures.at(0);
  auto saved = app::add_cost(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, read_form(*p));
  if (!saved) return api_failure(saved.error());
  return json_response(201, costs_json(*app::service_costs(ctx.s.db, ctx.me(), id)).dump());
}

Response api_directory_cost_update(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  const std::string id = ctx.captures.at(0);
  auto saved =
      app::update_cost(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, ctx.captures.at(1), read_form(*p));
  if (!saved) return api_failure(saved.error());
  return json_response(200, costs_json(*app::service_costs(ctx.s.db, ctx.me(), id)).dump());
}

Response api_directory_cost_remove(Ctx& ctx) {
  const std::string id = ctx.captures.at(0);
  auto saved = app::remove_cost(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, ctx.captures.at(1),
                                param(ctx.query, "version"));
  if (!saved) return api_failure(saved.error());
  return json_response(200, costs_json(*app::service_costs(ctx.s.db, ctx.me(), id)).dump());
}

}  // namespace tandem::web::handlers
