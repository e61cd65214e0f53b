// Pooled budgets read back as written on both engines, contributions host
// first and contracts in order; only the area's own; cleared for a demo
// rebuild before the contracts they pay for.
#include "store/pooled_budgets.h"

#include <gtest/gtest.h>

#include "store/contracts.h"
#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

class PooledBudgets : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("pooled_budgets");
    t_.db->write([&](store::Tx& tx) {
      store::upsert_area(tx, {"area", "Test area", "999"});
      store::upsert_area(tx, {"other", "Other area", "998"});
      store::save_provider(tx, {"pv-1", "area", "Northern Therapies NHS Trust", ""});
      for (const char* id : {"ct-1", "ct-2"}) {
        ContractInput in;
        in.id = id;
        in.area_id = "area";
        in.provider_id = "pv-1";
        in.title = std::string("Contract ") + id;
        in.type = ContractType::section_75;
        in.stage = ProcurementStage::live;
        in.commissioners = {{Agency::icb, 10'000}};
        in.value = Pence::from_pounds(500'000);
        in.start_on = make_date(2024, 4, 1);
        in.end_on = make_date(2027, 3, 31);
        store::insert_contract(tx, *make_contract(in), 1);
      }
    });
  }
  testing::TestDatabase t_;
};

TEST_F(PooledBudgets, ReadBackAndCleared) {
  const auto pool = *make_pooled_budget(
      {"pool-1",
       "area",
       "Joint therapies pooled budget",
       "S75-01",
       Agency::icb,
       make_date(2025, 4, 1),
       make_date(2026, 3, 31),
       {{Agency::council_education, Pence::from_pounds(100'000)}, {Agency::icb, Pence(30'000'000'12)}},
       {"ct-2", "ct-1"}});
  t_.db->write([&](store::Tx& tx) { store::insert_pool(tx, pool, "u-1", 5); });
  std::optional<PooledBudget> back;
  t_.db->read([&](store::Tx& tx) {
    back = store::find_pool(tx, "area", "pool-1");
    EXPECT_FALSE(store::find_pool(tx, "other", "pool-1"));
    EXPECT_EQ(store::pools(tx, "area").size(), 1u);
    EXPECT_TRUE(store::pools(tx, "other").empty());
  });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->name, "Joint therapies pooled budget");
  EXPECT_EQ(back->agreement, "S75-01");
  EXPECT_EQ(back->host, Agency::icb);
  EXPECT_EQ(back->start_on, make_date(2025, 4, 1));
  EXPECT_EQ(back->end_on, make_date(2026, 3, 31));
  EXPECT_EQ(back->contributions, pool.contributions) << "host first, pence exact";
  EXPECT_EQ(back->contract_ids, (std::vector<std::string>{"ct-2", "ct-1"}));

  t_.db->write([&](store::Tx& tx) {
    store::delete_pools(tx, "area");
    store::delete_contracts(tx, "area");
  });
  t_.db->read([&](store::Tx& tx) { EXPECT_TRUE(store::pools(tx, "area").empty()); });
}

}  // namespace
}  // namespace tandem
