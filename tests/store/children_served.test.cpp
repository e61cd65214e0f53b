// The children a contract serves, on both engines: final plans whose
// provision names one of its services, the provider or one of its provision
// names, reviewed or not; drafts and plans naming others do not count.
#include "store/children_served.h"

#include <gtest/gtest.h>

#include "app/ceasing.h"
#include "store/cessations.h"
#include "store/children.h"
#include "store/contracts.h"
#include "store/people.h"
#include "store/plans.h"
#include "test_database.h"

namespace tandem {
namespace {

TEST(ChildrenServed, FinalPlansNamingTheServiceOrProvider) {
  auto t = testing::open_test_database("children_served");
  const auto child = [](const std::string& id) {
    Child c;
    c.id = id;
    c.area_id = "area";
    c.given_name = "Test";
    c.family_name = id;
    c.date_of_birth = make_date(2015, 1, 1);
    c.sex = "F";
    c.primary_need = "SLCN";
    c.plan_status = PlanStatus::ehc_plan;
    return c;
  };
  const auto plan = [](const std::string& id, const std::string& child_id, PlanStage stage, ProviderRef provider) {
    Plan p;
    p.id = id;
    p.child_id = child_id;
    p.stage = stage;
    p.needs.primary_need = "SLCN";
    ProvisionLine l;
    l.id = id + "-l";
    l.category = "speech_and_language_therapy";
    l.what = "Therapy";
    l.provider = std::move(provider);
    p.provision.push_back(l);
    return p;
  };
  t.db->write([&](store::Tx& tx) {
    store::upsert_area(tx, {"area", "Test area", "999"});
    for (const char* id : {"c-1", "c-2", "c-3", "c-4", "c-5"}) store::insert_child(tx, child(id), 1);
    store::save_plan(tx, "area", plan("p-1", "c-1", PlanStage::final, {"SLT service", std::nullopt}), 0, {}, "u", 5);
    store::save_plan(tx, "area", plan("p-2", "c-2", PlanStage::final, {"Anything", "svc-9"}), 0, {}, "u", 5);
    store::save_plan(tx, "area", plan("p-3", "c-3", PlanStage::final, {"Northern Therapies", std::nullopt}), 0, {}, "u",
                     5);
    store::save_plan(tx, "area", plan("p-4", "c-4", PlanStage::draft, {"SLT service", std::nullopt}), 0, {}, "u", 5);
    store::save_plan(tx, "area", plan("p-5", "c-5", PlanStage::final, {"Another team", "svc-1"}), 0, {}, "u", 5);
  });
  Contract c;
  c.id = "ct-1";
  c.area_id = "area";
  c.service_ids = {"svc-9"};
  c.provision_names = {"SLT service"};
  std::set<std::string> served;
  t.db->read([&](store::Tx& tx) { served = store::children_served(tx, "area", c, "Northern Therapies", {}); });
  EXPECT_EQ(served, (std::set<std::string>{"c-1", "c-2", "c-3"}));

  // c-3 moves away and its plan goes with them (reg 15(2)); c-1's plan is
  // ceased with no appeal, so it stays in force until the appeal window closes.
  t.db->write([&](store::Tx& tx) {
    store::end_plans_of_child(tx, "area", "c-3", make_date(2026, 1, 10), CeaseReason::moved_la);
    Cessation ceased;
    ceased.reason = CeaseReason::needs_met;
    ceased.consulted_on = make_date(2025, 12, 1);
    ceased.decided_on = make_date(2026, 1, 5);
    ceased.reasons = "Outcomes achieved";
    store::insert_cessation(tx, "area", "p-1", "c-1", ceased, "l-1", "u", 6);
  });
  const auto served_on = [&](Date today) {
    std::set<std::string> out;
    t.db->read([&](store::Tx& tx) {
      out = store::children_served(tx, "area", c, "Northern Therapies", app::plans_ended_by(tx, "area", today));
    });
    return out;
  };
  EXPECT_EQ(served_on(make_date(2026, 1, 9)), (std::set<std::string>{"c-1", "c-2", "c-3"}));
  EXPECT_EQ(served_on(make_date(2026, 1, 10)), (std::set<std::string>{"c-1", "c-2"}))
      << "from the day of transfer the new council maintains the plan";
  EXPECT_EQ(served_on(make_date(2026, 3, 5)), (std::set<std::string>{"c-1", "c-2"}))
      << "a ceased plan is in force until the last day to appeal";
  EXPECT_EQ(served_on(make_date(2026, 3, 6)), (std::set<std::string>{"c-2"}));
}

}  // namespace
}  // namespace tandem
