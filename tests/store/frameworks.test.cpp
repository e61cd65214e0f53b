// Frameworks read back as written on both engines, tiers in order and members
// by tier; suspensions keep their lifting; the area can be cleared.
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
                    {{"pv-2", 2}, {"pv-1", 1}}};
  t.db->write([&](store::Tx& tx) {
    store::upsert_area(tx, {"area", "Test area", "999"});
    store::save_provider(tx, {"pv-1", "area", "Bright Horizons", ""});
    store::save_provider(tx, {"pv-2", "area", "Oakfield", ""});
    store::save_framework(tx, f, 1);
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

}  // namespace
}  // namespace tandem
