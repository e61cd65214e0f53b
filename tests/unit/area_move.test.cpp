// Moving between councils with a plan (SEND Regulations 2014 reg 15): each
// deadline as a table of cases, and the checks on what is recorded.
#include "core/area_move.h"

#include <gtest/gtest.h>

#include "profile/bank_holidays.h"

namespace tandem {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

AreaMove out_move(Date learned, Date moved) {
  AreaMove m;
  m.direction = MoveDirection::out_of_area;
  m.other_authority = "Lancashire";
  m.learned_on = learned;
  m.moved_on = moved;
  return m;
}

TEST(TransferPlanOut, OnTheDayOfTheMoveOrWithin15WorkingDays) {
  struct Case {
    Date learned;
    Date moved;
    Date expected;
    const char* why;
  };
  const Case cases[] = {
      {d(2026, 10, 1), d(2026, 10, 30), d(2026, 10, 30),
       "reg 15(2)(a): told 21 working days ahead, so the plan goes on the day of the move"},
      {d(2026, 10, 1), d(2026, 10, 22), d(2026, 10, 22),
       "reg 15(2)(a): the 15th working day after learning is the moving day itself: still 15 days' notice"},
      {d(2026, 10, 1), d(2026, 10, 21), d(2026, 10, 21),
       "reg 15(2)(b): 14 working days' notice; 15 working days beginning with 1 October end on 21 October"},
      {d(2026, 11, 2), d(2026, 11, 6), d(2026, 11, 20),
       "reg 15(2)(b): learned on Monday 2 November, the day counts as the first: Friday 20 November"},
      {d(2026, 12, 14), d(2026, 12, 18), d(2027, 1, 6),
       "reg 15(2)(b): Christmas Day, Boxing Day (substitute 28 December) and New Year's Day do not count"},
      {d(2026, 11, 7), d(2026, 11, 7), d(2026, 11, 27),
       "reg 15(2)(b): learned on a Saturday: the period begins on Monday 9 November"},
      {d(2026, 11, 20), d(2026, 11, 1), d(2026, 12, 10),
       "reg 15(2)(b): learned only after the family had moved: 15 working days from learning"},
  };
  for (const auto& c : cases) {
    const auto deadlines = move_deadlines(out_move(c.learned, c.moved), shipped_calendar());
    ASSERT_TRUE(deadlines.transfer_plan.has_value()) << c.why;
    EXPECT_EQ(deadlines.transfer_plan->date, c.expected) << c.why;
    EXPECT_NE(deadlines.transfer_plan->basis.find("reg 15(2)"), std::string::npos);
    EXPECT_FALSE(deadlines.tell_family.has_value());
  }
}

TEST(TransferredPlanIn, TellTheFamilyIn6WeeksAndReviewByTheLaterDate) {
  struct Case {
    Date last_reviewed;
    Date transferred;
    Date tell_family;
    Date review_by;
    const char* why;
  };
  const Case cases[] = {
      {d(2026, 3, 10), d(2026, 11, 2), d(2026, 12, 13), d(2027, 3, 9),
       "reg 15(4), 15(5): reviewed in March, 12 months from then is later than 3 months from the transfer"},
      {d(2025, 12, 1), d(2026, 11, 2), d(2026, 12, 13), d(2027, 2, 1),
       "reg 15(5): the annual review would fall on 30 November 2026; 3 months from the transfer is later"},
      {d(2026, 11, 2), d(2026, 11, 2), d(2026, 12, 13), d(2027, 11, 1),
       "reg 15(5): reviewed the day it transferred: 12 months from then"},
      {d(2023, 2, 28), d(2023, 11, 30), d(2024, 1, 10), d(2024, 2, 28),
       "reg 15(4): 6 weeks beginning with 30 November end on 10 January; reg 15(5): 3 months beginning with 30 "
       "November 2023 end on 28 February 2024 (a leap year), later than 12 months from 28 February 2023 (27 "
       "February 2024)"},
  };
  for (const auto& c : cases) {
    AreaMove m;
    m.direction = MoveDirection::into_area;
    m.other_authority = "Cumberland";
    m.moved_on = c.transferred;
    m.transferred_on = c.transferred;
    m.plan_last_reviewed_on = c.last_reviewed;
    const auto deadlines = move_deadlines(m, shipped_calendar());
    ASSERT_TRUE(deadlines.tell_family && deadlines.review_by) << c.why;
    EXPECT_EQ(deadlines.tell_family->date, c.tell_family) << c.why;
    EXPECT_EQ(deadlines.review_by->date, c.review_by) << c.why;
    EXPECT_NE(deadlines.review_by->basis.find("reg 15(5)"), std::string::npos);
  }
}

TEST(CheckMove, NamesEveryFieldThatIsWrong) {
  const Date today = d(2026, 11, 24);
  struct Case {
    AreaMove move;
    const char* field;
    const char* why;
  };
  AreaMove no_council = out_move(d(2026, 11, 2), d(2026, 12, 1));
  no_council.other_authority.clear();
  AreaMove no_learned = out_move(d(2026, 11, 2), d(2026, 12, 1));
  no_learned.learned_on.reset();
  AreaMove sent_early = out_move(d(2026, 11, 2), d(2026, 12, 1));
  sent_early.transferred_on = d(2026, 11, 1);
  AreaMove in_no_review;
  in_no_review.other_authority = "Cumberland";
  in_no_review.moved_on = d(2026, 11, 1);
  in_no_review.transferred_on = d(2026, 11, 2);
  AreaMove told_before = in_no_review;
  told_before.plan_last_reviewed_on = d(2026, 5, 1);
  told_before.family_told_on = d(2026, 11, 1);
  told_before.will_assess = false;
  AreaMove told_no_answer = told_before;
  told_no_answer.family_told_on = d(2026, 11, 20);
  told_no_answer.will_assess.reset();
  AreaMove told_no_amend = told_before;
  told_no_amend.family_told_on = d(2026, 11, 20);
  AreaMove amend_out = out_move(d(2026, 11, 2), d(2026, 12, 1));
  amend_out.will_amend = true;
  AreaMove reviewed_after = told_before;
  reviewed_after.family_told_on.reset();
  reviewed_after.plan_last_reviewed_on = d(2026, 11, 3);
  AreaMove future_in = told_before;
  future_in.family_told_on.reset();
  future_in.moved_on = d(2026, 12, 1);
  const Case cases[] = {
      {no_council, "other_authority", "the other council must be named"},
      {no_learned, "learned_on", "reg 15(2) runs from the day the council learned of the move"},
      {sent_early, "transferred_on", "a plan cannot be sent before the council knew of the move"},
      {in_no_review, "plan_last_reviewed_on", "reg 15(5) needs the old council's last review"},
      {told_before, "family_told_on", "the family is told after the plan has transferred"},
      {told_no_answer, "will_assess", "reg 15(4): the letter says whether the council will assess"},
      {told_no_amend, "will_amend", "the reg 15(4) letter says whether the council proposes to amend the plan"},
      {amend_out, "direction", "only the council receiving a plan decides whether to amend it"},
      {reviewed_after, "plan_last_reviewed_on", "a review after the transfer is this council's, not the old one's"},
      {future_in, "moved_on", "a move into the area is recorded once it has happened"},
  };
  for (const auto& c : cases) {
    const auto r = check_move(c.move, today);
    ASSERT_FALSE(r.has_value()) << c.why;
    bool named = false;
    for (const auto& f : r.error().fields) named = named || f.field == c.field;
    EXPECT_TRUE(named) << c.why << ": " << r.error().first_field() << " " << r.error().first_message();
  }
  EXPECT_TRUE(check_move(out_move(d(2026, 11, 2), d(2027, 1, 4)), today).has_value())
      << "a move out may be planned ahead";
}

}  // namespace
}  // namespace tandem
