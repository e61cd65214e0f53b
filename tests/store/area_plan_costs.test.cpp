// The area's annual cost of plans by who pays, on both engines: a plan that
// went with the child to another council leaves the sums from its transfer; a
// ceased plan once it is no longer in force (the last day to appeal passed
// with no appeal), not before.
#include <gtest/gtest.h>

#include "app/access_log.h"
#include "app/plans.h"
#include "fixed_clock.h"
#include "store/cessations.h"
#include "store/children.h"
#include "store/people.h"
#include "store/plans.h"
#include "test_database.h"

namespace tandem {
namespace {

using testing::FixedClock;

TEST(AreaPlanCosts, EndedPlansLeaveTheSumsOnTheDayTheyEnd) {
  auto t = testing::open_test_database("area_plan_costs");
  const auto pounds = [](std::int64_t p) { return Pence::from_pounds(p); };
  t.db->write([&](store::Tx& tx) {
    store::upsert_area(tx, {"area", "Test area", "999"});
    for (const char* id : {"c-1", "c-2", "c-3"}) {
      Child c;
      c.id = id;
      c.area_id = "area";
      c.given_name = "Test";
      c.family_name = id;
      c.date_of_birth = make_date(2012, 1, 1);
      c.sex = "M";
      c.primary_need = "MLD";
      c.plan_status = PlanStatus::ehc_plan;
      store::insert_child(tx, c, 1);
      Plan p;
      p.id = std::string("p-") + (id + 2);
      p.child_id = id;
      p.stage = PlanStage::final;
      p.needs.primary_need = "MLD";
      store::save_plan(tx, "area", p, 0, {{"council_education", pounds(1000)}, {"icb", pounds(200)}}, "u", 5);
    }
    store::end_plans_of_child(tx, "area", "c-2", make_date(2026, 2, 1), CeaseReason::moved_la);
    Cessation ceased;
    ceased.reason = CeaseReason::needs_met;
    ceased.consulted_on = make_date(2025, 12, 1);
    ceased.decided_on = make_date(2026, 1, 5);
    ceased.reasons = "Needs met with SEN support";
    store::insert_cessation(tx, "area", "p-3", "c-3", ceased, "l-1", "u", 6);
  });
  FixedClock clock;
  app::AccessLog log(*t.db);
  app::RegisterServices services{*t.db, clock, log};
  app::SignedIn user;
  user.area_id = "area";
  const auto costs_on = [&](Date today) {
    clock.set_day(today);
    return app::area_plan_costs(services, user);
  };
  using Costs = std::map<std::string, Pence>;
  EXPECT_EQ(costs_on(make_date(2026, 3, 5)), (Costs{{"council_education", pounds(2000)}, {"icb", pounds(400)}}))
      << "the transferred plan is out; the ceased one is in force to the last day to appeal";
  EXPECT_EQ(costs_on(make_date(2026, 3, 6)), (Costs{{"council_education", pounds(1000)}, {"icb", pounds(200)}}));
}

}  // namespace
}  // namespace tandem
