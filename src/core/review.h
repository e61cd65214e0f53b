// The review of an EHC plan (CFA s44; SEND Regulations 2014 regs 18-22): the
// meeting, with progress against every outcome and the meeting's
// recommendation; the council's decision within 4 weeks of the meeting to
// keep, amend or cease the plan; and, when it amends, the amended plan within
// 12 weeks of the meeting.
//
//   auto r = record_review_meeting(in, plan, plan_made_on, today);   // Result<Review>
//   r = decide_after_review(*r, ReviewDecision::amend, decided_on, today);
//   const auto due = review_deadlines(*r, today);  // decision and amended plan, last days in time
//
// A review may be led by the school or college (reg 21): the setting convenes
// the meeting and sends the report; the council still decides.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/ehc_clock.h"
#include "core/plan.h"
#include "core/result.h"

namespace tandem {

// Who convened the meeting and wrote the report: the council, or the school
// or college the plan names (reg 20 and 21).
enum class ReviewLead { council, school, college };
std::string_view to_string(ReviewLead l);
std::optional<ReviewLead> parse_review_lead(std::string_view s);

// Progress against one outcome, recorded at the meeting (reg 20(7)(b)-(c)
// asks the report to consider progress towards the outcomes).
enum class Progress { achieved, on_track, some_progress, not_on_track, no_longer_relevant };
std::string_view to_string(Progress p);
std::string_view progress_label(Progress p);
std::optional<Progress> parse_progress(std::string_view s);
std::span<const Progress> all_progress();

// What the meeting recommends and what the council decides (reg 20(10) and
// 22(2)): keep the plan as it is, amend it, or cease to maintain it.
enum class ReviewDecision { maintain, amend, cease };
std::string_view to_string(ReviewDecision d);
std::string_view review_decision_label(ReviewDecision d);
std::optional<ReviewDecision> parse_review_decision(std::string_view s);

struct OutcomeProgress {
  std::string outcome_id;
  std::string outcome_text;  // as the plan said it at the review
  Progress progress = Progress::on_track;
  std::string note;
  bool operator==(const OutcomeProgress&) const = default;
};

struct Review {
  std::string id;
  std::string area_id;
  std::string plan_id;
  std::string child_id;
  Date meeting_on{};
  ReviewLead lead = ReviewLead::council;
  std::string views;  // the child's, parent's or young person's views, as recorded
  std::vector<OutcomeProgress> progress;
  ReviewDecision recommendation = ReviewDecision::maintain;
  std::optional<ReviewDecision> decision;
  std::optional<Date> decided_on;
  std::optional<Date> amended_plan_issued_on;
};

// What the meeting form sends, already parsed to types.
struct ReviewMeetingInput {
  std::string id;
  std::string area_id;
  std::optional<Date> meeting_on;
  std::optional<ReviewLead> lead;
  std::string views;
  std::vector<OutcomeProgress> progress;  // outcome_id and progress set; text filled from the plan
  std::optional<ReviewDecision> recommendation;
};

// Checks the meeting and returns the review. Refuses (naming the field): no
// meeting date, a meeting before the plan was made or after today
// ("meeting_on"); a draft plan (reviews are of final plans, "plan"); no lead
// or recommendation; an outcome of the plan with no progress recorded
// ("progress.<outcome id>"), or progress for an outcome the plan does not
// have; a school-led review of a plan whose setting is not a school, or
// college-led of one not a college, is allowed (the plan may name neither):
// the lead is the council's record of who convened.
Result<Review> record_review_meeting(const ReviewMeetingInput& in, const Plan& plan, std::optional<Date> plan_made_on,
                                     Date today);

// Records the council's decision after the meeting. Refuses a decision before
// the meeting or after today ("decided_on"), a second decision ("decision").
// A decision later than 4 weeks from the meeting is recorded (it is late, not
// void) and review_deadlines() shows it as late.
Result<Review> decide_after_review(Review review, ReviewDecision decision, Date decided_on, Date today);

// Records the amended final plan's issue; only after a decision to amend,
// and not before it ("amended_on").
Result<Review> record_amended_plan(Review review, Date amended_on, Date today);

struct ReviewDeadlines {
  Deadline decision;                     // 4 weeks from the meeting
  std::optional<Deadline> amended_plan;  // 12 weeks from the meeting, when amending (or not yet decided)
  StepStatus decision_status = StepStatus::on_time;
  std::optional<StepStatus> amended_plan_status;
};
// The review's deadlines and where each stands today (done in time, done
// late, due, at risk within `at_risk_days`, overdue).
ReviewDeadlines review_deadlines(const Review& review, Date today, int at_risk_days);

}  // namespace tandem
