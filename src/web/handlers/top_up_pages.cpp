// Termly top-up payments to settings: the schedule for a chosen term (due to
// each setting from its children's plans, paid, and what is unpaid or
// differs) with the form that records a payment, the schedule as CSV, and
// their JSON API twins.
#include <variant>

#include <nlohmann/json.hpp>

#include "app/top_ups.h"
#include "profile/school_terms.h"
#include "web/handlers.h"
#include "web/json_body.h"
#include "web/refusal.h"

namespace tandem::web::handlers {

using json = nlohmann::json;

namespace {

Response refused(Ctx& ctx, const app::Refused& r, bool api) {
  return refusal(ctx, r, api, "You cannot see top-up payments");
}

mstch::map input(const std::string& name, const std::string& label, const std::string& value, const Error* e,
                 const std::string& hint, const std::string& width) {
  std::string error;
  if (e) {
    for (const auto& f : e->fields) {
      if (f.field == name && error.empty()) error = f.message;
    }
  }
  std::string described;
  if (!hint.empty()) described = name + "-hint";
  if (!error.empty()) described += (described.empty() ? "" : " ") + name + "-error";
  return mstch::map{{"name", name}, {"id", name},     {"label", label},    {"value", value},        {"error", error},
                    {"hint", hint}, {"width", width}, {"textarea", false}, {"described", described}};
}

std::string status_tag(TopUpStatus s) {
  switch (s) {
    case TopUpStatus::unpaid: return "govuk-tag--red";
    case TopUpStatus::part_paid: return "govuk-tag--orange";
    case TopUpStatus::paid: return "govuk-tag--green";
    case TopUpStatus::overpaid: return "govuk-tag--purple";
  }
  return "govuk-tag--grey";
}

json payment_json(const TopUpPayment& p) {
  return {{"id", p.id},
          {"term", p.term_id},
          {"setting_name", p.setting_name},
          {"amount_pence", p.amount.value},
          {"paid_on", format_date(p.paid_on)},
          {"reference", p.reference},
          {"version", p.version}};
}

json view_json(const app::TopUpView& v) {
  json settings = json::array();
  for (const auto& s : v.schedule->settings) {
    json children = json::array();
    for (const auto& c : s.children) {
      children.push_back({{"child_id", c.child_id},
                          {"child_name", c.child_name},
                          {"days_placed", c.days},
                          {"annual_top_up_pence", c.annual.value},
                          {"due_pence", c.due.value}});
    }
    json payments = json::array();
    for (const auto& p : s.payments) payments.push_back(payment_json(p));
    settings.push_back({{"setting_name", s.setting_name},
                        {"due_pence", s.due.value},
                        {"paid_pence", s.paid.value},
                        {"outstanding_pence", s.outstanding.value},
                        {"status", to_string(s.status)},
                        {"children", children},
                        {"payments", payments}});
  }
  return {{"term", v.term.id()},
          {"label", v.term.label()},
          {"start_on", format_date(v.term.start)},
          {"end_on", format_date(v.term.end)},
          {"academic_year_days", v.year_days},
          {"due_pence", v.schedule->due.value},
          {"paid_pence", v.schedule->paid.value},
          {"outstanding_pence", v.schedule->outstanding.value},
          {"children", v.schedule->children},
          {"settings", settings}};
}

// The API's amount in pence read as the form's pounds.
std::optional<Params> payment_body(const std::string& body) {
  return json_body_params(body, [](const json& j, Params& p) {
    if (auto it = j.find("amount_pence"); it != j.end() && it->is_number_integer()) {
      const long long pence = it->get<long long>();
      p["amount"] =
          pence < 0 ? "-"
                    : std::to_string(pence / 100) + "." + (pence % 100 < 10 ? "0" : "") + std::to_string(pence % 100);
    }
  });
}

Response top_ups_page(Ctx& ctx, const app::TopUpView& v, const app::FormFields& f, const Error* e) {
  mstch::array terms;
  for (const auto& t : v.terms) {
    terms.push_back(
        mstch::map{{"value", t.id()},
                   {"label", t.label() + " (" + format_date_long(t.start) + " to " + format_date_long(t.end) + ")"},
                   {"selected", t == v.term}});
  }
  mstch::array rows, settings;
  for (const auto& s : v.schedule->settings) {
    mstch::array children, payments;
    for (const auto& c : s.children) {
      children.push_back(mstch::map{{"name", c.child_name},
                                    {"id", c.child_id},
                                    {"days", std::to_string(c.days)},
                                    {"annual", format_pounds(c.annual)},
                                    {"due", format_pounds(c.due)}});
    }
    for (const auto& p : s.payments) {
      payments.push_back(mstch::map{{"id", p.id},
                                    {"amount", format_pounds(p.amount)},
                                    {"paid_on", format_date_long(p.paid_on)},
                                    {"reference", p.reference}});
    }
    rows.push_back(mstch::map{{"setting", s.setting_name},
                              {"children_count", std::to_string(s.children.size())},
                              {"due", format_pounds(s.due)},
                              {"paid", format_pounds(s.paid)},
                              {"outstanding", format_pounds(s.outstanding)},
                              {"status", std::string(top_up_status_label(s.status))},
                              {"tag", status_tag(s.status)},
                              {"children", children},
                              {"has_children", !children.empty()},
                              {"payments", payments},
                              {"has_payments", !payments.empty()}});
    settings.push_back(mstch::map{{"value", s.setting_name},
                                  {"label", s.setting_name},
                                  {"selected", param(f, "setting_name") == s.setting_name}});
  }
  settings.insert(settings.begin(), mstch::map{{"value", std::string()},
                                               {"label", std::string("Choose the setting")},
                                               {"selected", param(f, "setting_name").empty()}});
  std::string setting_error;
  if (e) {
    for (const auto& x : e->fields) {
      if (x.field == "setting_name" && setting_error.empty()) setting_error = x.message;
    }
  }
  std::string described = setting_error.empty() ? "" : "setting_name-error";
  mstch::map view{
      {"term", v.term.id()},
      {"term_label", v.term.label()},
      {"term_dates", format_date_long(v.term.start) + " to " + format_date_long(v.term.end)},
      {"year_days", std::to_string(v.year_days)},
      {"calendar_source",
       std::string(v.own_terms ? "The terms are the area's own school term dates; days in the holidays are in no term."
                               : "The area gives no term dates of its own for this year, so the national pattern "
                                 "applies: autumn from 1 September to 31 December, spring from 1 January to 31 "
                                 "March and summer from 1 April to 31 August.")},
      {"terms", terms},
      {"due", format_pounds(v.schedule->due)},
      {"paid", format_pounds(v.schedule->paid)},
      {"outstanding", format_pounds(v.schedule->outstanding)},
      {"children", std::to_string(v.schedule->children)},
      {"rows", rows},
      {"has_rows", !rows.empty()},
      {"setting", mstch::map{{"id", std::string("setting_name")},
                             {"name", std::string("setting_name")},
                             {"label", std::string("Setting paid")},
                             {"error", setting_error},
                             {"described", described},
                             {"options", settings}}},
      {"fields",
       mstch::array{input("amount", "Amount paid (£)", param(f, "amount"), e, "", "govuk-input--width-10"),
                    input("paid_on", "Date paid", param(f, "paid_on"), e, "As year-month-day, for example 2025-10-15",
                          "govuk-input--width-10"),
                    input("reference", "Payment reference", param(f, "reference"), e,
                          "The remittance or payment run reference, like BACS-2025-10-118", "govuk-input--width-20")}}};
  return page(ctx, e ? 400 : 200, "contracts/top_ups", "Top-up payments to settings", std::move(view), "contracts", e);
}

std::string pounds_text(Pence p) {
  const std::string shown = format_pounds(p);
  return shown.substr(shown.find("£") + std::string("£").size());
}

app::FormFields fields_of(const TopUpPayment& p) {
  return {{"amount", pounds_text(p.amount)},
          {"paid_on", format_date(p.paid_on)},
          {"reference", p.reference},
          {"version", std::to_string(p.version)}};
}

Response payment_page(Ctx& ctx, const TopUpPayment& p, const app::FormFields& f, const Error* e) {
  std::string version_error;
  if (e && e->first_field() == "version") version_error = e->first_message();
  const auto term = parse_funding_term(term_calendar_for_area(ctx.me().area_id), p.term_id);
  mstch::map view{
      {"id", p.id},
      {"term", p.term_id},
      {"term_label", term ? term->label() : p.term_id},
      {"setting", p.setting_name},
      {"version", param(f, "version")},
      {"version_error", version_error},
      {"fields",
       mstch::array{input("amount", "Amount paid (£)", param(f, "amount"), e, "", "govuk-input--width-10"),
                    input("paid_on", "Date paid", param(f, "paid_on"), e, "As year-month-day, for example 2025-10-15",
                          "govuk-input--width-10"),
                    input("reference", "Payment reference", param(f, "reference"), e,
                          "The remittance or payment run reference, like BACS-2025-10-118", "govuk-input--width-20")}}};
  const int status = !e ? 200 : e->first_field() == "version" ? 409 : 400;
  return page(ctx, status, "contracts/top_up_payment", "Change the payment", std::move(view), "contracts", e);
}

}  // namespace

Response top_up_payment(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto p = app::open_top_up_payment(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&p)) return refused(ctx, *r, false);
  const auto& payment = std::get<TopUpPayment>(p);
  return payment_page(ctx, payment, fields_of(payment), nullptr);
}

Response top_up_payment_update(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  auto out = app::edit_top_up_payment(services, ctx.me(), id, ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto p = app::open_top_up_payment(services, ctx.me(), id);
    if (auto* r = std::get_if<app::Refused>(&p)) return refused(ctx, *r, false);
    return payment_page(ctx, std::get<TopUpPayment>(p), ctx.form, e);
  }
  return redirect("/top-ups?term=" + std::get<TopUpPayment>(out).term_id + "&saved=1");
}

Response api_top_up_payment(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto p = app::open_top_up_payment(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&p)) return refused(ctx, *r, true);
  return json_response(200, payment_json(std::get<TopUpPayment>(p)).dump());
}

Response api_top_up_payment_update(Ctx& ctx) {
  auto p = payment_body(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out = app::edit_top_up_payment(services, ctx.me(), ctx.captures.at(0), *p);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(e->first_field() == "version" ? 409 : 400, *e);
  return json_response(200, payment_json(std::get<TopUpPayment>(out)).dump());
}

Response top_ups(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_top_ups(services, ctx.me(), param(ctx.query, "term"), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&v)) return error_page(ctx, 400, "Choose a term", e->first_message());
  return top_ups_page(ctx, std::get<app::TopUpView>(v), {}, nullptr);
}

Response top_ups_csv(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_top_ups(services, ctx.me(), param(ctx.query, "term"), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&v)) return error_page(ctx, 400, "Choose a term", e->first_message());
  const auto& view = std::get<app::TopUpView>(v);
  Response res;
  res.set("Content-Type", "text/csv; charset=utf-8");
  res.set("Content-Disposition", "attachment; filename=\"top-ups-" + view.term.id() + ".csv\"");
  res.body = app::top_ups_csv(view);
  return res;
}

Response top_up_payment_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::record_top_up_payment(services, ctx.me(), ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    // Show the term the form was for, or the current one if it did not read.
    const std::string term = param(ctx.form, "term");
    auto v =
        app::open_top_ups(services, ctx.me(),
                          parse_funding_term(term_calendar_for_area(ctx.me().area_id), term) ? term : "", ctx.route());
    if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
    if (auto* bad = std::get_if<Error>(&v)) return error_page(ctx, 400, "Choose a term", bad->first_message());
    return top_ups_page(ctx, std::get<app::TopUpView>(v), ctx.form, e);
  }
  return redirect("/top-ups?term=" + std::get<TopUpPayment>(out).term_id + "&saved=1");
}

Response api_top_ups(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_top_ups(services, ctx.me(), param(ctx.query, "term"), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&v)) return json_error(400, *e);
  return json_response(200, view_json(std::get<app::TopUpView>(v)).dump());
}

Response api_top_up_payment_create(Ctx& ctx) {
  auto p = payment_body(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out = app::record_top_up_payment(services, ctx.me(), *p);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(400, *e);
  return json_response(201, payment_json(std::get<TopUpPayment>(out)).dump());
}

}  // namespace tandem::web::handlers
