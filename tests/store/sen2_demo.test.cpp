// The demo area's SEN2 validation report shows what a council's own data
// would: the handful of problems the demo generator left on purpose, each
// on its child, and nothing else (no plan without its request, no active
// plan without a placement).
#include <map>
#include <set>
#include <utility>

#include <gtest/gtest.h>

#include "app/demo_area.h"
#include "app/sen2_return.h"
#include "fixed_clock.h"
#include "store/sen2.h"
#include "test_database.h"

namespace tandem {
namespace {

using testing::FixedClock;

using Found = std::set<std::pair<std::string, std::string>>;  // child id, rule

TEST(Sen2Demo, TheReportRaisesWhatTheDemoPlantedAndNothingElse) {
  auto t = testing::open_test_database("sen2_demo");
  FixedClock clock;
  app::DemoRequest request;
  request.plans = 800;
  request.services = 20;
  const auto summary = app::build_demo_area(*t.db, clock, request);
  ASSERT_TRUE(summary.has_value()) << summary.error().first_message();

  const int year = 2026;
  const auto period = app::sen2_period(year);
  auto report = app::export_sen2(*t.db, clock, {summary->area_id, year, "", "Tandem", "", "Y", "Y"}, nullptr);
  ASSERT_TRUE(report.has_value());

  // Who is in the year's return, and the requests still undecided on the
  // census date more than 6 weeks after they came in (the assessment
  // generator's decisions that took 7 to 10 weeks).
  store::Sen2Area area;
  t.db->read([&](store::Tx& tx) { area = store::load_sen2_area(tx, summary->area_id); });
  std::set<std::string> in_return;
  for (const auto& c : area.children)
    if (app::derive_person(area, c, period, clock.today())) in_return.insert(c.id);

  // A placement DfE can only code as OTH is queried where the return names it:
  // placements in place at some time from the start of the activity year to the
  // census date.
  const auto other_in_return = [&](const std::string& child) {
    const auto it = area.placements.find(child);
    if (it == area.placements.end()) return false;
    for (const auto& pl : it->second)
      if (pl.setting_type == SettingType::other && pl.start_date <= period.census &&
          (!pl.end_date || *pl.end_date >= period.activity_from))
        return true;
    return false;
  };
  Found expected;
  for (const auto& p : summary->sen2_planted)
    if (in_return.contains(p.child_id) && (p.rule != "SEN2-Q04" || other_in_return(p.child_id)))
      expected.insert({p.child_id, p.rule});
  int withdrawn_undecided = 0;  // withdrawn before any decision, long enough ago to have been queried
  for (const auto& [child, list] : area.assessments)
    for (const auto& a : list) {
      // A request withdrawn by the census date is finished, not undecided.
      const bool withdrawn = a.withdrawn_on && *a.withdrawn_on <= period.census;
      withdrawn_undecided += withdrawn && !a.decided_on && (period.census - a.received_on).count() > 42;
      const bool undecided = !withdrawn && (!a.decided_on || *a.decided_on > period.census);
      if (a.received_on <= period.census && undecided && (period.census - a.received_on).count() > 42)
        expected.insert({child, "SEN2-E08"});
    }

  EXPECT_GT(withdrawn_undecided, 0) << "the demo withdraws some requests before a decision: none is raised as E08";

  Found raised;
  for (const auto& p : report->problems) raised.insert({p.child_id, p.rule});

  std::map<std::string, int> expected_by_rule, raised_by_rule;
  for (const auto& [child, rule] : expected) ++expected_by_rule[rule];
  for (const auto& [child, rule] : raised) ++raised_by_rule[rule];
  EXPECT_EQ(raised_by_rule, expected_by_rule);
  EXPECT_EQ(raised, expected);

  // Every kind the generator plants shows at this size, so the report has
  // something of each to show; plans without their request and active plans
  // without a placement are gone.
  for (const char* rule : {"SEN2-E11", "SEN2-Q06"}) EXPECT_GT(expected_by_rule[rule], 0) << rule;
  // Children without a UPN have DfE's reason recorded, which the return
  // carries as UPNunknown; one planted case has none and is the only SEN2-E03.
  EXPECT_EQ(expected_by_rule["SEN2-E03"], 1);
  std::size_t with_reason = 0;
  for (const auto& c : area.children)
    if (in_return.contains(c.id) && c.upn.empty() && !c.upn_unknown.empty()) ++with_reason;
  EXPECT_GE(with_reason, 2U);
  EXPECT_EQ(raised_by_rule.count("SEN2-Q01"), 0U);
  EXPECT_EQ(raised_by_rule.count("SEN2-Q03"), 0U);
  EXPECT_GT(report->totals.active_plans, 700);

  // Each problem links to where it is put right: a late decision to the
  // request's own case, the child's details (UPN, ethnicity, settings) to the
  // child's record.
  std::map<std::string, std::string> child_of_case;
  for (const auto& [child, list] : area.assessments)
    for (const auto& a : list) child_of_case["/assessments/" + a.id] = child;
  int to_cases = 0;
  for (const auto& p : report->problems) {
    if (p.rule == "SEN2-E08") {
      EXPECT_EQ(child_of_case[p.page], p.child_id) << p.path << " links to " << p.page;
      ++to_cases;
    } else if (p.rule == "SEN2-E03" || p.rule == "SEN2-Q06" || p.rule == "SEN2-E11") {
      EXPECT_EQ(p.page, "/children/" + p.child_id) << p.rule << " " << p.path;
    }
  }
  EXPECT_GT(to_cases, 0);
}

}  // namespace
}  // namespace tandem
