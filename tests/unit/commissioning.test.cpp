// Commissioning activities round the joint cycle, as tables of cases: what a
// stage's gate still needs (evidence, each partner's own approval), lateness,
// moving on, and money committed by agency.
#include "core/commissioning.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

const Date kToday = make_date(2026, 2, 1);

Activity sample(ActivityKind kind = ActivityKind::recommission) {
  Activity a;
  a.id = "ca-1";
  a.title = "Re-commission the autism assessment pathway";
  a.kind = kind;
  a.partners = {{Agency::icb, 6'000}, {Agency::council_education, 4'000}};
  a.budget = Pence::from_pounds(500'000);
  a.stage = CycleStage::joint_planning;
  a.stage_due_on = make_date(2026, 3, 31);
  return a;
}

void link_all(Activity& a) {
  for (const auto& n : evidence_for(a.stage, a.kind))
    a.evidence.push_back({a.stage, std::string(n.id), "x", "/doc", ""});
}

TEST(CommissioningGate, EvidenceAndEveryPartnersOwnApproval) {
  const SignOff icb_yes{CycleStage::joint_planning,
                        Agency::icb,
                        make_date(2026, 1, 10),
                        SignOffDecision::approved,
                        "ICB Finance and Performance Committee",
                        ""};
  const SignOff la_yes{CycleStage::joint_planning, Agency::council_education,     make_date(2026, 1, 12),
                       SignOffDecision::approved,  "Cabinet member for children", ""};
  const SignOff la_later_deferred{CycleStage::joint_planning,
                                  Agency::council_education,
                                  make_date(2026, 1, 20),
                                  SignOffDecision::deferred,
                                  "Cabinet",
                                  "More on costs"};
  const SignOff icb_earlier_stage{CycleStage::joint_understanding, Agency::icb, make_date(2025, 11, 1),
                                  SignOffDecision::approved,       "ICB board", ""};
  struct Case {
    std::string name;
    bool evidence;
    std::vector<SignOff> sign_offs;
    std::vector<Agency> awaiting;
    bool ready;
  };
  const Case cases[] = {
      {"nothing yet", false, {}, {Agency::icb, Agency::council_education}, false},
      {"evidence only", true, {}, {Agency::icb, Agency::council_education}, false},
      {"one partner", true, {icb_yes}, {Agency::council_education}, false},
      {"both partners", true, {icb_yes, la_yes}, {}, true},
      {"both, no evidence", false, {icb_yes, la_yes}, {}, false},
      {"a later deferral reopens it", true, {icb_yes, la_yes, la_later_deferred}, {Agency::council_education}, false},
      {"an earlier stage's approval does not count", true, {icb_earlier_stage, la_yes}, {Agency::icb}, false},
  };
  for (const auto& c : cases) {
    Activity a = sample();
    if (c.evidence) link_all(a);
    a.sign_offs = c.sign_offs;
    const auto g = gate_status(a, kToday);
    EXPECT_EQ(g.awaiting, c.awaiting) << c.name;
    EXPECT_EQ(g.ready, c.ready) << c.name;
    EXPECT_EQ(g.missing_evidence.empty(), c.evidence) << c.name;
    EXPECT_FALSE(g.late) << c.name;
    auto moved = advance(a, make_date(2026, 9, 30));
    EXPECT_EQ(moved.has_value(), c.ready) << c.name;
    if (moved) {
      EXPECT_EQ(moved->stage, CycleStage::joint_delivery);
      EXPECT_EQ(moved->stage_due_on, make_date(2026, 9, 30));
    }
  }
}

TEST(CommissioningGate, DecommissioningNeedsItsAppraisal) {
  const auto recommission = evidence_for(CycleStage::joint_planning, ActivityKind::recommission);
  const auto decommission = evidence_for(CycleStage::joint_planning, ActivityKind::decommission);
  EXPECT_EQ(decommission.size(), 6u) << "needs, quality, cost, contract, stakeholders, exit plan";
  EXPECT_NE(recommission.size(), decommission.size());
  Activity a = sample(ActivityKind::decommission);
  a.evidence.push_back({CycleStage::joint_planning, "needs_and_demand", "JSNA", "/doc", ""});
  const auto g = gate_status(a, kToday);
  EXPECT_EQ(g.missing_evidence.size(), 5u);
  auto refused = advance(a, kToday);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields[0].field, "evidence");
  EXPECT_NE(refused.error().fields[0].message.find("Exit plan"), std::string::npos);
  EXPECT_EQ(refused.error().fields[1].field, "sign_offs");
}

TEST(CommissioningGate, LateAndCommitted) {
  Activity a = sample();
  a.stage_due_on = make_date(2026, 1, 31);
  EXPECT_TRUE(gate_status(a, kToday).late);
  a.stage_due_on = kToday;
  EXPECT_FALSE(gate_status(a, kToday).late) << "the due day itself is in time";

  Activity closed = sample();
  closed.stage = CycleStage::closed;
  const std::vector<Activity> all{sample(), sample(), closed};
  const auto committed = committed_by_agency(all);
  EXPECT_EQ(committed.at(Agency::icb), Pence::from_pounds(600'000));
  EXPECT_EQ(committed.at(Agency::council_education), Pence::from_pounds(400'000));
}

TEST(CommissioningGate, JointReviewClosesTheCycle) {
  Activity a = sample();
  a.stage = CycleStage::joint_review;
  link_all(a);
  for (const auto& p : a.partners) {
    a.sign_offs.push_back({CycleStage::joint_review, p.agency, kToday, SignOffDecision::approved, "Board", ""});
  }
  auto closed = advance(a, kToday);
  ASSERT_TRUE(closed);
  EXPECT_EQ(closed->stage, CycleStage::closed);
  EXPECT_FALSE(advance(*closed, kToday));
}

}  // namespace
}  // namespace tandem
