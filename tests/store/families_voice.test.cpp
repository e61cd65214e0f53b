// Feedback and requests for provision read back as written on both engines;
// a stale version is refused; the lists filter by status and stage; only
// published feedback is listed as published; the caseload's demand counts
// children with plans by need and age band with their plans' lines.
#include "store/feedback.h"

#include <gtest/gtest.h>

#include "store/children.h"
#include "store/people.h"
#include "store/plans.h"
#include "store/provision_requests.h"
#include "test_database.h"

namespace tandem {
namespace {

const Date kToday = make_date(2026, 5, 20);

class FamiliesVoice : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("families_voice");
    t_.db->write([&](store::Tx& tx) { store::upsert_area(tx, {"area", "Test area", "999"}); });
  }
  Feedback feedback(const std::string& id, Date on, std::int64_t at) {
    auto f =
        new_feedback({id, "area", "", "parent_carer", "Too few clubs for teenagers", "me@example.org", ""}, on, at);
    return *f;
  }
  testing::TestDatabase t_;
};

TEST_F(FamiliesVoice, FeedbackReadsBackAndTriageIsVersioned) {
  const auto f1 = feedback("fb-1", make_date(2026, 1, 10), 100);
  const auto f2 = feedback("fb-2", make_date(2026, 7, 2), 200);
  t_.db->write([&](store::Tx& tx) {
    store::insert_feedback(tx, f1, 100);
    store::insert_feedback(tx, f2, 200);
  });
  std::optional<Feedback> back;
  t_.db->read([&](store::Tx& tx) { back = store::find_feedback(tx, "area", "fb-1"); });
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->comment, f1.comment);
  EXPECT_EQ(back->contact, "me@example.org");
  EXPECT_EQ(back->received_on, make_date(2026, 1, 10));
  EXPECT_EQ(back->status, FeedbackStatus::new_);
  EXPECT_FALSE(back->category.has_value());
  EXPECT_FALSE(back->published());
  t_.db->read([&](store::Tx& tx) { EXPECT_FALSE(store::find_feedback(tx, "other", "fb-1").has_value()); });

  back->status = FeedbackStatus::triaged;  // as the SEND team left it
  auto triaged = *triage(*back, {"responded", "gap", "ASD", "Too few clubs", "We added two", true}, kToday);
  triaged.version = 2;
  bool saved = false, stale = true;
  t_.db->write([&](store::Tx& tx) {
    saved = store::update_feedback(tx, triaged, 1, 300);
    stale = store::update_feedback(tx, triaged, 1, 301);
  });
  EXPECT_TRUE(saved);
  EXPECT_FALSE(stale) << "a version no longer current is refused";
  t_.db->read([&](store::Tx& tx) {
    const auto now = *store::find_feedback(tx, "area", "fb-1");
    EXPECT_EQ(now.status, FeedbackStatus::responded);
    EXPECT_EQ(now.category, FeedbackCategory::gap);
    EXPECT_EQ(now.need_code, "ASD");
    EXPECT_EQ(*now.published_on, kToday);
    EXPECT_EQ(now.version, 2);
    const auto fresh = store::feedback_by_status(tx, "area", "new", 10);
    ASSERT_EQ(fresh.size(), 1u);
    EXPECT_EQ(fresh[0].id, "fb-2");
    EXPECT_EQ(store::feedback_by_status(tx, "area", "", 10).size(), 2u);
    EXPECT_EQ(store::feedback_by_status(tx, "area", "", 10).front().id, "fb-2") << "newest first";
    const auto published = store::published_feedback(tx, "area", 10);
    ASSERT_EQ(published.size(), 1u);
    EXPECT_EQ(published[0].we_did, "We added two");
    const auto first_half = store::feedback_received(tx, "area", make_date(2026, 1, 1), make_date(2026, 6, 30));
    ASSERT_EQ(first_half.size(), 1u);
    EXPECT_EQ(first_half[0].id, "fb-1");
  });
  t_.db->write([&](store::Tx& tx) { store::delete_feedback(tx, "area"); });
  t_.db->read([&](store::Tx& tx) { EXPECT_TRUE(store::feedback_by_status(tx, "area", "", 10).empty()); });
}

TEST_F(FamiliesVoice, RequestsReadBackWithChecksAndDecision) {
  ProvisionRequestInput in;
  in.id = "pr-1";
  in.area_id = "area";
  in.source = RequestOrigin::staff;
  in.requested_by = "u-1";
  in.child_id = "c-1";
  in.provision = "Music therapy";
  in.reason = "Music is how he communicates";
  in.need_code = "PMLD";
  in.age = "9";
  auto r = *new_provision_request(in, kToday, 100);
  t_.db->write([&](store::Tx& tx) { store::insert_provision_request(tx, r, 100); });
  for (auto c : all_criteria())
    r = *record_check(r, to_string(c), c == Criterion::cost ? "not_met" : "met", "Seen", "u-2", 200);
  r = *decide(r, "fund_for_child", "No local alternative", "u-3", kToday);
  r.service_id = "";
  r.version = 2;
  bool saved = false, stale = true;
  t_.db->write([&](store::Tx& tx) {
    saved = store::update_provision_request(tx, r, 1, 300);
    stale = store::update_provision_request(tx, r, 1, 301);
  });
  EXPECT_TRUE(saved);
  EXPECT_FALSE(stale);
  t_.db->read([&](store::Tx& tx) {
    const auto back = *store::find_provision_request(tx, "area", "pr-1");
    EXPECT_EQ(back.provision, "Music therapy");
    EXPECT_EQ(back.child_id, "c-1");
    EXPECT_EQ(back.age, 9);
    EXPECT_EQ(back.source, RequestOrigin::staff);
    ASSERT_EQ(back.checks.size(), 5u);
    EXPECT_EQ(back.checks[1].criterion, Criterion::cost);
    EXPECT_EQ(back.checks[1].finding, Finding::not_met);
    EXPECT_EQ(back.decision, RequestDecision::fund_for_child);
    EXPECT_EQ(back.decision_reasons, "No local alternative");
    EXPECT_EQ(*back.decided_on, kToday);
    EXPECT_EQ(store::provision_requests(tx, "area", "decided", 10).size(), 1u);
    EXPECT_TRUE(store::provision_requests(tx, "area", "received", 10).empty());
  });
  t_.db->write([&](store::Tx& tx) { store::delete_provision_requests(tx, "area"); });
  t_.db->read([&](store::Tx& tx) { EXPECT_TRUE(store::provision_requests(tx, "area", "", 10).empty()); });
}

TEST_F(FamiliesVoice, CaseloadDemandByNeedAndAgeBandWithPlanLines) {
  auto child = [](const std::string& id, Date born, const char* need, PlanStatus status) {
    Child c;
    c.id = id;
    c.area_id = "area";
    c.given_name = "Test";
    c.family_name = id;
    c.date_of_birth = born;
    c.sex = "F";
    c.primary_need = need;
    c.plan_status = status;
    return c;
  };
  Plan plan;
  plan.id = "p-1";
  plan.child_id = "c-1";
  plan.stage = PlanStage::final;
  plan.needs.primary_need = "ASD";
  for (int i = 0; i < 3; ++i) {
    ProvisionLine l;
    l.id = "l-" + std::to_string(i);
    l.category = "specialist_teaching";
    l.what = "Teaching";
    plan.provision.push_back(l);
  }
  t_.db->write([&](store::Tx& tx) {
    store::insert_child(tx, child("c-1", make_date(2014, 1, 1), "ASD", PlanStatus::ehc_plan), 1);    // 12: 11-15
    store::insert_child(tx, child("c-2", make_date(2013, 6, 1), "ASD", PlanStatus::ehc_plan), 1);    // 12: 11-15
    store::insert_child(tx, child("c-3", make_date(2019, 1, 1), "SEMH", PlanStatus::ehc_plan), 1);   // 7: 5-10
    store::insert_child(tx, child("c-4", make_date(2019, 1, 1), "ASD", PlanStatus::assessment), 1);  // no plan
    store::save_plan(tx, "area", plan, 0, {}, "u-1", 5);
  });
  std::vector<Demand> d;
  t_.db->read([&](store::Tx& tx) { d = store::caseload_demand(tx, "area", kToday); });
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].need_code, "ASD");
  EXPECT_EQ(d[0].band, 2u);
  EXPECT_EQ(d[0].children, 2);
  EXPECT_EQ(d[0].provision_lines, 3);
  EXPECT_EQ(d[1].need_code, "SEMH");
  EXPECT_EQ(d[1].band, 1u);
  EXPECT_EQ(d[1].children, 1);
  EXPECT_EQ(d[1].provision_lines, 0);
}

}  // namespace
}  // namespace tandem
