// Money actually spent, on both engines: invoices, pools and appraisals
// changed only from their current version; the top-ups due read from final
// plans and the placements overlapping a term; top-up payments by term; and
// recharges between councils written, changed from their version, read with
// the child's name and date of birth (a child not on the register keeps the
// one recorded for them) and proposed from the area's moves.
#include <gtest/gtest.h>

#include "store/area_moves.h"
#include "store/children.h"
#include "store/contract_invoices.h"
#include "store/contracts.h"
#include "store/decommissioning.h"
#include "store/people.h"
#include "store/plans.h"
#include "store/pooled_budgets.h"
#include "store/recharges.h"
#include "store/top_ups.h"
#include "test_database.h"

namespace tandem {
namespace {

Child child(const std::string& id, const std::string& family) {
  Child c;
  c.id = id;
  c.area_id = "area";
  c.given_name = "Test";
  c.family_name = family;
  c.date_of_birth = make_date(2015, 1, 1);
  c.sex = "F";
  c.primary_need = "SLCN";
  c.plan_status = PlanStatus::ehc_plan;
  return c;
}

Plan plan(const std::string& id, const std::string& child_id, PlanStage stage) {
  Plan p;
  p.id = id;
  p.child_id = child_id;
  p.stage = stage;
  p.needs.primary_need = "SLCN";
  return p;
}

class MoneySpent : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("money_spent");
    t_.db->write([&](store::Tx& tx) {
      store::upsert_area(tx, {"area", "Test area", "999"});
      store::save_provider(tx, {"pv-1", "area", "Northern Therapies NHS Trust", ""});
      ContractInput in;
      in.id = "ct-1";
      in.area_id = "area";
      in.provider_id = "pv-1";
      in.title = "Community speech and language therapy";
      in.type = ContractType::block;
      in.stage = ProcurementStage::live;
      in.commissioners = {{Agency::icb, 10'000}};
      in.value = Pence::from_pounds(900'000);
      in.start_on = make_date(2024, 4, 1);
      in.end_on = make_date(2027, 3, 31);
      store::insert_contract(tx, *make_contract(in), 1);
    });
  }
  testing::TestDatabase t_;
};

TEST_F(MoneySpent, InvoicesPoolsAndAppraisalsChangeOnlyFromTheirCurrentVersion) {
  Invoice inv{"inv-1", "area", "ct-1", "INV-1", make_date(2025, 6, 30), Pence::from_pounds(100), std::nullopt, 1};
  PooledBudget pool{"pool-1",
                    "area",
                    "Joint pool",
                    "S75",
                    Agency::icb,
                    make_date(2025, 4, 1),
                    make_date(2026, 3, 31),
                    {{Agency::icb, Pence::from_pounds(1'000)}},
                    {"ct-1"},
                    1};
  Appraisal a;
  a.id = "dc-1";
  a.area_id = "area";
  a.subject_id = "ct-1";
  a.needs_and_demand = a.quality_and_performance = a.cost = a.contract_terms = a.stakeholders = a.exit_plan = "Text";
  t_.db->write([&](store::Tx& tx) {
    store::insert_invoice(tx, inv, "u", 1);
    store::insert_pool(tx, pool, "u", 1);
    store::insert_appraisal(tx, a, "u", 1);
  });
  inv.amount = Pence::from_pounds(120);
  inv.paid_on = make_date(2025, 7, 1);
  pool.name = "Renamed pool";
  pool.contributions.push_back({Agency::council_education, Pence::from_pounds(500)});
  pool.contract_ids.clear();
  a.cost = "Cheaper";
  bool stale = true, fresh = false, again = true, pool_fresh = false, pool_stale = true, a_fresh = false,
       a_stale = true;
  t_.db->write([&](store::Tx& tx) {
    stale = store::update_invoice(tx, inv, 2);
    fresh = store::update_invoice(tx, inv, 1);
    again = store::update_invoice(tx, inv, 1);
    pool_fresh = store::update_pool(tx, pool, 1);
    pool_stale = store::update_pool(tx, pool, 1);
    a_fresh = store::update_appraisal(tx, a, 1);
    a_stale = store::update_appraisal(tx, a, 1);
  });
  EXPECT_FALSE(stale);
  EXPECT_TRUE(fresh);
  EXPECT_FALSE(again) << "the version moved on";
  EXPECT_TRUE(pool_fresh);
  EXPECT_FALSE(pool_stale);
  EXPECT_TRUE(a_fresh);
  EXPECT_FALSE(a_stale);
  t_.db->read([&](store::Tx& tx) {
    const auto i = store::find_invoice(tx, "area", "inv-1");
    EXPECT_EQ(i->amount, Pence::from_pounds(120));
    EXPECT_EQ(i->paid_on, make_date(2025, 7, 1));
    EXPECT_EQ(i->version, 2);
    const auto p = store::find_pool(tx, "area", "pool-1");
    EXPECT_EQ(p->name, "Renamed pool");
    EXPECT_EQ(p->contributions.size(), 2u);
    EXPECT_TRUE(p->contract_ids.empty());
    EXPECT_EQ(p->version, 2);
    const auto back = store::find_appraisal(tx, "area", "dc-1");
    EXPECT_EQ(back->cost, "Cheaper");
    EXPECT_EQ(back->version, 2);
  });
}

TEST_F(MoneySpent, TopUpChildrenAndPaymentsByTerm) {
  t_.db->write([&](store::Tx& tx) {
    store::insert_child(tx, child("c-1", "Ahmed"), 1);
    store::insert_child(tx, child("c-2", "Baker"), 1);
    store::insert_child(tx, child("c-3", "Cole"), 1);
    store::insert_placement(tx, "area", "c-1",
                            {"pl-1", "Hillside", SettingType::mainstream, make_date(2024, 9, 1), std::nullopt, "", ""});
    store::insert_placement(
        tx, "area", "c-1",
        {"pl-0", "Old School", SettingType::mainstream, make_date(2020, 9, 1), make_date(2024, 8, 31), "", ""});
    store::insert_placement(tx, "area", "c-2",
                            {"pl-2", "Brook", SettingType::special, make_date(2025, 10, 1), std::nullopt, "", ""});
    store::insert_placement(tx, "area", "c-3",
                            {"pl-3", "Hillside", SettingType::mainstream, make_date(2024, 9, 1), std::nullopt, "", ""});
    store::save_plan(tx, "area", plan("p-1", "c-1", PlanStage::final), 0,
                     {{"high_needs_top_up", Pence::from_pounds(3'650)}}, "u", 5);
    store::save_plan(tx, "area", plan("p-2", "c-2", PlanStage::final), 0,
                     {{"high_needs_top_up", Pence::from_pounds(7'300)}}, "u", 5);
    // A draft's top-up is not paid.
    store::save_plan(tx, "area", plan("p-3", "c-3", PlanStage::draft), 0,
                     {{"high_needs_top_up", Pence::from_pounds(1'000)}}, "u", 5);
    store::set_plan_review_dates(tx, "area", "p-2", make_date(2025, 9, 20), std::nullopt);
    store::insert_top_up_payment(
        tx, {"t-1", "area", "2025-autumn", "Hillside", Pence::from_pounds(1'220), make_date(2025, 10, 1), "B-1", 1},
        "u", 1);
    store::insert_top_up_payment(
        tx, {"t-2", "area", "2025-summer", "Hillside", Pence::from_pounds(1'530), make_date(2025, 5, 1), "B-0", 1}, "u",
        1);
  });
  std::vector<TopUpChild> children;
  std::vector<TopUpPayment> autumn;
  t_.db->read([&](store::Tx& tx) {
    children = store::top_up_children(tx, "area", make_date(2025, 9, 1), make_date(2025, 12, 31));
    autumn = store::top_up_payments(tx, "area", "2025-autumn");
    EXPECT_EQ(store::area_top_up_payments(tx, "area").size(), 2u);
  });
  ASSERT_EQ(children.size(), 2u) << "final plans only";
  EXPECT_EQ(children[0].child_name, "Test Ahmed");
  EXPECT_EQ(children[0].annual_top_up, Pence::from_pounds(3'650));
  ASSERT_EQ(children[0].placements.size(), 1u) << "only placements overlapping the term";
  EXPECT_EQ(children[0].placements[0].setting_name, "Hillside");
  EXPECT_EQ(children[1].plan_from, make_date(2025, 9, 20));
  EXPECT_EQ(children[1].placements[0].setting_type, SettingType::special);
  ASSERT_EQ(autumn.size(), 1u);
  EXPECT_EQ(autumn[0].reference, "B-1");
  EXPECT_EQ(autumn[0].version, 1);

  // A payment is corrected from its version; the term and setting stay.
  TopUpPayment corrected = autumn[0];
  corrected.amount = Pence::from_pounds(1'200);
  corrected.reference = "B-1A";
  corrected.term_id = "2026-spring";
  bool fresh = false, stale = true;
  t_.db->write([&](store::Tx& tx) {
    fresh = store::update_top_up_payment(tx, corrected, 1);
    stale = store::update_top_up_payment(tx, corrected, 1);
  });
  EXPECT_TRUE(fresh);
  EXPECT_FALSE(stale);
  t_.db->read([&](store::Tx& tx) {
    const auto back = store::find_top_up_payment(tx, "area", "t-1");
    ASSERT_TRUE(back);
    EXPECT_EQ(back->amount, Pence::from_pounds(1'200));
    EXPECT_EQ(back->reference, "B-1A");
    EXPECT_EQ(back->term_id, "2025-autumn");
    EXPECT_EQ(back->version, 2);
    EXPECT_FALSE(store::find_top_up_payment(tx, "other", "t-1"));
  });
  t_.db->write([&](store::Tx& tx) { store::delete_top_up_payments(tx, "area"); });
  t_.db->read([&](store::Tx& tx) { EXPECT_TRUE(store::area_top_up_payments(tx, "area").empty()); });
}

TEST_F(MoneySpent, RechargesWrittenChangedFromTheirVersionAndProposedFromMoves) {
  AreaMove in;
  in.id = "m-1";
  in.area_id = "area";
  in.child_id = "c-1";
  in.direction = MoveDirection::into_area;
  in.other_authority = "Lancashire County Council";
  in.moved_on = make_date(2025, 10, 1);
  in.transferred_on = make_date(2025, 11, 1);
  in.recorded_by = "u";
  in.version = 1;
  t_.db->write([&](store::Tx& tx) {
    store::insert_child(tx, child("c-1", "Ahmed"), 1);
    store::insert_placement(
        tx, "area", "c-1",
        {"pl-0", "Lancs School", SettingType::mainstream, make_date(2020, 9, 1), make_date(2025, 9, 30), "", ""});
    store::insert_placement(
        tx, "area", "c-1", {"pl-1", "Hillside", SettingType::mainstream, make_date(2025, 10, 1), std::nullopt, "", ""});
    store::save_plan(tx, "area", plan("p-1", "c-1", PlanStage::final), 0,
                     {{"high_needs_top_up", Pence::from_pounds(3'650)}}, "u", 5);
    store::insert_move(tx, in);
  });
  std::vector<store::RechargeMove> moves;
  t_.db->read([&](store::Tx& tx) {
    moves = store::recharge_moves(tx, "area");
    EXPECT_EQ(store::child_name(tx, "area", "c-1"), "Test Ahmed");
    EXPECT_FALSE(store::child_name(tx, "other", "c-1"));
  });
  ASSERT_EQ(moves.size(), 1u);
  EXPECT_EQ(moves[0].setting_name, "Hillside") << "the placement current on the day of the move";
  EXPECT_EQ(moves[0].annual_top_up, Pence::from_pounds(3'650));
  EXPECT_EQ(moves[0].transferred_on, make_date(2025, 11, 1));

  Recharge r;
  r.id = "rc-1";
  r.area_id = "area";
  r.direction = RechargeDirection::owed_to_us;
  r.other_council = "Lancashire County Council";
  r.child_id = "c-1";
  r.setting_name = "Hillside";
  r.period_start = make_date(2025, 10, 1);
  r.period_end = make_date(2025, 10, 31);
  r.amount = Pence::from_pounds(310);
  t_.db->write([&](store::Tx& tx) { store::insert_recharge(tx, r, "u", 1); });
  r.invoice_reference = "RC-001";
  r.invoiced_on = make_date(2025, 11, 14);
  r.paid_on = make_date(2025, 12, 14);
  bool fresh = false, stale = true;
  t_.db->write([&](store::Tx& tx) {
    fresh = store::update_recharge(tx, r, 1);
    stale = store::update_recharge(tx, r, 1);
  });
  EXPECT_TRUE(fresh);
  EXPECT_FALSE(stale);
  t_.db->read([&](store::Tx& tx) {
    const auto back = store::find_recharge(tx, "area", "rc-1");
    ASSERT_TRUE(back);
    EXPECT_EQ(back->child_name, "Test Ahmed");
    EXPECT_EQ(back->recharge.invoice_reference, "RC-001");
    EXPECT_EQ(back->recharge.paid_on, make_date(2025, 12, 14));
    EXPECT_EQ(back->recharge.amount, Pence::from_pounds(310));
    EXPECT_EQ(back->recharge.version, 2);
    EXPECT_FALSE(store::find_recharge(tx, "other", "rc-1"));
    EXPECT_EQ(store::recharges(tx, "area").size(), 1u);
  });
  // Another council's child placed here, not on our register: named on the
  // recharge, with its own status.
  Recharge named = r;
  named.id = "rc-2";
  named.child_id.clear();
  named.child_name = "Ava Reid";
  named.paid_on.reset();
  named.status = RechargeStatus::disputed;
  t_.db->write([&](store::Tx& tx) { store::insert_recharge(tx, named, "u", 1); });
  t_.db->read([&](store::Tx& tx) {
    const auto back = store::find_recharge(tx, "area", "rc-2");
    ASSERT_TRUE(back);
    EXPECT_EQ(back->child_name, "Ava Reid");
    EXPECT_EQ(back->recharge.child_id, "");
    EXPECT_EQ(back->recharge.status, RechargeStatus::disputed);
    EXPECT_EQ(store::recharges(tx, "area").size(), 2u);
  });
  t_.db->write([&](store::Tx& tx) { store::delete_recharges(tx, "area"); });
  t_.db->read([&](store::Tx& tx) { EXPECT_TRUE(store::recharges(tx, "area").empty()); });
}

// A child recorded by name only keeps the date of birth and the other
// council's reference given for them, through a correction from the version
// read; a registered child's date of birth is read from the register.
TEST_F(MoneySpent, ARechargeKeepsTheChildsDateOfBirthAndTheirReference) {
  t_.db->write([&](store::Tx& tx) { store::insert_child(tx, child("c-1", "Ahmed"), 1); });
  const Date today = make_date(2026, 2, 1);
  RechargeInput in;
  in.id = "rc-named";
  in.area_id = "area";
  in.direction = RechargeDirection::owed_to_us;
  in.other_council = "Lancashire County Council";
  in.child_name = "Ava Reid";
  in.date_of_birth = make_date(2014, 3, 9);
  in.other_council_reference = "LCC-EHC-20417";
  in.setting_name = "Hillside";
  in.period_start = make_date(2025, 9, 1);
  in.period_end = make_date(2025, 12, 19);
  in.amount = Pence::from_pounds(4'200);
  auto named = make_recharge(in, today);
  ASSERT_TRUE(named);
  RechargeInput ours = in;
  ours.id = "rc-ours";
  ours.child_name.clear();
  ours.date_of_birth.reset();
  ours.child_id = "c-1";
  ours.other_council_reference.clear();
  auto registered = make_recharge(ours, today);
  ASSERT_TRUE(registered);
  t_.db->write([&](store::Tx& tx) {
    store::insert_recharge(tx, *named, "u", 1);
    store::insert_recharge(tx, *registered, "u", 1);
  });
  t_.db->read([&](store::Tx& tx) {
    const auto back = store::find_recharge(tx, "area", "rc-named");
    ASSERT_TRUE(back);
    EXPECT_EQ(back->recharge.date_of_birth, make_date(2014, 3, 9));
    EXPECT_EQ(back->date_of_birth, make_date(2014, 3, 9));
    EXPECT_EQ(back->recharge.other_council_reference, "LCC-EHC-20417");
    const auto mine = store::find_recharge(tx, "area", "rc-ours");
    ASSERT_TRUE(mine);
    EXPECT_EQ(mine->recharge.date_of_birth, std::nullopt) << "not copied from the register";
    EXPECT_EQ(mine->date_of_birth, make_date(2015, 1, 1)) << "the register's";
    EXPECT_EQ(mine->recharge.other_council_reference, "");
  });

  // Corrected from version 1: the date of birth and their reference change;
  // the same correction again is stale and changes nothing.
  Recharge corrected = *named;
  corrected.date_of_birth = make_date(2014, 3, 19);
  corrected.other_council_reference = "LCC-EHC-20471";
  bool fresh = false, stale = true;
  t_.db->write([&](store::Tx& tx) {
    fresh = store::update_recharge(tx, corrected, 1);
    Recharge again = corrected;
    again.date_of_birth = make_date(2000, 1, 1);
    again.other_council_reference = "";
    stale = store::update_recharge(tx, again, 1);
  });
  EXPECT_TRUE(fresh);
  EXPECT_FALSE(stale);
  t_.db->read([&](store::Tx& tx) {
    const auto back = store::find_recharge(tx, "area", "rc-named");
    ASSERT_TRUE(back);
    EXPECT_EQ(back->recharge.date_of_birth, make_date(2014, 3, 19));
    EXPECT_EQ(back->recharge.other_council_reference, "LCC-EHC-20471");
    EXPECT_EQ(back->recharge.version, 2);
  });

  // Moved onto the register's child by a correction: the recorded date of
  // birth goes (make_recharge keeps none), the register's is read.
  in.child_name.clear();
  in.date_of_birth.reset();
  in.child_id = "c-1";
  auto moved = make_recharge(in, today);
  ASSERT_TRUE(moved);
  t_.db->write([&](store::Tx& tx) { EXPECT_TRUE(store::update_recharge(tx, *moved, 2)); });
  t_.db->read([&](store::Tx& tx) {
    const auto back = store::find_recharge(tx, "area", "rc-named");
    ASSERT_TRUE(back);
    EXPECT_EQ(back->child_name, "Test Ahmed");
    EXPECT_EQ(back->recharge.date_of_birth, std::nullopt);
    EXPECT_EQ(back->date_of_birth, make_date(2015, 1, 1));
    EXPECT_EQ(back->recharge.other_council_reference, "LCC-EHC-20417");
  });
}

}  // namespace
}  // namespace tandem
