// The demo's commissioning activities: every stage of the joint cycle (and a
// closed one), several levels, some gates late and one ready to move on, each
// activity and piece of evidence and decision as the forms would accept it,
// and linked to the demo contracts they name.
#include "demo/commissioning.h"

#include <set>

#include <gtest/gtest.h>

#include "core/commissioning_input.h"
#include "demo/contracts.h"

namespace tandem::demo {
namespace {

TEST(DemoCommissioning, EveryStageSomeLateAllValid) {
  const Date today = make_date(2026, 2, 10);
  ContractOptions co;
  co.today = today;
  co.area_id = "demo";
  const auto contracts = generate_contracts(co);
  const auto d = generate_commissioning({today, "demo", "", contracts.contracts});
  std::set<CycleStage> stages;
  std::set<CommissioningLevel> levels;
  int late = 0, ready = 0, linked = 0;
  bool semh = false;
  for (const auto& a : d.activities) {
    stages.insert(a.stage);
    levels.insert(a.level);
    const auto g = gate_status(a, today);
    late += a.stage != CycleStage::closed && g.late ? 1 : 0;
    ready += a.stage != CycleStage::closed && g.ready ? 1 : 0;
    linked += a.contract_id.empty() ? 0 : 1;
    semh = semh || a.title == "Re-commission SEMH provision";
    ActivityInput in{a.id,           a.area_id,
                     a.title,        a.kind,
                     a.level,        a.partners,
                     a.budget,       a.stage == CycleStage::closed ? std::nullopt : std::optional<CycleStage>(a.stage),
                     a.stage_due_on, a.contract_id};
    EXPECT_TRUE(make_activity(in)) << a.title;
    for (const auto& e : a.evidence) {
      Activity at = a;
      at.stage = e.stage;
      EXPECT_TRUE(make_evidence(at, {e.need_id, e.title, e.contract_id.empty() ? e.url : "", e.contract_id}))
          << a.title << " " << e.need_id;
    }
    for (const auto& s : a.sign_offs) {
      Activity at = a;
      at.stage = s.stage;
      EXPECT_TRUE(make_sign_off(at, {false, s.agency, s.decided_on, s.decision, s.decision_maker, s.note}, today))
          << a.title;
    }
  }
  EXPECT_EQ(stages.size(), all_cycle_stages().size()) << "every stage, closed included";
  EXPECT_GE(levels.size(), 4u);
  EXPECT_GE(late, 2);
  EXPECT_GE(ready, 1);
  EXPECT_GE(linked, 3) << "linked to demo contracts by title";
  EXPECT_TRUE(semh);
  EXPECT_FALSE(d.stage_changes.empty());
}

}  // namespace
}  // namespace tandem::demo
