// The review of a final plan as the council runs it: record the meeting with
// progress against every outcome, decide within 4 weeks whether to keep,
// amend or cease the plan (with the letter the regulations require), and
// issue the amended plan within 12 weeks of the meeting. While a decision to
// amend stands, the plan's outcomes and provision can be changed (every
// version kept); issuing the amended plan closes it again.
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

#include "app/assessments.h"
#include "core/review.h"
#include "store/reviews.h"

namespace tandem::app {

struct MeetingForm {
  std::string meeting_on;
  std::string lead;
  std::string views;
  std::string recommendation;
  std::map<std::string, std::string> progress;  // outcome id -> Progress id
  std::map<std::string, std::string> notes;     // outcome id -> note
};

struct DecisionForm {
  std::string decision;
  std::string decided_on;
  std::string reasons;     // required to keep or cease (the family may appeal)
  std::string amendments;  // the main changes proposed, for a decision to amend
  std::string version;
};

using ReviewEdit = std::variant<store::StoredReview, Refused, Error>;

// A school or college (a provider-role account under the school agency) may
// record the review meeting and report for a child it is involved with when
// it leads the review (reg 21); the council decides what follows (reg 20(10)).
bool may_lead_review(const SignedIn& user);
inline constexpr std::string_view kReviewLeadRefusal =
    "Only the council, or the school or college that leads the review, records a review meeting (SEND Regulations "
    "2014 reg 21).";

ReviewEdit record_meeting(RegisterServices& s, const SignedIn& user, const std::string& plan_id,
                          const MeetingForm& form);
ReviewEdit decide_review(RegisterServices& s, const SignedIn& user, const std::string& review_id,
                         const DecisionForm& form);
ReviewEdit issue_amended_plan(RegisterServices& s, const SignedIn& user, const std::string& review_id,
                              const std::string& amended_on, const std::string& version);

struct ReviewView {
  store::StoredReview stored;
  ReviewDeadlines deadlines;
  std::vector<store::LetterRow> letters;  // this review's letters
};
std::variant<ReviewView, Refused> open_review(RegisterServices& s, const SignedIn& user, const std::string& review_id,
                                              const std::string& route);
std::vector<store::StoredReview> plan_review_history(RegisterServices& s, const SignedIn& user,
                                                     const std::string& plan_id);

struct UnfinishedReview {
  store::StoredReview stored;
  ReviewDeadlines deadlines;
};
// Reviews awaiting a decision or an amended plan, the soonest due first.
std::vector<UnfinishedReview> unfinished_reviews(RegisterServices& s, const SignedIn& user, const std::string& route);

}  // namespace tandem::app
