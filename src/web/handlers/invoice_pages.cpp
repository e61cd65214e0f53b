// Money actually spent on a contract: its invoices page (spend to date against
// the value and the pro-rata value, overspend flagged, the invoices with their
// payment), the forms that record an invoice and its payment, and their JSON
// API twins.
#include <variant>

#include <nlohmann/json.hpp>

#include "app/contract_invoices.h"
#include "web/handlers.h"
#include "web/json_body.h"
#include "web/refusal.h"

namespace tandem::web::handlers {

using json = nlohmann::json;

namespace {

Response refused(Ctx& ctx, const app::Refused& r, bool api) {
  return refusal(ctx, r, api, "You cannot see this contract");
}

mstch::map input(const std::string& name, const std::string& id, const std::string& label, const std::string& value,
                 const Error* e, const std::string& hint, const std::string& width) {
  std::string error;
  if (e) {
    for (const auto& f : e->fields) {
      if (f.field == name && error.empty()) error = f.message;
    }
  }
  std::string described;
  if (!hint.empty()) described = id + "-hint";
  if (!error.empty()) described += (described.empty() ? "" : " ") + id + "-error";
  return mstch::map{{"name", name}, {"id", id},       {"label", label},    {"value", value},        {"error", error},
                    {"hint", hint}, {"width", width}, {"textarea", false}, {"described", described}};
}

json invoice_json(const Invoice& i) {
  return {{"id", i.id},
          {"contract_id", i.contract_id},
          {"reference", i.reference},
          {"invoiced_on", format_date(i.invoiced_on)},
          {"amount_pence", i.amount.value},
          {"paid_on", i.paid_on ? json(format_date(*i.paid_on)) : json(nullptr)}};
}

json totals_json(const InvoiceTotals& t) {
  return {{"invoiced_pence", t.invoiced.value},
          {"paid_pence", t.paid.value},
          {"unpaid_pence", t.unpaid.value},
          {"value_pence", t.value.value},
          {"pro_rata_pence", t.pro_rata.value},
          {"remaining_pence", t.remaining.value},
          {"overspent", t.overspent},
          {"ahead_of_pro_rata", t.ahead_of_pro_rata},
          {"over_pro_rata_pence", t.over_pro_rata.value}};
}

// The API's amount in pence read as the form's pounds.
std::optional<Params> invoice_body(const std::string& body) {
  return json_body_params(body, [](const json& j, Params& p) {
    if (auto it = j.find("amount_pence"); it != j.end() && it->is_number_integer()) {
      const long long pence = it->get<long long>();
      p["amount"] =
          pence < 0 ? "-"
                    : std::to_string(pence / 100) + "." + (pence % 100 < 10 ? "0" : "") + std::to_string(pence % 100);
    }
  });
}

// `failed` is the invoice whose payment was refused, if any: its date input
// takes the error (and the id the error summary links to).
Response invoices_page(Ctx& ctx, const app::InvoiceView& v, const app::FormFields& f, const Error* e,
                       const std::string& failed = "") {
  const Contract& c = v.stored.contract;
  const bool manage = role_has(ctx.me().role, Permission::manage_contracts);
  const std::string today = format_date(ctx.s.clock.today());
  mstch::array rows;
  for (auto it = v.invoices.rbegin(); it != v.invoices.rend(); ++it) {
    const Invoice& i = *it;
    const bool this_failed = !failed.empty() && failed == i.id;
    rows.push_back(mstch::map{
        {"id", i.id},
        {"contract_id", c.id},
        {"reference", i.reference},
        {"invoiced", format_date_long(i.invoiced_on)},
        {"amount", format_pounds(i.amount)},
        {"paid", i.paid_on ? format_date_long(*i.paid_on) : std::string()},
        {"can_pay", manage && !i.paid_on},
        {"pay_field",
         input("paid_on", this_failed ? "paid_on" : "paid_on-" + i.id, "Date paid for " + i.reference,
               this_failed ? param(f, "paid_on") : today, this_failed ? e : nullptr, "", "govuk-input--width-10")}});
  }
  const bool pay_error = !failed.empty();
  const auto get = [&](const char* k) { return pay_error ? std::string() : param(f, k); };
  const Error* add_error = pay_error ? nullptr : e;
  mstch::array fields{input("reference", "reference", "Invoice reference", get("reference"), add_error,
                            "The provider's invoice number, like INV-2025-014", "govuk-input--width-20"),
                      input("invoiced_on", "invoiced_on", "Invoice date", get("invoiced_on"), add_error,
                            "As year-month-day, for example 2025-06-30", "govuk-input--width-10"),
                      input("amount", "amount", "Amount (£)", get("amount"), add_error, "", "govuk-input--width-10"),
                      input("paid_on", pay_error ? "new-paid_on" : "paid_on", "Date paid (optional)", get("paid_on"),
                            add_error, "Leave blank if it is not paid yet", "govuk-input--width-10")};
  const InvoiceTotals& t = v.totals;
  mstch::map view{{"id", c.id},
                  {"title", c.title},
                  {"provider", v.stored.provider_name},
                  {"value", format_pounds(t.value)},
                  {"invoiced", format_pounds(t.invoiced)},
                  {"paid", format_pounds(t.paid)},
                  {"unpaid", format_pounds(t.unpaid)},
                  {"pro_rata", format_pounds(t.pro_rata)},
                  {"remaining", format_pounds(t.remaining)},
                  {"overspent", t.overspent},
                  {"overspend", format_pounds(-t.remaining)},
                  {"ahead", t.ahead_of_pro_rata && !t.overspent},
                  {"over_pro_rata", format_pounds(t.over_pro_rata)},
                  {"today", format_date_long(ctx.s.clock.today())},
                  {"cost_per_child", v.cost_per_child ? format_pounds(*v.cost_per_child) : std::string()},
                  {"children_served", std::to_string(v.children_served)},
                  {"rows", rows},
                  {"has_rows", !rows.empty()},
                  {"can_manage", manage},
                  {"fields", fields}};
  return page(ctx, e ? 400 : 200, "contracts/invoices", "Invoices and payments", std::move(view), "contracts", e);
}

Response reopen(Ctx& ctx, app::RegisterServices& services, const std::string& id, const Error& e,
                const std::string& failed) {
  auto v = app::open_invoices(services, ctx.me(), id);
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  return invoices_page(ctx, std::get<app::InvoiceView>(v), ctx.form, &e, failed);
}

}  // namespace

Response contract_invoices(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_invoices(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  return invoices_page(ctx, std::get<app::InvoiceView>(v), {}, nullptr);
}

Response contract_invoice_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  auto out = app::add_invoice(services, ctx.me(), id, ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) return reopen(ctx, services, id, *e, "");
  return redirect("/contracts/" + id + "/invoices?saved=1");
}

Response contract_invoice_paid(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0), invoice = ctx.captures.at(1);
  auto out = app::pay_invoice(services, ctx.me(), id, invoice, ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) return reopen(ctx, services, id, *e, invoice);
  return redirect("/contracts/" + id + "/invoices?saved=1");
}

Response api_contract_invoices(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_invoices(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  const auto& view = std::get<app::InvoiceView>(v);
  json items = json::array();
  for (const auto& i : view.invoices) items.push_back(invoice_json(i));
  return json_response(
      200, json{{"contract_id", view.stored.contract.id},
                {"invoices", items},
                {"totals", totals_json(view.totals)},
                {"children_served", view.children_served},
                {"cost_per_child_pence", view.cost_per_child ? json(view.cost_per_child->value) : json(nullptr)}}
               .dump());
}

Response api_contract_invoice_create(Ctx& ctx) {
  auto p = invoice_body(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out = app::add_invoice(services, ctx.me(), ctx.captures.at(0), *p);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(400, *e);
  return json_response(201, invoice_json(std::get<Invoice>(out)).dump());
}

Response api_contract_invoice_paid(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out = app::pay_invoice(services, ctx.me(), ctx.captures.at(0), ctx.captures.at(1), *p);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(400, *e);
  return json_response(200, invoice_json(std::get<Invoice>(out)).dump());
}

}  // namespace tandem::web::handlers
