// The SEN2 return's tables on both engines: ethnicity and the setting's URN
// and UKPRN on children and placements, when a child was imported, and
// conflicts settled once with who and when.
#include "store/sen2.h"

#include <gtest/gtest.h>

#include "store/children.h"
#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

class Sen2Store : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("sen2");
    t_.db->write([&](store::Tx& tx) {
      store::upsert_area(tx, {"area", "Test area", "999"});
      Child c;
      c.id = "c-1";
      c.area_id = "area";
      c.given_name = "Ola";
      c.family_name = "Ames";
      c.date_of_birth = make_date(2016, 4, 12);
      c.sex = "F";
      c.plan_status = PlanStatus::ehc_plan;
      c.primary_need = "ASD";
      c.setting_name = "Oak Primary School";
      c.ethnicity = "BAFR";
      c.setting_urn = "990001";
      store::insert_child(tx, c, 1);
      store::insert_placement(
          tx, "area", "c-1",
          {"pl-1", "Oak Primary School", SettingType::mainstream, make_date(2020, 9, 1), std::nullopt, "990001", ""});
      store::insert_placement(tx, "area", "c-1",
                              {"pl-2", "Beech College", SettingType::further_education, make_date(2024, 9, 1),
                               std::nullopt, "", "19990001"});
    });
  }
  testing::TestDatabase t_;
};

TEST_F(Sen2Store, EthnicityAndSettingIdsAreKeptOnTheChildAndPlacements) {
  t_.db->write([&](store::Tx& tx) {
    auto c = store::find_child(tx, "area", "c-1");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->ethnicity, "BAFR");
    EXPECT_EQ(c->setting_urn, "990001");
    c->ethnicity = "WBRI";
    c->setting_ukprn = "10001234";
    ASSERT_TRUE(store::update_child(tx, *c, 2));
    const auto again = store::children_of_area(tx, "area", "c-1");
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].ethnicity, "WBRI");
    EXPECT_EQ(again[0].setting_ukprn, "10001234");
    const auto area = store::load_sen2_area(tx, "area");
    ASSERT_EQ(area.placements.at("c-1").size(), 2u);
    EXPECT_EQ(area.placements.at("c-1")[0].urn, "990001");
    EXPECT_EQ(area.placements.at("c-1")[1].ukprn, "19990001");
    store::set_placement_ids(tx, "pl-1", "990002", "");
    const auto placements = store::placements_of(tx, "c-1");
    ASSERT_EQ(placements.size(), 2u);
    EXPECT_EQ(placements[1].urn, "990002");
  });
}

TEST_F(Sen2Store, AConflictIsSettledOnceWithWhoAndWhen) {
  t_.db->write([&](store::Tx& tx) {
    EXPECT_FALSE(store::sen2_imported(tx, "c-1"));
    store::insert_sen2_import(tx, {"si-1", "area", "return.xml", 2026, 1, 1, 0, 0, 1, "u-1", 100});
    store::save_sen2_person(tx, "area", "c-1", {"{}", "{}"}, "si-1", 100);
    store::insert_sen2_conflict(tx, "area", {"sc-1", "c-1", "si-1", "PostCode", "QS9 9ZZ", "QS1 2AC", 100});
  });
  t_.db->write([&](store::Tx& tx) {
    const auto imported = store::sen2_imported(tx, "c-1");
    ASSERT_TRUE(imported);
    EXPECT_EQ(imported->at, 100);
    EXPECT_EQ(imported->file_name, "return.xml");
    EXPECT_EQ(imported->year, 2026);
    EXPECT_EQ(store::open_sen2_conflicts_of(tx, "c-1").size(), 1u);
    EXPECT_FALSE(store::find_sen2_conflict(tx, "other-area", "sc-1"));
    EXPECT_TRUE(store::settle_sen2_conflict(tx, "area", "sc-1", "file", "u-2", 200));
    EXPECT_FALSE(store::settle_sen2_conflict(tx, "area", "sc-1", "tandem", "u-3", 300)) << "settled once";
    const auto s = store::find_sen2_conflict(tx, "area", "sc-1");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->settled_at, 200);
    EXPECT_EQ(s->settled_by, "u-2");
    EXPECT_EQ(s->resolution, "file");
    EXPECT_TRUE(store::open_sen2_conflicts(tx, "area", 10).empty());
    EXPECT_TRUE(store::open_sen2_conflicts_of(tx, "c-1").empty());
  });
}

}  // namespace
}  // namespace tandem
