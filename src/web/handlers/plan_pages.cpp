#include <chrono>
#include <variant>

#include <nlohmann/json.hpp>

#include "app/ceasing.h"
#include "app/money_spent.h"
#include "app/plan_editing.h"
#include "app/plan_reviews.h"
#include "app/plans.h"
#include "core/need.h"
#include "store/plan_codec.h"
#include "web/handlers.h"
#include "web/step_status.h"

namespace tandem::web::handlers {

namespace {

std::string payer_label(const std::string& payer) {
  if (payer == "school_notional") return "School or college (notional SEN budget)";
  if (payer == "high_needs_top_up") return "of which council high-needs top-up";
  auto agency = parse_agency(payer);
  return agency ? std::string(agency_label(*agency)) : payer;
}

mstch::array cost_rows(const std::map<std::string, Pence>& costs) {
  mstch::array out;
  // Agencies first, then the school's part, then the top-up detail.
  for (const auto& [payer, amount] : costs) {
    if (payer == "school_notional" || payer == "high_needs_top_up") continue;
    out.push_back(mstch::map{{"payer", payer_label(payer)}, {"amount", format_pounds(amount)}});
  }
  for (const char* extra : {"school_notional", "high_needs_top_up"}) {
    if (auto it = costs.find(extra); it != costs.end()) {
      out.push_back(mstch::map{{"payer", payer_label(extra)}, {"amount", format_pounds(it->second)}});
    }
  }
  return out;
}

std::string need_name(const std::string& code) {
  auto n = find_need(code);
  return n ? std::string(n->name) + " (" + code + ")" : code;
}

}  // namespace

Response plan_page(Ctx& ctx) {
  auto services = ctx.s.register_services();
  std::optional<std::int64_t> version;
  if (auto v = param(ctx.query, "version"); !v.empty()) {
    try {
      version = std::stoll(v);
    } catch (const std::exception&) {
      return error_page(ctx, 400, "Not a version", "The version must be a whole number.");
    }
  }
  auto result = app::open_plan(services, ctx.me(), ctx.captures.at(0), version, ctx.route());
  if (auto* r = std::get_if<app::Refused>(&result)) {
    return error_page(ctx, r->status, r->status == 404 ? "Page not found" : "You cannot see this plan", r->message);
  }
  const auto& v = std::get<app::PlanView>(result);
  const Plan& p = v.shown;
  const bool current = v.shown_version == v.stored.version;
  // A final plan changes only through a review or a notice of amendment
  // (CFA s44; reg 22), so the forms are for drafts.
  const bool can_edit =
      current && (p.stage == PlanStage::draft || v.amending) && role_has(ctx.me().role, Permission::edit_plan);
  const bool may_agree = current && role_has(ctx.me().role, Permission::agree_provision);
  mstch::array outcomes;
  for (const auto& o : p.outcomes) {
    outcomes.push_back(mstch::map{{"id", o.id},
                                  {"text", o.text},
                                  {"can_edit", can_edit},
                                  {"date", o.target_date ? format_date_long(*o.target_date) : std::string("no date")}});
  }
  mstch::array lines;
  for (const auto& l : p.provision) {
    std::string paying;
    for (const auto& share : l.paying) {
      if (!paying.empty()) paying += "; ";
      char pct[16];
      std::snprintf(pct, sizeof pct, "%.2f%%", share.basis_points / 100.0);
      paying += std::string(agency_label(share.agency)) + " " + pct;
    }
    const bool can_agree =
        may_agree && l.section == Section::G && !l.icb_agreed && l.securing && *l.securing == ctx.me().agency;
    lines.push_back(
        mstch::map{{"id", l.id},
                   {"can_edit", can_edit},
                   {"can_agree", can_agree},
                   {"awaiting_agreement", l.section == Section::G && !l.icb_agreed},
                   {"section", std::string(to_string(l.section))},
                   {"what", l.what},
                   {"how_much", l.how_much},
                   {"how_often", l.how_often},
                   {"provider", l.provider.name},
                   {"icb_agreed", l.section == Section::G && l.icb_agreed},
                   {"securing", l.securing ? std::string(agency_label(*l.securing)) : std::string("Not set")},
                   {"paying", paying.empty() ? std::string("Not agreed") : paying},
                   {"cost", format_pounds(l.annual_cost)},
                   {"rule", l.rule},
                   {"override_reason", l.override_reason.value_or("")}});
  }
  std::string secondary;
  for (const auto& n : p.needs.secondary_needs) secondary += (secondary.empty() ? "" : ", ") + need_name(n);
  std::string placement = "Not named (a draft plan names no setting, CFA s38(5))";
  if (p.placement) {
    placement = p.placement->setting_name.value_or("Type of setting only");
    if (p.placement->setting_type)
      placement += " (" + std::string(setting_type_label(*p.placement->setting_type)) + ")";
    if (!p.placement->urn.empty()) placement += ", URN " + p.placement->urn;
    if (!p.placement->ukprn.empty()) placement += ", UKPRN " + p.placement->ukprn;
  }
  mstch::array versions;
  for (const auto& r : v.versions) {
    const auto day = std::chrono::floor<std::chrono::days>(
        std::chrono::sys_time<std::chrono::microseconds>(std::chrono::microseconds(r.saved_at)));
    versions.push_back(mstch::map{
        {"id", p.id}, {"version", std::to_string(r.version)}, {"stage", r.stage}, {"saved", format_date_long(day)}});
  }
  mstch::array disputes;
  for (const auto& d : app::plan_disagreements(services, ctx.me(), p.id)) {
    const auto st = status_of(d.d);
    if (st == DisagreementStatus::withdrawn) continue;
    disputes.push_back(mstch::map{{"id", d.d.id},
                                  {"what", d.d.line_what},
                                  {"status", std::string(status_label(st))},
                                  {"open", st == DisagreementStatus::open || st == DisagreementStatus::disputed}});
  }
  mstch::array reviews_held;
  for (const auto& r : app::plan_review_history(services, ctx.me(), p.id)) {
    reviews_held.push_back(
        mstch::map{{"id", r.review.id},
                   {"meeting_on", format_date_long(r.review.meeting_on)},
                   {"decision", r.review.decision ? std::string(review_decision_label(*r.review.decision))
                                                  : std::string("Decision not yet recorded")}});
  }
  const bool writer = role_has(ctx.me().role, Permission::edit_plan);
  const bool ended = v.stored.ended_on.has_value();
  const auto cessation = app::cessation_of(services, ctx.me(), p.id, v.child.id);
  std::string ends;
  if (cessation) {
    ends = cessation->ends_on ? "The plan stays in force until " + format_date_long(*cessation->ends_on) + "."
           : cessation->appeal && cessation->appeal->outcome == AppealOutcome::pending
               ? std::string("The family has appealed: the plan stays in force until the appeal is decided.")
               : std::string("The appeal succeeded: the plan continues.");
  }
  mstch::map view{
      {"id", p.id},
      {"ceased", cessation.has_value()},
      {"cease_reason", cessation ? std::string(cease_reason_label(cessation->cessation.reason)) : ""},
      {"cease_decided", cessation ? format_date_long(cessation->cessation.decided_on) : ""},
      {"cease_ends", ends},
      {"can_cease", current && writer && p.stage == PlanStage::final && !cessation && !ended},
      {"ended", ended},
      {"ended_on", ended ? format_date_long(*v.stored.ended_on) : std::string()},
      {"end_reason", v.stored.end_reason ? std::string(cease_reason_label(*v.stored.end_reason)) : std::string()},
      {"plan_id", p.id},
      {"is_draft", p.stage == PlanStage::draft},
      {"amending", v.amending},
      {"can_review", current && !ended && p.stage == PlanStage::final && (writer || app::may_lead_review(ctx.me()))},
      {"reviews_held", reviews_held},
      {"has_reviews", !reviews_held.empty()},
      {"can_edit", can_edit},
      {"version", std::to_string(v.stored.version)},
      {"saved", param(ctx.query, "saved") == "1"},
      {"opened_disagreement", param(ctx.query, "disagreement")},
      {"has_disputes", !disputes.empty()},
      {"disputes", disputes},
      {"child_id", v.child.id},
      {"child_name", v.child.given_name + " " + v.child.family_name},
      {"stage", std::string(p.stage == PlanStage::final ? "final" : "draft")},
      {"old", v.shown_version != v.stored.version},
      {"shown_version", std::to_string(v.shown_version)},
      {"current_version", std::to_string(v.stored.version)},
      {"views", p.views},
      {"primary_need", need_name(p.needs.primary_need)},
      {"secondary", secondary},
      {"needs_text", p.needs.text},
      {"health_needs", p.health_needs},
      {"social_care_needs", p.social_care_needs},
      {"outcomes", outcomes},
      {"lines", lines},
      {"has_warnings", !v.warnings.empty()},
      {"warning_count", std::to_string(v.warnings.size())},
      {"placement", placement},
      {"personal_budget", p.personal_budget ? p.personal_budget->text : std::string()},
      {"costs", cost_rows(v.costs)},
      {"versions", versions}};
  return page(ctx, 200, "plans/plan", "EHC plan", std::move(view), "children");
}

Response api_plan(Ctx& ctx) {
  auto services = ctx.s.register_services();
  std::optional<std::int64_t> version;
  if (auto v = param(ctx.query, "version"); !v.empty()) {
    try {
      version = std::stoll(v);
    } catch (const std::exception&) {
      return json_error(400, Error("version", "The version must be a whole number"));
    }
  }
  auto result = app::open_plan(services, ctx.me(), ctx.captures.at(0), version, ctx.route());
  if (auto* r = std::get_if<app::Refused>(&result)) {
    return json_message(r->status, r->status == 404 ? "not_found" : "forbidden", r->message);
  }
  const auto& v = std::get<app::PlanView>(result);
  auto j = nlohmann::json::parse(store::plan_to_json(v.shown));
  j["version"] = v.shown_version;
  j["current_version"] = v.stored.version;
  nlohmann::json costs = nlohmann::json::object();
  for (const auto& [payer, amount] : v.costs) costs[payer] = amount.value;
  j["annual_cost_pence_by_payer"] = costs;
  // A plan that went to another council with the child ended that day.
  const auto& ended = v.stored;
  j["status"] = ended.ended_on ? "ended" : "maintained";
  j["ended_on"] = ended.ended_on ? nlohmann::json(format_date(*ended.ended_on)) : nlohmann::json(nullptr);
  j["end_reason"] =
      ended.end_reason ? nlohmann::json(std::string(to_string(*ended.end_reason))) : nlohmann::json(nullptr);
  j["sen2_cease_reason"] = ended.end_reason ? nlohmann::json(sen2_code(*ended.end_reason)) : nlohmann::json(nullptr);
  return json_response(200, j.dump());
}

Response plan_costs_page(Ctx& ctx) {
  auto services = ctx.s.register_services();
  // Beside what plans cost a year, what each agency has actually spent to date.
  mstch::array spent;
  if (const auto by = app::area_spend_by_agency(services, ctx.me())) {
    for (const auto& [agency, sp] : *by) {
      spent.push_back(mstch::map{{"agency", std::string(agency_label(agency))},
                                 {"invoiced", format_pounds(sp.invoiced)},
                                 {"top_ups", format_pounds(sp.top_ups)},
                                 {"recharges", format_pounds(sp.recharges_paid - sp.recharges_received)},
                                 {"total", format_pounds(sp.total())}});
    }
  }
  return page(ctx, 200, "performance/costs", "Annual cost of plans",
              mstch::map{{"costs", cost_rows(app::area_plan_costs(services, ctx.me()))},
                         {"area_name", ctx.me().area_name},
                         {"spent", spent},
                         {"has_spent", !spent.empty()}},
              "performance");
}

}  // namespace tandem::web::handlers

namespace tandem::web::handlers {

Response reviews(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto due = app::reviews_due(services, ctx.me(), page_param(ctx.query), ctx.route());
  mstch::array rows;
  for (const auto& r : due.rows) {
    const std::string days =
        r.days_left < 0 ? std::to_string(-r.days_left) + " days overdue" : std::to_string(r.days_left) + " days left";
    rows.push_back(
        mstch::map{{"plan_id", r.plan_id},
                   {"child", r.child_name},
                   {"last", format_date_long(r.last_event)},
                   {"last_kind", std::string(r.reviewed ? "Last reviewed" : "Plan made")},
                   {"due", format_date_long(r.due.date)},
                   {"days", days},
                   {"tag", std::string(r.overdue    ? "govuk-tag--red"
                                       : r.due_soon ? "govuk-tag--orange"
                                                    : "govuk-tag--green")},
                   {"status", std::string(r.overdue    ? "Overdue"
                                          : r.due_soon ? "Due soon"
                                                       : "On time")},
                   {"under_fives", r.under_fives_advised ? format_date_long(*r.under_fives_advised) : std::string()}});
  }
  mstch::array unfinished;
  for (const auto& u : app::unfinished_reviews(services, ctx.me(), ctx.route())) {
    const auto& r = u.stored.review;
    const bool deciding = !r.decision.has_value();
    const StepStatus st = deciding ? u.deadlines.decision_status : *u.deadlines.amended_plan_status;
    const Date due_on = deciding ? u.deadlines.decision.date : u.deadlines.amended_plan->date;
    unfinished.push_back(mstch::map{{"id", r.id},
                                    {"child", u.stored.child_name},
                                    {"meeting", format_date_long(r.meeting_on)},
                                    {"waiting", std::string(deciding ? "The council's decision" : "The amended plan")},
                                    {"due", format_date_long(due_on)},
                                    {"tag", status_tag(st)},
                                    {"status", status_text(st)}});
  }
  mstch::map view{{"rows", rows},
                  {"unfinished", unfinished},
                  {"has_unfinished", !unfinished.empty()},
                  {"has_rows", !due.rows.empty()},
                  {"total", std::to_string(due.total)},
                  {"overdue", std::to_string(due.overdue)},
                  {"due_soon", std::to_string(due.due_soon)}};
  if (due.pages > 1) {
    mstch::map pager{{"page", std::to_string(due.page)}, {"pages", std::to_string(due.pages)}};
    if (due.page > 1) pager["previous"] = "/reviews?page=" + std::to_string(due.page - 1);
    if (due.page < due.pages) pager["next"] = "/reviews?page=" + std::to_string(due.page + 1);
    view["pager"] = pager;
  }
  return page(ctx, 200, "plans/reviews", "Annual reviews", std::move(view), "reviews");
}

Response api_reviews(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto due = app::reviews_due(services, ctx.me(), page_param(ctx.query), ctx.route());
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : due.rows) {
    rows.push_back({{"plan_id", r.plan_id},
                    {"child_id", r.child_id},
                    {"child_name", r.child_name},
                    {"last_event", format_date(r.last_event)},
                    {"last_event_is_review", r.reviewed},
                    {"review_due", format_date(r.due.date)},
                    {"basis", r.due.basis},
                    {"days_left", r.days_left},
                    {"overdue", r.overdue}});
  }
  return json_response(200, nlohmann::json{{"reviews", rows},
                                           {"total", due.total},
                                           {"overdue", due.overdue},
                                           {"due_soon", due.due_soon},
                                           {"page", due.page},
                                           {"pages", due.pages}}
                                .dump());
}

}  // namespace tandem::web::handlers
