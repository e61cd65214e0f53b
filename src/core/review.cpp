#include "core/review.h"

#include <algorithm>
#include <array>

namespace tandem {

namespace {

struct LeadName {
  ReviewLead lead;
  std::string_view id;
};
constexpr std::array<LeadName, 3> kLeads{{
    {ReviewLead::council, "council"},
    {ReviewLead::school, "school"},
    {ReviewLead::college, "college"},
}};

struct ProgressName {
  Progress progress;
  std::string_view id;
  std::string_view label;
};
constexpr std::array<ProgressName, 5> kProgress{{
    {Progress::achieved, "achieved", "Achieved"},
    {Progress::on_track, "on_track", "On track"},
    {Progress::some_progress, "some_progress", "Some progress"},
    {Progress::not_on_track, "not_on_track", "Not on track"},
    {Progress::no_longer_relevant, "no_longer_relevant", "No longer relevant"},
}};

struct DecisionName {
  ReviewDecision decision;
  std::string_view id;
  std::string_view label;
};
constexpr std::array<DecisionName, 3> kDecisions{{
    {ReviewDecision::maintain, "maintain", "Keep the plan as it is"},
    {ReviewDecision::amend, "amend", "Amend the plan"},
    {ReviewDecision::cease, "cease", "Cease to maintain the plan"},
}};

StepStatus status_or_due(ClockStep step, Date from, std::optional<Date> done, Date today, int at_risk) {
  auto s = step_status(step, from, done, today, at_risk, {});
  return s ? s->status : StepStatus::on_time;
}

}  // namespace

std::string_view to_string(ReviewLead l) {
  for (const auto& n : kLeads) {
    if (n.lead == l) return n.id;
  }
  return "council";
}
std::optional<ReviewLead> parse_review_lead(std::string_view s) {
  for (const auto& n : kLeads) {
    if (n.id == s) return n.lead;
  }
  return std::nullopt;
}

std::string_view to_string(Progress p) {
  for (const auto& n : kProgress) {
    if (n.progress == p) return n.id;
  }
  return "on_track";
}
std::string_view progress_label(Progress p) {
  for (const auto& n : kProgress) {
    if (n.progress == p) return n.label;
  }
  return "On track";
}
std::optional<Progress> parse_progress(std::string_view s) {
  for (const auto& n : kProgress) {
    if (n.id == s) return n.progress;
  }
  return std::nullopt;
}
std::span<const Progress> all_progress() {
  static const std::array<Progress, 5> all{Progress::achieved, Progress::on_track, Progress::some_progress,
                                           Progress::not_on_track, Progress::no_longer_relevant};
  return all;
}

std::string_view to_string(ReviewDecision d) {
  for (const auto& n : kDecisions) {
    if (n.decision == d) return n.id;
  }
  return "maintain";
}
std::string_view review_decision_label(ReviewDecision d) {
  for (const auto& n : kDecisions) {
    if (n.decision == d) return n.label;
  }
  return "Keep the plan as it is";
}
std::optional<ReviewDecision> parse_review_decision(std::string_view s) {
  for (const auto& n : kDecisions) {
    if (n.id == s) return n.decision;
  }
  return std::nullopt;
}

Result<Review> record_review_meeting(const ReviewMeetingInput& in, const Plan& plan, std::optional<Date> plan_made_on,
                                     Date today) {
  std::vector<FieldError> errors;
  if (plan.stage != PlanStage::final) {
    errors.push_back({"plan", "Only a final plan is reviewed (CFA s44); a draft is still being agreed"});
  }
  if (!in.meeting_on) {
    errors.push_back({"meeting_on", "Give the date of the review meeting, like 2026-11-03"});
  } else if (*in.meeting_on > today) {
    errors.push_back({"meeting_on", "Record the meeting once it has happened: the date cannot be in the future"});
  } else if (plan_made_on && *in.meeting_on < *plan_made_on) {
    errors.push_back(
        {"meeting_on", "The meeting cannot be before the plan was made (" + format_date(*plan_made_on) + ")"});
  }
  if (!in.lead) errors.push_back({"lead", "Say who convened the meeting: the council, the school or the college"});
  if (!in.recommendation) {
    errors.push_back({"recommendation", "Record what the meeting recommends: keep, amend or cease the plan"});
  }
  Review r;
  for (const auto& p : in.progress) {
    const bool known =
        std::any_of(plan.outcomes.begin(), plan.outcomes.end(), [&](const Outcome& o) { return o.id == p.outcome_id; });
    if (!known) errors.push_back({"progress." + p.outcome_id, "This plan has no such outcome"});
  }
  // Progress against every outcome, so outcomes can be counted by provision
  // and provider (reg 20(7)).
  for (const auto& o : plan.outcomes) {
    auto p = std::find_if(in.progress.begin(), in.progress.end(),
                          [&](const OutcomeProgress& x) { return x.outcome_id == o.id; });
    if (p == in.progress.end()) {
      errors.push_back({"progress." + o.id, "Record progress against the outcome \"" + o.text + "\""});
      continue;
    }
    r.progress.push_back({o.id, o.text, p->progress, p->note});
  }
  if (!errors.empty()) return fail(std::move(errors));
  r.id = in.id;
  r.area_id = in.area_id;
  r.plan_id = plan.id;
  r.child_id = plan.child_id;
  r.meeting_on = *in.meeting_on;
  r.lead = *in.lead;
  r.views = in.views;
  r.recommendation = *in.recommendation;
  return r;
}

Result<Review> decide_after_review(Review review, ReviewDecision decision, Date decided_on, Date today) {
  if (review.decision) return fail("decision", "The council has already decided after this review");
  if (decided_on < review.meeting_on) {
    return fail("decided_on",
                "The decision cannot be before the review meeting (" + format_date(review.meeting_on) + ")");
  }
  if (decided_on > today) return fail("decided_on", "The decision date cannot be in the future");
  review.decision = decision;
  review.decided_on = decided_on;
  return review;
}

Result<Review> record_amended_plan(Review review, Date amended_on, Date today) {
  if (review.decision != ReviewDecision::amend) {
    return fail("amended_on", "An amended plan follows only a decision to amend");
  }
  if (amended_on < *review.decided_on) {
    return fail("amended_on", "The amended plan cannot be issued before the decision to amend (" +
                                  format_date(*review.decided_on) + ")");
  }
  if (amended_on > today) return fail("amended_on", "The date of issue cannot be in the future");
  if (review.amended_plan_issued_on) return fail("amended_on", "The amended plan is already recorded");
  review.amended_plan_issued_on = amended_on;
  return review;
}

ReviewDeadlines review_deadlines(const Review& review, Date today, int at_risk_days) {
  const auto d = review_meeting_deadlines(review.meeting_on);
  ReviewDeadlines out;
  out.decision = d.review_decision;
  out.decision_status =
      status_or_due(ClockStep::review_decision, review.meeting_on, review.decided_on, today, at_risk_days);
  if (!review.decision || *review.decision == ReviewDecision::amend) {
    out.amended_plan = d.amended_plan;
    out.amended_plan_status = status_or_due(ClockStep::amended_plan_after_review, review.meeting_on,
                                            review.amended_plan_issued_on, today, at_risk_days);
  }
  return out;
}

}  // namespace tandem
