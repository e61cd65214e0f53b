// The EHC statutory clock, one table per deadline. Every expected date is the
// last day still in time; each case says which rule gives it and why.
#include "core/ehc_clock.h"

#include <gtest/gtest.h>

#include "profile/bank_holidays.h"

namespace tandem {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

struct FromCase {
  Date from;
  Date expected;
  const char* why;
};

bool mentions(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// ---- Calendar months -----------------------------------------------------------

TEST(AddMonths, UsesTheSameDayOrTheLastDayOfTheMonth) {
  struct Case {
    Date from;
    int months;
    Date expected;
    const char* why;
  };
  const Case cases[] = {
      {d(2025, 1, 15), 2, d(2025, 3, 15), "same day number two months on"},
      {d(2025, 1, 31), 1, d(2025, 2, 28), "31 January + 1 month: February has no 31st, so its last day"},
      {d(2024, 1, 31), 1, d(2024, 2, 29), "31 January + 1 month in a leap year: 29 February"},
      {d(2024, 12, 31), 2, d(2025, 2, 28), "31 December + 2 months: last day of February"},
      {d(2025, 3, 31), 1, d(2025, 4, 30), "April has 30 days"},
      {d(2025, 11, 30), 3, d(2026, 2, 28), "crosses the year end"},
      {d(2026, 7, 31), -5, d(2026, 2, 28), "backwards: 31 July - 5 months is the last day of February"},
      {d(2026, 1, 15), -5, d(2025, 8, 15), "backwards across the year end"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(add_months(c.from, c.months), c.expected) << format_date(c.from) << " " << c.months << ": " << c.why;
  }
}

// ---- Assessment ----------------------------------------------------------------

TEST(DecideWhetherToAssess, SixCalendarWeeksFromReceipt) {
  // Reg 5(1): "within 6 weeks of receiving a request". Day of receipt
  // excluded, so the last day is receipt + 42 days.
  const FromCase cases[] = {
      {d(2025, 1, 6), d(2025, 2, 17), "reg 5(1): domain.md's example, Monday 6 January to Monday 17 February"},
      {d(2024, 1, 18), d(2024, 2, 29), "reg 5(1): leap year, the 42nd day is 29 February 2024"},
      {d(2023, 1, 18), d(2023, 3, 1), "reg 5(1): the same request a non-leap year ends on 1 March"},
      {d(2024, 12, 20), d(2025, 1, 31), "reg 5(1): calendar weeks, so Christmas and New Year do not stop the clock"},
      {d(2023, 11, 30), d(2024, 1, 11), "reg 5(1): crosses the year end"},
      {d(2025, 3, 7), d(2025, 4, 18), "reg 5(1): ends on Good Friday and stays there (not a working-day limit)"},
  };
  for (const auto& c : cases) {
    const auto a = assessment_deadlines(c.from);
    EXPECT_EQ(a.decide_whether_to_assess.date, c.expected) << format_date(c.from) << ": " << c.why;
    EXPECT_TRUE(mentions(a.decide_whether_to_assess.basis, "reg 5(1)"));
  }
}

TEST(AdviceDue, SixWeeksFromTheAdvisersReceipt) {
  // Reg 8(1): advice within 6 weeks of the body receiving the request for it,
  // not of the family's request.
  struct Case {
    Date received;
    Date advice_requested;
    Date expected;
    const char* why;
  };
  const Case cases[] = {
      {d(2025, 1, 6), d(2025, 1, 20), d(2025, 3, 3), "reg 8(1): 6 weeks from the adviser's receipt, 20 January"},
      {d(2025, 1, 6), d(2025, 1, 6), d(2025, 2, 17), "reg 8(1): asked the same day: the same 42 days"},
      {d(2023, 12, 20), d(2024, 1, 18), d(2024, 2, 29), "reg 8(1): leap year"},
  };
  for (const auto& c : cases) {
    const auto due = advice_due(c.received, c.advice_requested);
    ASSERT_TRUE(due) << c.why;
    EXPECT_EQ(due->date, c.expected) << c.why;
    EXPECT_TRUE(mentions(due->basis, "reg 8(1)"));
  }
  const auto early = advice_due(d(2025, 1, 6), d(2025, 1, 5));
  ASSERT_FALSE(early) << "advice cannot be asked for before the request was received";
  EXPECT_EQ(early.error().first_field(), "advice_requested");
}

TEST(NotifyDecisionNotToIssue, SixteenWeeksFromReceipt) {
  // Reg 10(1): 16 weeks = 112 days after the day of receipt.
  const FromCase cases[] = {
      {d(2025, 1, 6), d(2025, 4, 28), "reg 10(1): 112 days on"},
      {d(2023, 11, 10), d(2024, 3, 1), "reg 10(1): passes 29 February 2024, so ends on 1 March"},
      {d(2022, 11, 10), d(2023, 3, 2), "reg 10(1): the same request with no leap day ends on 2 March"},
  };
  for (const auto& c : cases) {
    const auto a = assessment_deadlines(c.from);
    EXPECT_EQ(a.notify_decision_not_to_issue.date, c.expected) << format_date(c.from) << ": " << c.why;
    EXPECT_TRUE(mentions(a.notify_decision_not_to_issue.basis, "reg 10(1)"));
  }
}

TEST(FinalPlan, TwentyCalendarWeeksFromReceipt) {
  // Reg 13(2): 20 weeks = 140 days after the day of receipt.
  const FromCase cases[] = {
      {d(2025, 1, 6), d(2025, 5, 26), "reg 13(2): ends on the Spring bank holiday and stays there"},
      {d(2024, 9, 2), d(2025, 1, 20), "reg 13(2): the 20 weeks cross Christmas, which changes nothing"},
      {d(2023, 10, 16), d(2024, 3, 4), "reg 13(2): crosses 29 February 2024"},
      {d(2022, 10, 16), d(2023, 3, 5), "reg 13(2): same request a year earlier, no leap day: a day later"},
  };
  for (const auto& c : cases) {
    const auto a = assessment_deadlines(c.from);
    EXPECT_EQ(a.final_plan.date, c.expected) << format_date(c.from) << ": " << c.why;
    EXPECT_TRUE(mentions(a.final_plan.basis, "reg 13(2)"));
  }
}

TEST(DraftPlan, PlanningDatesAreDerivedAndLeaveTheFifteenDays) {
  // Derived, not law: week 17 is the planning date; the latest service is
  // received + 125, because a draft served on day S has comments until S + 14
  // (reg 13(1)) and may be finalised on S + 15 = received + 140 (reg 13(2)).
  const auto a = assessment_deadlines(d(2025, 1, 6));
  EXPECT_EQ(a.draft_plan_planning.date, d(2025, 5, 5)) << "week 17 (a bank holiday: a planning date, not law)";
  EXPECT_EQ(a.latest_draft_service.date, d(2025, 5, 11)) << "received + 125";
  EXPECT_TRUE(mentions(a.draft_plan_planning.basis, "Derived"));
  EXPECT_TRUE(mentions(a.latest_draft_service.basis, "Derived"));
  EXPECT_EQ(draft_plan_comments(a.latest_draft_service.date).earliest_final_plan.date, a.final_plan.date)
      << "served on the last day, the 15 days end the day before the 20-week limit";
  EXPECT_LE(draft_plan_comments(a.draft_plan_planning.date).earliest_final_plan.date, a.final_plan.date);
}

TEST(Comments, FifteenDaysBeginningWithTheDayOfService) {
  // Reg 13(1) and reg 22(2)(c): "at least 15 days, beginning on the day on
  // which [it] was served": the day of service is day 1, so the last day for
  // comments is service + 14 and the plan may be finalised on service + 15.
  const FromCase cases[] = {
      {d(2025, 1, 31), d(2025, 2, 14), "reg 13(1): served 31 January, day 15 is 14 February"},
      {d(2024, 2, 20), d(2024, 3, 5), "reg 13(1): leap year, 29 February is one of the 15 days"},
      {d(2023, 2, 20), d(2023, 3, 6), "reg 13(1): no leap day: a day later"},
      {d(2025, 12, 24), d(2026, 1, 7), "reg 13(1): calendar days, Christmas and New Year count"},
  };
  for (const auto& c : cases) {
    const auto draft = draft_plan_comments(c.from);
    EXPECT_EQ(draft.last_day_for_comments.date, c.expected) << c.why;
    EXPECT_EQ(draft.earliest_final_plan.date, c.expected + std::chrono::days{1}) << c.why;
    EXPECT_TRUE(mentions(draft.last_day_for_comments.basis, "reg 13(1)"));
    const auto amendments = amendment_comments(c.from);
    EXPECT_EQ(amendments.last_day_for_comments.date, c.expected) << "reg 22(2)(c), same count: " << c.why;
    EXPECT_TRUE(mentions(amendments.last_day_for_comments.basis, "reg 22(2)(c)"));
  }
}

// ---- Reviews -------------------------------------------------------------------

TEST(AnnualReview, TheTwelveMonthsStartingWithThePlanDate) {
  // CFA s44(1): "in the period of 12 months starting with the date on which
  // the plan was first made": the plan's date is the first day of the 12
  // months, so the last is the day before the same date a year on.
  const FromCase cases[] = {
      {d(2025, 3, 15), d(2026, 3, 14), "s44(1): made 15 March 2025, 12 months end 14 March 2026"},
      {d(2019, 1, 1), d(2019, 12, 31), "s44(1): made 1 January, review by 31 December of the same year"},
      {d(2024, 2, 29), d(2025, 2, 28), "s44(1): made on a leap day; 2025 has no 29 February, so its last day"},
      {d(2023, 3, 1), d(2024, 2, 29), "s44(1): the day before 1 March 2024 is the leap day"},
      {d(2025, 1, 31), d(2026, 1, 30), "s44(1): month ends are ordinary here"},
  };
  for (const auto& c : cases) {
    const auto r = review_due(c.from);
    EXPECT_EQ(r.annual_review.date, c.expected) << format_date(c.from) << ": " << c.why;
    EXPECT_TRUE(mentions(r.annual_review.basis, "s44(1)"));
  }
}

TEST(AnnualReview, UnderFivesAdviceIsSixMonthsAndSaysItIsAdvice) {
  // Code 9.178: consider reviewing an under-5's plan every 3 to 6 months. The
  // 6-month date, counted like s44(1). Advice, not law.
  const FromCase cases[] = {
      {d(2025, 3, 15), d(2025, 9, 14), "Code 9.178: 6 months starting with 15 March end on 14 September"},
      {d(2025, 8, 31), d(2026, 2, 28), "Code 9.178: no 31 February, so the last day of February"},
      {d(2023, 8, 31), d(2024, 2, 29), "Code 9.178: leap year, 29 February"},
  };
  for (const auto& c : cases) {
    const auto r = review_due(c.from);
    EXPECT_EQ(r.under_fives_advised.date, c.expected) << c.why;
    EXPECT_TRUE(mentions(r.under_fives_advised.basis, "9.178"));
    EXPECT_TRUE(mentions(r.under_fives_advised.basis, "advice, not law"));
  }
}

TEST(ReviewMeeting, DecisionInFourWeeksAmendedPlanInTwelve) {
  struct Case {
    Date meeting;
    Date decision;
    Date amended;
    const char* why;
  };
  const Case cases[] = {
      {d(2025, 10, 1), d(2025, 10, 29), d(2025, 12, 24),
       "reg 20(10) (paragraph unverified): 28 days; reg 22(3)-(4) and Devon: 4 + 8 weeks = 84 days"},
      {d(2025, 12, 1), d(2025, 12, 29), d(2026, 2, 23),
       "reg 20(10) (paragraph unverified), reg 22(3)-(4): calendar weeks across Christmas"},
  };
  for (const auto& c : cases) {
    const auto r = review_meeting_deadlines(c.meeting);
    EXPECT_EQ(r.review_decision.date, c.decision) << c.why;
    EXPECT_EQ(r.amended_plan.date, c.amended) << c.why;
    EXPECT_TRUE(mentions(r.review_decision.basis, "unverified"));
    EXPECT_TRUE(mentions(r.review_decision.basis, "Devon"));
    EXPECT_TRUE(mentions(r.amended_plan.basis, "reg 22(3)-(4)"));
  }
  // Reg 22(3)-(4): an early amendment notice starts the 8 weeks sooner.
  EXPECT_EQ(amended_plan_after_notice(d(2025, 10, 15)).date, d(2025, 12, 10));
}

TEST(Reassessment, FourteenWeeksFromTheNotice) {
  // Reg 27(2): 14 weeks = 98 days.
  const FromCase cases[] = {
      {d(2025, 1, 6), d(2025, 4, 14), "reg 27(2): 98 days"},
      {d(2023, 12, 1), d(2024, 3, 8), "reg 27(2): crosses 29 February 2024"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(reassessment_amended_plan(c.from).date, c.expected) << c.why;
    EXPECT_TRUE(mentions(reassessment_amended_plan(c.from).basis, "reg 27(2)"));
  }
}

// ---- Transfers -----------------------------------------------------------------

TEST(PhaseTransfer, BeforeFifteenFebruaryShowsFourteenth) {
  struct Case {
    TransferKind kind;
    int year;
    Date expected;
    const char* why;
  };
  const Case cases[] = {
      {TransferKind::school, 2026, d(2026, 2, 14), "reg 18(1)(b): before 15 February, so 14 February"},
      {TransferKind::school, 2028, d(2028, 2, 14),
       "reg 18(1)(b): a leap year changes nothing in February's first half"},
      {TransferKind::post16, 2026, d(2026, 3, 30), "reg 18(1)(a): secondary to post-16, before 31 March: 30 March"},
  };
  for (const auto& c : cases) {
    const auto t = phase_transfer_deadline(c.kind, c.year);
    EXPECT_EQ(t.date, c.expected) << c.why;
    EXPECT_TRUE(mentions(t.basis, "reg 18(1)"));
  }
}

TEST(PhaseTransfer, AppliesWithinTwelveMonthsBeforeTheTransfer) {
  struct Case {
    Date transfer;
    Date on;
    bool applies;
    const char* why;
  };
  const Case cases[] = {
      {d(2026, 9, 1), d(2025, 9, 1), true, "reg 18(1): exactly 12 months before"},
      {d(2026, 9, 1), d(2025, 8, 31), false, "reg 18(1): a day more than 12 months before"},
      {d(2026, 9, 1), d(2026, 2, 14), true, "reg 18(1): the deadline day itself"},
      {d(2026, 9, 1), d(2026, 8, 31), true, "reg 18(1): the day before the transfer"},
      {d(2026, 9, 1), d(2026, 9, 1), false, "reg 18(1): on the day of transfer it is no longer ahead"},
      {d(2028, 2, 29), d(2027, 2, 28), true, "12 months before a leap day: 28 February"},
      {d(2028, 2, 29), d(2027, 2, 27), false, "a day earlier is outside"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(phase_transfer_applies(c.transfer, c.on), c.applies) << format_date(c.on) << ": " << c.why;
  }
}

TEST(PhaseTransfer, ParsesItsTextIds) {
  EXPECT_EQ(*parse_transfer_kind("transfer", "school"), TransferKind::school);
  EXPECT_EQ(*parse_transfer_kind("transfer", "post16"), TransferKind::post16);
  EXPECT_EQ(to_string(TransferKind::post16), "post16");
  const auto bad = parse_transfer_kind("transfer", "primary");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().first_field(), "transfer");
  EXPECT_TRUE(mentions(bad.error().first_message(), "post16"));
}

TEST(Post16Move, AtLeastFiveMonthsBefore) {
  // Reg 18(2): "at least five months before that transfer": the last day in
  // time is the same date 5 months earlier, or that month's last day.
  const FromCase cases[] = {
      {d(2026, 9, 1), d(2026, 4, 1), "reg 18(2): 1 April to 1 September is exactly 5 months"},
      {d(2026, 7, 31), d(2026, 2, 28), "reg 18(2): no 31 February, so 28 February (1 March would be too late)"},
      {d(2028, 7, 31), d(2028, 2, 29), "reg 18(2): leap year, 29 February"},
      {d(2026, 1, 15), d(2025, 8, 15), "reg 18(2): back across the year end"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(post16_move_deadline(c.from).date, c.expected) << c.why;
    EXPECT_TRUE(mentions(post16_move_deadline(c.from).basis, "reg 18(2)"));
  }
}

// ---- Mediation and appeal ------------------------------------------------------

TEST(MediationCertificate, ThreeWorkingDaysWithEnglandBankHolidays) {
  // Reg 34: within 3 working days of the adviser being told; the day of being
  // told is not counted. Bank holidays from the shipped GOV.UK calendar.
  // "Working day" as reg 2(1) defines it: exact text unverified.
  const Calendar& cal = shipped_calendar();
  const FromCase cases[] = {
      {d(2025, 6, 2), d(2025, 6, 5), "reg 34: Monday + 3 working days is Thursday"},
      {d(2025, 6, 6), d(2025, 6, 11), "reg 34: told on Friday; the weekend does not count"},
      {d(2025, 6, 7), d(2025, 6, 11), "reg 34: told on Saturday; Monday is the first working day"},
      {d(2025, 12, 23), d(2025, 12, 30), "reg 34: Christmas Day and Boxing Day (Thu, Fri) do not count"},
      {d(2021, 12, 22), d(2021, 12, 29),
       "reg 34: Christmas 2021 fell at a weekend; the substitute days Mon 27 and Tue 28 do not count"},
      {d(2021, 12, 30), d(2022, 1, 5), "reg 34: New Year's Day 2022 was a Saturday; substitute Monday 3 January"},
      {d(2025, 4, 17), d(2025, 4, 24), "reg 34: Good Friday 18 April and Easter Monday 21 April 2025 do not count"},
  };
  for (const auto& c : cases) {
    const auto due = mediation_certificate_due(cal, c.from);
    ASSERT_TRUE(due) << c.why;
    EXPECT_EQ(due->date, c.expected) << format_date(c.from) << ": " << c.why;
    EXPECT_TRUE(mentions(due->basis, "reg 34"));
  }
}

TEST(MediationCertificate, RefusesYearsWithoutBankHolidayData) {
  const auto beyond = mediation_certificate_due(shipped_calendar(), d(2031, 1, 6));
  ASSERT_FALSE(beyond) << "the shipped data stops in 2030: a 2031 answer could miss a bank holiday";
  EXPECT_EQ(beyond.error().first_field(), "mediation_informed");
  EXPECT_TRUE(mentions(beyond.error().first_message(), "2031"));
  // The last days of the data: told 30 December 2030, 3 working days run into
  // 2031, which is not covered either.
  EXPECT_FALSE(mediation_certificate_due(shipped_calendar(), d(2030, 12, 30)));
  EXPECT_FALSE(mediation_certificate_due(Calendar{}, d(2025, 6, 2))) << "a calendar with no bank holidays";
}

TEST(AppealDeadline, TwoMonthsOrOneFromTheCertificateIfLater) {
  // Tribunal Rules r20(1)(c), in calendar months: the same date in the later
  // month, or its last day when it has none. Not applied (unverified, not in
  // domain.md): r12's reported extension of a deadline on a non-working day,
  // 25 December to 1 January or in August.
  struct Case {
    Date notice;
    std::optional<Date> certificate;
    Date expected;
    const char* basis_part;
    const char* why;
  };
  const Case cases[] = {
      {d(2025, 1, 15), std::nullopt, d(2025, 3, 15), "2 months", "r20(1)(c): 15 January + 2 months"},
      {d(2024, 12, 31), std::nullopt, d(2025, 2, 28), "2 months", "r20(1)(c): 31 December + 2 months: end of February"},
      {d(2023, 12, 31), std::nullopt, d(2024, 2, 29), "2 months", "r20(1)(c): leap year, 29 February"},
      {d(2025, 3, 31), std::nullopt, d(2025, 5, 31), "2 months", "r20(1)(c): May has a 31st"},
      {d(2025, 1, 15), d(2025, 3, 1), d(2025, 4, 1), "1 month", "r20(1)(c): certificate + 1 month is later"},
      {d(2025, 1, 15), d(2025, 1, 20), d(2025, 3, 15), "2 months", "r20(1)(c): certificate + 1 month is earlier"},
      {d(2024, 12, 20), d(2025, 1, 31), d(2025, 2, 28), "1 month",
       "r20(1)(c): 31 January + 1 month is 28 February, later than 20 February"},
      {d(2025, 10, 1), d(2025, 11, 29), d(2025, 12, 29), "1 month",
       "r20(1)(c): 29 December; r12 may allow the first working day in January (unverified, not applied)"},
  };
  for (const auto& c : cases) {
    const auto due = appeal_deadline(c.notice, c.certificate);
    ASSERT_TRUE(due) << c.why;
    EXPECT_EQ(due->date, c.expected) << c.why;
    EXPECT_TRUE(mentions(due->basis, "r20(1)(c)"));
    EXPECT_TRUE(mentions(due->basis, c.basis_part)) << c.why;
  }
  const auto bad = appeal_deadline(d(2025, 3, 1), d(2025, 2, 1));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().first_field(), "mediation_certificate");
}

// ---- Exceptions ----------------------------------------------------------------

TEST(Exceptions, WhichGroundsLiftWhichSteps) {
  // domain.md section 2, exceptions table.
  using G = ExceptionGround;
  using S = ClockStep;
  struct Case {
    S step;
    G ground;
    const char* basis;  // nullptr: this ground cannot lift this step's limit
    const char* why;
  };
  const Case cases[] = {
      {S::decide_whether_to_assess, G::school_closure, "reg 5(4)", "reg 5(4): school closure"},
      {S::decide_whether_to_assess, G::early_years_closure, "reg 5(4) (early years closure unverified)",
       "reg 5(4): early years closure is unverified in domain.md; implemented as listed"},
      {S::decide_whether_to_assess, G::exceptional_personal_circumstances, "reg 5(4)", "reg 5(4)"},
      {S::decide_whether_to_assess, G::away_from_area, "reg 5(4)", "reg 5(4)"},
      {S::decide_whether_to_assess, G::missed_appointment, nullptr, "missed appointments excuse advice only"},
      {S::advice, G::exceptional_personal_circumstances, "reg 8(2)(a)", "reg 8(2)(a)"},
      {S::advice, G::away_from_area, "reg 8(2)(b)", "reg 8(2)(b)"},
      {S::advice, G::missed_appointment, "reg 8(2)(c)", "reg 8(2)(c): the only step a missed appointment excuses"},
      {S::advice, G::school_closure, nullptr, "reg 8(2) has no closure ground"},
      {S::advice, G::early_years_closure, nullptr, "reg 8(2) has no closure ground"},
      {S::notify_decision_not_to_issue, G::school_closure, "reg 10(4)(a)", "reg 10(4)(a)"},
      {S::notify_decision_not_to_issue, G::early_years_closure, "reg 10(4)(b)", "reg 10(4)(b)"},
      {S::notify_decision_not_to_issue, G::exceptional_personal_circumstances, "reg 10(4)(c)", "reg 10(4)(c)"},
      {S::notify_decision_not_to_issue, G::away_from_area, "reg 10(4)(d)", "reg 10(4)(d)"},
      {S::notify_decision_not_to_issue, G::missed_appointment, nullptr, "not in reg 10(4)"},
      {S::final_plan, G::school_closure, "reg 13(3), applying reg 10(4)(a)", "reg 13(3) = 10(4)(a)-(d)"},
      {S::final_plan, G::early_years_closure, "reg 13(3), applying reg 10(4)(b)", "reg 13(3)"},
      {S::final_plan, G::exceptional_personal_circumstances, "reg 13(3), applying reg 10(4)(c)", "reg 13(3)"},
      {S::final_plan, G::away_from_area, "reg 13(3), applying reg 10(4)(d)", "reg 13(3)"},
      {S::final_plan, G::missed_appointment, nullptr, "not in reg 13(3)"},
      {S::reassessment_amended_plan, G::school_closure, "reg 27(3)(a)", "reg 27(3)(a)"},
      {S::reassessment_amended_plan, G::early_years_closure, "reg 27(3)(b)", "reg 27(3)(b)"},
      {S::reassessment_amended_plan, G::exceptional_personal_circumstances, "reg 27(3)(c)", "reg 27(3)(c)"},
      {S::reassessment_amended_plan, G::away_from_area, "reg 27(3)(d)", "reg 27(3)(d)"},
      {S::reassessment_amended_plan, G::missed_appointment, nullptr, "not in reg 27(3)"},
      {S::review_decision, G::exceptional_personal_circumstances, nullptr, "reg 20 has no exceptions"},
      {S::amended_plan_after_review, G::away_from_area, nullptr, "reg 22 has no exceptions"},
  };
  for (const auto& c : cases) {
    const auto basis = exception_basis(c.step, c.ground);
    if (c.basis == nullptr) {
      EXPECT_FALSE(basis) << to_string(c.step) << " / " << to_string(c.ground) << ": " << c.why;
    } else {
      ASSERT_TRUE(basis) << to_string(c.step) << " / " << to_string(c.ground) << ": " << c.why;
      EXPECT_EQ(*basis, c.basis) << c.why;
    }
  }
}

TEST(Exceptions, GroundsHaveTextIds) {
  for (const auto g : {ExceptionGround::school_closure, ExceptionGround::early_years_closure,
                       ExceptionGround::exceptional_personal_circumstances, ExceptionGround::away_from_area,
                       ExceptionGround::missed_appointment}) {
    EXPECT_EQ(*parse_exception_ground("ground", to_string(g)), g);
  }
  const auto bad = parse_exception_ground("ground", "summer_holidays");
  ASSERT_FALSE(bad) << "area-wide reasons are not grounds";
  EXPECT_EQ(bad.error().first_field(), "ground");
}

TEST(Exceptions, MakeExceptionChecksDatesAndTheFourWeeksAway) {
  EXPECT_TRUE(make_exception(ExceptionGround::exceptional_personal_circumstances, d(2025, 3, 3), d(2025, 3, 3)))
      << "a one-day exception";
  const auto backwards =
      make_exception(ExceptionGround::exceptional_personal_circumstances, d(2025, 3, 3), d(2025, 3, 2));
  ASSERT_FALSE(backwards);
  EXPECT_EQ(backwards.error().first_field(), "end");
  // Reg 5(4), 8(2)(b), 10(4)(d): away "for a continuous period of not less
  // than 4 weeks": 28 days (3 to 30 March inclusive) qualifies, 27 do not.
  EXPECT_TRUE(make_exception(ExceptionGround::away_from_area, d(2025, 3, 3), d(2025, 3, 30)));
  const auto short_trip = make_exception(ExceptionGround::away_from_area, d(2025, 3, 3), d(2025, 3, 29));
  ASSERT_FALSE(short_trip);
  EXPECT_TRUE(mentions(short_trip.error().first_message(), "27 days"));
}

TEST(Exceptions, ClosureWindowRunsFromAWeekBeforeClosingToAWeekBeforeReopening) {
  // Regs 5(4), 10(4)(a)-(b), 13(3), 27(3)(a)-(b): advice asked from one week
  // before the first day of a closure of at least 4 weeks to one week before
  // the day it re-opens, both ends inclusive.
  const Closure summer{d(2025, 7, 23), d(2025, 9, 3)};                  // 42 days
  const Closure christmas{d(2025, 12, 20), d(2026, 1, 5)};              // 16 days: too short
  const Closure exactly_four{d(2026, 3, 28), d(2026, 4, 25)};           // 28 days
  const Closure twenty_seven{d(2026, 3, 28), d(2026, 4, 24)};           // 27 days
  const Closure works_over_christmas{d(2025, 12, 13), d(2026, 1, 19)};  // 37 days, building works
  struct Case {
    Date asked;
    std::vector<Closure> closures;
    bool applies;
    const char* why;
  };
  const Case cases[] = {
      {d(2025, 7, 15), {summer}, false, "8 days before the summer closure: outside the window"},
      {d(2025, 7, 16), {summer}, true, "exactly a week before the closure: the window's first day"},
      {d(2025, 8, 27), {summer}, true, "a week before re-opening on 3 September: the window's last day"},
      {d(2025, 8, 28), {summer}, false, "less than a week before re-opening: the setting can answer"},
      {d(2025, 12, 15), {christmas}, false, "the Christmas holiday is under 4 weeks: never an exception"},
      {d(2026, 3, 21), {exactly_four}, true, "a closure of exactly 4 weeks qualifies"},
      {d(2026, 3, 21), {twenty_seven}, false, "27 days does not"},
      {d(2025, 12, 10), {works_over_christmas}, true, "a 4-week-plus closure over the holidays qualifies"},
      {d(2025, 8, 1), {christmas, summer}, true, "any one of the setting's closures can qualify"},
      {d(2025, 8, 1), {}, false, "no closures recorded"},
      {d(2025, 8, 1), {{d(2025, 9, 3), d(2025, 7, 23)}}, false, "a closure that ends before it starts never qualifies"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(closure_exception_applies(c.asked, c.closures), c.applies) << format_date(c.asked) << ": " << c.why;
  }
  const auto e = closure_exception(ExceptionGround::school_closure, d(2025, 8, 1), {christmas, summer});
  ASSERT_TRUE(e);
  EXPECT_EQ(*e, (ClockException{ExceptionGround::school_closure, d(2025, 7, 16), d(2025, 8, 27)}));
  EXPECT_FALSE(closure_exception(ExceptionGround::school_closure, d(2025, 12, 15), {christmas}));
}

TEST(Exceptions, DaysLostCountsEachCalendarDayOnce) {
  using G = ExceptionGround;
  const Date received = d(2025, 1, 6);
  struct Case {
    Date until;
    std::vector<ClockException> exceptions;
    int expected;
    const char* why;
  };
  const Case cases[] = {
      {d(2025, 5, 26), {}, 0, "no exceptions"},
      {d(2025, 5, 26),
       {{G::exceptional_personal_circumstances, d(2025, 2, 1), d(2025, 2, 10)},
        {G::away_from_area, d(2025, 2, 5), d(2025, 3, 6)}},
       34,
       "overlapping: 1 February to 6 March once, 28 + 6 days"},
      {d(2025, 2, 7),
       {{G::exceptional_personal_circumstances, d(2025, 2, 1), d(2025, 2, 10)}},
       7,
       "counted only up to `until`: 1 to 7 February"},
      {d(2025, 5, 26),
       {{G::exceptional_personal_circumstances, d(2025, 1, 1), d(2025, 1, 10)}},
       4,
       "began before receipt: only 7 to 10 January count (the day of receipt is excluded)"},
      {d(2025, 5, 26),
       {{G::exceptional_personal_circumstances, d(2025, 2, 1), d(2025, 2, 10)},
        {G::missed_appointment, d(2025, 2, 11), d(2025, 2, 20)}},
       20,
       "adjacent periods: 20 days"},
      {received,
       {{G::exceptional_personal_circumstances, d(2025, 1, 6), d(2025, 1, 6)}},
       0,
       "the day of receipt itself is not counted"},
  };
  for (const auto& c : cases) {
    const auto lost = days_lost_to_exceptions(received, c.until, c.exceptions);
    ASSERT_TRUE(lost) << c.why;
    EXPECT_EQ(*lost, c.expected) << c.why;
  }
  const auto before = days_lost_to_exceptions(received, d(2025, 1, 5), {});
  ASSERT_FALSE(before);
  EXPECT_EQ(before.error().first_field(), "until");
  const auto bad = days_lost_to_exceptions(received, d(2025, 5, 26),
                                           {{G::exceptional_personal_circumstances, d(2025, 2, 1), d(2025, 2, 10)},
                                            {G::exceptional_personal_circumstances, d(2025, 3, 10), d(2025, 3, 1)}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().first_field(), "exceptions[1].end");
}

// ---- Status --------------------------------------------------------------------

TEST(StepStatus, FinalPlanThroughItsLife) {
  // Final plan for a request received 6 January 2025: deadline 26 May 2025
  // (reg 13(2)); at risk within 14 days.
  using G = ExceptionGround;
  using St = StepStatus;
  const Date received = d(2025, 1, 6);
  const ClockException personal{G::exceptional_personal_circumstances, d(2025, 3, 10), d(2025, 4, 20)};
  struct Case {
    std::optional<Date> done;
    Date today;
    std::vector<ClockException> exceptions;
    St expected;
    const char* why;
  };
  const Case cases[] = {
      {std::nullopt, d(2025, 3, 1), {}, St::on_time, "86 days to go"},
      {std::nullopt, d(2025, 5, 11), {}, St::on_time, "15 days to go: outside a 14-day margin"},
      {std::nullopt, d(2025, 5, 12), {}, St::at_risk, "14 days to go: inside the margin"},
      {std::nullopt, d(2025, 5, 26), {}, St::at_risk, "the last day in time"},
      {std::nullopt, d(2025, 5, 27), {}, St::overdue, "day 141"},
      {d(2025, 5, 26), d(2025, 6, 1), {}, St::done_on_time, "issued on day 140"},
      {d(2025, 5, 27), d(2025, 6, 1), {}, St::done_late, "issued on day 141"},
      {std::nullopt,
       d(2025, 5, 27),
       {personal},
       St::exception_applies,
       "reg 13(3)/10(4)(c): exceptional personal circumstances mid-way (10 March to 20 April) lift the 20 weeks"},
      {d(2025, 6, 10),
       d(2025, 6, 10),
       {personal},
       St::exception_applies,
       "issued after week 20 with the exception: not late in law, shown as the exception"},
      {d(2025, 5, 20), d(2025, 6, 1), {personal}, St::done_on_time, "issued in time: the exception is irrelevant"},
      {std::nullopt,
       d(2025, 3, 20),
       {{G::exceptional_personal_circumstances, d(2025, 4, 1), d(2025, 4, 30)}},
       St::on_time,
       "an exception that has not begun yet does not lift anything today"},
      {std::nullopt,
       d(2025, 6, 15),
       {{G::away_from_area, d(2025, 6, 1), d(2025, 7, 1)}},
       St::overdue,
       "began after the deadline: cannot excuse lateness"},
      {std::nullopt,
       d(2025, 5, 27),
       {{G::away_from_area, d(2024, 12, 1), d(2025, 1, 6)}},
       St::overdue,
       "ended on the day of receipt: the limit had not started running"},
      {std::nullopt,
       d(2025, 5, 27),
       {{G::missed_appointment, d(2025, 3, 3), d(2025, 3, 3)}},
       St::overdue,
       "a missed appointment excuses advice only (reg 8(2)(c)), not the final plan"},
  };
  for (const auto& c : cases) {
    const auto s = step_status(ClockStep::final_plan, received, c.done, c.today, 14, c.exceptions);
    ASSERT_TRUE(s) << c.why;
    EXPECT_EQ(s->status, c.expected) << c.why << " (got " << to_string(s->status) << ")";
    EXPECT_EQ(s->deadline.date, d(2025, 5, 26));
  }
  const auto lifted = step_status(ClockStep::final_plan, received, std::nullopt, d(2025, 5, 27), 14, {personal});
  ASSERT_TRUE(lifted);
  ASSERT_TRUE(lifted->exception);
  EXPECT_EQ(*lifted->exception, personal);
  EXPECT_EQ(lifted->exception_basis, "reg 13(3), applying reg 10(4)(c)");
}

TEST(StepStatus, OtherStepsUseTheirOwnGrounds) {
  using G = ExceptionGround;
  // Advice (reg 8(1)): from the adviser's receipt, 20 January 2025: due 3 March.
  const auto advice = step_status(ClockStep::advice, d(2025, 1, 20), std::nullopt, d(2025, 3, 5), 7,
                                  {{G::missed_appointment, d(2025, 2, 10), d(2025, 2, 10)}});
  ASSERT_TRUE(advice);
  EXPECT_EQ(advice->status, StepStatus::exception_applies) << "reg 8(2)(c): missed examination appointment";
  EXPECT_EQ(advice->exception_basis, "reg 8(2)(c)");
  EXPECT_EQ(advice->deadline.date, d(2025, 3, 3));

  // Notice not to issue (reg 10(1)): a school's summer closure, recorded from
  // closure_exception(), lifts it under reg 10(4)(a).
  const auto closure = closure_exception(G::school_closure, d(2025, 7, 20), {{d(2025, 7, 23), d(2025, 9, 3)}});
  ASSERT_TRUE(closure);
  const auto notice =
      step_status(ClockStep::notify_decision_not_to_issue, d(2025, 6, 2), std::nullopt, d(2025, 9, 30), 7, {*closure});
  ASSERT_TRUE(notice);
  EXPECT_EQ(notice->status, StepStatus::exception_applies);
  EXPECT_EQ(notice->exception_basis, "reg 10(4)(a)");

  // Review decision (reg 20(10), paragraph unverified): no exceptions exist.
  const auto review = step_status(ClockStep::review_decision, d(2025, 10, 1), std::nullopt, d(2025, 11, 3), 7,
                                  {{G::exceptional_personal_circumstances, d(2025, 10, 5), d(2025, 10, 20)}});
  ASSERT_TRUE(review);
  EXPECT_EQ(review->status, StepStatus::overdue) << "due 29 October; regs 20 and 22 have no exceptions";
}

TEST(StepStatus, RefusesDatesOutOfOrder) {
  const Date from = d(2025, 1, 6);
  struct Case {
    std::optional<Date> done;
    Date today;
    int at_risk_days;
    std::vector<ClockException> exceptions;
    const char* field;
    const char* why;
  };
  const Case cases[] = {
      {d(2025, 1, 5), d(2025, 2, 1), 7, {}, "done", "done before the request"},
      {d(2025, 3, 1), d(2025, 2, 1), 7, {}, "done", "done after today"},
      {std::nullopt, d(2025, 1, 5), 7, {}, "today", "today before the request"},
      {std::nullopt, d(2025, 2, 1), -1, {}, "at_risk_days", "negative margin"},
      {std::nullopt,
       d(2025, 2, 1),
       7,
       {{ExceptionGround::exceptional_personal_circumstances, d(2025, 1, 20), d(2025, 1, 10)}},
       "exceptions[0].end",
       "an exception ending before it starts"},
  };
  for (const auto& c : cases) {
    const auto s = step_status(ClockStep::final_plan, from, c.done, c.today, c.at_risk_days, c.exceptions);
    ASSERT_FALSE(s) << c.why;
    EXPECT_EQ(s.error().first_field(), c.field) << c.why;
  }
}

}  // namespace
}  // namespace tandem
