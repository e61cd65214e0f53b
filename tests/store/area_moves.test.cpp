// Moves between councils read back as written on both engines, with the
// optimistic version check and the involvement filter of the area's list;
// each move's review figure read in the same query; and a plan transferred
// out ended, off the review lists and ceased on the SEN2 return.
#include "store/area_moves.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "store/children.h"
#include "store/people.h"
#include "store/plans.h"
#include "store/sen2.h"
#include "test_database.h"

namespace tandem {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

Child child(const std::string& id, const std::string& given) {
  Child c;
  c.id = id;
  c.area_id = "area";
  c.given_name = given;
  c.family_name = "Mover";
  c.date_of_birth = make_date(2015, 1, 15);
  c.sex = "F";
  c.plan_status = PlanStatus::ehc_plan;
  return c;
}

Plan final_plan(const std::string& id, const std::string& child_id) {
  Plan p;
  p.id = id;
  p.child_id = child_id;
  p.stage = PlanStage::final;
  return p;
}

AreaMove move_in(const std::string& id, const std::string& child_id, std::optional<Date> transferred) {
  AreaMove m;
  m.id = id;
  m.area_id = "area";
  m.child_id = child_id;
  m.direction = MoveDirection::into_area;
  m.other_authority = "Cumberland";
  m.moved_on = transferred.value_or(d(2026, 9, 1));
  m.transferred_on = transferred;
  if (transferred) m.plan_last_reviewed_on = *transferred - std::chrono::days{100};
  m.recorded_by = "u-1";
  return m;
}

void involve_council(store::Tx& tx, const std::string& child_id) {
  CaseInvolvement i;
  i.id = "i-" + child_id;
  i.agency = Agency::council_education;
  i.role_on_case = "SEN team";
  i.started_on = d(2026, 1, 2);
  store::insert_involvement(tx, "area", child_id, i);
}

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

// The moves list reads each move's "reviewed here since the transfer" in the
// same row: the latest review of any of the child's plans on or after the
// transfer, none before it, and none for a move out or a plan not yet come.
TEST(AreaMoves, EachRowCarriesItsOwnReviewFigure) {
  auto t = testing::open_test_database("area_moves_rows");
  const struct {
    const char* child;
    std::optional<Date> transferred;
    std::vector<std::optional<Date>> plan_reviews;  // one plan each
    std::optional<Date> reviewed_here;
  } rows[] = {
      {"c-1", d(2026, 3, 2), {d(2026, 5, 20)}, d(2026, 5, 20)},
      {"c-2", d(2026, 3, 2), {d(2026, 2, 1)}, std::nullopt},                  // reviewed by the old council only
      {"c-3", d(2026, 3, 2), {d(2026, 3, 2)}, d(2026, 3, 2)},                 // on the day of the transfer
      {"c-4", d(2026, 6, 1), {d(2026, 7, 1), d(2026, 9, 9)}, d(2026, 9, 9)},  // two plans: the latest
      {"c-5", std::nullopt, {d(2026, 8, 1)}, std::nullopt},                   // plan not yet transferred
      {"c-6", d(2026, 4, 1), {std::nullopt}, std::nullopt},                   // never reviewed
  };
  t.db->write([&](store::Tx& tx) {
    store::upsert_area(tx, {"area", "Test area", "999"});
    int n = 0;
    for (const auto& r : rows) {
      store::insert_child(tx, child(r.child, r.child), 1);
      involve_council(tx, r.child);
      store::insert_move(tx, move_in(std::string("m-") + r.child, r.child, r.transferred));
      for (const auto& reviewed : r.plan_reviews) {
        const std::string plan_id = "p-" + std::to_string(++n);
        store::save_plan(tx, "area", final_plan(plan_id, r.child), 0, {}, "u-1", 1);
        store::set_plan_review_dates(tx, "area", plan_id, d(2024, 1, 1), reviewed);
      }
    }
    // A move out of a child whose plan was reviewed here: no review step.
    AreaMove out = move_in("m-out", "c-1", d(2026, 10, 1));
    out.direction = MoveDirection::out_of_area;
    out.learned_on = d(2026, 9, 1);
    out.plan_last_reviewed_on.reset();
    store::insert_move(tx, out);
  });
  t.db->read([&](store::Tx& tx) {
    const auto listed = store::recent_moves(tx, "area", "u-1", "council_education", true, d(2025, 12, 1));
    ASSERT_EQ(listed.size(), std::size(rows) + 1);
    for (const auto& r : rows) {
      const auto it = std::find_if(listed.begin(), listed.end(), [&](const store::StoredMove& m) {
        return m.move.id == std::string("m-") + r.child;
      });
      ASSERT_NE(it, listed.end()) << r.child;
      EXPECT_EQ(it->reviewed_here_on, r.reviewed_here) << r.child;
      EXPECT_EQ(it->child_name, std::string(r.child) + " Mover");
      EXPECT_EQ(store::find_move(tx, "area", it->move.id)->reviewed_here_on, r.reviewed_here)
          << "one move opened reads the same figure";
    }
    const auto out =
        std::find_if(listed.begin(), listed.end(), [](const store::StoredMove& m) { return m.move.id == "m-out"; });
    ASSERT_NE(out, listed.end());
    EXPECT_FALSE(out->reviewed_here_on) << "a move out has no review here";
  });
}

// Reg 15(2)-(3): once the plan is transferred the new council maintains it;
// here it ends that day, leaves the review lists and the area's costs, and the
// SEN2 return reads it as ceased, reason 5 (moved to another council).
TEST(AreaMoves, APlanTransferredOutEndsOnTheDay) {
  auto t = testing::open_test_database("area_moves_end");
  t.db->write([&](store::Tx& tx) {
    store::upsert_area(tx, {"area", "Test area", "999"});
    store::insert_child(tx, child("c-1", "Ola"), 1);
    store::insert_child(tx, child("c-2", "Bo"), 1);
    involve_council(tx, "c-1");
    involve_council(tx, "c-2");
    store::save_plan(tx, "area", final_plan("p-1", "c-1"), 0, {{"council_education", Pence(500000)}}, "u-1", 1);
    store::save_plan(tx, "area", final_plan("p-2", "c-2"), 0, {{"council_education", Pence(300000)}}, "u-1", 1);
    store::set_plan_review_dates(tx, "area", "p-1", d(2024, 1, 10), d(2025, 12, 1));
    store::set_plan_review_dates(tx, "area", "p-2", d(2024, 1, 10), d(2025, 12, 1));
  });
  std::vector<std::string> ended;
  t.db->write([&](store::Tx& tx) {
    ended = store::end_plans_of_child(tx, "area", "c-1", d(2026, 11, 6), CeaseReason::moved_la);
  });
  EXPECT_EQ(ended, std::vector<std::string>{"p-1"});
  t.db->read([&](store::Tx& tx) {
    const auto p1 = store::find_plan(tx, "area", "p-1");
    EXPECT_EQ(p1->ended_on, d(2026, 11, 6));
    EXPECT_EQ(p1->end_reason, CeaseReason::moved_la);
    EXPECT_FALSE(store::find_plan(tx, "area", "p-2")->ended_on);
    const auto due = store::final_plans_for_review(tx, "area", "u-1", "council_education", true);
    ASSERT_EQ(due.size(), 1u) << "the ended plan is off the review and phase transfer lists";
    EXPECT_EQ(due[0].plan_id, "p-2");
    EXPECT_EQ(store::area_costs_by_payer(tx, "area").at("council_education"), Pence(300000));
    const auto sen2 = store::load_sen2_area(tx, "area");
    ASSERT_TRUE(sen2.cessations.contains("p-1"));
    EXPECT_EQ(sen2.cessations.at("p-1").reason, CeaseReason::moved_la);
    EXPECT_EQ(sen2.cessations.at("p-1").decided_on, d(2026, 11, 6));
    EXPECT_FALSE(sen2.cessations.contains("p-2"));
  });
  t.db->write([&](store::Tx& tx) {
    ended = store::end_plans_of_child(tx, "area", "c-1", d(2026, 12, 1), CeaseReason::moved_la);
  });
  EXPECT_TRUE(ended.empty()) << "a plan ends once";
  t.db->read([&](store::Tx& tx) { EXPECT_EQ(store::find_plan(tx, "area", "p-1")->ended_on, d(2026, 11, 6)); });
}

}  // namespace
}  // namespace tandem
