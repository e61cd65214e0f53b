// Commissioning activities read back as written on both engines: partners
// lead first, evidence and decisions (a partner's and the board's kept
// apart) oldest first, stage changes; a stale version is refused; the area
// can be cleared for a demo rebuild.
#include "store/commissioning.h"

#include <gtest/gtest.h>

#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

class Commissioning : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("commissioning");
    t_.db->write([&](store::Tx& tx) { store::upsert_area(tx, {"area", "Test area", "999"}); });
  }
  static Activity make(const std::string& id, Date due) {
    Activity a;
    a.id = id;
    a.area_id = "area";
    a.title = "Re-commission SEMH provision " + id;
    a.kind = ActivityKind::recommission;
    a.level = CommissioningLevel::strategic;
    a.partners = {{Agency::council_education, 7'000}, {Agency::icb, 3'000}};
    a.budget = Pence::from_pounds(1'200'000);
    a.stage = CycleStage::joint_understanding;
    a.stage_due_on = due;
    a.contract_id = "ct-9";
    return a;
  }
  testing::TestDatabase t_;
};

TEST_F(Commissioning, ReadBackWithEvidenceDecisionsAndHistory) {
  const Activity a = make("ca-1", make_date(2026, 6, 30));
  t_.db->write([&](store::Tx& tx) {
    store::insert_activity(tx, a, 1);
    store::insert_activity(tx, make("ca-2", make_date(2026, 3, 31)), 1);
    store::insert_evidence(tx, "area", "ca-1", "ev-1",
                           {CycleStage::joint_understanding, "needs_analysis", "JSNA", "https://x.example/j", ""}, "u",
                           2);
    store::insert_evidence(
        tx, "area", "ca-1", "ev-2",
        {CycleStage::joint_understanding, "current_provision", "Contract", "/contracts/ct-9", "ct-9"}, "u", 3);
    store::insert_sign_off(tx, "area", "ca-1", "so-1",
                           {CycleStage::joint_understanding, Agency::icb, make_date(2026, 1, 10),
                            SignOffDecision::approved, "ICB Finance Committee", ""},
                           false, "u", 4);
    store::insert_sign_off(tx, "area", "ca-1", "so-2",
                           {CycleStage::joint_understanding, Agency::council_education, make_date(2026, 1, 5),
                            SignOffDecision::approved, "SEND Partnership Board", "Recommended"},
                           true, "u", 5);
  });
  std::vector<store::StoredActivity> all;
  t_.db->read([&](store::Tx& tx) { all = store::activities(tx, "area"); });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].activity.id, "ca-2") << "soonest due first";
  const auto& back = all[1];
  EXPECT_EQ(back.version, 1);
  EXPECT_EQ(back.activity.title, a.title);
  EXPECT_EQ(back.activity.kind, ActivityKind::recommission);
  EXPECT_EQ(back.activity.level, CommissioningLevel::strategic);
  EXPECT_EQ(back.activity.partners, a.partners) << "lead first";
  EXPECT_EQ(back.activity.budget, Pence::from_pounds(1'200'000));
  EXPECT_EQ(back.activity.stage_due_on, make_date(2026, 6, 30));
  EXPECT_EQ(back.activity.contract_id, "ct-9");
  ASSERT_EQ(back.activity.evidence.size(), 2u);
  EXPECT_EQ(back.activity.evidence[1].contract_id, "ct-9");
  EXPECT_EQ(back.activity.evidence[1].url, "/contracts/ct-9");
  ASSERT_EQ(back.activity.sign_offs.size(), 1u);
  EXPECT_EQ(back.activity.sign_offs[0].agency, Agency::icb);
  EXPECT_EQ(back.activity.sign_offs[0].decided_on, make_date(2026, 1, 10));
  ASSERT_EQ(back.activity.recommendations.size(), 1u) << "the board's recommendation is kept apart";
  EXPECT_EQ(back.activity.recommendations[0].note, "Recommended");
  const auto gate = gate_status(back.activity, make_date(2026, 2, 1));
  EXPECT_EQ(gate.awaiting, std::vector<Agency>{Agency::council_education});

  Activity moved = back.activity;
  moved.stage = CycleStage::joint_planning;
  moved.stage_due_on = make_date(2026, 9, 30);
  bool saved = false, stale = true;
  t_.db->write([&](store::Tx& tx) {
    saved = store::update_activity(tx, moved, 1, 6);
    stale = store::update_activity(tx, moved, 1, 7);
    store::insert_activity_stage_change(tx, {"cs-1", "ca-1", "area", CycleStage::joint_understanding,
                                             CycleStage::joint_planning, make_date(2026, 9, 30), "u", 6});
  });
  EXPECT_TRUE(saved);
  EXPECT_FALSE(stale);
  std::optional<store::StoredActivity> after;
  t_.db->read([&](store::Tx& tx) { after = store::find_activity(tx, "area", "ca-1"); });
  ASSERT_TRUE(after);
  EXPECT_EQ(after->version, 2);
  EXPECT_EQ(after->activity.stage, CycleStage::joint_planning);
  ASSERT_EQ(after->history.size(), 1u);
  EXPECT_EQ(after->history[0].to, CycleStage::joint_planning);
  EXPECT_EQ(after->history[0].next_due_on, make_date(2026, 9, 30));
  EXPECT_EQ(after->activity.partners, a.partners) << "partners rewritten, not lost";
  EXPECT_FALSE(gate_status(after->activity, make_date(2026, 2, 1)).ready) << "the new stage starts afresh";

  t_.db->read([&](store::Tx& tx) { EXPECT_FALSE(store::find_activity(tx, "other", "ca-1")); });
  t_.db->write([&](store::Tx& tx) { store::delete_commissioning(tx, "area"); });
  t_.db->read([&](store::Tx& tx) { EXPECT_TRUE(store::activities(tx, "area").empty()); });
}

}  // namespace
}  // namespace tandem
