#include "demo/plans.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "demo/appeals.h"
#include "demo/assessments.h"
#include "demo/disagreements.h"
#include "profile/area_profiles.h"

namespace tandem::demo {
namespace {

const Date kToday = make_date(2025, 1, 16);

const ResponsibilityMatrix& demo_matrix() {
  static const ResponsibilityMatrix m = shipped_area_profile("demo")->responsibility;
  return m;
}

struct Generated {
  DemoArea area;
  std::vector<Assessment> cases;
};

// Stockport (356), which the demo area copies, at a reduced size.
const Generated& generated() {
  static const Generated g = [] {
    const Calibration c = *calibration_for("356");
    DemoOptions d;
    d.seed = 11;
    d.plans = 600;
    d.today = kToday;
    d.area_id = "demo-area";
    d.id_prefix = "t-";
    Generated out;
    out.area = generate_demo_area(c, d);
    AssessmentOptions a;
    a.seed = 5;
    a.today = kToday;
    a.area_id = "demo-area";
    a.id_prefix = "t-";
    out.cases = generate_assessments(c, out.area, a);
    return out;
  }();
  return g;
}

PlanOptions options(std::uint64_t seed) {
  PlanOptions o;
  o.seed = seed;
  o.today = kToday;
  o.id_prefix = "t-";
  return o;
}

const std::vector<Plan>& plans() {
  static const std::vector<Plan> p = generate_plans(generated().area, generated().cases, demo_matrix(), options(7));
  return p;
}

std::string dump(const std::vector<Plan>& plans) {
  std::ostringstream out;
  for (const auto& p : plans) {
    out << p.id << '|' << p.child_id << '|' << (p.stage == PlanStage::final) << '|' << p.views << '|'
        << p.needs.primary_need << '|' << p.health_needs << '|' << p.social_care_needs << '\n';
    for (const auto& o : p.outcomes)
      out << "  outcome " << o.id << '|' << o.text << '|' << format_date(*o.target_date) << '\n';
    for (const auto& l : p.provision) {
      out << "  line " << l.id << '|' << to_string(l.section) << '|' << l.category << '|' << l.what << '|'
          << l.provider.name << '|' << l.annual_cost.value << '|' << l.icb_agreed << '|' << l.rule << '\n';
      for (const auto& s : l.paying) out << "    pays " << to_string(s.agency) << ' ' << s.basis_points << '\n';
    }
    if (p.placement) out << "  placement " << p.placement->setting_name.value_or("") << '\n';
    if (p.personal_budget) out << "  budget " << p.personal_budget->text << '\n';
  }
  return out.str();
}

TEST(Plans, EveryChildWithAPlanHasExactlyOneFinalPlan) {
  std::map<std::string, int> finals;
  for (const auto& p : plans()) {
    if (p.stage == PlanStage::final) ++finals[p.child_id];
  }
  std::size_t with_plan = 0;
  for (const auto& d : generated().area.children) {
    if (d.child.plan_status != PlanStatus::ehc_plan) {
      EXPECT_FALSE(finals.contains(d.child.id)) << d.child.id;
      continue;
    }
    ++with_plan;
    EXPECT_EQ(finals[d.child.id], 1) << d.child.id;
  }
  EXPECT_GT(with_plan, 0u);
  EXPECT_EQ(finals.size(), with_plan);
}

TEST(Plans, OpenAssessmentsWithTheDraftServedHaveADraftPlan) {
  std::set<std::string> drafted;
  for (const auto& a : generated().cases) {
    if (stage_of(a) == AssessmentStage::draft_issued) drafted.insert(a.child_id);
  }
  std::set<std::string> drafts;
  for (const auto& p : plans()) {
    if (p.stage != PlanStage::draft) continue;
    EXPECT_TRUE(drafts.insert(p.child_id).second) << p.child_id;
    EXPECT_FALSE(p.placement) << p.id;  // CFA s38(5)
  }
  EXPECT_FALSE(drafted.empty());
  EXPECT_EQ(drafts, drafted);
}

TEST(Plans, EveryPlanPassesValidation) {
  for (const auto& p : plans()) {
    const auto ok = validate_plan(p);
    EXPECT_TRUE(ok) << p.id << ": " << (ok ? "" : ok.error().fields.front().message);
    EXPECT_TRUE(lines_without_outcomes(p).empty()) << p.id;
  }
}

TEST(Plans, SectionsHoldWhatTheLawAndMatrixSay) {
  std::size_t g_lines = 0, slt_lines = 0, continuing_care = 0;
  for (const auto& p : plans()) {
    EXPECT_GE(p.outcomes.size(), 2u) << p.id;
    EXPECT_LE(p.outcomes.size(), 4u) << p.id;
    EXPECT_FALSE(p.provision.empty()) << p.id;
    for (const auto& o : p.outcomes) {
      ASSERT_TRUE(o.target_date) << p.id;
      EXPECT_GE((*o.target_date - kToday).count(), 365) << p.id;
      EXPECT_LE((*o.target_date - kToday).count(), 730) << p.id;
    }
    for (const auto& l : p.provision) {
      EXPECT_GT(l.annual_cost.value, 0) << l.id;
      EXPECT_FALSE(l.outcome_ids.empty()) << l.id;
      std::int32_t sum = 0;
      for (const auto& s : l.paying) sum += s.basis_points;
      EXPECT_EQ(sum, kWholeShare) << l.id;
      // Placed by the proposal, not by hand.
      const Proposal proposal = propose_responsibility(l, demo_matrix());
      EXPECT_EQ(l.section, proposal.section) << l.id;
      EXPECT_EQ(l.paying, proposal.paying) << l.id;
      EXPECT_EQ(l.rule, proposal.rule) << l.id;
      if (l.category == "speech_and_language_therapy") {
        ++slt_lines;
        EXPECT_EQ(l.section, Section::F) << l.id;
        EXPECT_EQ(l.securing, Agency::council_education) << l.id;
      }
      if (l.section == Section::G) {
        ++g_lines;
        EXPECT_EQ(l.securing, Agency::icb) << l.id;
        EXPECT_EQ(l.icb_agreed, p.stage == PlanStage::final) << l.id;
      }
      if (l.category == "continuing_care") {
        ++continuing_care;
        ASSERT_EQ(l.paying.size(), 2u) << l.id;  // the demo area's 50/50 split
        EXPECT_EQ(l.paying[0].basis_points, 5'000) << l.id;
      }
    }
  }
  EXPECT_GT(g_lines, 0u);
  EXPECT_GT(slt_lines, 0u);
  EXPECT_GT(continuing_care, 0u);
}

TEST(Plans, FinalPlansNameTheCurrentSetting) {
  std::map<std::string, const DemoChild*> children;
  for (const auto& d : generated().area.children) children[d.child.id] = &d;
  for (const auto& p : plans()) {
    if (p.stage != PlanStage::final) continue;
    const DemoChild& d = *children.at(p.child_id);
    ASSERT_TRUE(p.placement) << p.id;
    // A child whose placement the DfE figures do not record gets the type "other".
    const SettingType type =
        d.placements.empty() || d.placements.back().end_date ? SettingType::other : d.placements.back().setting_type;
    EXPECT_EQ(p.placement->setting_type, type) << p.id;
    if (p.placement->setting_name) {
      EXPECT_EQ(*p.placement->setting_name, d.child.setting_name) << p.id;
    }
    EXPECT_EQ(p.needs.primary_need, d.child.primary_need) << p.id;
  }
}

TEST(Plans, AFewPlansHaveAPersonalBudget) {
  std::size_t with_budget = 0;
  for (const auto& p : plans()) {
    if (p.personal_budget) ++with_budget;
  }
  EXPECT_GT(with_budget, 0u);
  EXPECT_LT(with_budget * 10, plans().size());  // about 5%, well under 10%
}

TEST(Plans, IdsAreNumberedWithThePrefix) {
  std::set<std::string> line_ids;
  for (std::size_t i = 0; i < plans().size(); ++i) {
    const auto& p = plans()[i];
    std::string n = std::to_string(i + 1);
    n.insert(0, 6 - n.size(), '0');
    EXPECT_EQ(p.id, "t-p-" + n);
    for (const auto& l : p.provision) {
      EXPECT_TRUE(l.id.starts_with("t-pl-")) << l.id;
      EXPECT_TRUE(line_ids.insert(l.id).second) << l.id;
    }
  }
}

TEST(Plans, SameSeedSamePlansDifferentSeedDifferentPlans) {
  const auto& g = generated();
  const auto a = dump(generate_plans(g.area, g.cases, demo_matrix(), options(7)));
  const auto b = dump(generate_plans(g.area, g.cases, demo_matrix(), options(7)));
  const auto c = dump(generate_plans(g.area, g.cases, demo_matrix(), options(8)));
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

// Without an area rule, continuing care is not generated (nursing instead),
// and every plan still validates with the law's defaults.
TEST(Plans, ValidWithAnEmptyMatrix) {
  const auto& g = generated();
  for (const auto& p : generate_plans(g.area, g.cases, ResponsibilityMatrix{}, options(3))) {
    EXPECT_TRUE(validate_plan(p)) << p.id;
    for (const auto& l : p.provision) EXPECT_NE(l.category, "continuing_care") << l.id;
  }
}

// Lines recorded against the area's split open disagreements whose parties
// are the agencies of both versions; the plans stay valid; the same seed
// gives the same disagreements.
TEST(Plans, DisagreementsDepartFromTheSplitAndKeepPlansValid) {
  DisagreementOptions o;
  o.seed = 4;
  o.today = kToday;
  o.area_id = "demo-area";
  o.id_prefix = "t-";
  o.raised_by = {"u-cw"};
  o.decided_by = {"u-icb"};
  auto changed = plans();
  const auto d = generate_disagreements(changed, demo_matrix(), o);
  ASSERT_FALSE(d.empty()) << "the demo shows disagreements";
  std::map<DisagreementStatus, int> by_status;
  for (const auto& x : d) {
    ++by_status[status_of(x)];
    EXPECT_GE(x.parties.size(), 2u) << x.id;
    EXPECT_FALSE(x.reason.empty());
    EXPECT_LE(x.raised_on, kToday);
    const auto plan = std::find_if(changed.begin(), changed.end(), [&](const Plan& p) { return p.id == x.plan_id; });
    ASSERT_NE(plan, changed.end());
    const auto line = std::find_if(plan->provision.begin(), plan->provision.end(),
                                   [&](const ProvisionLine& l) { return l.id == x.line_id; });
    ASSERT_NE(line, plan->provision.end());
    EXPECT_EQ(line->paying.size(), 1u) << "one agency pays all";
    auto flags = check_against_proposal(*line, propose_responsibility(*line, demo_matrix()));
    ASSERT_TRUE(flags) << x.id;
    EXPECT_NE(std::find(flags->begin(), flags->end(), LineFlag::needs_partner_agreement), flags->end());
  }
  for (const auto& p : changed) EXPECT_TRUE(validate_plan(p)) << p.id;
  auto again = plans();
  const auto d2 = generate_disagreements(again, demo_matrix(), o);
  ASSERT_EQ(d2.size(), d.size());
  for (std::size_t i = 0; i < d.size(); ++i) EXPECT_EQ(d2[i].parties, d[i].parties);
}

// Appeals at every stage, each consistent with the tribunal rules the pages
// enforce, and the same for the same seed.
TEST(Plans, AppealsAtEveryStageFollowTheRules) {
  AppealOptions o;
  o.seed = 9;
  o.today = kToday;
  o.area_id = "demo-area";
  o.id_prefix = "t-";
  const auto appeals = generate_appeals(generated().cases, plans(), o);
  ASSERT_GE(appeals.size(), 5u);
  std::set<AppealOutcome> outcomes;
  int with_orders = 0;
  for (const auto& a : appeals) {
    outcomes.insert(a.outcome);
    EXPECT_LE(a.registered_on, kToday) << a.id;
    EXPECT_GE(a.registered_on, a.decision_notice_on) << a.id;
    if (a.outcome_on) {
      EXPECT_LE(*a.outcome_on, kToday) << a.id;
    }
    for (const auto& ord : a.orders) {
      ++with_orders;
      EXPECT_GE(ord.made_on, *a.outcome_on) << a.id;
      if (ord.complied_on) {
        EXPECT_LE(*ord.complied_on, kToday) << a.id;
      }
    }
  }
  EXPECT_TRUE(outcomes.count(AppealOutcome::pending)) << "some wait for their hearing";
  EXPECT_TRUE(outcomes.count(AppealOutcome::upheld));
  EXPECT_GT(with_orders, 0);
  const auto again = generate_appeals(generated().cases, plans(), o);
  ASSERT_EQ(again.size(), appeals.size());
  for (std::size_t i = 0; i < appeals.size(); ++i) EXPECT_EQ(again[i].outcome, appeals[i].outcome);
}

}  // namespace
}  // namespace tandem::demo
