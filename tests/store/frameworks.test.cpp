// Frameworks read back as written on both engines, tiers in order and members
// by tier, with their term or without one; suspensions keep their lifting; the area can be cleared; a
// contract keeps the framework and tier it is picked from, or none.
#include "store/frameworks.h"

#include <gtest/gtest.h>

#include "store/contracts.h"
#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

TEST(Frameworks, ReadBackWithSuspensions) {
  auto t = testing::open_test_database("frameworks");
  const Framework f{"fw-1",
                    "area",
                    "Short breaks framework",
                    "LA-SBF",
                    {"Universal", "Targeted", "Specialist"},
                    {{"pv-2", 2}, {"pv-1", 1}},
                    make_date(2024, 4, 1),
                    make_date(2028, 3, 31)};
  Framework untermed = f;
  untermed.id = "fw-0";
  untermed.members.clear();
  untermed.starts_on.reset();
  untermed.ends_on.reset();
  t.db->write([&](store::Tx& tx) {
    store::upsert_area(tx, {"area", "Test area", "999"});
    store::save_provider(tx, {"pv-1", "area", "Bright Horizons", ""});
    store::save_provider(tx, {"pv-2", "area", "Oakfield", ""});
    store::save_framework(tx, f, 1);
    store::save_framework(tx, untermed, 1);
    store::insert_suspension(tx, "area", "su-1", {"fw-1", "", "pv-1", make_date(2026, 1, 10), "Quality", std::nullopt},
                             "u", 2);
  });
  std::optional<Framework> back;
  std::vector<store::StoredSuspension> held;
  t.db->read([&](store::Tx& tx) {
    back = store::find_framework(tx, "area", "fw-1");
    held = store::suspensions(tx, "area");
  });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->tiers, f.tiers);
  EXPECT_EQ(back->starts_on, make_date(2024, 4, 1));
  EXPECT_EQ(back->ends_on, make_date(2028, 3, 31));
  t.db->read([&](store::Tx& tx) {
    const auto none = store::find_framework(tx, "area", "fw-0");
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->starts_on) << "a framework recorded without a term reads back without one";
    EXPECT_FALSE(none->ends_on);
  });
  ASSERT_EQ(back->members.size(), 2u);
  EXPECT_EQ(back->members[0].provider_id, "pv-1") << "by tier";
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0].suspension.framework_name, "Short breaks framework");
  EXPECT_FALSE(held[0].suspension.lifted_on);
  t.db->write([&](store::Tx& tx) { store::record_lifted(tx, "area", "su-1", make_date(2026, 1, 20)); });
  t.db->read([&](store::Tx& tx) { held = store::suspensions(tx, "area"); });
  EXPECT_EQ(held[0].suspension.lifted_on, make_date(2026, 1, 20));
  t.db->write([&](store::Tx& tx) {
    store::delete_frameworks(tx, "area");
    store::delete_contracts(tx, "area");
  });
  t.db->read([&](store::Tx& tx) { EXPECT_TRUE(store::frameworks(tx, "area").empty()); });
}

TEST(Frameworks, AContractKeepsTheFrameworkAndTierItIsPickedFrom) {
  auto t = testing::open_test_database("framework_contracts");
  const Framework f{"fw-1", "area", "Short breaks framework", "LA-SBF", {"Universal", "Targeted"}, {{"pv-1", 1}},
                    {},     {}};
  Contract call_off{.id = "ct-1",
                    .area_id = "area",
                    .provider_id = "pv-1",
                    .reference = "SB-1",
                    .title = "Short breaks call-off",
                    .type = ContractType::framework_call_off,
                    .stage = ProcurementStage::live,
                    .commissioners = {{Agency::council_social_care, 10'000}},
                    .value = Pence::from_pounds(50'000),
                    .start_on = make_date(2026, 4, 1),
                    .end_on = make_date(2027, 3, 31),
                    .service_ids = {},
                    .provision_names = {},
                    .framework_id = "fw-1",
                    .tier = 1};
  Contract block = call_off;
  block.id = "ct-2";
  block.type = ContractType::block;
  block.framework_id.clear();
  block.tier.reset();
  t.db->write([&](store::Tx& tx) {
    store::upsert_area(tx, {"area", "Test area", "999"});
    store::save_provider(tx, {"pv-1", "area", "Bright Horizons", ""});
    store::save_framework(tx, f, 1);
    store::insert_contract(tx, call_off, 1);
    store::insert_contract(tx, block, 1);
  });
  std::optional<store::StoredContract> back, plain;
  std::vector<store::StoredContract> from;
  t.db->read([&](store::Tx& tx) {
    back = store::find_contract(tx, "area", "ct-1");
    plain = store::find_contract(tx, "area", "ct-2");
    from = store::framework_contracts(tx, "area", "fw-1");
  });
  ASSERT_TRUE(back && plain);
  EXPECT_EQ(back->contract.framework_id, "fw-1");
  EXPECT_EQ(back->contract.tier, 1);
  EXPECT_EQ(back->framework_name, "Short breaks framework");
  EXPECT_EQ(back->tier_name, "Targeted");
  EXPECT_EQ(plain->contract.framework_id, "");
  EXPECT_FALSE(plain->contract.tier);
  ASSERT_EQ(from.size(), 1u);
  EXPECT_EQ(from[0].contract.id, "ct-1");

  // Changing it to name none stores none.
  call_off.type = ContractType::spot_purchase;
  call_off.framework_id.clear();
  call_off.tier.reset();
  bool saved = false;
  t.db->write([&](store::Tx& tx) { saved = store::update_contract(tx, call_off, back->version, 2); });
  EXPECT_TRUE(saved);
  t.db->read([&](store::Tx& tx) {
    back = store::find_contract(tx, "area", "ct-1");
    from = store::framework_contracts(tx, "area", "fw-1");
  });
  EXPECT_EQ(back->contract.framework_id, "");
  EXPECT_FALSE(back->contract.tier);
  EXPECT_TRUE(from.empty());
}

}  // namespace
}  // namespace tandem
