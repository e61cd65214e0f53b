// The top-up schedule held in memory, on both engines: it is the schedule
// worked out afresh, it is kept while nothing it comes from changes, and any
// write that changes it (a payment recorded or corrected, a plan's top-up, a
// placement) makes the next read rebuild it.
#include "app/top_up_cache.h"

#include <gtest/gtest.h>

#include <functional>

#include "profile/school_terms.h"
#include "store/children.h"
#include "store/people.h"
#include "store/plans.h"
#include "store/top_ups.h"
#include "test_database.h"

namespace tandem {
namespace {

Child child(const std::string& id, const std::string& family) {
  Child c;
  c.id = id;
  c.area_id = "area";
  c.given_name = "Test";
  c.family_name = family;
  c.date_of_birth = make_date(2015, 1, 1);
  c.sex = "F";
  c.primary_need = "SLCN";
  c.plan_status = PlanStatus::ehc_plan;
  return c;
}

Plan final_plan(const std::string& id, const std::string& child_id) {
  Plan p;
  p.id = id;
  p.child_id = child_id;
  p.stage = PlanStage::final;
  p.needs.primary_need = "SLCN";
  return p;
}

class TopUpCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("top_up_cache");
    t_.db->write([&](store::Tx& tx) {
      store::upsert_area(tx, {"area", "Test area", "999"});
      store::insert_child(tx, child("c-1", "Ahmed"), 1);
      store::insert_placement(
          tx, "area", "c-1",
          {"pl-1", "Hillside", SettingType::mainstream, make_date(2024, 9, 1), std::nullopt, "", ""});
      store::save_plan(tx, "area", final_plan("p-1", "c-1"), 0, {{"high_needs_top_up", Pence::from_pounds(3'650)}}, "u",
                       5);
    });
  }
  std::shared_ptr<const app::TopUpSchedule> fresh() {
    std::shared_ptr<const app::TopUpSchedule> out;
    t_.db->read([&](store::Tx& tx) { out = app::build_top_up_schedule(tx, "area", calendar_, autumn_); });
    return out;
  }
  static void expect_same(const app::TopUpSchedule& a, const app::TopUpSchedule& b, const char* after) {
    EXPECT_EQ(a.due, b.due) << after;
    EXPECT_EQ(a.paid, b.paid) << after;
    EXPECT_EQ(a.children, b.children) << after;
    EXPECT_EQ(a.child_ids, b.child_ids) << after;
    ASSERT_EQ(a.settings.size(), b.settings.size()) << after;
    for (std::size_t i = 0; i < a.settings.size(); ++i) {
      EXPECT_EQ(a.settings[i].setting_name, b.settings[i].setting_name) << after;
      EXPECT_EQ(a.settings[i].outstanding, b.settings[i].outstanding) << after;
      EXPECT_EQ(a.settings[i].children.size(), b.settings[i].children.size()) << after;
    }
  }
  testing::TestDatabase t_;
  const TermCalendar calendar_ = term_calendar_for_area("area");
  const FundingTerm autumn_ = *parse_funding_term(calendar_, "2025-autumn");
};

TEST_F(TopUpCacheTest, KeptUntilAWriteChangesWhatItComesFrom) {
  app::TopUpCache cache;
  const auto first = cache.schedule(*t_.db, "area", calendar_, autumn_);
  expect_same(*first, *fresh(), "first read");
  EXPECT_EQ(first->due, Pence::from_pounds(1'220)) << "122 of 365 days at £3,650 a year";
  EXPECT_EQ(cache.schedule(*t_.db, "area", calendar_, autumn_), first) << "the same schedule, not rebuilt";
  EXPECT_EQ(cache.builds(), 1u);

  TopUpPayment paid{"t-1", "area", "2025-autumn", "Hillside", Pence::from_pounds(1'000), make_date(2025, 10, 1),
                    "B-1", 1};
  struct Case {
    const char* write;
    std::function<void(store::Tx&)> change;
  };
  const Case cases[] = {
      {"a payment recorded", [&](store::Tx& tx) { store::insert_top_up_payment(tx, paid, "u", 1); }},
      {"a payment corrected",
       [&](store::Tx& tx) {
         auto fixed = paid;
         fixed.amount = Pence::from_pounds(1'220);
         store::update_top_up_payment(tx, fixed, 1);
       }},
      {"a plan's top-up changed",
       [&](store::Tx& tx) {
         store::save_plan(tx, "area", final_plan("p-1", "c-1"), 1, {{"high_needs_top_up", Pence::from_pounds(7'300)}},
                          "u", 6);
       }},
      {"the day a plan was made",
       [&](store::Tx& tx) { store::set_plan_review_dates(tx, "area", "p-1", make_date(2025, 11, 1), std::nullopt); }},
      {"a child renamed",
       [&](store::Tx& tx) {
         auto renamed = child("c-1", "Baker");
         renamed.version = 1;
         ASSERT_TRUE(store::update_child(tx, renamed, 7));
       }},
      {"a child moved settings",
       [&](store::Tx& tx) {
         store::insert_placement(tx, "area", "c-1",
                                 {"pl-2", "Brook", SettingType::special, make_date(2025, 12, 1), std::nullopt, "", ""});
       }},
  };
  std::size_t builds = cache.builds();
  for (const auto& c : cases) {
    const auto before = cache.schedule(*t_.db, "area", calendar_, autumn_);
    t_.db->write(c.change);
    const auto after = cache.schedule(*t_.db, "area", calendar_, autumn_);
    EXPECT_NE(after, before) << c.write;
    EXPECT_EQ(cache.builds(), ++builds) << c.write << ": rebuilt once";
    expect_same(*after, *fresh(), c.write);
    EXPECT_EQ(cache.schedule(*t_.db, "area", calendar_, autumn_), after) << c.write << ": then kept";
  }
  // Another term is a schedule of its own.
  cache.schedule(*t_.db, "area", calendar_, next_term(calendar_, autumn_));
  EXPECT_EQ(cache.builds(), builds + 1);
}

}  // namespace
}  // namespace tandem
