#include "app/plan_reviews.h"

#include <algorithm>

#include "app/ceasing.h"
#include "app/crypto.h"
#include "app/form_values.h"
#include "app/letter_writer.h"
#include "app/warning_margins.h"
#include "store/assessments.h"
#include "store/audit.h"
#include "store/children.h"
#include "store/plans.h"

namespace tandem::app {

namespace {

std::string named_setting(const Plan& plan) {
  if (!plan.placement) return "";
  return plan.placement->setting_name.value_or("");
}

struct Loaded {
  store::StoredReview stored;
  store::StoredPlan plan;
  Child child;
};

std::variant<Loaded, Refused> load(RegisterServices& s, const SignedIn& user, const std::string& review_id,
                                   const std::string& route) {
  std::optional<store::StoredReview> review;
  std::optional<store::StoredPlan> plan;
  s.db.read([&](store::Tx& tx) {
    review = store::find_review(tx, user.area_id, review_id);
    if (review) plan = store::find_plan(tx, user.area_id, review->review.plan_id);
  });
  if (!review || !plan) return Refused{404, "There is no review with that reference in your area."};
  auto child = child_for(s, user, review->review.child_id, route);
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  return Loaded{std::move(*review), std::move(*plan), std::get<Child>(child)};
}

}  // namespace

bool may_lead_review(const SignedIn& user) {
  return user.agency == Agency::school && role_has(user.role, Permission::report_review);
}

ReviewEdit record_meeting(RegisterServices& s, const SignedIn& user, const std::string& plan_id,
                          const MeetingForm& form) {
  const std::string route = "POST /plans/" + plan_id + "/reviews";
  std::optional<store::StoredPlan> plan;
  store::PlanDates dates;
  s.db.read([&](store::Tx& tx) {
    plan = store::find_plan(tx, user.area_id, plan_id);
    if (plan) dates = store::plan_review_dates(tx, plan_id);
  });
  if (!plan) return Refused{404, "There is no plan with that reference in your area."};
  auto child = child_for(s, user, plan->plan.child_id, route);
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  const bool council = role_has(user.role, Permission::edit_plan);
  if (!council && !may_lead_review(user)) return Refused{403, std::string(kReviewLeadRefusal)};

  std::vector<FieldError> errors;
  if (!council && form.lead != "school" && form.lead != "college") {
    errors.push_back({"lead", "A school or college records the reviews it leads: choose school or college (reg 21)"});
  }
  ReviewMeetingInput in;
  in.id = new_id("rv");
  in.area_id = user.area_id;
  if (auto d = parse_date("meeting_on", form.meeting_on)) {
    in.meeting_on = *d;
  } else {
    errors.push_back(d.error().fields.front());
  }
  in.lead = parse_review_lead(form.lead);
  in.views = form.views;
  in.recommendation = parse_review_decision(form.recommendation);
  for (const auto& [outcome_id, value] : form.progress) {
    if (value.empty()) continue;  // left unanswered: record_review_meeting names it
    auto p = parse_progress(value);
    if (!p) {
      errors.push_back({"progress." + outcome_id, "Choose how far the outcome has been achieved"});
      continue;
    }
    auto note = form.notes.find(outcome_id);
    in.progress.push_back({outcome_id, "", *p, note == form.notes.end() ? "" : note->second});
  }
  auto review = record_review_meeting(in, plan->plan, dates.made_on, s.clock.today());
  if (!review) {
    for (const auto& e : review.error().fields) {
      // A malformed date was already reported with its own message.
      if (e.field == "meeting_on" && !in.meeting_on) continue;
      errors.push_back(e);
    }
  }
  if (!errors.empty()) return Error(std::move(errors));

  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::insert_review(tx, *review, user.user_id);
    // The next annual review runs from this one (CFA s44(1)).
    const auto current = store::plan_review_dates(tx, plan_id);
    if (!current.last_reviewed_on || *current.last_reviewed_on < review->meeting_on) {
      store::set_plan_review_dates(tx, user.area_id, plan_id, current.made_on, review->meeting_on);
    }
    store::insert_audit(
        tx, {new_id("a"), user.area_id, now, user.user_id, "review.meeting", "review", review->id, review->child_id,
             "review meeting on " + format_date(review->meeting_on) + " (" + std::string(to_string(review->lead)) +
                 "-led), recommends " + std::string(to_string(review->recommendation)),
             ""});
  });
  return store::StoredReview{*review, 1, std::get<Child>(child).given_name + " " + std::get<Child>(child).family_name};
}

ReviewEdit decide_review(RegisterServices& s, const SignedIn& user, const std::string& review_id,
                         const DecisionForm& form) {
  auto loaded = load(s, user, review_id, "POST /reviews/" + review_id + "/decision");
  if (auto* r = std::get_if<Refused>(&loaded)) return *r;
  auto& [stored, plan, child] = std::get<Loaded>(loaded);
  auto expected = parse_version(form.version, "the review");
  if (!expected) return expected.error();
  std::vector<FieldError> errors;
  auto decision = parse_review_decision(form.decision);
  if (!decision) errors.push_back({"decision", "Choose whether to keep, amend or cease the plan"});
  auto on = parse_date("decided_on", form.decided_on);
  if (!on) errors.push_back(on.error().fields.front());
  if (!errors.empty()) return Error(std::move(errors));
  auto decided = decide_after_review(stored.review, *decision, *on, s.clock.today());
  if (!decided) return decided.error();
  const std::int64_t now = s.clock.now_micros();
  auto letter = letter_after_review(*decided, false, child, user, named_setting(plan.plan), form.reasons,
                                    form.amendments, now, capacity_of(s, user, child.id));
  if (!letter) return letter.error();
  bool saved = false;
  s.db.write([&](store::Tx& tx) {
    saved = store::update_review(tx, *decided, *expected);
    if (!saved) return;
    store::insert_letter(tx, *letter);
    store::insert_audit(
        tx, {new_id("a"), user.area_id, now, user.user_id, "review.decision", "review", review_id, decided->child_id,
             std::string(to_string(*decision)) + " on " + format_date(*on) + "; letter " + letter->id, ""});
  });
  if (!saved) return Error("version", "Someone else recorded the decision first. Open the review again.");
  stored.review = std::move(*decided);
  stored.version = *expected + 1;
  return stored;
}

ReviewEdit issue_amended_plan(RegisterServices& s, const SignedIn& user, const std::string& review_id,
                              const std::string& amended_on, const std::string& version) {
  auto loaded = load(s, user, review_id, "POST /reviews/" + review_id + "/amended-plan");
  if (auto* r = std::get_if<Refused>(&loaded)) return *r;
  auto& [stored, plan, child] = std::get<Loaded>(loaded);
  auto expected = parse_version(version, "the review");
  if (!expected) return expected.error();
  auto on = parse_date("amended_on", amended_on);
  if (!on) return on.error();
  auto issued = record_amended_plan(stored.review, *on, s.clock.today());
  if (!issued) return issued.error();
  // The amended plan is a final plan: every final-plan check applies to it.
  if (auto valid = validate_plan(plan.plan); !valid) return valid.error();
  const std::int64_t now = s.clock.now_micros();
  auto letter = letter_after_review(*issued, true, child, user, named_setting(plan.plan), "", "", now,
                                    capacity_of(s, user, child.id));
  if (!letter) return letter.error();
  bool saved = false;
  s.db.write([&](store::Tx& tx) {
    saved = store::update_review(tx, *issued, *expected);
    if (!saved) return;
    store::insert_letter(tx, *letter);
    store::insert_audit(
        tx,
        {new_id("a"), user.area_id, now, user.user_id, "review.amended_plan", "review", review_id, issued->child_id,
         "amended plan issued on " + format_date(*on) + " (plan version " + std::to_string(plan.version) + ")", ""});
  });
  if (!saved) return Error("version", "Someone else changed this review first. Open it again.");
  stored.review = std::move(*issued);
  stored.version = *expected + 1;
  return stored;
}

std::variant<ReviewView, Refused> open_review(RegisterServices& s, const SignedIn& user, const std::string& review_id,
                                              const std::string& route) {
  auto loaded = load(s, user, review_id, route);
  if (auto* r = std::get_if<Refused>(&loaded)) return *r;
  auto& l = std::get<Loaded>(loaded);
  ReviewView v{l.stored,
               review_deadlines(l.stored.review, s.clock.today(), warning_margins(user.area_id).review_at_risk_days),
               {}};
  s.db.read([&](store::Tx& tx) {
    for (auto& letter : store::letters_of_child(tx, user.area_id, l.stored.review.child_id)) {
      if (letter.assessment_id == review_id) v.letters.push_back(std::move(letter));
    }
  });
  s.access_log.record(
      {new_id("r"), user.area_id, s.clock.now_micros(), user.user_id, route, l.stored.review.child_id, "shown"});
  return v;
}

std::vector<store::StoredReview> plan_review_history(RegisterServices& s, const SignedIn& user,
                                                     const std::string& plan_id) {
  std::vector<store::StoredReview> out;
  s.db.read([&](store::Tx& tx) { out = store::reviews_of_plan(tx, user.area_id, plan_id); });
  return out;
}

std::vector<UnfinishedReview> unfinished_reviews(RegisterServices& s, const SignedIn& user, const std::string& route) {
  std::vector<store::StoredReview> rows;
  s.db.read([&](store::Tx& tx) {
    rows = store::unfinished_reviews(tx, user.area_id, user.user_id, std::string(to_string(user.agency)),
                                     sees_agency_wide(user));
  });
  const Date today = s.clock.today();
  std::vector<UnfinishedReview> out;
  for (auto& r : rows) {
    auto d = review_deadlines(r.review, today, warning_margins(user.area_id).review_at_risk_days);
    out.push_back({std::move(r), std::move(d)});
  }
  auto next_due = [](const UnfinishedReview& u) {
    return u.stored.review.decision ? u.deadlines.amended_plan->date : u.deadlines.decision.date;
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const UnfinishedReview& a, const UnfinishedReview& b) { return next_due(a) < next_due(b); });
  std::string shown;
  for (const auto& u : out) shown += (shown.empty() ? "" : " ") + u.stored.review.child_id;
  if (!out.empty()) {
    s.access_log.record({new_id("r"), user.area_id, s.clock.now_micros(), user.user_id, route, shown, "shown"});
  }
  return out;
}

}  // namespace tandem::app
