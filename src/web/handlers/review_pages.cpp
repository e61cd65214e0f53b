// Reviews of final plans: the meeting form with progress against every
// outcome, the review page with its deadlines, the council's decision (and its
// letter), the amended plan's issue; and their JSON API twins.
#include <variant>

#include <nlohmann/json.hpp>

#include "app/plan_reviews.h"
#include "app/plans.h"
#include "web/handlers.h"
#include "web/json_body.h"
#include "web/refusal.h"
#include "web/step_status.h"

namespace tandem::web::handlers {

using json = nlohmann::json;

namespace {

constexpr const char* kProgressPrefix = "progress_";
constexpr const char* kNotePrefix = "note_";

app::MeetingForm meeting_from(const Params& p) {
  app::MeetingForm f{param(p, "meeting_on"), param(p, "lead"), param(p, "views"), param(p, "recommendation"), {}, {}};
  for (const auto& [key, value] : p) {
    if (key.starts_with(kProgressPrefix)) f.progress[key.substr(9)] = value;
    if (key.starts_with(kNotePrefix)) f.notes[key.substr(5)] = value;
  }
  return f;
}

Response refused(Ctx& ctx, const app::Refused& r, bool api) {
  return refusal(ctx, r, api, "You cannot see this review");
}

Response meeting_page(Ctx& ctx, const store::StoredPlan& stored, const app::MeetingForm& f, const Error* e) {
  mstch::array outcomes;
  for (const auto& o : stored.plan.outcomes) {
    mstch::array choices;
    const auto chosen = f.progress.find(o.id);
    for (const Progress p : all_progress()) {
      const std::string id(to_string(p));
      choices.push_back(
          mstch::map{{"value", id},
                     {"input_id", p == Progress::achieved ? kProgressPrefix + o.id : kProgressPrefix + o.id + "-" + id},
                     {"label", std::string(progress_label(p))},
                     {"checked", chosen != f.progress.end() && chosen->second == id}});
    }
    const auto note = f.notes.find(o.id);
    mstch::map item{{"id", o.id},
                    {"name", kProgressPrefix + o.id},
                    {"note_name", kNotePrefix + o.id},
                    {"text", o.text},
                    {"choices", choices},
                    {"note", note == f.notes.end() ? std::string() : note->second}};
    if (e != nullptr) {
      for (const auto& fe : e->fields) {
        if (fe.field == "progress." + o.id) item["error"] = fe.message;
      }
    }
    outcomes.push_back(std::move(item));
  }
  mstch::array leads;
  for (const auto& [value, label] : std::vector<std::pair<std::string, std::string>>{
           {"council", "The council"}, {"school", "The school (reg 21)"}, {"college", "The college (reg 21)"}}) {
    leads.push_back(mstch::map{{"value", value},
                               {"input_id", value == "council" ? std::string("lead") : "lead-" + value},
                               {"label", label},
                               {"checked", f.lead == value}});
  }
  mstch::array recommendations;
  for (const ReviewDecision d : {ReviewDecision::maintain, ReviewDecision::amend, ReviewDecision::cease}) {
    const std::string value(to_string(d));
    recommendations.push_back(mstch::map{
        {"value", value},
        {"input_id", d == ReviewDecision::maintain ? std::string("recommendation") : "recommendation-" + value},
        {"label", std::string(review_decision_label(d))},
        {"checked", f.recommendation == value}});
  }
  mstch::map view{{"plan_id", stored.plan.id},
                  {"meeting_on", f.meeting_on},
                  {"views", f.views},
                  {"outcomes", outcomes},
                  {"leads", leads},
                  {"recommendations", recommendations}};
  return page(ctx, e ? 400 : 200, "reviews/meeting", "Record a review meeting", std::move(view), "reviews", e);
}

Response review_page(Ctx& ctx, const app::ReviewView& v, const Error* e, const Params* form) {
  const Review& r = v.stored.review;
  mstch::array progress;
  for (const auto& p : r.progress) {
    progress.push_back(
        mstch::map{{"text", p.outcome_text}, {"progress", std::string(progress_label(p.progress))}, {"note", p.note}});
  }
  mstch::array letters;
  for (const auto& l : v.letters) {
    letters.push_back(mstch::map{{"id", l.id}, {"subject", l.subject}, {"on", l.issued_on}});
  }
  const bool writer = role_has(ctx.me().role, Permission::edit_plan);
  mstch::array decisions;
  for (const ReviewDecision d : {ReviewDecision::maintain, ReviewDecision::amend, ReviewDecision::cease}) {
    const std::string value(to_string(d));
    decisions.push_back(
        mstch::map{{"value", value},
                   {"input_id", d == ReviewDecision::maintain ? std::string("decision") : "decision-" + value},
                   {"label", std::string(review_decision_label(d))},
                   {"checked", form ? param(*form, "decision") == value : d == r.recommendation}});
  }
  const auto& dl = v.deadlines;
  mstch::map view{
      {"id", r.id},
      {"plan_id", r.plan_id},
      {"child_id", r.child_id},
      {"child_name", v.stored.child_name},
      {"meeting_on", format_date_long(r.meeting_on)},
      {"lead", std::string(r.lead == ReviewLead::council  ? "the council"
                           : r.lead == ReviewLead::school ? "the school (reg 21)"
                                                          : "the college (reg 21)")},
      {"views", r.views},
      {"recommendation", std::string(review_decision_label(r.recommendation))},
      {"progress", progress},
      {"decision_due", format_date_long(dl.decision.date)},
      {"decision_basis", dl.decision.basis},
      {"decision_tag", status_tag(dl.decision_status)},
      {"decision_status", status_text(dl.decision_status)},
      {"decided", r.decision.has_value()},
      {"decision", r.decision ? std::string(review_decision_label(*r.decision)) : std::string()},
      {"decided_on", r.decided_on ? format_date_long(*r.decided_on) : std::string()},
      {"has_amended_due", dl.amended_plan.has_value()},
      {"amended_due", dl.amended_plan ? format_date_long(dl.amended_plan->date) : std::string()},
      {"amended_basis", dl.amended_plan ? dl.amended_plan->basis : std::string()},
      {"amended_tag", dl.amended_plan_status ? status_tag(*dl.amended_plan_status) : std::string()},
      {"amended_status", dl.amended_plan_status ? status_text(*dl.amended_plan_status) : std::string()},
      {"amended_on", r.amended_plan_issued_on ? format_date_long(*r.amended_plan_issued_on) : std::string()},
      {"can_decide", writer && !r.decision},
      {"can_issue_amended", writer && r.decision == ReviewDecision::amend && !r.amended_plan_issued_on.has_value()},
      {"decisions", decisions},
      {"decided_on_value", form ? param(*form, "decided_on") : format_date(ctx.s.clock.today())},
      {"reasons", form ? param(*form, "reasons") : std::string()},
      {"amendments", form ? param(*form, "amendments") : std::string()},
      {"amended_on_value", form ? param(*form, "amended_on") : format_date(ctx.s.clock.today())},
      {"version", std::to_string(v.stored.version)},
      {"has_letters", !letters.empty()},
      {"letters", letters}};
  return page(ctx, e ? 400 : 200, "reviews/review", "Review of the plan", std::move(view), "reviews", e);
}

json review_json(const app::ReviewView& v) {
  const Review& r = v.stored.review;
  json progress = json::array();
  for (const auto& p : r.progress) {
    progress.push_back({{"outcome_id", p.outcome_id},
                        {"outcome", p.outcome_text},
                        {"progress", to_string(p.progress)},
                        {"note", p.note}});
  }
  json letters = json::array();
  for (const auto& l : v.letters) letters.push_back({{"id", l.id}, {"kind", l.kind}, {"issued_on", l.issued_on}});
  const auto& dl = v.deadlines;
  json out{{"id", r.id},
           {"plan_id", r.plan_id},
           {"child_id", r.child_id},
           {"meeting_on", format_date(r.meeting_on)},
           {"lead", to_string(r.lead)},
           {"views", r.views},
           {"recommendation", to_string(r.recommendation)},
           {"progress", progress},
           {"decision", r.decision ? json(to_string(*r.decision)) : json(nullptr)},
           {"decided_on", r.decided_on ? json(format_date(*r.decided_on)) : json(nullptr)},
           {"amended_plan_issued_on",
            r.amended_plan_issued_on ? json(format_date(*r.amended_plan_issued_on)) : json(nullptr)},
           {"decision_due",
            {{"date", format_date(dl.decision.date)},
             {"basis", dl.decision.basis},
             {"status", to_string(dl.decision_status)}}},
           {"version", v.stored.version},
           {"letters", letters}};
  if (dl.amended_plan) {
    out["amended_plan_due"] = {{"date", format_date(dl.amended_plan->date)},
                               {"basis", dl.amended_plan->basis},
                               {"status", to_string(*dl.amended_plan_status)}};
  }
  return out;
}

// A meeting's "progress" array becomes the form's progress_<id> and note_<id> fields.
void progress_fields(const json& j, Params& p) {
  auto it = j.find("progress");
  if (it == j.end() || !it->is_array()) return;
  for (const auto& row : *it) {
    if (!row.is_object() || !row.contains("outcome_id") || !row["outcome_id"].is_string()) continue;
    const std::string id = row["outcome_id"].get<std::string>();
    if (row.contains("progress") && row["progress"].is_string()) p[kProgressPrefix + id] = row["progress"];
    if (row.contains("note") && row["note"].is_string()) p[kNotePrefix + id] = row["note"];
  }
}

Response reopened(Ctx& ctx, const std::string& id, bool api) {
  auto services = ctx.s.register_services();
  auto v = app::open_review(services, ctx.me(), id, ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, api);
  return api ? json_response(200, review_json(std::get<app::ReviewView>(v)).dump())
             : redirect("/reviews/" + id + "?saved=1");
}

}  // namespace

Response review_meeting_form(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_plan(services, ctx.me(), ctx.captures.at(0), std::nullopt, ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  const auto& stored = std::get<app::PlanView>(v).stored;
  if (stored.plan.stage != PlanStage::final) {
    return error_page(ctx, 400, "Not a final plan", "Only a final plan is reviewed (CFA s44).");
  }
  const bool council = role_has(ctx.me().role, Permission::edit_plan);
  if (!council && !app::may_lead_review(ctx.me())) {
    return refused(ctx, app::Refused{403, std::string(app::kReviewLeadRefusal)}, false);
  }
  // A school or college records the reviews it leads (reg 21).
  return meeting_page(ctx, stored,
                      app::MeetingForm{format_date(ctx.s.clock.today()), council ? "" : "school", "", "", {}, {}},
                      nullptr);
}

Response review_meeting_save(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto form = meeting_from(ctx.form);
  auto out = app::record_meeting(services, ctx.me(), ctx.captures.at(0), form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto v = app::open_plan(services, ctx.me(), ctx.captures.at(0), std::nullopt, ctx.route());
    if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
    return meeting_page(ctx, std::get<app::PlanView>(v).stored, form, e);
  }
  return redirect("/reviews/" + std::get<store::StoredReview>(out).review.id + "?saved=1");
}

Response review(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_review(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  return review_page(ctx, std::get<app::ReviewView>(v), nullptr, nullptr);
}

Response review_decision(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  app::DecisionForm f{param(ctx.form, "decision"), param(ctx.form, "decided_on"), param(ctx.form, "reasons"),
                      param(ctx.form, "amendments"), param(ctx.form, "version")};
  auto out = app::decide_review(services, ctx.me(), id, f);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto v = app::open_review(services, ctx.me(), id, ctx.route());
    if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
    return review_page(ctx, std::get<app::ReviewView>(v), e, &ctx.form);
  }
  return reopened(ctx, id, false);
}

Response review_amended_plan(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  auto out = app::issue_amended_plan(services, ctx.me(), id, param(ctx.form, "amended_on"), param(ctx.form, "version"));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto v = app::open_review(services, ctx.me(), id, ctx.route());
    if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
    return review_page(ctx, std::get<app::ReviewView>(v), e, &ctx.form);
  }
  return reopened(ctx, id, false);
}

Response api_review_meeting(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body, progress_fields);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out = app::record_meeting(services, ctx.me(), ctx.captures.at(0), meeting_from(*p));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(400, *e);
  auto v = app::open_review(services, ctx.me(), std::get<store::StoredReview>(out).review.id, ctx.route());
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  return json_response(201, review_json(std::get<app::ReviewView>(v)).dump());
}

Response api_review(Ctx& ctx) { return reopened(ctx, ctx.captures.at(0), true); }

Response api_review_decision(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  app::DecisionForm f{param(*p, "decision"), param(*p, "decided_on"), param(*p, "reasons"), param(*p, "amendments"),
                      param(*p, "version")};
  auto out = app::decide_review(services, ctx.me(), ctx.captures.at(0), f);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(e->first_field() == "version" ? 409 : 400, *e);
  return reopened(ctx, ctx.captures.at(0), true);
}

Response api_review_amended_plan(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  auto out =
      app::issue_amended_plan(services, ctx.me(), ctx.captures.at(0), param(*p, "amended_on"), param(*p, "version"));
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(e->first_field() == "version" ? 409 : 400, *e);
  return reopened(ctx, ctx.captures.at(0), true);
}

}  // namespace tandem::web::handlers
