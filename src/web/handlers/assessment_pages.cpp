#include <variant>

#include <nlohmann/json.hpp>

#include "app/assessments.h"
#include "store/people.h"
#include "web/handlers.h"
#include "web/refusal.h"
#include "web/step_status.h"

namespace tandem::web::handlers {

namespace {

using nlohmann::json;

std::string days_text(int days) {
  if (days == 0) return "today";
  if (days > 0) return std::to_string(days) + (days == 1 ? " day left" : " days left");
  return std::to_string(-days) + (days == -1 ? " day late" : " days late");
}

std::string opt_date(const std::optional<Date>& d) { return d ? format_date_long(*d) : std::string(); }

mstch::array options_of(const std::vector<std::pair<std::string, std::string>>& items, const std::string& selected) {
  mstch::array out;
  for (const auto& [v, l] : items) out.push_back(mstch::map{{"value", v}, {"label", l}, {"selected", v == selected}});
  return out;
}

Response refused(Ctx& ctx, const app::Refused& r, bool api) { return refusal(ctx, r, api, "You cannot see this case"); }

app::StepInput step_from(const Params& p) {
  app::StepInput in;
  in.step = param(p, "step");
  in.on = param(p, "on");
  in.assess = param(p, "assess");
  in.advice_kind = param(p, "advice_kind");
  in.provider = param(p, "provider");
  in.agency = param(p, "agency");
  in.reused = param(p, "reused");
  in.advice_id = param(p, "advice_id");
  in.ground = param(p, "ground");
  in.end_on = param(p, "end_on");
  in.reason = param(p, "reason");
  try {
    in.version = std::stoll(param(p, "version"));
  } catch (const std::exception&) {
    in.version = -1;
  }
  return in;
}

mstch::map case_view(Ctx& ctx, const app::AssessmentView& v) {
  const auto& a = v.assessment;
  const Date today = ctx.s.clock.today();
  const auto d = assessment_deadlines(a.received_on);
  mstch::array deadlines;
  // `required`: the step must happen, so an undone step past its date is late.
  // Otherwise (a decision not to issue, the derived draft date) only a step
  // done after its date is late. A withdrawn request stopped every clock on
  // the day it was withdrawn.
  const Date until = a.withdrawn_on ? std::min(*a.withdrawn_on, today) : today;
  auto add = [&](const std::string& what, const Deadline& dl, const std::optional<Date>& done, bool required) {
    deadlines.push_back(mstch::map{{"what", what},
                                   {"date", format_date_long(dl.date)},
                                   {"basis", dl.basis},
                                   {"done", opt_date(done)},
                                   {"late", done ? *done > dl.date : required && until > dl.date}});
  };
  const bool refused = a.decided_on && !a.assess;
  add("Decide whether to assess and tell the family", d.decide_whether_to_assess, a.decided_on, true);
  add("Tell the family if no plan will be issued", d.notify_decision_not_to_issue, a.not_to_issue_on, false);
  add("Serve the draft plan (planning date)", d.draft_plan_planning, a.draft_served_on, false);
  add("Issue the final plan", d.final_plan, a.final_issued_on, !refused && !a.not_to_issue_on);
  mstch::array advice;
  for (const auto& r : a.advice) {
    const auto due = advice_due(a.received_on, r.requested_on);
    bool late = false;
    for (const auto& l : v.late) late = late || l.request->id == r.id;
    advice.push_back(
        mstch::map{{"id", r.id},
                   {"kind", std::string(advice_kind_label(r.kind))},
                   {"provider", r.reused ? r.provider + " (existing advice reused, reg 6(4))" : r.provider},
                   {"agency", std::string(agency_label(r.agency))},
                   {"requested", format_date_long(r.requested_on)},
                   {"due", due ? format_date_long(due->date) : std::string()},
                   {"received", opt_date(r.received_on)},
                   {"late", late},
                   {"waiting", !r.received_on}});
  }
  mstch::array exceptions;
  for (const auto& e : a.exceptions) {
    exceptions.push_back(mstch::map{{"ground", std::string(to_string(e.exception.ground))},
                                    {"from", format_date_long(e.exception.start)},
                                    {"to", format_date_long(e.exception.end)},
                                    {"reason", e.reason}});
  }
  const auto stage = stage_of(a);
  mstch::map view{{"id", a.id},
                  {"child_id", a.child_id},
                  {"child_name", v.child.given_name + " " + v.child.family_name},
                  {"stage", std::string(stage_label(stage))},
                  {"received", format_date_long(a.received_on)},
                  {"source", std::string(request_source_label(a.source))},
                  {"version", std::to_string(a.version)},
                  {"deadlines", deadlines},
                  {"advice", advice},
                  {"has_advice", !a.advice.empty()},
                  {"exceptions", exceptions},
                  {"has_exceptions", !a.exceptions.empty()},
                  {"days_lost", std::to_string(v.days_lost)},
                  {"late_count", std::to_string(v.late.size())},
                  {"has_late", !v.late.empty()},
                  {"can_edit", role_has(ctx.me().role, Permission::edit_child)},
                  {"awaiting_decision", stage == AssessmentStage::awaiting_decision},
                  {"assessing", stage == AssessmentStage::assessing},
                  {"draft_issued", stage == AssessmentStage::draft_issued},
                  {"running", stage == AssessmentStage::awaiting_decision || stage == AssessmentStage::assessing ||
                                  stage == AssessmentStage::draft_issued},
                  {"withdrawn", opt_date(a.withdrawn_on)},
                  {"today", format_date(today)}};
  if (v.next) {
    view["next"] = mstch::map{{"label", v.next->label},
                              {"date", format_date_long(v.next->state.deadline.date)},
                              {"basis", v.next->state.deadline.basis},
                              {"tag", status_tag(v.next->state.status)},
                              {"status", status_text(v.next->state.status)},
                              {"days", days_text(v.next->days_left)},
                              {"exception_basis", v.next->state.exception_basis}};
  }
  std::vector<std::pair<std::string, std::string>> kinds, agencies, grounds;
  for (auto k : all_advice_kinds()) kinds.emplace_back(std::string(to_string(k)), std::string(advice_kind_label(k)));
  for (auto g : all_agencies()) agencies.emplace_back(std::string(to_string(g)), std::string(agency_label(g)));
  for (const char* g : {"school_closure", "early_years_closure", "exceptional_personal_circumstances", "away_from_area",
                        "missed_appointment"}) {
    grounds.emplace_back(g, g);
  }
  view["kind_options"] = options_of(kinds, "");
  view["agency_options"] = options_of(agencies, "icb");
  view["ground_options"] = options_of(grounds, "");
  mstch::array waiting;
  for (const auto& r : a.advice) {
    if (!r.received_on) {
      waiting.push_back(
          mstch::map{{"value", r.id}, {"label", std::string(advice_kind_label(r.kind)) + ": " + r.provider}});
    }
  }
  view["waiting_advice"] = waiting;
  mstch::array letters;
  for (const auto& l : v.letters) {
    letters.push_back(mstch::map{{"id", l.id}, {"subject", l.subject}, {"issued", l.issued_on}});
  }
  view["letters"] = letters;
  view["has_letters"] = !v.letters.empty();
  view["has_waiting"] = !waiting.empty();
  return view;
}

json case_json(const app::AssessmentView& v) {
  const auto& a = v.assessment;
  json advice = json::array();
  for (const auto& r : a.advice) {
    const auto due = advice_due(a.received_on, r.requested_on);
    advice.push_back({{"id", r.id},
                      {"kind", std::string(to_string(r.kind))},
                      {"provider", r.provider},
                      {"agency", std::string(to_string(r.agency))},
                      {"requested_on", format_date(r.requested_on)},
                      {"due", due ? json(format_date(due->date)) : json(nullptr)},
                      {"received_on", r.received_on ? json(format_date(*r.received_on)) : json(nullptr)},
                      {"reused", r.reused}});
  }
  json j{{"id", a.id},
         {"child_id", a.child_id},
         {"stage", std::string(to_string(stage_of(a)))},
         {"received_on", format_date(a.received_on)},
         {"source", std::string(to_string(a.source))},
         {"decided_on", a.decided_on ? json(format_date(*a.decided_on)) : json(nullptr)},
         {"assess", a.assess},
         {"draft_served_on", a.draft_served_on ? json(format_date(*a.draft_served_on)) : json(nullptr)},
         {"final_issued_on", a.final_issued_on ? json(format_date(*a.final_issued_on)) : json(nullptr)},
         {"not_to_issue_on", a.not_to_issue_on ? json(format_date(*a.not_to_issue_on)) : json(nullptr)},
         {"withdrawn_on", a.withdrawn_on ? json(format_date(*a.withdrawn_on)) : json(nullptr)},
         {"advice", advice},
         {"days_lost_to_exceptions", v.days_lost},
         {"late_advice", v.late.size()},
         {"version", a.version}};
  if (v.next) {
    j["next_step"] = {{"step", std::string(to_string(v.next->step))},
                      {"last_day", format_date(v.next->state.deadline.date)},
                      {"basis", v.next->state.deadline.basis},
                      {"status", std::string(to_string(v.next->state.status))},
                      {"days_left", v.next->days_left}};
  }
  return j;
}

void add_assignees(Ctx& ctx, mstch::map& view, const std::string& current) {
  auto services = ctx.s.register_services();
  std::string current_name = "Not allocated";
  mstch::array options;
  for (const auto& a : app::assignees(services, ctx.me())) {
    if (a.user_id == current) current_name = a.name;
    options.push_back(mstch::map{{"value", a.user_id}, {"label", a.name}, {"selected", a.user_id == current}});
  }
  view["caseworker_name"] = current_name;
  view["assignee_options"] = options;
  view["can_allocate"] = role_has(ctx.me().role, Permission::allocate_cases);
}

// The case page again, with the errors of a step or reassignment that was refused.
Response case_with_errors(Ctx& ctx, const std::string& id, const Error& e) {
  auto services = ctx.s.register_services();
  auto v = app::open_assessment_case(services, ctx.me(), id, ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  auto view = case_view(ctx, std::get<app::AssessmentView>(v));
  add_assignees(ctx, view, std::get<app::AssessmentView>(v).assessment.caseworker_id);
  return page(ctx, e.first_field() == "version" ? 409 : 400, "cases/assessment", "EHC needs assessment",
              std::move(view), "cases", &e);
}

}  // namespace

Response assessment_reassign(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto id = ctx.captures.at(0);
  std::int64_t version = -1;
  try {
    version = std::stoll(param(ctx.form, "version"));
  } catch (const std::exception&) {
    version = -1;
  }
  auto out = app::reassign_case(services, ctx.me(), id, param(ctx.form, "caseworker_id"), version);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) return case_with_errors(ctx, id, *e);
  return redirect("/assessments/" + id + "?saved=1");
}

Response cases(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const bool area = param(ctx.query, "scope") == "area";
  const int page_number = page_param(ctx.query);
  const auto load = app::caseload(services, ctx.me(), !area, page_number, ctx.route());
  const auto& rows = load.rows;
  std::map<std::string, std::string> names;
  if (area) {
    for (const auto& a : app::assignees(services, ctx.me())) names[a.user_id] = a.name;
  }
  mstch::array items;
  items.reserve(rows.size());  // growing copies every row: mstch nodes have no noexcept move
  for (const auto& r : rows) {
    items.push_back(mstch::map{{"id", r.assessment_id},
                               {"child", r.child_name},
                               {"stage", std::string(stage_label(r.stage))},
                               {"next", r.next.label},
                               {"date", format_date_long(r.next.state.deadline.date)},
                               {"days", days_text(r.next.days_left)},
                               {"tag", status_tag(r.next.state.status)},
                               {"status", status_text(r.next.state.status)},
                               {"late_advice", r.late_advice > 0 ? std::to_string(r.late_advice) : std::string()},
                               {"caseworker", area ? names[r.caseworker_id] : std::string()}});
  }
  mstch::map view{{"has_rows", !rows.empty()},
                  {"area", area},
                  {"count", std::to_string(load.total)},
                  {"overdue", std::to_string(load.overdue)},
                  {"at_risk", std::to_string(load.at_risk)}};
  view["rows"] = std::move(items);  // moved: an initializer list would copy every row
  if (load.pages > 1) {
    const std::string base = std::string("/cases?") + (area ? "scope=area&" : "") + "page=";
    mstch::map pager{{"page", std::to_string(load.page)}, {"pages", std::to_string(load.pages)}};
    if (load.page > 1) pager["previous"] = base + std::to_string(load.page - 1);
    if (load.page < load.pages) pager["next"] = base + std::to_string(load.page + 1);
    view["pager"] = pager;
  }
  if (area) {
    mstch::array loads;
    loads.reserve(load.by_caseworker.size());
    for (const auto& l : load.by_caseworker) {
      loads.push_back(mstch::map{{"name", names.contains(l.caseworker_id) ? names[l.caseworker_id] : l.caseworker_id},
                                 {"open", std::to_string(l.open)},
                                 {"overdue", std::to_string(l.overdue)},
                                 {"at_risk", std::to_string(l.at_risk)}});
    }
    view["loads"] = std::move(loads);
  }
  return page(ctx, 200, "cases/list", area ? "All assessments in the area" : "My cases", std::move(view), "cases");
}

Response assessment_case(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_assessment_case(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  auto view = case_view(ctx, std::get<app::AssessmentView>(v));
  view["saved"] = param(ctx.query, "saved") == "1";
  add_assignees(ctx, view, std::get<app::AssessmentView>(v).assessment.caseworker_id);
  return page(ctx, 200, "cases/assessment", "EHC needs assessment", std::move(view), "cases");
}

Response assessment_step(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto id = ctx.captures.at(0);
  auto out = app::record_step(services, ctx.me(), id, step_from(ctx.form));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) return case_with_errors(ctx, id, *e);
  return redirect("/assessments/" + id + "?saved=1");
}

Response assessment_new_form(Ctx& ctx) {
  std::vector<std::pair<std::string, std::string>> sources;
  for (auto s : all_request_sources())
    sources.emplace_back(std::string(to_string(s)), std::string(request_source_label(s)));
  return page(ctx, 200, "cases/new", "Record a request for assessment",
              mstch::map{{"child_id", ctx.captures.at(0)},
                         {"source_options", options_of(sources, "parent")},
                         {"received_on", format_date(ctx.s.clock.today())}},
              "cases");
}

Response assessment_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto child_id = ctx.captures.at(0);
  const app::StartAssessment in{param(ctx.form, "received_on"), param(ctx.form, "source")};
  auto out = app::start_assessment(services, ctx.me(), child_id, in);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    std::vector<std::pair<std::string, std::string>> sources;
    for (auto s : all_request_sources())
      sources.emplace_back(std::string(to_string(s)), std::string(request_source_label(s)));
    return page(ctx, 400, "cases/new", "Record a request for assessment",
                mstch::map{{"child_id", child_id},
                           {"source_options", options_of(sources, in.source)},
                           {"received_on", in.received_on}},
                "cases", e);
  }
  return redirect("/assessments/" + std::get<Assessment>(out).id + "?saved=1");
}

Response twenty_weeks(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const int this_year = static_cast<int>(std::chrono::year_month_day{ctx.s.clock.today()}.year());
  int year = this_year - 1;
  if (auto y = param(ctx.query, "year"); !y.empty()) {
    try {
      year = std::stoi(y);
    } catch (const std::exception&) {
      year = 0;
    }
    if (year < 2014 || year > this_year) {
      const Error e("year", "Year must be a calendar year from 2014 to " + std::to_string(this_year));
      return page(ctx, 400, "performance/twenty_weeks", "20-week timeliness", mstch::map{{"year", y}}, "performance",
                  &e);
    }
  }
  const auto rate = app::area_twenty_week_rate(services, ctx.me(), year);
  const auto published = app::published_timeliness(ctx.me());
  auto published_pct = [](const std::optional<double>& v) {
    if (!v) return std::string("not published");
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f%%", *v);
    return std::string(buf);
  };
  auto pct = [](const Rate& r) {
    if (!r.percent) return std::string("No plans issued");
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f%%", *r.percent);
    return std::string(buf);
  };
  return page(ctx, 200, "performance/twenty_weeks", "20-week timeliness",
              mstch::map{{"year", std::to_string(year)},
                         {"ex_within", std::to_string(rate.excluding_exceptions.within_20_weeks)},
                         {"ex_plans", std::to_string(rate.excluding_exceptions.plans)},
                         {"ex_pct", pct(rate.excluding_exceptions)},
                         {"all_within", std::to_string(rate.including_exceptions.within_20_weeks)},
                         {"all_plans", std::to_string(rate.including_exceptions.plans)},
                         {"all_pct", pct(rate.including_exceptions)},
                         {"area_name", ctx.me().area_name},
                         {"published_year", published.year},
                         {"published_area", published.area_label},
                         {"published_area_pct", published_pct(published.area_pc)},
                         {"published_england_pct", published_pct(published.england_pc)},
                         {"has_published", !published.year.empty()}},
              "performance");
}

Response letter(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto l = app::open_letter(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&l)) return refused(ctx, *r, false);
  Response res;
  res.set("Content-Type", "text/html; charset=utf-8");
  res.body = std::get<store::LetterRow>(l).body_html;
  return res;
}

Response api_cases(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const int page_number = page_param(ctx.query);
  const auto load = app::caseload(services, ctx.me(), param(ctx.query, "scope") != "area", page_number, ctx.route());
  json out = json::array();
  for (const auto& r : load.rows) {
    out.push_back({{"id", r.assessment_id},
                   {"child_id", r.child_id},
                   {"child_name", r.child_name},
                   {"stage", std::string(to_string(r.stage))},
                   {"next_step", std::string(to_string(r.next.step))},
                   {"last_day", format_date(r.next.state.deadline.date)},
                   {"status", std::string(to_string(r.next.state.status))},
                   {"days_left", r.next.days_left},
                   {"late_advice", r.late_advice}});
  }
  return json_response(200, json{{"assessments", out},
                                 {"total", load.total},
                                 {"overdue", load.overdue},
                                 {"at_risk", load.at_risk},
                                 {"page", load.page},
                                 {"pages", load.pages}}
                                .dump());
}

Response api_assessment(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_assessment_case(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  return json_response(200, case_json(std::get<app::AssessmentView>(v)).dump());
}

Response api_assessment_create(Ctx& ctx) {
  json j;
  try {
    j = json::parse(ctx.req.body);
  } catch (const json::parse_error&) {
    return json_error(400, Error("body", "The request body must be a JSON object"));
  }
  if (!j.is_object()) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto text = [&](const char* k) {
    return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
  };
  auto services = ctx.s.register_services();
  auto out = app::start_assessment(services, ctx.me(), ctx.captures.at(0), {text("received_on"), text("source")});
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(400, *e);
  const auto id = std::get<Assessment>(out).id;
  Response r = json_response(201, json{{"id", id}}.dump());
  r.set("Location", "/api/v1/assessments/" + id);
  return r;
}

Response api_assessment_step(Ctx& ctx) {
  json j;
  try {
    j = json::parse(ctx.req.body);
  } catch (const json::parse_error&) {
    return json_error(400, Error("body", "The request body must be a JSON object"));
  }
  if (!j.is_object()) return json_error(400, Error("body", "The request body must be a JSON object"));
  Params p;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.value().is_string()) p[it.key()] = it.value().get<std::string>();
    if (it.value().is_number_integer()) p[it.key()] = std::to_string(it.value().get<long long>());
    if (it.value().is_boolean()) p[it.key()] = it.value().get<bool>() ? "yes" : "no";
  }
  auto services = ctx.s.register_services();
  auto out = app::record_step(services, ctx.me(), ctx.captures.at(0), step_from(p));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(e->first_field() == "version" ? 409 : 400, *e);
  auto v = app::open_assessment_case(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  return json_response(200, case_json(std::get<app::AssessmentView>(v)).dump());
}

}  // namespace tandem::web::handlers
