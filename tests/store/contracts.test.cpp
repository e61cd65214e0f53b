// Contracts read back as written on both engines, shares, services and names
// included; a stale version is refused; a provider's user sees only its own
// contracts; returns keep figures and missing figures apart, one a quarter;
// the area can be cleared for a demo rebuild.
#include "store/contracts.h"

#include <gtest/gtest.h>

#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

class Contracts : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("contracts");
    t_.db->write([&](store::Tx& tx) {
      store::upsert_area(tx, {"area", "Test area", "999"});
      store::insert_user(tx, {"u-p", "p@example.org", "Provider user", "x", false, 1});
      store::save_provider(tx, {"pv-1", "area", "Northern Therapies NHS Trust", ""});
      store::save_provider(tx, {"pv-2", "area", "Bright Futures Short Breaks", "org-9"});
    });
  }
  Contract make(const std::string& id, const std::string& provider, Date end) {
    ContractInput in;
    in.id = id;
    in.area_id = "area";
    in.provider_id = provider;
    in.reference = "REF-" + id;
    in.title = "Contract " + id;
    in.type = ContractType::block;
    in.stage = ProcurementStage::live;
    in.commissioners = {{Agency::icb, 6'000}, {Agency::council_education, 4'000}};
    in.value = Pence::from_pounds(900'000);
    in.start_on = make_date(2024, 4, 1);
    in.end_on = end;
    in.provision_names = {"Community speech and language therapy service"};
    return *make_contract(in);
  }
  testing::TestDatabase t_;
};

TEST_F(Contracts, ReadBackAndVersioned) {
  auto c = make("ct-1", "pv-1", make_date(2027, 3, 31));
  c.service_ids = {"svc-b", "svc-a"};
  t_.db->write([&](store::Tx& tx) {
    store::insert_contract(tx, c, 1);
    store::insert_contract(tx, make("ct-2", "pv-2", make_date(2026, 3, 31)), 1);
  });
  std::optional<store::StoredContract> back;
  t_.db->read([&](store::Tx& tx) { back = store::find_contract(tx, "area", "ct-1"); });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->version, 1);
  EXPECT_EQ(back->provider_name, "Northern Therapies NHS Trust");
  EXPECT_EQ(back->contract.commissioners, c.commissioners) << "lead first";
  EXPECT_EQ(back->contract.service_ids, (std::vector<std::string>{"svc-b", "svc-a"})) << "in the order given";
  EXPECT_EQ(back->contract.provision_names, c.provision_names);
  EXPECT_EQ(back->contract.value, Pence::from_pounds(900'000));
  EXPECT_EQ(back->contract.end_on, make_date(2027, 3, 31));

  auto moved =
      *move_stage(back->contract, ProcurementStage::review, make_date(2025, 9, 1), std::nullopt, make_date(2026, 1, 1));
  bool saved = false, stale = true;
  t_.db->write([&](store::Tx& tx) {
    saved = store::update_contract(tx, moved, 1, 2);
    stale = store::update_contract(tx, moved, 1, 3);
    store::insert_stage_change(tx, {"cs-1", "ct-1", "area", ProcurementStage::live, ProcurementStage::review,
                                    make_date(2025, 9, 1), "Board agreed", "u-1", 2});
  });
  EXPECT_TRUE(saved);
  EXPECT_FALSE(stale);
  std::vector<store::StoredContract> all;
  std::vector<store::StageChange> history;
  t_.db->read([&](store::Tx& tx) {
    all = store::contracts(tx, "area");
    history = store::stage_changes(tx, "area", "ct-1");
  });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].contract.id, "ct-2") << "ending soonest first";
  EXPECT_EQ(all[1].contract.stage, ProcurementStage::review);
  EXPECT_EQ(all[1].version, 2);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].note, "Board agreed");
}

TEST_F(Contracts, AProviderUserIsLinkedToItsOwnProvider) {
  t_.db->write([&](store::Tx& tx) {
    store::insert_contract(tx, make("ct-1", "pv-1", make_date(2027, 3, 31)), 1);
    store::insert_contract(tx, make("ct-2", "pv-2", make_date(2027, 3, 31)), 1);
    store::link_provider_user(tx, "area", "u-p", "pv-2");
  });
  std::optional<std::string> provider;
  std::vector<store::StoredContract> mine;
  t_.db->read([&](store::Tx& tx) {
    provider = store::provider_of_user(tx, "area", "u-p");
    mine = store::contracts(tx, "area", *provider);
    EXPECT_FALSE(store::provider_of_user(tx, "area", "u-other"));
  });
  EXPECT_EQ(provider, "pv-2");
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].contract.id, "ct-2");
}

TEST_F(Contracts, ReturnsKeepFiguresAndGapsOneAQuarter) {
  t_.db->write([&](store::Tx& tx) {
    store::insert_contract(tx, make("ct-1", "pv-1", make_date(2027, 3, 31)), 1);
    store::save_kpi(tx, "area", {"k-2", "ct-1", "Wait", "weeks", Direction::lower_is_better, 1'800, 2'600}, 1);
    store::save_kpi(tx, "area", {"k-1", "ct-1", "Seen in time", "%", Direction::higher_is_better, 9'200, 8'500}, 0);
  });
  QuarterlyReturn r;
  r.id = "rt-1";
  r.area_id = "area";
  r.contract_id = "ct-1";
  r.quarter = {2025, 2};
  r.actuals = {{"k-1", 9'350, ""}, {"k-2", std::nullopt, "Not yet counted"}};
  r.spend = Pence(7'500'000);
  r.children_served = 412;
  r.narrative = "Recruited two therapists";
  r.submitted_on = make_date(2025, 10, 20);
  r.submitted_by = "u-p";
  t_.db->write([&](store::Tx& tx) { store::insert_return(tx, r); });
  EXPECT_THROW(t_.db->write([&](store::Tx& tx) {
    auto again = r;
    again.id = "rt-2";
    store::insert_return(tx, again);
  }),
               store::ConflictError)
      << "one return a quarter";
  std::vector<QuarterlyReturn> back;
  std::vector<Kpi> kpis;
  t_.db->read([&](store::Tx& tx) {
    back = store::returns_of(tx, "area", "ct-1");
    kpis = store::kpis_of(tx, "area", "ct-1");
    EXPECT_TRUE(store::return_exists(tx, "ct-1", {2025, 2}));
    EXPECT_FALSE(store::return_exists(tx, "ct-1", {2025, 3}));
  });
  ASSERT_EQ(kpis.size(), 2u);
  EXPECT_EQ(kpis[0].id, "k-1") << "by position";
  EXPECT_EQ(kpis[1].direction, Direction::lower_is_better);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].quarter, (Quarter{2025, 2}));
  EXPECT_EQ(back[0].spend, Pence(7'500'000));
  EXPECT_EQ(back[0].children_served, 412);
  ASSERT_EQ(back[0].actuals.size(), 2u);
  EXPECT_EQ(back[0].actuals[0].actual, 9'350);
  EXPECT_EQ(back[0].actuals[1].actual, std::nullopt);
  EXPECT_EQ(back[0].actuals[1].note, "Not yet counted");

  t_.db->write([&](store::Tx& tx) { store::delete_contracts(tx, "area"); });
  t_.db->read([&](store::Tx& tx) { EXPECT_TRUE(store::contracts(tx, "area").empty()); });
}

}  // namespace
}  // namespace tandem
