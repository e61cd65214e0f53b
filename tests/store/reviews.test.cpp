// Reviews read back as written on both engines, with progress on every
// outcome; a stale version is refused; unfinished reviews are those awaiting
// a decision or an amended plan, for children the viewer is involved with.
#include "store/reviews.h"

#include <gtest/gtest.h>

#include "store/children.h"
#include "store/people.h"
#include "store/plans.h"
#include "test_database.h"

namespace tandem {
namespace {

class Reviews : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("reviews");
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
      store::insert_involvement(tx, "area", "c-1",
                                {"i-1", Agency::council_education, "", "", "", make_date(2020, 1, 1), std::nullopt});
      store::save_plan(tx, "area", p, 0, {}, "u-1", 1);
    });
  }

  Review make(const std::string& id, Date meeting) {
    Review r;
    r.id = id;
    r.area_id = "area";
    r.plan_id = "p-1";
    r.child_id = "c-1";
    r.meeting_on = meeting;
    r.lead = ReviewLead::college;
    r.views = "Wants to study animal care";
    r.recommendation = ReviewDecision::amend;
    r.progress = {{"o-1", "Travel independently", Progress::some_progress, "With a buddy"},
                  {"o-2", "Read a menu", Progress::achieved, ""}};
    return r;
  }
  std::vector<std::string> unfinished(const std::string& agency) {
    std::vector<std::string> out;
    t_.db->read([&](store::Tx& tx) {
      for (const auto& r : store::unfinished_reviews(tx, "area", "u-9", agency, true)) out.push_back(r.review.id);
    });
    return out;
  }
  testing::TestDatabase t_;
};

TEST_F(Reviews, ReadBackWithProgressAndDecision) {
  auto r = make("r-1", make_date(2026, 1, 5));
  t_.db->write([&](store::Tx& tx) { store::insert_review(tx, r, "u-1"); });
  r.decision = ReviewDecision::amend;
  r.decided_on = make_date(2026, 1, 20);
  bool saved = false, stale = true;
  t_.db->write([&](store::Tx& tx) {
    saved = store::update_review(tx, r, 1);
    stale = store::update_review(tx, r, 1);
  });
  EXPECT_TRUE(saved);
  EXPECT_FALSE(stale);
  std::optional<store::StoredReview> back;
  bool amending = false;
  t_.db->read([&](store::Tx& tx) {
    back = store::find_review(tx, "area", "r-1");
    amending = store::amendment_open(tx, "area", "p-1");
  });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->version, 2);
  EXPECT_EQ(back->review.lead, ReviewLead::college);
  EXPECT_EQ(back->review.decision, ReviewDecision::amend);
  EXPECT_EQ(back->review.decided_on, make_date(2026, 1, 20));
  EXPECT_EQ(back->review.progress, r.progress);
  EXPECT_TRUE(amending) << "a decision to amend opens the plan until the amended plan is issued";
}

TEST_F(Reviews, UnfinishedUntilDecidedOrAmendedAndOnlyForThoseInvolved) {
  auto waiting = make("r-1", make_date(2026, 1, 5));
  auto kept = make("r-2", make_date(2026, 2, 5));
  kept.decision = ReviewDecision::maintain;
  kept.decided_on = make_date(2026, 2, 10);
  auto amended = make("r-3", make_date(2026, 3, 5));
  amended.decision = ReviewDecision::amend;
  amended.decided_on = make_date(2026, 3, 10);
  auto amending = make("r-4", make_date(2026, 4, 5));
  amending.decision = ReviewDecision::amend;
  amending.decided_on = make_date(2026, 4, 10);
  amended.amended_plan_issued_on = make_date(2026, 5, 1);
  t_.db->write([&](store::Tx& tx) {
    for (const auto& r : {waiting, kept, amended, amending}) store::insert_review(tx, r, "u-1");
  });
  EXPECT_EQ(unfinished("council_education"), (std::vector<std::string>{"r-1", "r-4"}));
  EXPECT_TRUE(unfinished("icb").empty()) << "the ICB is not involved with this child";
}

}  // namespace
}  // namespace tandem
