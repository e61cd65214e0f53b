// Recharges between councils: what is owed each way with totals by council,
// lines proposed from the area's moves, the form that records a recharge,
// the page that corrects one, the recharges as CSV, and their JSON API twins.
#include <variant>

#include <nlohmann/json.hpp>

#include "app/recharges.h"
#include "web/handlers.h"
#include "web/json_body.h"
#include "web/refusal.h"

namespace tandem::web::handlers {

using json = nlohmann::json;

namespace {

Response refused(Ctx& ctx, const app::Refused& r, bool api) { return refusal(ctx, r, api, "You cannot see recharges"); }

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

std::string pounds_text(Pence p) {
  const std::string shown = format_pounds(p);
  return shown.substr(shown.find("£") + std::string("£").size());
}

std::string date_or_blank(const std::optional<Date>& d) { return d ? format_date(*d) : std::string(); }

json recharge_json(const store::StoredRecharge& s) {
  const Recharge& r = s.recharge;
  return {{"id", r.id},
          {"direction", to_string(r.direction)},
          {"other_council", r.other_council},
          {"child_id", r.child_id.empty() ? json(nullptr) : json(r.child_id)},
          {"child_name", s.child_name},
          {"date_of_birth", s.date_of_birth ? json(format_date(*s.date_of_birth)) : json(nullptr)},
          {"other_council_reference", r.other_council_reference},
          {"on_register", !r.child_id.empty()},
          {"status", to_string(r.status)},
          {"setting_name", r.setting_name},
          {"period_start", format_date(r.period_start)},
          {"period_end", format_date(r.period_end)},
          {"amount_pence", r.amount.value},
          {"invoice_reference", r.invoice_reference},
          {"invoiced_on", r.invoiced_on ? json(format_date(*r.invoiced_on)) : json(nullptr)},
          {"paid_on", r.paid_on ? json(format_date(*r.paid_on)) : json(nullptr)},
          {"version", r.version}};
}

json council_json(const CouncilRecharges& c) {
  return {{"other_council", c.other_council},
          {"owed_to_us_pence", c.owed_to_us.value},
          {"received_pence", c.received.value},
          {"outstanding_to_us_pence", c.outstanding_to_us().value},
          {"owed_by_us_pence", c.owed_by_us.value},
          {"paid_pence", c.paid.value},
          {"outstanding_by_us_pence", c.outstanding_by_us().value},
          {"net_pence", c.net().value}};
}

std::optional<Params> recharge_body(const std::string& body) {
  return json_body_params(body, [](const json& j, Params& p) {
    if (auto it = j.find("amount_pence"); it != j.end() && it->is_number_integer()) {
      const long long pence = it->get<long long>();
      p["amount"] =
          pence < 0 ? "-"
                    : std::to_string(pence / 100) + "." + (pence % 100 < 10 ? "0" : "") + std::to_string(pence % 100);
    }
  });
}

std::string error_of(const Error* e, const std::string& field) {
  if (e) {
    for (const auto& x : e->fields) {
      if (x.field == field) return x.message;
    }
  }
  return "";
}

// The form's fields and its direction and status choices, from `f`.
mstch::map recharge_form(const app::FormFields& f, const Error* e) {
  const std::string direction_error = error_of(e, "direction");
  mstch::array statuses{mstch::map{{"value", std::string()},
                                   {"label", std::string("Work it out from the dates")},
                                   {"selected", param(f, "status").empty()}}};
  for (const auto st : {RechargeStatus::not_invoiced, RechargeStatus::invoiced, RechargeStatus::paid,
                        RechargeStatus::disputed, RechargeStatus::cancelled}) {
    const std::string id(to_string(st));
    statuses.push_back(mstch::map{
        {"value", id}, {"label", std::string(recharge_status_label(st))}, {"selected", param(f, "status") == id}});
  }
  const std::string status_error = error_of(e, "status");
  mstch::array directions;
  for (const auto d : {RechargeDirection::owed_to_us, RechargeDirection::owed_by_us}) {
    const std::string id(to_string(d));
    directions.push_back(mstch::map{
        {"value", id}, {"label", std::string(recharge_direction_label(d))}, {"checked", param(f, "direction") == id}});
  }
  return mstch::map{
      {"directions", directions},
      {"direction_error", direction_error},
      {"status", mstch::map{{"id", std::string("status")},
                            {"name", std::string("status")},
                            {"label", std::string("Status")},
                            {"error", status_error},
                            {"described", status_error.empty() ? std::string() : std::string("status-error")},
                            {"options", statuses}}},
      {"fields",
       mstch::array{
           input("other_council", "Other council", param(f, "other_council"), e, "Like Lancashire County Council", ""),
           input("child_id", "Child's Tandem reference", param(f, "child_id"), e,
                 "As shown on the child's record, like c-1a2b3c", "govuk-input--width-20"),
           input("child_name", "Or, for a child not on our register, their name", param(f, "child_name"), e,
                 "Another council's child placed at one of our settings, whom we hold no record of", ""),
           input("date_of_birth", "Their date of birth, for a child not on our register", param(f, "date_of_birth"), e,
                 "As year-month-day, for example 2014-03-09: the other council matches the invoice to its child by "
                 "name and date of birth",
                 "govuk-input--width-10"),
           input("other_council_reference", "The other council's reference for the child (optional)",
                 param(f, "other_council_reference"), e, "Their case or EHC plan number for the child, if you know it",
                 "govuk-input--width-20"),
           input("setting_name", "Setting", param(f, "setting_name"), e, "", ""),
           input("period_start", "First day covered", param(f, "period_start"), e,
                 "As year-month-day, for example 2025-09-01", "govuk-input--width-10"),
           input("period_end", "Last day covered", param(f, "period_end"), e,
                 "As year-month-day, for example 2025-12-31", "govuk-input--width-10"),
           input("amount", "Amount (£)", param(f, "amount"), e, "", "govuk-input--width-10"),
           input("invoice_reference", "Invoice reference (optional)", param(f, "invoice_reference"), e,
                 "The invoice we raised, or the one we received", "govuk-input--width-20"),
           input("invoiced_on", "Invoice date (optional)", param(f, "invoiced_on"), e, "", "govuk-input--width-10"),
           input("paid_on", "Date paid (optional)", param(f, "paid_on"), e, "", "govuk-input--width-10")}}};
}

mstch::array rows_of(const std::vector<store::StoredRecharge>& list) {
  mstch::array rows;
  for (const auto& s : list) {
    const Recharge& r = s.recharge;
    rows.push_back(mstch::map{
        {"id", r.id},
        {"child", s.child_name},
        {"born", s.date_of_birth ? format_date_long(*s.date_of_birth) : std::string()},
        {"their_reference", r.other_council_reference},
        {"council", r.other_council},
        {"setting", r.setting_name},
        {"period", format_date_long(r.period_start) + " to " + format_date_long(r.period_end)},
        {"amount", format_pounds(r.amount)},
        {"invoice", r.invoice_reference.empty() ? std::string("Not invoiced")
                                                : r.invoice_reference + ", " + format_date_long(*r.invoiced_on)},
        {"paid", r.paid_on ? format_date_long(*r.paid_on) : std::string()},
        {"status", std::string(recharge_status_label(r.status))}});
  }
  return rows;
}

Response list_page(Ctx& ctx, const app::RechargesView& v, const app::FormFields& f, const Error* e) {
  mstch::array councils;
  for (const auto& c : v.by_council) {
    councils.push_back(mstch::map{{"council", c.other_council.empty() ? std::string("All councils") : c.other_council},
                                  {"total", c.other_council.empty()},
                                  {"to_us", format_pounds(c.owed_to_us)},
                                  {"received", format_pounds(c.received)},
                                  {"outstanding_to_us", format_pounds(c.outstanding_to_us())},
                                  {"by_us", format_pounds(c.owed_by_us)},
                                  {"paid", format_pounds(c.paid)},
                                  {"outstanding_by_us", format_pounds(c.outstanding_by_us())},
                                  {"net", format_pounds(c.net())}});
  }
  mstch::array proposals;
  for (const auto& p : v.proposals) {
    const RechargeInput& l = p.line;
    proposals.push_back(
        mstch::map{{"child", p.child_name},
                   {"why", p.why},
                   {"direction", std::string(to_string(*l.direction))},
                   {"direction_label", std::string(recharge_direction_label(*l.direction))},
                   {"council", l.other_council},
                   {"child_id", l.child_id},
                   {"setting", l.setting_name},
                   {"start", format_date(*l.period_start)},
                   {"end", format_date(*l.period_end)},
                   {"period", format_date_long(*l.period_start) + " to " + format_date_long(*l.period_end)},
                   {"amount_text", pounds_text(*l.amount)},
                   {"amount", format_pounds(*l.amount)}});
  }
  mstch::map view = recharge_form(f, e);
  view["councils"] = councils;
  view["has_councils"] = v.by_council.size() > 1;
  view["to_us"] = rows_of(v.owed_to_us);
  view["has_to_us"] = !v.owed_to_us.empty();
  view["by_us"] = rows_of(v.owed_by_us);
  view["has_by_us"] = !v.owed_by_us.empty();
  view["proposals"] = proposals;
  view["has_proposals"] = !proposals.empty();
  return page(ctx, e ? 400 : 200, "contracts/recharges", "Recharges between councils", std::move(view), "contracts", e);
}

app::FormFields fields_of(const Recharge& r) {
  return {{"direction", std::string(to_string(r.direction))},
          {"other_council", r.other_council},
          {"child_id", r.child_id},
          {"child_name", r.child_name},
          {"date_of_birth", date_or_blank(r.date_of_birth)},
          {"other_council_reference", r.other_council_reference},
          {"status", std::string(to_string(r.status))},
          {"setting_name", r.setting_name},
          {"period_start", format_date(r.period_start)},
          {"period_end", format_date(r.period_end)},
          {"amount", pounds_text(r.amount)},
          {"invoice_reference", r.invoice_reference},
          {"invoiced_on", date_or_blank(r.invoiced_on)},
          {"paid_on", date_or_blank(r.paid_on)},
          {"version", std::to_string(r.version)}};
}

Response edit_page(Ctx& ctx, const store::StoredRecharge& s, const app::FormFields& f, const Error* e) {
  mstch::map view = recharge_form(f, e);
  std::string version_error;
  if (e && e->first_field() == "version") version_error = e->first_message();
  view["id"] = s.recharge.id;
  view["child"] = s.child_name;
  view["council"] = s.recharge.other_council;
  view["version"] = param(f, "version");
  view["version_error"] = version_error;
  const int status = !e ? 200 : e->first_field() == "version" ? 409 : 400;
  return page(ctx, status, "contracts/recharge", "Change the recharge", std::move(view), "contracts", e);
}

}  // namespace

Response recharges_list(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::list_recharges(services, ctx.me(), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  return list_page(ctx, std::get<app::RechargesView>(v), {}, nullptr);
}

Response recharges_csv(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::list_recharges(services, ctx.me(), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  Response res;
  res.set("Content-Type", "text/csv; charset=utf-8");
  res.set("Content-Disposition", "attachment; filename=\"recharges.csv\"");
  res.body = app::recharges_csv(std::get<app::RechargesView>(v));
  return res;
}

Response recharge_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::add_recharge(services, ctx.me(), ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto v = app::list_recharges(services, ctx.me(), ctx.route());
    if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
    return list_page(ctx, std::get<app::RechargesView>(v), ctx.form, e);
  }
  return redirect("/recharges?saved=1");
}

Response recharge(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto s = app::open_recharge(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&s)) return refused(ctx, *r, false);
  const auto& stored = std::get<store::StoredRecharge>(s);
  return edit_page(ctx, stored, fields_of(stored.recharge), nullptr);
}

Response recharge_update(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  auto out = app::edit_recharge(services, ctx.me(), id, ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto s = app::open_recharge(services, ctx.me(), id, ctx.route());
    if (auto* r = std::get_if<app::Refused>(&s)) return refused(ctx, *r, false);
    return edit_page(ctx, std::get<store::StoredRecharge>(s), ctx.form, e);
  }
  return redirect("/recharges?saved=1");
}

Response api_recharges(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::list_recharges(services, ctx.me(), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  const auto& view = std::get<app::RechargesView>(v);
  json items = json::array(), councils = json::array(), proposals = json::array();
  for (const auto* list : {&view.owed_to_us, &view.owed_by_us}) {
    for (const auto& s : *list) items.push_back(recharge_json(s));
  }
  json total = json(nullptr);
  for (const auto& c : view.by_council) {
    if (c.other_council.empty()) {
      total = council_json(c);
    } else {
      councils.push_back(council_json(c));
    }
  }
  for (const auto& p : view.proposals) {
    const RechargeInput& l = p.line;
    proposals.push_back({{"direction", to_string(*l.direction)},
                         {"other_council", l.other_council},
                         {"child_id", l.child_id},
                         {"child_name", p.child_name},
                         {"setting_name", l.setting_name},
                         {"period_start", format_date(*l.period_start)},
                         {"period_end", format_date(*l.period_end)},
                         {"amount_pence", l.amount->value},
                         {"why", p.why}});
  }
  return json_response(
      200, json{{"recharges", items}, {"by_council", councils}, {"totals", total}, {"proposals", proposals}}.dump());
}

Response api_recharge(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto s = app::open_recharge(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&s)) return refused(ctx, *r, true);
  return json_response(200, recharge_json(std::get<store::StoredRecharge>(s)).dump());
}

namespace {
Response api_after(Ctx& ctx, app::RegisterServices& services, const std::variant<Recharge, app::Refused, Error>& out,
                   int status) {
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(e->first_field() == "version" ? 409 : 400, *e);
  auto s = app::open_recharge(services, ctx.me(), std::get<Recharge>(out).id, ctx.route());
  if (auto* r = std::get_if<app::Refused>(&s)) return refused(ctx, *r, true);
  return json_response(status, recharge_json(std::get<store::StoredRecharge>(s)).dump());
}
}  // namespace

Response api_recharge_create(Ctx& ctx) {
  auto p = recharge_body(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after(ctx, services, app::add_recharge(services, ctx.me(), *p), 201);
}

Response api_recharge_update(Ctx& ctx) {
  auto p = recharge_body(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after(ctx, services, app::edit_recharge(services, ctx.me(), ctx.captures.at(0), *p), 200);
}

}  // namespace tandem::web::handlers
