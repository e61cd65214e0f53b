// The review of a plan: the meeting with progress against every outcome
// (SEND Regulations 2014 reg 20(7)), the council's decision within 4 weeks of
// the meeting (reg 20(10), paragraph unverified; L, M & P v Devon [2022]) and
// the amended plan within 12 weeks of it (reg 22(3)-(4)).
#include "core/review.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tandem {
namespace {

const Date kMade = make_date(2025, 3, 15);
const Date kToday = make_date(2026, 3, 20);

Plan final_plan() {
  Plan p;
  p.id = "p-1";
  p.child_id = "c-1";
  p.stage = PlanStage::final;
  p.outcomes = {{"o-1", "Read a short book", make_date(2026, 7, 1)},
                {"o-2", "Travel to school", make_date(2026, 7, 1)}};
  return p;
}

ReviewMeetingInput meeting(std::optional<Date> on) {
  ReviewMeetingInput in;
  in.id = "r-1";
  in.area_id = "demo";
  in.meeting_on = on;
  in.lead = ReviewLead::school;
  in.recommendation = ReviewDecision::amend;
  in.progress = {{"o-1", "", Progress::achieved, "Reads daily"}, {"o-2", "", Progress::some_progress, ""}};
  return in;
}

TEST(ReviewMeeting, RefusesWhatCannotHaveHappened) {
  struct Case {
    const char* name;
    ReviewMeetingInput in;
    bool draft;
    const char* field;  // nullptr: accepted
  };
  auto no_progress = meeting(make_date(2026, 3, 2));
  no_progress.progress.pop_back();
  auto unknown = meeting(make_date(2026, 3, 2));
  unknown.progress.push_back({"o-9", "", Progress::on_track, ""});
  auto no_lead = meeting(make_date(2026, 3, 2));
  no_lead.lead.reset();
  const std::vector<Case> cases{
      {"a meeting in time, progress on every outcome", meeting(make_date(2026, 3, 2)), false, nullptr},
      {"no date", meeting(std::nullopt), false, "meeting_on"},
      {"in the future", meeting(make_date(2026, 3, 21)), false, "meeting_on"},
      {"before the plan was made", meeting(make_date(2025, 3, 14)), false, "meeting_on"},
      {"an outcome with no progress (reg 20(7))", no_progress, false, "progress.o-2"},
      {"progress for an outcome the plan lacks", unknown, false, "progress.o-9"},
      {"no one convened it", no_lead, false, "lead"},
      {"a draft is not reviewed (CFA s44 reviews a plan maintained)", meeting(make_date(2026, 3, 2)), true, "plan"},
  };
  for (const auto& c : cases) {
    Plan p = final_plan();
    if (c.draft) p.stage = PlanStage::draft;
    auto r = record_review_meeting(c.in, p, kMade, kToday);
    if (c.field == nullptr) {
      ASSERT_TRUE(r) << c.name << ": " << r.error().first_message();
      EXPECT_EQ(r->progress.size(), 2u);
      EXPECT_EQ(r->progress[0].outcome_text, "Read a short book") << "the outcome as the plan said it";
    } else {
      ASSERT_FALSE(r) << c.name;
      EXPECT_EQ(r.error().first_field(), c.field) << c.name;
    }
  }
}

TEST(ReviewDeadlines, DecisionInFourWeeksAmendedPlanInTwelve) {
  const Review r = *record_review_meeting(meeting(make_date(2026, 1, 5)), final_plan(), kMade, kToday);
  struct Case {
    const char* name;
    std::optional<ReviewDecision> decision;
    std::optional<Date> decided_on;
    std::optional<Date> amended_on;
    Date today;
    StepStatus decision_status;
    std::optional<StepStatus> amended_status;  // nullopt: no amended plan due
  };
  const std::vector<Case> cases{
      {"undecided, three weeks on: at risk within a week",
       {},
       {},
       {},
       make_date(2026, 1, 27),
       StepStatus::at_risk,
       StepStatus::on_time},
      {"undecided after 4 weeks (reg 20(10))",
       {},
       {},
       {},
       make_date(2026, 2, 3),
       StepStatus::overdue,
       StepStatus::on_time},
      {"kept as it is, in time: nothing more due",
       ReviewDecision::maintain,
       make_date(2026, 1, 20),
       {},
       make_date(2026, 3, 20),
       StepStatus::done_on_time,
       std::nullopt},
      {"amend decided late; amended plan overdue after 12 weeks (reg 22)",
       ReviewDecision::amend,
       make_date(2026, 2, 10),
       {},
       make_date(2026, 3, 31),
       StepStatus::done_late,
       StepStatus::overdue},
      {"amended plan issued in time", ReviewDecision::amend, make_date(2026, 1, 30), make_date(2026, 3, 20),
       make_date(2026, 3, 31), StepStatus::done_on_time, StepStatus::done_on_time},
      {"ceasing: no amended plan",
       ReviewDecision::cease,
       make_date(2026, 1, 30),
       {},
       make_date(2026, 3, 31),
       StepStatus::done_on_time,
       std::nullopt},
  };
  for (const auto& c : cases) {
    Review x = r;
    x.decision = c.decision;
    x.decided_on = c.decided_on;
    x.amended_plan_issued_on = c.amended_on;
    const auto d = review_deadlines(x, c.today, 7);
    EXPECT_EQ(d.decision.date, make_date(2026, 2, 2)) << "4 weeks from 5 January";
    EXPECT_EQ(d.decision_status, c.decision_status) << c.name;
    EXPECT_EQ(d.amended_plan_status, c.amended_status) << c.name;
    if (d.amended_plan) {
      EXPECT_EQ(d.amended_plan->date, make_date(2026, 3, 30)) << "12 weeks from 5 January";
    }
  }
}

TEST(ReviewDecision, InOrderOnceAndAmendmentsOnlyAfterADecisionToAmend) {
  const Review r = *record_review_meeting(meeting(make_date(2026, 1, 5)), final_plan(), kMade, kToday);
  EXPECT_EQ(decide_after_review(r, ReviewDecision::amend, make_date(2026, 1, 4), kToday).error().first_field(),
            "decided_on");
  EXPECT_EQ(decide_after_review(r, ReviewDecision::amend, make_date(2026, 3, 21), kToday).error().first_field(),
            "decided_on");
  auto decided = decide_after_review(r, ReviewDecision::maintain, make_date(2026, 1, 20), kToday);
  ASSERT_TRUE(decided);
  EXPECT_EQ(decide_after_review(*decided, ReviewDecision::cease, make_date(2026, 1, 21), kToday).error().first_field(),
            "decision");
  EXPECT_FALSE(record_amended_plan(*decided, make_date(2026, 2, 1), kToday)) << "kept as it is: nothing to amend";
  auto amend = *decide_after_review(r, ReviewDecision::amend, make_date(2026, 1, 20), kToday);
  EXPECT_FALSE(record_amended_plan(amend, make_date(2026, 1, 19), kToday)) << "before the decision";
  EXPECT_TRUE(record_amended_plan(amend, make_date(2026, 3, 1), kToday));
}

}  // namespace
}  // namespace tandem
