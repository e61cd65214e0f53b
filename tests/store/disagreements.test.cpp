// Disagreements read back as written on both engines, positions and all; a
// stale version is refused; the line's open disagreements can be found to
// withdraw them.
#include "store/disagreements.h"

#include <gtest/gtest.h>

#include "store/children.h"
#include "store/people.h"
#include "store/plans.h"
#include "test_database.h"

namespace tandem {
namespace {

class Disagreements : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("disagreements");
    Child c;
    c.id = "c-1";
    c.area_id = "area";
    c.given_name = "Amara";
    c.family_name = "Okonkwo";
    c.date_of_birth = make_date(2014, 9, 1);
    c.sex = "F";
    c.plan_status = PlanStatus::ehc_plan;
    Plan p;
    p.id = "p-1";
    p.child_id = "c-1";
    t_.db->write([&](store::Tx& tx) {
      store::upsert_area(tx, {"area", "Test area", "999"});
      store::insert_child(tx, c, 1);
      store::save_plan(tx, "area", p, 0, {}, "u-1", 1);
    });
  }

  Disagreement make(const std::string& id) {
    ProvisionLine l;
    l.id = "l-1";
    l.section = Section::G;
    l.category = "continuing_care";
    l.what = "Overnight care";
    l.securing = Agency::icb;
    l.paying = {{Agency::icb, 10'000}};
    l.override_reason = "Panel decision";
    const Proposal proposal{
        Section::G, Agency::icb, {{Agency::council_social_care, 5'000}, {Agency::icb, 5'000}}, "Stockport seed", {}};
    return *open_disagreement(id, "area", "c-1", "p-1", l, proposal, "u-1", make_date(2026, 11, 2));
  }
  testing::TestDatabase t_;
};

TEST_F(Disagreements, ReadBackWithEveryPartysPosition) {
  auto d = make("d-1");
  t_.db->write([&](store::Tx& tx) { store::insert_disagreement(tx, d); });
  d = *record_position(d, Agency::icb, Position::agrees, "", "u-2", make_date(2026, 11, 3));
  bool saved = false, stale = true;
  t_.db->write([&](store::Tx& tx) {
    saved = store::update_disagreement(tx, d, 1);
    stale = store::update_disagreement(tx, d, 1);
  });
  EXPECT_TRUE(saved);
  EXPECT_FALSE(stale) << "version 1 is no longer current";
  std::optional<store::StoredDisagreement> back;
  t_.db->read([&](store::Tx& tx) { back = store::find_disagreement(tx, "area", "d-1"); });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->version, 2);
  EXPECT_EQ(back->child_name, "Amara Okonkwo");
  EXPECT_EQ(back->d.reason, "Panel decision");
  EXPECT_EQ(back->d.raised_on, make_date(2026, 11, 2));
  EXPECT_EQ(back->d.parties, d.parties);
  EXPECT_EQ(status_of(back->d), DisagreementStatus::open);
}

TEST_F(Disagreements, ListsByStatusAndFindsTheLinesOpenOnes) {
  auto agreed = make("d-1");
  agreed.parties[0].position = Position::agrees;
  agreed.parties[1].position = Position::agrees;
  t_.db->write([&](store::Tx& tx) {
    store::insert_disagreement(tx, agreed);
    store::insert_disagreement(tx, make("d-2"));
  });
  t_.db->read([&](store::Tx& tx) {
    EXPECT_EQ(store::area_disagreements(tx, "area", "", 10).size(), 2u);
    const auto open = store::area_disagreements(tx, "area", "open", 10);
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].d.id, "d-2");
    EXPECT_EQ(store::open_disagreements_of_line(tx, "area", "p-1", "l-1").size(), 1u);
    EXPECT_TRUE(store::open_disagreements_of_line(tx, "area", "p-1", "l-2").empty());
    EXPECT_TRUE(store::area_disagreements(tx, "other", "", 10).empty()) << "every row carries its area";
  });
}

}  // namespace
}  // namespace tandem
