// Outcomes counted by the provider and the kind of provision serving them, at
// each plan's latest review (CFA s44; reg 20(7)). The answers are worked out
// by hand from the plans below.
#include "core/outcome_counts.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

ProvisionLine line(std::string provider, std::string category, std::vector<std::string> outcomes) {
  ProvisionLine l;
  l.provider.name = std::move(provider);
  l.category = std::move(category);
  l.outcome_ids = std::move(outcomes);
  return l;
}

Plan plan(std::vector<std::string> outcome_ids, std::vector<ProvisionLine> lines, PlanStage stage = PlanStage::final) {
  Plan p;
  p.stage = stage;
  for (auto& id : outcome_ids) p.outcomes.push_back({id, "An outcome", make_date(2027, 7, 1)});
  p.provision = std::move(lines);
  return p;
}

int count(const ProgressCounts& c, Progress p) { return c.by_progress[static_cast<std::size_t>(p)]; }

TEST(CountOutcomes, ByProviderAndByKindOfProvision) {
  // Plan 1: SLT team serves o1 and o2 with two lines (o2 twice), OT serves o2.
  const Plan p1 = plan({"o1", "o2", "o3"}, {line("SLT team", "speech_and_language_therapy", {"o1", "o2"}),
                                            line("SLT team", "speech_and_language_therapy", {"o2"}),
                                            line("OT service", "occupational_therapy", {"o2"})});
  // Plan 2: SLT team serves o1, which was not reviewed yet; a stale link to
  // an outcome no longer in the plan is ignored.
  const Plan p2 = plan({"o1"}, {line("SLT team", "speech_and_language_therapy", {"o1", "gone"})});
  // A draft plan counts for nothing.
  const Plan draft = plan({"o1"}, {line("SLT team", "speech_and_language_therapy", {"o1"})}, PlanStage::draft);
  const std::vector<ReviewedPlan> plans = {
      {&p1, {{"o1", Progress::achieved}, {"o2", Progress::not_on_track}, {"o3", Progress::on_track}}},
      {&p2, {}},
      {&draft, {{"o1", Progress::achieved}}},
  };
  const auto c = count_outcomes(plans);

  const auto& slt = c.by_provider.at("SLT team");
  EXPECT_EQ(count(slt, Progress::achieved), 1) << "plan 1 o1";
  EXPECT_EQ(count(slt, Progress::not_on_track), 1) << "plan 1 o2, once though two lines serve it";
  EXPECT_EQ(slt.not_yet_reviewed, 1) << "plan 2 o1";
  EXPECT_EQ(slt.total(), 3);
  EXPECT_EQ(slt.percent_achieved_or_on_track(), 50) << "1 of 2 reviewed";

  const auto& ot = c.by_provider.at("OT service");
  EXPECT_EQ(ot.total(), 1);
  EXPECT_EQ(count(ot, Progress::not_on_track), 1);
  EXPECT_EQ(ot.percent_achieved_or_on_track(), 0);

  EXPECT_EQ(c.by_category.at("speech_and_language_therapy").total(), 3);
  EXPECT_EQ(c.by_category.at("occupational_therapy").total(), 1);
  // o3 is served by no line: it is not counted anywhere.
  EXPECT_EQ(c.all.total(), 3) << "plan 1 o1, o2; plan 2 o1";
  EXPECT_EQ(c.by_provider.size(), 2u);
}

TEST(CountOutcomes, NoLongerRelevantOutcomesDoNotCountAgainstTheRate) {
  const Plan p = plan({"a", "b", "c"}, {line("Team", "speech_and_language_therapy", {"a", "b", "c"})});
  const auto c = count_outcomes(
      {{&p, {{"a", Progress::on_track}, {"b", Progress::no_longer_relevant}, {"c", Progress::some_progress}}}});
  EXPECT_EQ(c.all.percent_achieved_or_on_track(), 50) << "a of a and c";
  EXPECT_EQ(ProgressCounts{}.percent_achieved_or_on_track(), -1) << "nothing reviewed: no rate";
}

}  // namespace
}  // namespace tandem
