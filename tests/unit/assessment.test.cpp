#include "core/assessment.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

const Date kReceived = make_date(2025, 1, 6);  // a Monday
const Date kToday = make_date(2025, 11, 23);

Assessment opened() { return open_assessment("a-1", "demo", "c-1", kReceived, RequestSource::parent); }

Assessment assessing() { return *decide_whether_to_assess(opened(), make_date(2025, 2, 10), true, kToday); }

AdviceRequest advice(const char* id, Date requested) {
  return AdviceRequest{
      id, AdviceKind::medical, "Northside Community Health Trust", Agency::icb, requested, std::nullopt, false};
}

TEST(Assessment, StepsInOrderMoveThroughTheStages) {
  Assessment a = opened();
  EXPECT_EQ(stage_of(a), AssessmentStage::awaiting_decision);
  a = assessing();
  EXPECT_EQ(stage_of(a), AssessmentStage::assessing);
  a = *request_advice(a, advice("v-1", make_date(2025, 2, 11)), kToday);
  a = *receive_advice(a, "v-1", make_date(2025, 3, 20), kToday);
  a = *serve_draft(a, make_date(2025, 4, 28), kToday);
  EXPECT_EQ(stage_of(a), AssessmentStage::draft_issued);
  a = *issue_final(a, make_date(2025, 5, 13), kToday);
  EXPECT_EQ(stage_of(a), AssessmentStage::final_issued);
  EXPECT_FALSE(next_step(a, kToday, 14)) << "nothing left to chase";
}

struct BadStep {
  const char* why;
  Result<Assessment> (*attempt)();
  const char* field;
};

TEST(Assessment, OutOfOrderStepsAreRefusedNamingTheField) {
  const BadStep cases[] = {
      {"decision before the request was received",
       [] { return decide_whether_to_assess(opened(), make_date(2025, 1, 5), true, kToday); }, "decided_on"},
      {"decision in the future", [] { return decide_whether_to_assess(opened(), make_date(2026, 1, 1), true, kToday); },
       "decided_on"},
      {"deciding twice", [] { return decide_whether_to_assess(assessing(), make_date(2025, 2, 11), true, kToday); },
       "decided_on"},
      {"advice before the decision to assess",
       [] { return request_advice(opened(), advice("v-1", make_date(2025, 1, 20)), kToday); }, "kind"},
      {"advice asked before the decision date",
       [] { return request_advice(assessing(), advice("v-1", make_date(2025, 2, 1)), kToday); }, "requested_on"},
      {"advice back before it was asked for",
       [] {
         auto a = *request_advice(assessing(), advice("v-1", make_date(2025, 2, 11)), kToday);
         return receive_advice(a, "v-1", make_date(2025, 2, 10), kToday);
       },
       "received_on"},
      {"a draft before deciding to assess", [] { return serve_draft(opened(), make_date(2025, 2, 1), kToday); },
       "draft_served_on"},
      {"a final plan without a draft", [] { return issue_final(assessing(), make_date(2025, 5, 1), kToday); },
       "final_issued_on"},
      // reg 13(1): at least 15 days for comments; a draft served 28 April allows a final plan from 13 May.
      {"a final plan inside the 15 days for comments",
       [] {
         auto a = *serve_draft(assessing(), make_date(2025, 4, 28), kToday);
         return issue_final(a, make_date(2025, 5, 12), kToday);
       },
       "final_issued_on"},
      {"not to issue after a draft",
       [] {
         auto a = *serve_draft(assessing(), make_date(2025, 4, 28), kToday);
         return decide_not_to_issue(a, make_date(2025, 4, 29), kToday);
       },
       "not_to_issue_on"},
      {"an exception without a reason",
       [] {
         return record_exception(
             assessing(), {"x-1", {ExceptionGround::exceptional_personal_circumstances, kReceived, kReceived}, ""},
             kToday);
       },
       "reason"},
  };
  for (const auto& c : cases) {
    auto r = c.attempt();
    ASSERT_FALSE(r) << c.why;
    EXPECT_EQ(r.error().first_field(), c.field) << c.why;
  }
}

TEST(Assessment, NextStepFollowsTheClock) {
  // Received 6 January 2025: decide by 17 February (reg 5(1)), not-to-issue by
  // 28 April (reg 10(1)), final plan by 26 May (reg 13(2)).
  auto s = next_step(opened(), make_date(2025, 2, 10), 14);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->step, ClockStep::decide_whether_to_assess);
  EXPECT_EQ(s->state.deadline.date, make_date(2025, 2, 17));
  EXPECT_EQ(s->days_left, 7);
  EXPECT_EQ(s->state.status, StepStatus::at_risk);

  s = next_step(opened(), make_date(2025, 2, 18), 14);
  EXPECT_EQ(s->state.status, StepStatus::overdue);
  EXPECT_EQ(s->days_left, -1);

  s = next_step(assessing(), make_date(2025, 3, 1), 14);
  EXPECT_EQ(s->step, ClockStep::notify_decision_not_to_issue) << "until the draft, the 16-week limit comes first";
  EXPECT_EQ(s->state.deadline.date, make_date(2025, 4, 28));

  auto drafted = *serve_draft(assessing(), make_date(2025, 4, 1), kToday);
  s = next_step(drafted, make_date(2025, 5, 20), 14);
  EXPECT_EQ(s->step, ClockStep::final_plan);
  EXPECT_EQ(s->state.deadline.date, make_date(2025, 5, 26));
  EXPECT_EQ(s->state.status, StepStatus::at_risk);
}

TEST(Assessment, AnExceptionLiftsTheTwentyWeekLimitAndCountsDaysLost) {
  // The family was away from the area for 5 weeks (reg 13(3) via 10(4)(d)).
  auto a = *record_exception(assessing(),
                             {"x-1",
                              {ExceptionGround::away_from_area, make_date(2025, 3, 1), make_date(2025, 4, 4)},
                              "The family stayed with relatives abroad from 1 March to 4 April"},
                             kToday);
  auto s = next_step(*serve_draft(a, make_date(2025, 5, 1), kToday), make_date(2025, 6, 10), 14);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->state.status, StepStatus::exception_applies) << "past 26 May but the limit is lifted";
  EXPECT_EQ(days_lost(a, make_date(2025, 6, 10)), 35);
  EXPECT_TRUE(twenty_weeks_lifted(a, make_date(2025, 6, 10)));
  EXPECT_FALSE(twenty_weeks_lifted(assessing(), make_date(2025, 6, 10)));
}

TEST(Assessment, LateAdviceNamesTheRequestPastItsSixWeeks) {
  auto a = *request_advice(assessing(), advice("v-1", make_date(2025, 2, 11)), kToday);
  a = *request_advice(a, advice("v-2", make_date(2025, 3, 10)), kToday);
  // v-1 due 25 March (reg 8(1): 6 weeks from the adviser's receipt); v-2 due 21 April.
  const auto late = late_advice(a, make_date(2025, 4, 1));
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].request->id, "v-1");
  EXPECT_EQ(late[0].days_late, 7);
}

// The stored clock gives the status and last day next_step() gives, on every
// day from the request to long after, whatever the stage and exceptions.
TEST(Assessment, TheStoredClockAgreesWithNextStepOnEveryDay) {
  const auto with = [](Assessment a, ExceptionGround g, Date start, Date end) {
    a.exceptions.push_back({"x-" + std::to_string(a.exceptions.size()), {g, start, end}, "recorded"});
    return a;
  };
  const auto drafted = *serve_draft(assessing(), make_date(2025, 4, 1), kToday);
  std::vector<Assessment> cases{opened(), assessing(), drafted};
  for (const auto& base : std::vector<Assessment>{opened(), assessing(), drafted}) {
    // Grounds that lift some steps and not others, starting before, during and
    // after each limit, and one that ended before the request.
    cases.push_back(with(base, ExceptionGround::school_closure, make_date(2025, 1, 20), make_date(2025, 3, 1)));
    cases.push_back(with(base, ExceptionGround::missed_appointment, make_date(2025, 2, 1), make_date(2025, 2, 3)));
    cases.push_back(with(base, ExceptionGround::away_from_area, make_date(2025, 4, 20), make_date(2025, 6, 1)));
    cases.push_back(with(base, ExceptionGround::away_from_area, make_date(2025, 5, 20), make_date(2025, 7, 1)));
    cases.push_back(
        with(base, ExceptionGround::exceptional_personal_circumstances, make_date(2025, 6, 1), make_date(2025, 6, 9)));
    cases.push_back(
        with(with(base, ExceptionGround::early_years_closure, make_date(2025, 5, 1), make_date(2025, 5, 30)),
             ExceptionGround::exceptional_personal_circumstances, make_date(2025, 2, 20), make_date(2025, 2, 21)));
    cases.push_back(with(base, ExceptionGround::school_closure, make_date(2024, 12, 1), make_date(2025, 1, 6)));
    // An away-from-area exception under 4 weeks: next_step() refuses the case.
    cases.push_back(with(base, ExceptionGround::away_from_area, make_date(2025, 2, 1), make_date(2025, 2, 5)));
  }
  cases.push_back(*decide_whether_to_assess(opened(), make_date(2025, 2, 10), false, kToday));
  cases.push_back(*issue_final(drafted, make_date(2025, 5, 1), kToday));
  int compared = 0;
  for (const auto& a : cases) {
    const auto clock = case_clock(a);
    for (Date today = kReceived - std::chrono::days{3}; today <= make_date(2025, 9, 1); today += std::chrono::days{1}) {
      const auto expected = next_step(a, today, 14);
      const auto actual = case_urgency(clock, a.received_on, today, 14);
      ASSERT_EQ(expected.has_value(), actual.has_value()) << format_date(today);
      if (!expected) continue;
      EXPECT_EQ(actual->status, expected->state.status) << format_date(today);
      EXPECT_EQ(actual->due, expected->state.deadline.date) << format_date(today);
      ++compared;
    }
  }
  EXPECT_GT(compared, 3000);
}

TEST(Assessment, TheStoredClockOfAFinishedCaseIsEmpty) {
  EXPECT_EQ(case_clock(*decide_whether_to_assess(opened(), make_date(2025, 2, 10), false, kToday)), CaseClock{});
  const auto clock = case_clock(assessing());
  EXPECT_EQ(clock.due_on, make_date(2025, 4, 28)) << "16 weeks, reg 10(1)";
  EXPECT_EQ(clock.then_due_on, make_date(2025, 5, 26)) << "20 weeks, reg 13(2)";
  EXPECT_FALSE(clock.lifted_on);
}

Assessment with_draft() { return *serve_draft(assessing(), make_date(2025, 4, 28), kToday); }

struct Withdrawal {
  const char* why;
  Assessment (*before)();
  Date on;
  const char* refused_field;  // nullptr: the withdrawal is recorded
};

// CFA 2014 s36(1): the request is the family's (or the school's), so they may
// withdraw it at any point while the case runs; a decision that ends the case
// (not to assess, not to issue, the final plan) leaves nothing to withdraw.
TEST(Assessment, ARequestCanBeWithdrawnOnlyWhileTheCaseRuns) {
  const Withdrawal cases[] = {
      {"while deciding whether to assess", opened, make_date(2025, 1, 20), nullptr},
      {"on the day it was received", opened, kReceived, nullptr},
      {"while assessing", assessing, make_date(2025, 3, 1), nullptr},
      {"with a draft out, before the final plan", with_draft, make_date(2025, 5, 1), nullptr},
      {"today", opened, kToday, nullptr},
      {"before it was received", opened, make_date(2025, 1, 5), "withdrawn_on"},
      {"in the future", opened, make_date(2025, 11, 24), "withdrawn_on"},
      {"before the decision to assess", assessing, make_date(2025, 2, 9), "withdrawn_on"},
      {"before the draft", with_draft, make_date(2025, 4, 27), "withdrawn_on"},
      {"after a decision not to assess",
       [] { return *decide_whether_to_assess(opened(), make_date(2025, 2, 10), false, kToday); }, make_date(2025, 3, 1),
       "withdrawn_on"},
      {"after a decision not to issue", [] { return *decide_not_to_issue(assessing(), make_date(2025, 4, 1), kToday); },
       make_date(2025, 4, 2), "withdrawn_on"},
      {"after the final plan", [] { return *issue_final(with_draft(), make_date(2025, 5, 13), kToday); },
       make_date(2025, 5, 14), "withdrawn_on"},
      {"twice", [] { return *withdraw_request(opened(), make_date(2025, 1, 20), kToday); }, make_date(2025, 1, 21),
       "withdrawn_on"},
  };
  for (const auto& c : cases) {
    const Assessment before = c.before();
    auto r = withdraw_request(before, c.on, kToday);
    if (c.refused_field) {
      ASSERT_FALSE(r) << c.why;
      EXPECT_EQ(r.error().first_field(), c.refused_field) << c.why;
      continue;
    }
    ASSERT_TRUE(r) << c.why;
    EXPECT_EQ(r->withdrawn_on, c.on) << c.why;
    EXPECT_EQ(stage_of(*r), AssessmentStage::withdrawn) << c.why;
    EXPECT_EQ(before.withdrawn_on, std::nullopt) << "the input is unchanged: " << c.why;
  }
}

TEST(Assessment, AWithdrawnRequestIsFinished) {
  // Received 6 January 2025 and withdrawn a week later: long past its 6 weeks
  // by today, yet nothing is overdue and nothing is left to decide.
  const auto a = *withdraw_request(opened(), make_date(2025, 1, 13), kToday);
  EXPECT_EQ(stage_label(stage_of(a)), "Request withdrawn");
  EXPECT_FALSE(next_step(a, kToday, 14));
  EXPECT_EQ(case_clock(a), CaseClock{});
  auto decided = decide_whether_to_assess(a, make_date(2025, 1, 20), true, kToday);
  ASSERT_FALSE(decided);
  EXPECT_EQ(decided.error().first_field(), "decided_on");
  // Advice asked for and never back is not chased once the request is withdrawn.
  auto asked = *request_advice(assessing(), advice("v-1", make_date(2025, 2, 11)), kToday);
  ASSERT_EQ(late_advice(asked, kToday).size(), 1u);
  EXPECT_TRUE(late_advice(*withdraw_request(asked, make_date(2025, 3, 1), kToday), kToday).empty());
  const auto draft = *withdraw_request(with_draft(), make_date(2025, 5, 1), kToday);
  EXPECT_FALSE(issue_final(draft, make_date(2025, 5, 13), kToday)) << "no final plan for a withdrawn request";
}

}  // namespace
}  // namespace tandem
