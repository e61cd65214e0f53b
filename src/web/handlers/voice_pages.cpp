// Families' voice in the Local Offer: the public feedback and request forms
// and the "You said, we did" page (no sign-in: their CSRF token binds to a
// pre-session cookie, as the sign-in form's does); the SEND team's triage,
// the six-monthly report (page and CSV), requests through their five checks to
// a decision, and the gaps report; and their JSON API twins.
#include <variant>

#include <nlohmann/json.hpp>

#include "app/crypto.h"
#include "app/families_voice.h"
#include "app/offer_gaps.h"
#include "core/need.h"
#include "web/handlers.h"
#include "web/json_body.h"
#include "web/refusal.h"

namespace tandem::web::handlers {

using json = nlohmann::json;

namespace {

// ---- shared helpers --------------------------------------------------------------

std::vector<std::pair<std::string, std::string>> need_choices(const char* none) {
  std::vector<std::pair<std::string, std::string>> out{{"", none}};
  for (const auto& n : need_codes()) out.emplace_back(std::string(n.code), std::string(n.name));
  return out;
}

std::string need_label(const std::string& code) {
  if (code.empty()) return "";
  auto n = find_need(code);
  return n ? std::string(n->name) : code;
}

Response refused(Ctx& ctx, const app::Refused& r, bool api) { return refusal(ctx, r, api, "You cannot see this"); }

std::string pre_session_cookie(const Ctx& ctx, const std::string& value) {
  std::string c = std::string(kSignInCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
  if (ctx.s.secure_cookies) c += "; Secure";
  return c;
}

// A public form: signed in, the session's token; otherwise one bound to a
// pre-session cookie, set here when the browser has none. No request writes
// just to issue it.
Response public_form(Ctx& ctx, int status, const std::string& tmpl, const std::string& title, mstch::map view,
                     const Error* errors) {
  std::string cookie;
  if (!ctx.user) {
    cookie = param(parse_cookies(ctx.req.header("cookie")), kSignInCookie);
    if (cookie.empty() || cookie.size() > 64) cookie = app::random_token();
    view["csrf_token"] = ctx.s.auth.csrf_token("signin:" + cookie);
  }
  Response r = page(ctx, status, tmpl, title, std::move(view), "", errors);
  if (!cookie.empty()) r.set("Set-Cookie", pre_session_cookie(ctx, cookie));
  return r;
}

std::optional<app::SignedIn> optional_user(const Ctx& ctx) { return ctx.user; }

// ---- feedback: public ----------------------------------------------------------

app::FeedbackForm feedback_form_from(const Params& p) {
  return {param(p, "service_id"), param(p, "from"), param(p, "comment"), param(p, "contact")};
}

Response feedback_page(Ctx& ctx, const app::FeedbackForm& f, const Error* e) {
  std::vector<std::pair<std::string, std::string>> froms;
  for (auto x : all_feedback_froms())
    froms.emplace_back(std::string(to_string(x)), std::string(feedback_from_label(x)));
  mstch::array from_items;
  int i = 0;
  for (const auto& [value, label] : froms) {
    from_items.push_back(mstch::map{{"value", value},
                                    {"label", label},
                                    {"checked", value == f.from},
                                    {"input_id", i == 0 ? std::string("from") : "from-" + std::to_string(i)}});
    ++i;
  }
  mstch::map view{{"service_id", f.service_id},
                  {"service_name", app::service_name(*ctx.s.local_offer, f.service_id)},
                  {"about_service", !f.service_id.empty()},
                  {"froms", from_items},
                  {"comment", f.comment},
                  {"contact", f.contact}};
  return public_form(ctx, e ? 400 : 200, "voice/feedback_form", "Give feedback on the Local Offer", std::move(view), e);
}

// ---- requests: public and staff -------------------------------------------------

app::RequestForm request_form_from(const Params& p) {
  return {param(p, "child_id"),  param(p, "provision"), param(p, "provider"), param(p, "reason"),
          param(p, "need_code"), param(p, "age"),       param(p, "contact")};
}

Response request_page(Ctx& ctx, const app::RequestForm& f, bool staff, const Error* e) {
  mstch::map view{{"staff", staff},
                  {"action", std::string(staff ? "/provision-requests" : "/local-offer/requests")},
                  {"child_id", f.child_id},
                  {"provision", f.provision},
                  {"provider", f.provider},
                  {"reason", f.reason},
                  {"needs", choices(need_choices("Not sure, or none"), f.need_code)},
                  {"age", f.age},
                  {"contact", f.contact},
                  {"sent", param(ctx.query, "sent") == "1"}};
  const std::string title = "Ask for provision not in the Local Offer";
  if (staff) return page(ctx, e ? 400 : 200, "voice/request_form", title, std::move(view), "voice", e);
  return public_form(ctx, e ? 400 : 200, "voice/request_form", title, std::move(view), e);
}

// ---- feedback: staff -------------------------------------------------------------

std::vector<std::pair<std::string, std::string>> status_choices() {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto s : all_feedback_statuses())
    out.emplace_back(std::string(to_string(s)), std::string(feedback_status_label(s)));
  return out;
}

const char* status_colour(FeedbackStatus s) {
  switch (s) {
    case FeedbackStatus::new_: return "blue";
    case FeedbackStatus::triaged: return "yellow";
    case FeedbackStatus::responded: return "green";
    case FeedbackStatus::closed: return "grey";
  }
  return "grey";
}

app::TriageForm triage_form_from(const Params& p) {
  return {param(p, "status"), param(p, "category"), param(p, "need_code"), param(p, "you_said"),
          param(p, "we_did"), param(p, "publish"),  param(p, "version")};
}

Response triage_page(Ctx& ctx, const app::FeedbackRow& row, const app::TriageForm* form, const Error* e) {
  const Feedback& f = row.feedback;
  std::vector<std::pair<std::string, std::string>> categories{{"", "Choose a category"}};
  for (auto c : all_feedback_categories())
    categories.emplace_back(std::string(to_string(c)), std::string(feedback_category_label(c)));
  const std::string status = form ? form->status : std::string(to_string(f.status));
  const std::string category = form ? form->category : f.category ? std::string(to_string(*f.category)) : "";
  const std::string need = form ? form->need_code : f.need_code;
  const bool publish = form ? (form->publish == "yes") : f.published();
  mstch::map view{{"id", f.id},
                  {"service_id", f.service_id},
                  {"service_name", row.service_name},
                  {"received", format_date_long(f.received_on)},
                  {"from", std::string(feedback_from_label(f.from))},
                  {"comment", f.comment},
                  {"contact", f.contact},
                  {"status_label", std::string(feedback_status_label(f.status))},
                  {"status_colour", std::string(status_colour(f.status))},
                  {"statuses", choices(status_choices(), status)},
                  {"categories", choices(categories, category)},
                  {"needs", choices(need_choices("No particular need"), need)},
                  {"you_said", form ? form->you_said : f.you_said},
                  {"we_did", form ? form->we_did : f.we_did},
                  {"publish", publish},
                  {"published_on", f.published_on ? format_date_long(*f.published_on) : ""},
                  {"version", std::to_string(f.version)},
                  {"saved", param(ctx.query, "saved") == "1"}};
  return page(ctx, e ? 400 : 200, "voice/feedback_item", "Feedback", std::move(view), "voice", e);
}

json feedback_json(const app::FeedbackRow& row) {
  const Feedback& f = row.feedback;
  return {{"id", f.id},
          {"service_id", f.service_id.empty() ? json(nullptr) : json(f.service_id)},
          {"service_name", row.service_name},
          {"received_on", format_date(f.received_on)},
          {"from", to_string(f.from)},
          {"comment", f.comment},
          {"contact", f.contact},
          {"status", to_string(f.status)},
          {"category", f.category ? json(std::string(to_string(*f.category))) : json(nullptr)},
          {"need_code", f.need_code.empty() ? json(nullptr) : json(f.need_code)},
          {"you_said", f.you_said},
          {"we_did", f.we_did},
          {"published_on", f.published_on ? json(format_date(*f.published_on)) : json(nullptr)},
          {"version", f.version}};
}

json count_json(const app::ReportLine& l, const char* key_name) {
  json categories = json::object();
  const auto all = all_feedback_categories();
  for (std::size_t i = 0; i < all.size(); ++i) categories[std::string(to_string(all[i]))] = l.count.by_category[i];
  return {{key_name, l.count.key.empty() ? json(nullptr) : json(l.count.key)},
          {"name", l.name},
          {"received", l.count.received},
          {"open", l.count.open},
          {"responded", l.count.responded},
          {"published", l.count.published},
          {"by_category", categories}};
}

mstch::array report_rows(const std::vector<app::ReportLine>& lines, bool services) {
  mstch::array out;
  for (const auto& l : lines) {
    mstch::map row{{"name", l.name},
                   {"received", std::to_string(l.count.received)},
                   {"open", std::to_string(l.count.open)},
                   {"responded", std::to_string(l.count.responded)},
                   {"published", std::to_string(l.count.published)},
                   {"gap", std::to_string(l.count.by_category[3])},
                   {"quality", std::to_string(l.count.by_category[2])},
                   {"praise", std::to_string(l.count.by_category[4])}};
    if (services && !l.count.key.empty()) row["href"] = "/local-offer/services/" + l.count.key;
    out.push_back(row);
  }
  return out;
}

// ---- requests: staff -------------------------------------------------------------

const char* stage_colour(RequestStage s) {
  switch (s) {
    case RequestStage::received: return "blue";
    case RequestStage::verifying: return "yellow";
    case RequestStage::decided: return "green";
  }
  return "grey";
}

json request_json(const ProvisionRequest& r, const std::string& child_name, bool child_visible) {
  json checks = json::array();
  for (const auto& k : r.checks) {
    checks.push_back({{"criterion", to_string(k.criterion)},
                      {"finding", to_string(k.finding)},
                      {"note", k.note},
                      {"checked_by", k.checked_by}});
  }
  json j{{"id", r.id},
         {"received_on", format_date(r.received_on)},
         {"source", to_string(r.source)},
         {"stage", to_string(stage_of(r))},
         {"provision", r.provision},
         {"provider", r.provider},
         {"reason", r.reason},
         {"need_code", r.need_code.empty() ? json(nullptr) : json(r.need_code)},
         {"age", r.age ? json(*r.age) : json(nullptr)},
         {"contact", r.contact},
         {"child_linked", !r.child_id.empty()},
         {"checks", checks},
         {"decision", r.decision ? json(std::string(to_string(*r.decision))) : json(nullptr)},
         {"decision_reasons", r.decision_reasons},
         {"decided_on", r.decided_on ? json(format_date(*r.decided_on)) : json(nullptr)},
         {"service_id", r.service_id.empty() ? json(nullptr) : json(r.service_id)},
         {"version", r.version}};
  if (child_visible) {
    j["child_id"] = r.child_id;
    j["child_name"] = child_name;
  }
  return j;
}

Response request_view_page(Ctx& ctx, const app::RequestView& v, const Error* e) {
  const ProvisionRequest& r = v.request;
  const bool decided = r.decision.has_value();
  mstch::array checks;
  int i = 0;
  for (auto c : all_criteria()) {
    const auto* k = check_of(r, c);
    std::vector<std::pair<std::string, std::string>> findings;
    for (auto f : all_findings()) findings.emplace_back(std::string(to_string(f)), std::string(finding_label(f)));
    mstch::array finding_items;
    int j = 0;
    for (const auto& [value, label] : findings) {
      finding_items.push_back(
          mstch::map{{"value", value},
                     {"label", label},
                     {"checked", k && value == to_string(k->finding)},
                     {"input_id", "finding-" + std::string(to_string(c)) + "-" + std::to_string(j)}});
      ++j;
    }
    checks.push_back(
        mstch::map{{"criterion", std::string(to_string(c))},
                   {"label", std::string(criterion_label(c))},
                   {"question", std::string(criterion_question(c))},
                   {"checked", k != nullptr},
                   {"finding", k ? std::string(finding_label(k->finding)) : std::string("Not yet checked")},
                   {"finding_colour", !k                               ? std::string("grey")
                                      : k->finding == Finding::met     ? std::string("green")
                                      : k->finding == Finding::not_met ? std::string("red")
                                                                       : std::string("yellow")},
                   {"note", k ? k->note : std::string()},
                   {"findings", finding_items},
                   {"first", i == 0}});
    ++i;
  }
  std::vector<std::pair<std::string, std::string>> decisions{{"", "Choose the decision"}};
  for (auto d : all_request_decisions())
    decisions.emplace_back(std::string(to_string(d)), std::string(request_decision_label(d)));
  const bool can_check = role_has(ctx.me().role, Permission::edit_directory) && !decided;
  const bool can_decide = role_has(ctx.me().role, Permission::agree_provision) && !decided;
  mstch::map view{
      {"id", r.id},
      {"received", format_date_long(r.received_on)},
      {"source", std::string(r.source == RequestOrigin::family ? "A family, on the Local Offer" : "A member of staff")},
      {"provision", r.provision},
      {"provider", r.provider},
      {"reason", r.reason},
      {"need", need_label(r.need_code)},
      {"age", r.age ? std::to_string(*r.age) : std::string()},
      {"contact", r.contact},
      {"child_linked", v.child_linked},
      {"child_visible", v.child_visible},
      {"child_id", r.child_id},
      {"child_name", v.child_name},
      {"stage", std::string(request_stage_label(v.stage))},
      {"stage_colour", std::string(stage_colour(v.stage))},
      {"checks", checks},
      {"can_check", can_check},
      {"can_decide", can_decide},
      {"decided", decided},
      {"decision", decided ? std::string(request_decision_label(*r.decision)) : std::string()},
      {"decision_reasons", r.decision_reasons},
      {"decided_on", r.decided_on ? format_date_long(*r.decided_on) : std::string()},
      {"service_id", r.service_id},
      {"decisions", choices(decisions, "")},
      {"version", std::to_string(r.version)},
      {"saved", param(ctx.query, "saved") == "1"}};
  return page(ctx, e ? 400 : 200, "voice/request", "Request for provision", std::move(view), "voice", e);
}

Response reopen_request(Ctx& ctx, const std::string& id, const Error& e) {
  auto services = ctx.s.register_services();
  auto v = app::open_provision_request(services, ctx.me(), id, "GET /provision-requests/" + id);
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  return request_view_page(ctx, std::get<app::RequestView>(v), &e);
}

json gaps_json(const app::GapsView& v) {
  json rows = json::array();
  for (const auto& r : v.rows) {
    const auto& band = age_bands()[r.band];
    rows.push_back({{"need_code", r.need_code},
                    {"age_band", std::string(band.id)},
                    {"children", r.children},
                    {"provision_lines", r.provision_lines},
                    {"services", r.services},
                    {"services_per_100_children", r.services_per_100},
                    {"gap", r.gap}});
  }
  json lines = json::object();
  for (const auto& [need, n] : v.lines_by_need) lines[need] = n;
  return {{"threshold_services_per_100_children", v.threshold ? json(*v.threshold) : json(nullptr)},
          {"children", v.children},
          {"services", v.services},
          {"gaps", v.gaps},
          {"provision_lines_by_need", lines},
          {"rows", rows}};
}

std::string ratio_text(double r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", r);
  return buf;
}

}  // namespace

// ---- public pages ------------------------------------------------------------------

Response voice_feedback_form(Ctx& ctx) {
  app::FeedbackForm f;
  f.service_id = param(ctx.query, "service");
  if (!f.service_id.empty() && !app::in_local_offer(*ctx.s.local_offer, f.service_id)) f.service_id.clear();
  return feedback_page(ctx, f, nullptr);
}

Response voice_feedback_create(Ctx& ctx) {
  const auto f = feedback_form_from(ctx.form);
  auto out = app::give_feedback(ctx.s.db, ctx.s.clock, *ctx.s.local_offer, optional_user(ctx), f);
  if (!out) return feedback_page(ctx, f, &out.error());
  return redirect("/local-offer/feedback/sent");
}

Response voice_feedback_sent(Ctx& ctx) {
  mstch::map view{
      {"title", std::string("Thank you for your feedback")},
      {"body", std::string("The SEND team reads every comment. What we change because of it is published on "
                           "the You said, we did page. We never publish your name or contact details.")}};
  return page(ctx, 200, "voice/sent", "Feedback sent", std::move(view));
}

Response voice_you_said_we_did(Ctx& ctx) {
  mstch::array items;
  for (const auto& p : app::you_said_we_did(ctx.s.db, *ctx.s.local_offer)) {
    items.push_back(mstch::map{{"service_id", p.service_id},
                               {"service_name", p.service_name},
                               {"category", p.category},
                               {"you_said", p.you_said},
                               {"we_did", p.we_did},
                               {"published", format_date_long(p.published_on)}});
  }
  mstch::map view{{"items", items}, {"empty", items.empty()}};
  return page(ctx, 200, "voice/you_said", "You said, we did", std::move(view));
}

Response voice_request_form(Ctx& ctx) { return request_page(ctx, {}, false, nullptr); }

Response voice_request_create(Ctx& ctx) {
  auto f = request_form_from(ctx.form);
  f.child_id.clear();
  auto out = app::request_provision(ctx.s.db, ctx.s.clock, *ctx.s.local_offer, f);
  if (!out) return request_page(ctx, f, false, &out.error());
  return redirect("/local-offer/requests/sent");
}

Response voice_request_sent(Ctx& ctx) {
  mstch::map view{{"title", std::string("Your request has been sent")},
                  {"body", std::string("The SEND team will check the provision for its efficacy, cost, safety, quality "
                                       "and outcomes, and tell you what they decide and why.")}};
  return page(ctx, 200, "voice/sent", "Request sent", std::move(view));
}

// ---- staff: feedback ---------------------------------------------------------------

Response voice_feedback_list(Ctx& ctx) {
  const std::string status = ctx.query.contains("status") ? param(ctx.query, "status") : std::string("new");
  auto rows = app::feedback_list(ctx.s.db, *ctx.s.local_offer, ctx.me(), status == "all" ? "" : status);
  if (!rows) return error_page(ctx, 400, "Choose a status from the list", rows.error().first_message());
  mstch::array items;
  for (const auto& r : *rows) {
    const auto& f = r.feedback;
    items.push_back(mstch::map{{"id", f.id},
                               {"received", format_date_long(f.received_on)},
                               {"service_name", r.service_name},
                               {"from", std::string(feedback_from_label(f.from))},
                               {"comment", f.comment.size() > 140 ? f.comment.substr(0, 137) + "..." : f.comment},
                               {"status", std::string(feedback_status_label(f.status))},
                               {"status_colour", std::string(status_colour(f.status))},
                               {"published", f.published()}});
  }
  auto filters = status_choices();
  filters.emplace_back("all", "All");
  mstch::map view{{"rows", items},
                  {"count", std::to_string(rows->size())},
                  {"empty", rows->empty()},
                  {"filters", choices(filters, status)}};
  return page(ctx, 200, "voice/feedback_list", "Feedback on the Local Offer", std::move(view), "voice");
}

Response voice_feedback_item(Ctx& ctx) {
  auto row = app::feedback_item(ctx.s.db, *ctx.s.local_offer, ctx.me(), ctx.captures.at(0));
  if (!row) return error_page(ctx, 404, "Page not found", "There is no such feedback in your area.");
  return triage_page(ctx, *row, nullptr, nullptr);
}

Response voice_feedback_triage(Ctx& ctx) {
  const std::string id = ctx.captures.at(0);
  auto form = triage_form_from(ctx.form);
  if (form.publish.empty()) form.publish = "no";  // an unticked checkbox sends nothing
  auto out = app::triage_feedback(ctx.s.db, ctx.s.clock, ctx.me(), id, form);
  if (!out) {
    auto row = app::feedback_item(ctx.s.db, *ctx.s.local_offer, ctx.me(), id);
    if (!row) return error_page(ctx, 404, "Page not found", "There is no such feedback in your area.");
    return triage_page(ctx, *row, &form, &out.error());
  }
  return redirect("/feedback/" + id + "?saved=1");
}

Response voice_feedback_report(Ctx& ctx) {
  const std::string period = param(ctx.query, "period");
  auto r = app::feedback_report_for(ctx.s.db, ctx.s.clock, *ctx.s.local_offer, ctx.me(), period);
  if (!r) {
    r = app::feedback_report_for(ctx.s.db, ctx.s.clock, *ctx.s.local_offer, ctx.me(), "");
    const Error e = Error("period", "Choose a half-year from the list");
    mstch::array periods;
    for (const auto& h : r->periods)
      periods.push_back(mstch::map{{"value", to_string(h)}, {"label", half_year_label(h)}, {"selected", false}});
    return page(ctx, 400, "voice/report", "Feedback report", mstch::map{{"periods", periods}}, "voice", &e);
  }
  mstch::array periods;
  for (const auto& h : r->periods) {
    periods.push_back(mstch::map{{"value", to_string(h)}, {"label", half_year_label(h)}, {"selected", h == r->period}});
  }
  mstch::map view{{"period", to_string(r->period)},
                  {"period_label", half_year_label(r->period)},
                  {"periods", periods},
                  {"received", std::to_string(r->total.received)},
                  {"responded", std::to_string(r->total.responded)},
                  {"published", std::to_string(r->total.published)},
                  {"open", std::to_string(r->total.open)},
                  {"by_service", report_rows(r->by_service, true)},
                  {"by_need", report_rows(r->by_need, false)},
                  {"has_rows", r->total.received > 0},
                  {"report", true}};
  return page(ctx, 200, "voice/report", "Feedback report", std::move(view), "voice");
}

Response voice_feedback_report_csv(Ctx& ctx) {
  auto r = app::feedback_report_for(ctx.s.db, ctx.s.clock, *ctx.s.local_offer, ctx.me(), param(ctx.query, "period"));
  if (!r) return error_page(ctx, 400, "Choose a half-year", r.error().first_message());
  Response res;
  res.set("Content-Type", "text/csv; charset=utf-8");
  res.set("Content-Disposition", "attachment; filename=\"feedback-" + to_string(r->period) + ".csv\"");
  res.body = app::feedback_report_csv(*r);
  return res;
}

// ---- staff: requests ----------------------------------------------------------------

Response voice_requests(Ctx& ctx) {
  const std::string stage = param(ctx.query, "stage");
  auto rows = app::provision_request_list(ctx.s.db, ctx.me(), stage == "all" ? "" : stage);
  if (!rows) return error_page(ctx, 400, "Choose a stage from the list", rows.error().first_message());
  mstch::array items;
  for (const auto& r : *rows) {
    const auto& q = r.request;
    items.push_back(mstch::map{{"id", q.id},
                               {"received", format_date_long(q.received_on)},
                               {"provision", q.provision},
                               {"need", need_label(q.need_code)},
                               {"source", std::string(q.source == RequestOrigin::family ? "Family" : "Staff")},
                               {"stage", std::string(request_stage_label(r.stage))},
                               {"stage_colour", std::string(stage_colour(r.stage))},
                               {"decision", q.decision ? std::string(request_decision_label(*q.decision)) : ""}});
  }
  std::vector<std::pair<std::string, std::string>> stages{{"", "All"}};
  for (auto s : {RequestStage::received, RequestStage::verifying, RequestStage::decided})
    stages.emplace_back(std::string(to_string(s)), std::string(request_stage_label(s)));
  mstch::map view{{"rows", items},
                  {"count", std::to_string(rows->size())},
                  {"empty", rows->empty()},
                  {"stages", choices(stages, stage)}};
  return page(ctx, 200, "voice/requests", "Requests for provision", std::move(view), "voice");
}

Response voice_request_staff_form(Ctx& ctx) {
  app::RequestForm f;
  f.child_id = param(ctx.query, "child");
  return request_page(ctx, f, true, nullptr);
}

Response voice_request_staff_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto f = request_form_from(ctx.form);
  auto out = app::request_provision_for(services, ctx.me(), f);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) return request_page(ctx, f, true, e);
  if (!f.child_id.empty()) return redirect("/children/" + f.child_id);
  return redirect("/provision-requests/new?sent=1");
}

Response voice_request(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_provision_request(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  return request_view_page(ctx, std::get<app::RequestView>(v), nullptr);
}

Response voice_request_check(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  app::ProvisionCheckForm f{param(ctx.form, "criterion"), param(ctx.form, "finding"), param(ctx.form, "note"),
                            param(ctx.form, "version")};
  auto out = app::check_provision_request(services, ctx.me(), id, f);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) return reopen_request(ctx, id, *e);
  return redirect("/provision-requests/" + id + "?saved=1");
}

Response voice_request_decide(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  app::ProvisionDecisionForm f{param(ctx.form, "decision"), param(ctx.form, "reasons"), param(ctx.form, "version")};
  auto out = app::decide_provision_request(services, ctx.s.local_offer, ctx.me(), id, f);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) return reopen_request(ctx, id, *e);
  return redirect("/provision-requests/" + id + "?saved=1");
}

// ---- staff: gaps --------------------------------------------------------------------

Response voice_gaps(Ctx& ctx) {
  const auto v = app::offer_gaps(ctx.s.db, ctx.s.clock, ctx.me());
  mstch::array rows;
  for (const auto& r : v.rows) {
    rows.push_back(mstch::map{{"need", need_label(r.need_code)},
                              {"need_code", r.need_code},
                              {"band", std::string(age_bands()[r.band].label)},
                              {"children", std::to_string(r.children)},
                              {"lines", std::to_string(r.provision_lines)},
                              {"services", std::to_string(r.services)},
                              {"ratio", ratio_text(r.services_per_100)},
                              {"gap", r.gap}});
  }
  mstch::map view{{"rows", rows},
                  {"has_threshold", v.threshold.has_value()},
                  {"threshold", v.threshold ? ratio_text(*v.threshold) : std::string()},
                  {"children", std::to_string(v.children)},
                  {"services", std::to_string(v.services)},
                  {"gaps", std::to_string(v.gaps)},
                  {"empty", v.rows.empty()}};
  return page(ctx, 200, "voice/gaps", "Gaps in the Local Offer", std::move(view), "voice");
}

// ---- JSON API ---------------------------------------------------------------------

Response api_feedback_list(Ctx& ctx) {
  const std::string status = param(ctx.query, "status");
  auto rows = app::feedback_list(ctx.s.db, *ctx.s.local_offer, ctx.me(), status);
  if (!rows) return json_error(400, rows.error());
  json items = json::array();
  for (const auto& r : *rows) items.push_back(feedback_json(r));
  return json_response(200, json{{"feedback", items}}.dump());
}

Response api_feedback_create(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto out = app::give_feedback(ctx.s.db, ctx.s.clock, *ctx.s.local_offer, ctx.user, feedback_form_from(*p));
  if (!out) return json_error(400, out.error());
  auto row = app::feedback_item(ctx.s.db, *ctx.s.local_offer, ctx.me(), *out);
  return json_response(201, feedback_json(*row).dump());
}

Response api_feedback_item(Ctx& ctx) {
  auto row = app::feedback_item(ctx.s.db, *ctx.s.local_offer, ctx.me(), ctx.captures.at(0));
  if (!row) return json_message(404, "not_found", "There is no such feedback in your area.");
  return json_response(200, feedback_json(*row).dump());
}

Response api_feedback_triage(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  const std::string id = ctx.captures.at(0);
  if (!app::feedback_item(ctx.s.db, *ctx.s.local_offer, ctx.me(), id))
    return json_message(404, "not_found", "There is no such feedback in your area.");
  auto out = app::triage_feedback(ctx.s.db, ctx.s.clock, ctx.me(), id, triage_form_from(*p));
  if (!out) return json_error(out.error().first_field() == "version" ? 409 : 400, out.error());
  return json_response(200, feedback_json(*app::feedback_item(ctx.s.db, *ctx.s.local_offer, ctx.me(), id)).dump());
}

Response api_feedback_published(Ctx& ctx) {
  json items = json::array();
  for (const auto& p : app::you_said_we_did(ctx.s.db, *ctx.s.local_offer)) {
    items.push_back({{"service_id", p.service_id.empty() ? json(nullptr) : json(p.service_id)},
                     {"service_name", p.service_name},
                     {"category", p.category},
                     {"you_said", p.you_said},
                     {"we_did", p.we_did},
                     {"published_on", format_date(p.published_on)}});
  }
  return json_response(200, json{{"items", items}}.dump());
}

Response api_feedback_report(Ctx& ctx) {
  auto r = app::feedback_report_for(ctx.s.db, ctx.s.clock, *ctx.s.local_offer, ctx.me(), param(ctx.query, "period"));
  if (!r) return json_error(400, r.error());
  json services = json::array(), needs = json::array();
  for (const auto& l : r->by_service) services.push_back(count_json(l, "service_id"));
  for (const auto& l : r->by_need) needs.push_back(count_json(l, "need_code"));
  app::ReportLine total{r->total, "All feedback"};
  return json_response(200, json{{"period", to_string(r->period)},
                                 {"from", format_date(first_day(r->period))},
                                 {"to", format_date(last_day(r->period))},
                                 {"total", count_json(total, "key")},
                                 {"by_service", services},
                                 {"by_need", needs}}
                                .dump());
}

Response api_provision_requests(Ctx& ctx) {
  auto rows = app::provision_request_list(ctx.s.db, ctx.me(), param(ctx.query, "stage"));
  if (!rows) return json_error(400, rows.error());
  json items = json::array();
  for (const auto& r : *rows) items.push_back(request_json(r.request, "", false));
  return json_response(200, json{{"requests", items}}.dump());
}

Response api_provision_request_create(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out = app::request_provision_for(services, ctx.me(), request_form_from(*p));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(400, *e);
  const std::string id = std::get<std::string>(out);
  auto v = app::open_provision_request(services, ctx.me(), id, ctx.route());
  const auto& view = std::get<app::RequestView>(v);
  return json_response(201, request_json(view.request, view.child_name, view.child_visible).dump());
}

Response api_provision_request(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_provision_request(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  const auto& view = std::get<app::RequestView>(v);
  return json_response(200, request_json(view.request, view.child_name, view.child_visible).dump());
}

Response api_provision_request_check(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  app::ProvisionCheckForm f{param(*p, "criterion"), param(*p, "finding"), param(*p, "note"), param(*p, "version")};
  auto out = app::check_provision_request(services, ctx.me(), ctx.captures.at(0), f);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(e->first_field() == "version" ? 409 : 400, *e);
  return json_response(200, request_json(std::get<ProvisionRequest>(out), "", false).dump());
}

Response api_provision_request_decide(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  app::ProvisionDecisionForm f{param(*p, "decision"), param(*p, "reasons"), param(*p, "version")};
  auto out = app::decide_provision_request(services, ctx.s.local_offer, ctx.me(), ctx.captures.at(0), f);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(e->first_field() == "version" ? 409 : 400, *e);
  return json_response(200, request_json(std::get<ProvisionRequest>(out), "", false).dump());
}

Response api_gaps(Ctx& ctx) {
  return json_response(200, gaps_json(app::offer_gaps(ctx.s.db, ctx.s.clock, ctx.me())).dump());
}

}  // namespace tandem::web::handlers
