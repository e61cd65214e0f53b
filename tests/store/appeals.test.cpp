// Appeals read back as written on both engines, orders and all; a stale
// version is refused; the tracker keeps an appeal while it is pending or an
// order is not complied with, for children the viewer is involved with.
#include "store/appeals.h"

#include <gtest/gtest.h>

#include "store/children.h"
#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

const Date kToday = make_date(2026, 11, 24);

class Appeals : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("appeals");
    Child c;
    c.id = "c-1";
    c.area_id = "area";
    c.given_name = "Ines";
    c.family_name = "Appellant";
    c.date_of_birth = make_date(2014, 2, 10);
    c.sex = "F";
    c.plan_status = PlanStatus::ehc_plan;
    t_.db->write([&](store::Tx& tx) {
      store::upsert_area(tx, {"area", "Test area", "999"});
      store::insert_child(tx, c, 1);
      store::insert_involvement(tx, "area", "c-1",
                                {"i-1", Agency::council_education, "", "", "", make_date(2020, 1, 1), std::nullopt});
    });
  }
  Appeal make(const std::string& id) {
    AppealInput in;
    in.id = id;
    in.area_id = "area";
    in.child_id = "c-1";
    in.decision = AppealedDecision::refusal_to_issue;
    in.decision_notice_on = make_date(2026, 3, 2);
    in.mediation_certificate = make_date(2026, 3, 20);
    in.registered_on = make_date(2026, 4, 20);
    return *open_appeal(in, kToday);
  }
  std::vector<std::string> live(const std::string& agency) {
    std::vector<std::string> out;
    t_.db->read([&](store::Tx& tx) {
      for (const auto& a : store::live_appeals(tx, "area", "u-9", agency, true)) out.push_back(a.appeal.id);
    });
    return out;
  }
  testing::TestDatabase t_;
};

TEST_F(Appeals, ReadBackWithOrdersAndTheTrackerFollowsCompliance) {
  auto a = make("ap-1");
  t_.db->write([&](store::Tx& tx) {
    store::insert_appeal(tx, a, "u-1");
    store::insert_appeal(tx, *record_outcome(make("ap-2"), AppealOutcome::dismissed, make_date(2026, 9, 1), kToday),
                         "u-1");
  });
  EXPECT_EQ(live("council_education"), (std::vector<std::string>{"ap-1"})) << "pending; the dismissed one is done";
  EXPECT_TRUE(live("icb").empty()) << "only for those involved";

  a = *record_outcome(a, AppealOutcome::upheld, make_date(2026, 9, 14), kToday);
  a = *add_order(a, "or-1", OrderKind::make_plan, make_date(2026, 9, 14), kToday);
  bool saved = false, stale = true;
  t_.db->write([&](store::Tx& tx) {
    saved = store::update_appeal(tx, a, 1);
    stale = store::update_appeal(tx, a, 1);
  });
  EXPECT_TRUE(saved);
  EXPECT_FALSE(stale);
  std::optional<store::StoredAppeal> back;
  t_.db->read([&](store::Tx& tx) { back = store::find_appeal(tx, "area", "ap-1"); });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->child_name, "Ines Appellant");
  EXPECT_EQ(back->appeal.mediation_certificate, make_date(2026, 3, 20));
  EXPECT_EQ(back->appeal.outcome, AppealOutcome::upheld);
  ASSERT_EQ(back->appeal.orders.size(), 1u);
  EXPECT_EQ(back->appeal.orders[0].kind, OrderKind::make_plan);
  EXPECT_EQ(live("council_education"), (std::vector<std::string>{"ap-1"})) << "an order is still to be complied with";

  a = *record_compliance(a, "or-1", make_date(2026, 11, 20), kToday);
  t_.db->write([&](store::Tx& tx) { EXPECT_TRUE(store::update_appeal(tx, a, 2)); });
  EXPECT_TRUE(live("council_education").empty()) << "done once every order is complied with";
}

}  // namespace
}  // namespace tandem
