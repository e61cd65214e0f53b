// Decommissioning appraisals as tables of cases: every section must be
// written, and the decision is recorded once, dated, by someone named.
#include "core/decommissioning.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

const Date kToday = make_date(2026, 1, 15);

Appraisal good() {
  Appraisal a;
  a.id = "dc-1";
  a.area_id = "area";
  a.subject_id = "ct-1";
  a.needs_and_demand = "Falling referrals";
  a.quality_and_performance = "Amber";
  a.cost = "Rising per child";
  a.contract_terms = "Six months' notice";
  a.stakeholders = "42 families";
  a.exit_plan = "Moves at next review";
  return a;
}

TEST(MakeAppraisal, EverySectionMustBeWritten) {
  struct Case {
    const char* name;
    void (*change)(Appraisal&);
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"good", [](Appraisal&) {}, {}},
      {"no subject", [](Appraisal& a) { a.subject_id.clear(); }, {"subject_id"}},
      {"blank needs", [](Appraisal& a) { a.needs_and_demand = "  \n"; }, {"needs_and_demand"}},
      {"no quality", [](Appraisal& a) { a.quality_and_performance.clear(); }, {"quality_and_performance"}},
      {"no cost", [](Appraisal& a) { a.cost.clear(); }, {"cost"}},
      {"no contract", [](Appraisal& a) { a.contract_terms.clear(); }, {"contract_terms"}},
      {"no stakeholders", [](Appraisal& a) { a.stakeholders.clear(); }, {"stakeholders"}},
      {"no exit plan", [](Appraisal& a) { a.exit_plan.clear(); }, {"exit_plan"}},
      {"nothing written",
       [](Appraisal& a) { a = Appraisal{}; },
       {"subject_id", "needs_and_demand", "quality_and_performance", "cost", "contract_terms", "stakeholders",
        "exit_plan"}},
  };
  for (const auto& c : cases) {
    auto in = good();
    c.change(in);
    auto r = make_appraisal(in);
    std::vector<std::string> fields;
    if (!r) {
      for (const auto& f : r.error().fields) fields.push_back(f.field);
    }
    EXPECT_EQ(fields, c.fields) << c.name;
  }
  auto decided = good();
  decided.decision = DecommissionDecision::decommission;
  EXPECT_FALSE(make_appraisal(decided)->decision) << "a new appraisal carries no decision";
}

TEST(Decide, OnceDatedAndByWhom) {
  using D = DecommissionDecision;
  struct Case {
    std::optional<D> already;
    std::optional<D> decision;
    std::optional<Date> on;
    std::string by;
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {std::nullopt, D::recommission, kToday, "Joint commissioning board", {}},
      {std::nullopt, D::continue_service, make_date(2025, 12, 1), "ICB chief nurse", {}},
      {std::nullopt, std::nullopt, kToday, "Board", {"decision"}},
      {std::nullopt, D::decommission, std::nullopt, "Board", {"decided_on"}},
      {std::nullopt, D::decommission, kToday + std::chrono::days(1), "Board", {"decided_on"}},
      {std::nullopt, D::decommission, kToday, " ", {"decided_by"}},
      {std::nullopt, std::nullopt, std::nullopt, "", {"decision", "decided_on", "decided_by"}},
      {D::continue_service, D::decommission, kToday, "Board", {"decision"}},
  };
  for (const auto& c : cases) {
    auto a = *make_appraisal(good());
    a.decision = c.already;
    auto r = decide(a, c.decision, c.on, c.by, "Because", kToday);
    std::vector<std::string> fields;
    if (!r) {
      for (const auto& f : r.error().fields) fields.push_back(f.field);
    } else {
      EXPECT_EQ(r->decision, c.decision);
      EXPECT_EQ(r->decided_on, c.on);
      EXPECT_EQ(r->decided_by, c.by);
      EXPECT_EQ(r->rationale, "Because");
    }
    EXPECT_EQ(fields, c.fields) << c.by;
  }
}

TEST(DecommissionDecision, TextIdsRoundTrip) {
  for (const auto d : all_decommission_decisions()) EXPECT_EQ(parse_decommission_decision(to_string(d)), d);
  EXPECT_EQ(parse_decommission_decision("stop"), std::nullopt);
  EXPECT_EQ(parse_appraisal_subject("activity"), AppraisalSubject::activity);
  EXPECT_EQ(parse_appraisal_subject("plan"), std::nullopt);
}

}  // namespace
}  // namespace tandem
