// Cessations and capacity records read back as written on both engines.
#include "store/cessations.h"

#include <gtest/gtest.h>

#include "store/children.h"
#include "store/people.h"
#include "store/plans.h"
#include "test_database.h"

namespace tandem {
namespace {

TEST(Cessations, ReadBackAsWritten) {
  auto t = testing::open_test_database("cessations");
  Child c;
  c.id = "c-1";
  c.area_id = "area";
  c.given_name = "Remy";
  c.family_name = "Ceasing";
  c.date_of_birth = make_date(2007, 1, 15);
  c.sex = "M";
  c.plan_status = PlanStatus::ehc_plan;
  Plan p;
  p.id = "p-1";
  p.child_id = "c-1";
  const Cessation cessation{CeaseReason::not_engaging, make_date(2026, 10, 1), make_date(2026, 11, 2),
                            make_date(2026, 4, 1), "Reasons."};
  const CapacityRecord capacity{true, "Ms Ada Ceasing (deputy)", make_date(2026, 9, 1)};
  t.db->write([&](store::Tx& tx) {
    store::upsert_area(tx, {"area", "Test area", "999"});
    store::insert_child(tx, c, 1);
    store::save_plan(tx, "area", p, 0, {}, "u-1", 1);
    store::insert_cessation(tx, "area", "p-1", "c-1", cessation, "l-1", "u-1", 2);
    store::save_capacity(tx, "area", "c-1", capacity, "u-1", 3);
    store::save_capacity(tx, "area", "c-1", capacity, "u-1", 4);  // replaces, never duplicates
  });
  t.db->read([&](store::Tx& tx) {
    auto back = store::find_cessation(tx, "area", "p-1");
    ASSERT_TRUE(back);
    EXPECT_EQ(back->reason, CeaseReason::not_engaging);
    EXPECT_EQ(back->left_education_on, make_date(2026, 4, 1));
    EXPECT_EQ(back->decided_on, make_date(2026, 11, 2));
    EXPECT_FALSE(store::find_cessation(tx, "other", "p-1")) << "every row carries its area";
    auto cap = store::find_capacity(tx, "area", "c-1");
    ASSERT_TRUE(cap);
    EXPECT_TRUE(cap->lacks_capacity);
    EXPECT_EQ(cap->representative, "Ms Ada Ceasing (deputy)");
  });
}

}  // namespace
}  // namespace tandem
