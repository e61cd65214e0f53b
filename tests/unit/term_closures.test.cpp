// School closure exceptions checked against the area's own school term dates
// (SEND Regulations 2014 regs 5(4)(a), 10(4)(a), 13(3), 27(3)(a): advice asked
// of a school from one week before a closure of at least 4 weeks until one
// week before it re-opens lifts the time limit).
#include "core/term_closures.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

// An academic year as an area's profile gives it: Christmas and Easter are
// two weeks, the summer six.
std::vector<FundingTerm> terms_2025_26() {
  return {{TermName::summer, 2026, d(2026, 4, 13), d(2026, 7, 22)},
          {TermName::autumn, 2025, d(2025, 9, 3), d(2025, 12, 19)},
          {TermName::spring, 2026, d(2026, 1, 5), d(2026, 3, 27)},
          {TermName::autumn, 2026, d(2026, 9, 2), d(2026, 12, 18)}};
}

TEST(TermClosures, EachGapBetweenTermsIsAClosureInDateOrder) {
  const auto closures = closures_between_terms(terms_2025_26());
  ASSERT_EQ(closures.size(), 3u);
  EXPECT_EQ(closures[0].first_day_closed, d(2025, 12, 20));
  EXPECT_EQ(closures[0].first_day_open_again, d(2026, 1, 5));
  EXPECT_EQ(closures[1].first_day_closed, d(2026, 3, 28));
  EXPECT_EQ(closures[2].first_day_closed, d(2026, 7, 23));
  EXPECT_EQ(closures[2].first_day_open_again, d(2026, 9, 2));
}

TEST(TermClosures, TermsThatRunOnWithoutAGapGiveNoClosures) {
  EXPECT_TRUE(closures_between_terms({{TermName::autumn, 2025, d(2025, 9, 1), d(2025, 12, 31)},
                                      {TermName::spring, 2026, d(2026, 1, 1), d(2026, 3, 31)}})
                  .empty());
}

struct Case {
  const char* why;
  ExceptionGround ground;
  Date start;
  Date end;
  const char* refused_field;  // nullptr: accepted as given
};

TEST(TermClosures, ASchoolClosureExceptionMustSitInTheSummerWindow) {
  const auto closures = closures_between_terms(terms_2025_26());
  const Case cases[] = {
      {"asked a week before the summer closure, to a week before re-opening", ExceptionGround::school_closure,
       d(2026, 7, 16), d(2026, 8, 26), nullptr},
      {"asked the last day of the window", ExceptionGround::school_closure, d(2026, 8, 26), d(2026, 8, 26), nullptr},
      {"asked eight days before the closure", ExceptionGround::school_closure, d(2026, 7, 15), d(2026, 8, 26), "start"},
      {"asked six days before re-opening", ExceptionGround::school_closure, d(2026, 8, 27), d(2026, 8, 30), "start"},
      {"running past a week before re-opening", ExceptionGround::school_closure, d(2026, 7, 20), d(2026, 8, 27),
       "end_on"},
      {"Christmas is two weeks: never 4 (reg 10(4)(a))", ExceptionGround::school_closure, d(2025, 12, 15),
       d(2025, 12, 29), "start"},
      {"other grounds are not the school's closure", ExceptionGround::exceptional_personal_circumstances,
       d(2025, 12, 15), d(2025, 12, 29), nullptr},
  };
  for (const auto& c : cases) {
    const ClockException e{c.ground, c.start, c.end};
    const auto checked = check_school_closure(e, closures);
    if (c.refused_field == nullptr) {
      ASSERT_TRUE(checked) << c.why;
      EXPECT_EQ(*checked, e) << c.why;
    } else {
      ASSERT_FALSE(checked) << c.why;
      EXPECT_EQ(checked.error().fields.at(0).field, c.refused_field) << c.why;
    }
  }
}

TEST(TermClosures, WithoutTheAreasTermDatesTheCaseworkersDatesStand) {
  const ClockException e{ExceptionGround::school_closure, d(2025, 12, 15), d(2025, 12, 29)};
  const auto checked = check_school_closure(e, {});
  ASSERT_TRUE(checked);
  EXPECT_EQ(*checked, e);
}

}  // namespace
}  // namespace tandem
