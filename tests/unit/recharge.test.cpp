// Recharges between councils as tables of cases: what a recharge needs, and
// what is owed each way with totals by council.
#include "core/recharge.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

const Date today = make_date(2026, 2, 1);

RechargeInput good() {
  return {"r-1",
          "area",
          RechargeDirection::owed_to_us,
          "Lancashire County Council",
          "c-1",
          "",
          "Brook Special School",
          make_date(2025, 9, 1),
          make_date(2025, 12, 31),
          Pence::from_pounds(6'400),
          "TV-RC-0001",
          make_date(2026, 1, 10),
          make_date(2026, 1, 30),
          "",
          std::nullopt,
          ""};
}

// A child not on our register, recorded by name with a date of birth.
RechargeInput by_name() {
  auto in = good();
  in.child_id.clear();
  in.child_name = "Ava Reid";
  in.date_of_birth = make_date(2014, 3, 9);
  return in;
}

TEST(MakeRecharge, EveryWrongFieldIsNamed) {
  struct Case {
    const char* name;
    void (*change)(RechargeInput&);
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"good", [](RechargeInput&) {}, {}},
      {"not invoiced yet",
       [](RechargeInput& r) {
         r.invoice_reference.clear();
         r.invoiced_on.reset();
         r.paid_on.reset();
       },
       {}},
      {"no direction", [](RechargeInput& r) { r.direction.reset(); }, {"direction"}},
      {"no council", [](RechargeInput& r) { r.other_council = " "; }, {"other_council"}},
      {"no child", [](RechargeInput& r) { r.child_id.clear(); }, {"child_id"}},
      {"a child not on our register, by name",
       [](RechargeInput& r) {
         r.child_id.clear();
         r.child_name = "Ava Reid";
         r.date_of_birth = make_date(2014, 3, 9);
       },
       {}},
      {"both reference and name", [](RechargeInput& r) { r.child_name = "Ava Reid"; }, {"child_name"}},
      {"no setting", [](RechargeInput& r) { r.setting_name.clear(); }, {"setting_name"}},
      {"period ends before it starts", [](RechargeInput& r) { r.period_end = make_date(2025, 8, 31); }, {"period_end"}},
      {"one-day period", [](RechargeInput& r) { r.period_end = r.period_start; }, {}},
      {"nothing charged", [](RechargeInput& r) { r.amount = Pence(0); }, {"amount"}},
      {"reference without a date",
       [](RechargeInput& r) {
         r.invoiced_on.reset();
         r.paid_on.reset();
       },
       {"invoiced_on"}},
      {"invoice dated in the future",
       [](RechargeInput& r) { r.invoiced_on = make_date(2026, 2, 2); },
       {"invoiced_on", "paid_on"}},
      {"paid before invoiced", [](RechargeInput& r) { r.paid_on = make_date(2026, 1, 9); }, {"paid_on"}},
      {"paid with no invoice",
       [](RechargeInput& r) {
         r.invoice_reference.clear();
         r.invoiced_on.reset();
       },
       {"paid_on"}},
      {"paid in the future", [](RechargeInput& r) { r.paid_on = make_date(2026, 2, 2); }, {"paid_on"}},
      // The status agrees with the invoice and paid dates.
      {"paid, said so", [](RechargeInput& r) { r.status = "paid"; }, {}},
      {"a made-up status", [](RechargeInput& r) { r.status = "settled"; }, {"status"}},
      {"paid date but invoiced", [](RechargeInput& r) { r.status = "invoiced"; }, {"status"}},
      {"paid with no paid date",
       [](RechargeInput& r) {
         r.status = "paid";
         r.paid_on.reset();
       },
       {"paid_on"}},
      {"disputed invoice",
       [](RechargeInput& r) {
         r.status = "disputed";
         r.paid_on.reset();
       },
       {}},
      {"disputed with no invoice",
       [](RechargeInput& r) {
         r.status = "disputed";
         r.paid_on.reset();
         r.invoiced_on.reset();
         r.invoice_reference.clear();
       },
       {"invoice_reference"}},
      {"not invoiced, with an invoice",
       [](RechargeInput& r) {
         r.status = "not_invoiced";
         r.paid_on.reset();
       },
       {"status"}},
      {"cancelled after paying", [](RechargeInput& r) { r.status = "cancelled"; }, {"status"}},
      {"cancelled before paying",
       [](RechargeInput& r) {
         r.status = "cancelled";
         r.paid_on.reset();
       },
       {}},
  };
  for (const auto& c : cases) {
    auto in = good();
    c.change(in);
    auto r = make_recharge(in, today);
    std::vector<std::string> fields;
    if (!r) {
      for (const auto& f : r.error().fields) fields.push_back(f.field);
    }
    EXPECT_EQ(fields, c.fields) << c.name;
  }
}

// A child recorded by name only is matched by the other council on name and
// date of birth. The period starts on 1 September 2025; a plan runs at most to
// the end of the academic year in which the young person turns 25 (Children
// and Families Act 2014 s46; core/rights.h), so the child is under 26 then.
TEST(MakeRecharge, AChildByNameHasADateOfBirthUnder26WhenThePeriodStarts) {
  struct Case {
    const char* name;
    void (*change)(RechargeInput&);
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"by name with a date of birth", [](RechargeInput&) {}, {}},
      {"by name without one", [](RechargeInput& r) { r.date_of_birth.reset(); }, {"date_of_birth"}},
      {"born on the period's last day", [](RechargeInput& r) { r.date_of_birth = make_date(2025, 12, 31); }, {}},
      {"born after the period", [](RechargeInput& r) { r.date_of_birth = today; }, {"date_of_birth"}},
      {"born tomorrow", [](RechargeInput& r) { r.date_of_birth = today + std::chrono::days(1); }, {"date_of_birth"}},
      {"25, the day before turning 26", [](RechargeInput& r) { r.date_of_birth = make_date(1999, 9, 2); }, {}},
      {"26 on the period's first day",
       [](RechargeInput& r) { r.date_of_birth = make_date(1999, 9, 1); },
       {"date_of_birth"}},
      {"40", [](RechargeInput& r) { r.date_of_birth = make_date(1985, 5, 1); }, {"date_of_birth"}},
      {"a child on our register: the record holds it",
       [](RechargeInput& r) {
         r.child_name.clear();
         r.child_id = "c-1";
       },
       {"date_of_birth"}},
      {"the other council's reference", [](RechargeInput& r) { r.other_council_reference = "LCC-EHC-20417"; }, {}},
      {"their reference at the limit", [](RechargeInput& r) { r.other_council_reference = std::string(50, 'x'); }, {}},
      {"their reference too long",
       [](RechargeInput& r) { r.other_council_reference = std::string(51, 'x'); },
       {"other_council_reference"}},
  };
  for (const auto& c : cases) {
    auto in = by_name();
    c.change(in);
    auto r = make_recharge(in, today);
    std::vector<std::string> fields;
    if (!r) {
      for (const auto& f : r.error().fields) fields.push_back(f.field);
    }
    EXPECT_EQ(fields, c.fields) << c.name;
  }
}

TEST(MakeRecharge, KeepsTheDateOfBirthAndTheirReferenceOnlyWhereTheyBelong) {
  auto named = by_name();
  named.other_council_reference = "LCC-EHC-20417";
  const auto r = make_recharge(named, today);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->child_id, "");
  EXPECT_EQ(r->child_name, "Ava Reid");
  EXPECT_EQ(r->date_of_birth, make_date(2014, 3, 9));
  EXPECT_EQ(r->other_council_reference, "LCC-EHC-20417");
  // A registered child's reference from the other council is kept too; their
  // date of birth is the register's.
  auto registered = good();
  registered.other_council_reference = "LCC-EHC-1";
  const auto g = make_recharge(registered, today);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->date_of_birth, std::nullopt);
  EXPECT_EQ(g->other_council_reference, "LCC-EHC-1");
}

TEST(MakeRecharge, WithNoStatusGivenTheDatesSayIt) {
  struct Case {
    const char* name;
    void (*change)(RechargeInput&);
    RechargeStatus status;
  };
  const Case cases[] = {
      {"paid", [](RechargeInput&) {}, RechargeStatus::paid},
      {"invoiced", [](RechargeInput& r) { r.paid_on.reset(); }, RechargeStatus::invoiced},
      {"not invoiced",
       [](RechargeInput& r) {
         r.paid_on.reset();
         r.invoiced_on.reset();
         r.invoice_reference.clear();
       },
       RechargeStatus::not_invoiced},
  };
  for (const auto& c : cases) {
    auto in = good();
    c.change(in);
    auto r = make_recharge(in, today);
    ASSERT_TRUE(r) << c.name;
    EXPECT_EQ(r->status, c.status) << c.name;
  }
}

TEST(RechargesByCouncil, OwedEachWayWithTotals) {
  const auto r = [](RechargeDirection d, const char* council, std::int64_t pounds, bool paid) {
    auto in = good();
    in.direction = d;
    in.other_council = council;
    in.amount = Pence::from_pounds(pounds);
    if (!paid) in.paid_on.reset();
    return *make_recharge(in, today);
  };
  using enum RechargeDirection;
  Recharge cancelled = r(owed_to_us, "Cumbria", 9'999, false);
  cancelled.status = RechargeStatus::cancelled;
  const Recharge all[] = {r(owed_to_us, "Lancashire", 6'000, true), r(owed_to_us, "Lancashire", 4'000, false),
                          r(owed_by_us, "Lancashire", 3'000, true), r(owed_by_us, "Cumbria", 2'500, false),
                          r(owed_by_us, "Cumbria", 1'500, true),    cancelled};
  const auto rows = recharges_by_council(all);
  struct Case {
    const char* council;
    std::int64_t to_us, received, by_us, paid, net;
  };
  const Case cases[] = {
      {"Cumbria", 0, 0, 4'000, 1'500, -4'000},
      {"Lancashire", 10'000, 6'000, 3'000, 3'000, 7'000},
      {"", 10'000, 6'000, 7'000, 4'500, 3'000},  // the area's totals
  };
  ASSERT_EQ(rows.size(), std::size(cases));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& c = cases[i];
    EXPECT_EQ(rows[i].other_council, c.council);
    EXPECT_EQ(rows[i].owed_to_us, Pence::from_pounds(c.to_us)) << c.council;
    EXPECT_EQ(rows[i].received, Pence::from_pounds(c.received)) << c.council;
    EXPECT_EQ(rows[i].owed_by_us, Pence::from_pounds(c.by_us)) << c.council;
    EXPECT_EQ(rows[i].paid, Pence::from_pounds(c.paid)) << c.council;
    EXPECT_EQ(rows[i].net(), Pence::from_pounds(c.net)) << c.council;
    EXPECT_EQ(rows[i].outstanding_to_us(), Pence::from_pounds(c.to_us - c.received)) << c.council;
    EXPECT_EQ(rows[i].outstanding_by_us(), Pence::from_pounds(c.by_us - c.paid)) << c.council;
  }
}

// Reg 15: the old council keeps the plan, and so pays, until it is transferred.
TEST(ProposeRecharge, FromTheMoveToTheDayBeforeTheTransfer) {
  const Date moved = make_date(2025, 10, 1);
  const auto move = [&](bool in, std::optional<Date> transferred, const char* setting, std::int64_t annual) {
    return CrossBorderMove{"c-1", in, "Lancashire", moved, transferred, setting, Pence::from_pounds(annual)};
  };
  struct Case {
    const char* name;
    CrossBorderMove move;
    bool proposed;
    RechargeDirection direction;
    Date end;
    std::int64_t pounds;
  };
  const Case cases[] = {
      {"moved in, transferred 31 days later", move(true, make_date(2025, 11, 1), "Brook", 3'650), true,
       RechargeDirection::owed_to_us, make_date(2025, 10, 31), 310},
      {"moved out, not transferred yet: to today", move(false, std::nullopt, "Oak School", 3'650), true,
       RechargeDirection::owed_by_us, today, 1'240},
      {"transferred the day of the move", move(true, moved, "Brook", 3'650), false, {}, {}, 0},
      {"no setting recorded", move(true, std::nullopt, "", 3'650), false, {}, {}, 0},
      {"no top-up in the plan", move(true, std::nullopt, "Brook", 0), false, {}, {}, 0},
  };
  for (const auto& c : cases) {
    const auto p = propose_recharge(c.move, today);
    ASSERT_EQ(p.has_value(), c.proposed) << c.name;
    if (!p) continue;
    EXPECT_EQ(*p->direction, c.direction) << c.name;
    EXPECT_EQ(*p->period_start, moved) << c.name;
    EXPECT_EQ(*p->period_end, c.end) << c.name;
    EXPECT_EQ(*p->amount, Pence::from_pounds(c.pounds)) << c.name;
    EXPECT_EQ(p->other_council, "Lancashire");
    EXPECT_EQ(p->setting_name, c.move.setting_name);
    EXPECT_TRUE(p->invoice_reference.empty());
  }
}

}  // namespace
}  // namespace tandem
