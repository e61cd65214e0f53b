// Moves between councils read back as written on both engines, with the
// optimistic version check and the involvement filter of the area's list.
#include "store/area_moves.h"

#include <gtest/gtest.h>

#include "store/children.h"
#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

TEST(AreaMoves, ReadBackAsWrittenAndRefuseAStaleVersion) {
  auto t = testing::open_test_database("area_moves");
  Child c;
  c.id = "c-1";
  c.area_id = "area";
  c.given_name = "Mo";
  c.family_name = "Mover";
  c.date_of_birth = make_date(2015, 1, 15);
  c.sex = "F";
  c.plan_status = PlanStatus::ehc_plan;
  AreaMove in;
  in.id = "m-1";
  in.area_id = "area";
  in.child_id = "c-1";
  in.direction = MoveDirection::into_area;
  in.other_authority = "Cumberland";
  in.moved_on = d(2026, 10, 30);
  in.transferred_on = d(2026, 11, 2);
  in.plan_last_reviewed_on = d(2026, 3, 10);
  in.recorded_by = "u-1";
  AreaMove out = in;
  out.id = "m-2";
  out.direction = MoveDirection::out_of_area;
  out.other_authority = "Lancashire";
  out.moved_on = d(2020, 1, 6);
  out.learned_on = d(2019, 12, 2);
  out.transferred_on = d(2020, 1, 6);
  out.plan_last_reviewed_on.reset();
  t.db->write([&](store::Tx& tx) {
    store::upsert_area(tx, {"area", "Test area", "999"});
    store::insert_child(tx, c, 1);
    store::insert_move(tx, in);
    store::insert_move(tx, out);
  });
  t.db->read([&](store::Tx& tx) {
    const auto back = store::find_move(tx, "area", "m-1");
    ASSERT_TRUE(back);
    EXPECT_EQ(back->child_name, "Mo Mover");
    EXPECT_EQ(back->move.direction, MoveDirection::into_area);
    EXPECT_EQ(back->move.other_authority, "Cumberland");
    EXPECT_EQ(back->move.transferred_on, d(2026, 11, 2));
    EXPECT_EQ(back->move.plan_last_reviewed_on, d(2026, 3, 10));
    EXPECT_FALSE(back->move.learned_on);
    EXPECT_FALSE(back->move.will_assess);
    EXPECT_FALSE(store::find_move(tx, "other", "m-1")) << "every row carries its area";
    const auto both = store::moves_of_child(tx, "area", "c-1");
    ASSERT_EQ(both.size(), 2u);
    EXPECT_EQ(both[0].move.id, "m-1") << "latest move first";
    EXPECT_EQ(both[1].move.learned_on, d(2019, 12, 2));
  });
  AreaMove told = in;
  told.family_told_on = d(2026, 11, 20);
  told.will_assess = false;
  bool first = false, stale = true;
  t.db->write([&](store::Tx& tx) {
    first = store::update_move(tx, told);  // version 0 -> 1
    stale = store::update_move(tx, told);  // still says version 0
  });
  EXPECT_TRUE(first);
  EXPECT_FALSE(stale) << "a second write from the same version is refused";
  t.db->read([&](store::Tx& tx) {
    const auto back = store::find_move(tx, "area", "m-1");
    EXPECT_EQ(back->move.version, 1);
    EXPECT_EQ(back->move.family_told_on, d(2026, 11, 20));
    EXPECT_EQ(back->move.will_assess, std::optional<bool>(false));
    EXPECT_TRUE(store::recent_moves(tx, "area", "u-1", "council_education", true, d(2026, 1, 1)).empty())
        << "nobody is involved with the child yet, so the list shows nothing";
  });
  t.db->write([&](store::Tx& tx) {
    CaseInvolvement i;
    i.id = "i-1";
    i.agency = Agency::council_education;
    i.role_on_case = "SEN team";
    i.started_on = d(2026, 11, 2);
    store::insert_involvement(tx, "area", "c-1", i);
  });
  t.db->read([&](store::Tx& tx) {
    const auto listed = store::recent_moves(tx, "area", "u-1", "council_education", true, d(2026, 1, 1));
    ASSERT_EQ(listed.size(), 1u) << "the 2020 move out is finished and older than a year";
    EXPECT_EQ(listed[0].move.id, "m-1");
    EXPECT_TRUE(store::recent_moves(tx, "area", "u-1", "council_education", false, d(2026, 1, 1)).empty())
        << "an agency-wide involvement counts only for agencies whose staff see all their agency's children";
  });
}

}  // namespace
}  // namespace tandem
