// Appeals and the council's compliance with tribunal orders: each order's
// deadlines from SEND Regulations 2014 reg 44(2) (as amended in 2015), the
// appeal's own deadline from the Tribunal Rules r20(1)(c), and the checks
// that keep an appeal's dates in order.
#include "core/tribunal.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace tandem {
namespace {

const Date kToday = make_date(2026, 11, 24);

AppealInput input() {
  AppealInput in;
  in.id = "ap-1";
  in.area_id = "demo";
  in.child_id = "c-1";
  in.decision = AppealedDecision::plan_contents;
  in.decision_notice_on = make_date(2026, 3, 2);
  in.registered_on = make_date(2026, 4, 20);
  in.hearing_on = make_date(2026, 9, 14);
  return in;
}

TEST(TribunalOrders, EachOrderHasItsReg44Deadlines) {
  struct Case {
    OrderKind kind;
    std::vector<Date> due;  // in order
    const char* cites;
  };
  const Date made = make_date(2026, 9, 21);
  const std::vector<Case> cases{
      {OrderKind::assess, {make_date(2026, 10, 5), make_date(2026, 11, 30), make_date(2026, 12, 28)}, "(b)"},
      {OrderKind::make_plan, {make_date(2026, 10, 26), make_date(2026, 12, 7)}, "(c)"},
      {OrderKind::amend_plan, {make_date(2026, 10, 26)}, "5 weeks"},
      {OrderKind::name_school, {make_date(2026, 10, 5)}, "2 weeks"},
      {OrderKind::continue_to_maintain, {made}, "immediate"},
      {OrderKind::cease_confirmed, {made}, "(a)"},
      {OrderKind::health_recommendation, {make_date(2026, 10, 26)}, "2017/1306"},
  };
  for (const auto& c : cases) {
    const auto d = order_deadlines({"o-1", c.kind, made, std::nullopt});
    ASSERT_EQ(d.size(), c.due.size()) << to_string(c.kind);
    for (std::size_t i = 0; i < d.size(); ++i) EXPECT_EQ(d[i].due.date, c.due[i]) << to_string(c.kind) << " " << i;
    EXPECT_NE(d.back().due.basis.find(c.cites), std::string::npos) << d.back().due.basis;
  }
}

TEST(TribunalOrders, StatusAgainstTheLastDeadline) {
  const Order o{"o-1", OrderKind::make_plan, make_date(2026, 9, 21), std::nullopt};  // final by 7 December
  struct Case {
    Date today;
    std::optional<Date> complied;
    StepStatus status;
  };
  const std::vector<Case> cases{
      {make_date(2026, 11, 24), std::nullopt, StepStatus::on_time},
      {make_date(2026, 12, 1), std::nullopt, StepStatus::at_risk},
      {make_date(2026, 12, 8), std::nullopt, StepStatus::overdue},
      {make_date(2026, 12, 8), make_date(2026, 12, 7), StepStatus::done_on_time},
      {make_date(2026, 12, 20), make_date(2026, 12, 18), StepStatus::done_late},
  };
  for (const auto& c : cases) {
    Order x = o;
    x.complied_on = c.complied;
    EXPECT_EQ(order_status(x, c.today, 7), c.status) << format_date(c.today);
  }
}

TEST(Appeals, DatesInOrderAndTheAppealDeadline) {
  struct Case {
    const char* name;
    std::function<void(AppealInput&)> change;
    const char* field;  // nullptr: accepted
  };
  const std::vector<Case> cases{
      {"in order", [](AppealInput&) {}, nullptr},
      {"registered before the decision", [](AppealInput& in) { in.registered_on = make_date(2026, 3, 1); },
       "registered_on"},
      {"registered in the future", [](AppealInput& in) { in.registered_on = make_date(2026, 11, 25); },
       "registered_on"},
      {"certificate before the notice", [](AppealInput& in) { in.mediation_certificate = make_date(2026, 3, 1); },
       "mediation_certificate"},
      {"hearing before registration", [](AppealInput& in) { in.hearing_on = make_date(2026, 4, 1); }, "hearing_on"},
      {"no decision named", [](AppealInput& in) { in.decision.reset(); }, "decision"},
  };
  for (const auto& c : cases) {
    auto in = input();
    c.change(in);
    auto a = open_appeal(in, kToday);
    if (c.field == nullptr) {
      ASSERT_TRUE(a) << c.name;
      // r20(1)(c): 2 months from the notice of 2 March.
      EXPECT_EQ(appeal_by(*a).date, make_date(2026, 5, 2)) << c.name;
    } else {
      ASSERT_FALSE(a) << c.name;
      EXPECT_EQ(a.error().first_field(), c.field) << c.name;
    }
  }
  auto in = input();
  in.mediation_certificate = make_date(2026, 4, 15);
  EXPECT_EQ(appeal_by(*open_appeal(in, kToday)).date, make_date(2026, 5, 15)) << "1 month from a later certificate";
}

TEST(Appeals, OrdersFollowAnUpheldOrConcededAppeal) {
  auto a = *open_appeal(input(), kToday);
  EXPECT_EQ(add_order(a, "o-1", OrderKind::amend_plan, make_date(2026, 9, 21), kToday).error().first_field(), "kind")
      << "no outcome yet";
  EXPECT_EQ(record_outcome(a, AppealOutcome::upheld, make_date(2026, 4, 1), kToday).error().first_field(),
            "outcome_on");
  auto dismissed = *record_outcome(a, AppealOutcome::dismissed, make_date(2026, 9, 21), kToday);
  EXPECT_FALSE(add_order(dismissed, "o-1", OrderKind::amend_plan, make_date(2026, 9, 21), kToday));
  auto upheld = *record_outcome(a, AppealOutcome::upheld, make_date(2026, 9, 21), kToday);
  EXPECT_EQ(record_outcome(upheld, AppealOutcome::dismissed, make_date(2026, 9, 22), kToday).error().first_field(),
            "outcome");
  auto ordered = add_order(upheld, "o-1", OrderKind::amend_plan, make_date(2026, 9, 21), kToday);
  ASSERT_TRUE(ordered);
  EXPECT_EQ(record_compliance(*ordered, "o-1", make_date(2026, 9, 20), kToday).error().first_field(), "complied_on");
  EXPECT_EQ(record_compliance(*ordered, "o-9", make_date(2026, 10, 1), kToday).error().first_field(), "order");
  auto done = record_compliance(*ordered, "o-1", make_date(2026, 10, 20), kToday);
  ASSERT_TRUE(done);
  EXPECT_EQ(order_status(done->orders[0], kToday, 7), StepStatus::done_on_time);

  auto in = input();
  in.decision = AppealedDecision::cease;
  auto cease = *record_outcome(*open_appeal(in, kToday), AppealOutcome::dismissed, make_date(2026, 9, 21), kToday);
  EXPECT_TRUE(add_order(cease, "o-2", OrderKind::cease_confirmed, make_date(2026, 9, 21), kToday))
      << "reg 44(2)(a): a dismissed appeal against ceasing means the plan ceases";
}

}  // namespace
}  // namespace tandem
