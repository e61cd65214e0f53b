// Ceasing a plan: the legal test for each reason (CFA s45-46; SEND Regulations
// 2014 regs 29-31) and the day the plan ends, which waits for the appeal
// window or the appeal (CFA s51(2)(f); Tribunal Rules r20(1)(c)).
#include "core/cessation.h"

#include <gtest/gtest.h>

#include <vector>

namespace tandem {
namespace {

const Date kToday = make_date(2026, 11, 24);
const Date kChild = make_date(2014, 5, 1);         // 12
const Date kYoungPerson = make_date(2006, 1, 10);  // 20
const Date kOld = make_date(2001, 3, 10);          // plan may run to 31 July 2026

CessationInput input(CeaseReason r) {
  CessationInput in;
  in.reason = r;
  in.consulted_on = make_date(2026, 10, 1);
  in.decided_on = make_date(2026, 11, 2);
  in.reasons = "Reasons given to the family.";
  return in;
}

TEST(Ceasing, TheLegalTestForEachReason) {
  struct Case {
    const char* name;
    CeaseReason reason;
    Date dob;
    std::optional<Date> last_review;
    std::optional<Date> left;
    const char* field;  // nullptr: allowed
  };
  const std::vector<Case> cases{
      {"under 18, needs met (s45(1)(b))", CeaseReason::needs_met, kChild, {}, {}, nullptr},
      {"under 18, moved council (s45(1)(a))", CeaseReason::moved_la, kChild, {}, {}, nullptr},
      {"under 18, employment: not a reason (s45(1))", CeaseReason::employment, kChild, {}, {}, "reason"},
      {"under 18, not engaging: never (s42(2))", CeaseReason::not_engaging, kChild, {}, {}, "reason"},
      {"under 18, other: not a reason", CeaseReason::other, kChild, {}, {}, "reason"},
      {"18+, needs met without a review since 18 (s45(3))",
       CeaseReason::needs_met,
       kYoungPerson,
       make_date(2023, 6, 1),
       {},
       "reason"},
      {"18+, needs met after a review", CeaseReason::needs_met, kYoungPerson, make_date(2026, 6, 1), {}, nullptr},
      {"18+, not engaging, no date left",
       CeaseReason::not_engaging,
       kYoungPerson,
       make_date(2026, 6, 1),
       {},
       "left_education_on"},
      {"18+, not engaging, review before leaving (regs 29-30)", CeaseReason::not_engaging, kYoungPerson,
       make_date(2026, 3, 1), make_date(2026, 4, 1), "reason"},
      {"18+, not engaging, reviewed after leaving", CeaseReason::not_engaging, kYoungPerson, make_date(2026, 6, 1),
       make_date(2026, 4, 1), nullptr},
      {"18+, higher education", CeaseReason::higher_education, kYoungPerson, {}, {}, nullptr},
      {"20, max age: may not cease for age alone (s45(4))", CeaseReason::max_age, kYoungPerson, {}, {}, "reason"},
      {"25, after the academic year (s46)", CeaseReason::max_age, kOld, {}, {}, nullptr},
  };
  for (const auto& c : cases) {
    auto in = input(c.reason);
    in.left_education_on = c.left;
    auto out = decide_to_cease(in, c.dob, c.last_review, kToday);
    if (c.field == nullptr) {
      EXPECT_TRUE(out) << c.name << ": " << (out ? "" : out.error().first_message());
    } else {
      ASSERT_FALSE(out) << c.name;
      EXPECT_EQ(out.error().first_field(), c.field) << c.name;
    }
  }
}

TEST(Ceasing, ConsultFirstAndGiveReasons) {
  auto late = input(CeaseReason::needs_met);
  late.consulted_on = make_date(2026, 11, 3);
  EXPECT_EQ(decide_to_cease(late, kChild, {}, kToday).error().first_field(), "consulted_on") << "reg 29";
  auto silent = input(CeaseReason::needs_met);
  silent.reasons = " ";
  EXPECT_EQ(decide_to_cease(silent, kChild, {}, kToday).error().first_field(), "reasons");
  auto future = input(CeaseReason::needs_met);
  future.decided_on = make_date(2026, 11, 25);
  EXPECT_EQ(decide_to_cease(future, kChild, {}, kToday).error().first_field(), "decided_on");
}

TEST(Ceasing, ThePlanStaysInForceThroughTheAppeal) {
  const auto c = *decide_to_cease(input(CeaseReason::needs_met), kChild, {}, kToday);
  EXPECT_EQ(plan_ends_on(c, std::nullopt), make_date(2027, 1, 2)) << "the last day to appeal: 2 months (r20(1)(c))";
  AppealInput in;
  in.id = "ap-1";
  in.decision = AppealedDecision::cease;
  in.decision_notice_on = c.decided_on;
  in.registered_on = make_date(2026, 11, 20);
  auto appeal = *open_appeal(in, kToday);
  EXPECT_EQ(plan_ends_on(c, appeal), std::nullopt) << "pending: stays in force";
  auto dismissed = *record_outcome(appeal, AppealOutcome::dismissed, make_date(2026, 11, 23), kToday);
  EXPECT_EQ(plan_ends_on(c, dismissed), make_date(2026, 11, 23)) << "reg 44(2)(a): cease immediately";
  auto upheld = *record_outcome(appeal, AppealOutcome::upheld, make_date(2026, 11, 23), kToday);
  EXPECT_EQ(plan_ends_on(c, upheld), std::nullopt) << "the plan continues";
}

}  // namespace
}  // namespace tandem
