// Decommissioning appraisals read back as written on both engines; the
// decision is recorded once and only in the appraisal's own area; cleared for
// a demo rebuild.
#include "store/decommissioning.h"

#include <gtest/gtest.h>

#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

TEST(Decommissioning, ReadBackDecidedOnceAndCleared) {
  auto t = testing::open_test_database("decommissioning");
  t.db->write([&](store::Tx& tx) {
    store::upsert_area(tx, {"area", "Test area", "999"});
    store::upsert_area(tx, {"other", "Other area", "998"});
  });
  Appraisal a;
  a.id = "dc-1";
  a.area_id = "area";
  a.subject = AppraisalSubject::activity;
  a.subject_id = "act-1";
  a.needs_and_demand = "Falling referrals";
  a.quality_and_performance = "Amber";
  a.cost = "Rising per child";
  a.contract_terms = "Six months' notice";
  a.stakeholders = "42 families";
  a.exit_plan = "Moves at next review";
  t.db->write([&](store::Tx& tx) { store::insert_appraisal(tx, a, "u-1", 5); });
  std::optional<Appraisal> back;
  t.db->read([&](store::Tx& tx) {
    back = store::find_appraisal(tx, "area", "dc-1");
    EXPECT_FALSE(store::find_appraisal(tx, "other", "dc-1"));
  });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->subject, AppraisalSubject::activity);
  EXPECT_EQ(back->subject_id, "act-1");
  EXPECT_EQ(back->exit_plan, "Moves at next review");
  EXPECT_EQ(back->decision, std::nullopt);
  EXPECT_EQ(back->decided_on, std::nullopt);

  auto decided = *decide(*back, DecommissionDecision::recommission, make_date(2025, 11, 20), "Board", "Cheaper",
                         make_date(2026, 1, 1));
  auto elsewhere = decided;
  elsewhere.area_id = "other";
  bool wrong_area = true, first = false, again = true;
  t.db->write([&](store::Tx& tx) {
    wrong_area = store::record_decision(tx, elsewhere);
    first = store::record_decision(tx, decided);
    again = store::record_decision(tx, decided);
  });
  EXPECT_FALSE(wrong_area);
  EXPECT_TRUE(first);
  EXPECT_FALSE(again) << "decided once";
  t.db->read([&](store::Tx& tx) {
    const auto all = store::appraisals(tx, "area");
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].decision, DecommissionDecision::recommission);
    EXPECT_EQ(all[0].decided_on, make_date(2025, 11, 20));
    EXPECT_EQ(all[0].decided_by, "Board");
    EXPECT_EQ(all[0].rationale, "Cheaper");
  });
  t.db->write([&](store::Tx& tx) { store::delete_appraisals(tx, "area"); });
  t.db->read([&](store::Tx& tx) { EXPECT_TRUE(store::appraisals(tx, "area").empty()); });
}

}  // namespace
}  // namespace tandem
