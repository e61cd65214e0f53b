// The demo's commissioned services: contracts at every procurement stage and
// of every type, the same for the same seed, returns rated with a mix of
// green and red, and one return left overdue; every call-off is picked from
// a framework at a tier its provider is approved at.
#include "demo/contracts.h"

#include <map>
#include <set>

#include <gtest/gtest.h>

namespace tandem::demo {
namespace {

ContractOptions options() {
  ContractOptions o;
  o.seed = 20261123;
  o.today = make_date(2026, 2, 10);
  o.area_id = "demo";
  o.services = {{"svc-1", "Speech and language drop-in"}, {"svc-2", "Autism support group"}};
  return o;
}

TEST(DemoContracts, CallOffsArePickedFromTheirFramework) {
  const auto d = generate_contracts(options());
  std::map<std::string, std::string> names;
  for (const auto& p : d.providers) names[p.id] = p.name;
  std::size_t call_offs = 0;
  for (const auto& c : d.contracts) {
    if (c.type != ContractType::framework_call_off) continue;
    ++call_offs;
    EXPECT_FALSE(c.framework_id.empty()) << c.title;
    const auto errors =
        check_framework_pick({c.type, c.provider_id, c.framework_id, c.tier, c.start_on}, d.frameworks, {}, names);
    EXPECT_TRUE(errors.empty()) << c.title << ": " << (errors.empty() ? "" : errors.front().message);
  }
  EXPECT_GE(call_offs, 2u);
}

TEST(DemoContracts, EveryStageEveryTypeAndAMixOfRatings) {
  const auto d = generate_contracts(options());
  std::set<ProcurementStage> stages;
  std::set<ContractType> types;
  for (const auto& c : d.contracts) {
    stages.insert(c.stage);
    types.insert(c.type);
  }
  EXPECT_EQ(stages.size(), all_procurement_stages().size());
  EXPECT_EQ(types.size(), all_contract_types().size());
  EXPECT_EQ(d.contracts.front().service_ids, (std::vector<std::string>{"svc-1"})) << "linked by key word";

  std::set<Rag> ratings;
  for (const auto& r : d.returns) {
    for (const auto& k : d.kpis) {
      for (const auto& a : r.actuals) {
        if (a.kpi_id == k.id) ratings.insert(rate(k, a.actual));
      }
    }
  }
  EXPECT_TRUE(ratings.contains(Rag::green));
  EXPECT_TRUE(ratings.contains(Rag::amber));
  EXPECT_TRUE(ratings.contains(Rag::red));

  const Quarter last = previous_quarter(quarter_of(options().today));
  std::size_t live_without_last = 0;
  for (const auto& c : d.contracts) {
    if (c.stage != ProcurementStage::live) continue;
    bool has = false;
    for (const auto& r : d.returns) has = has || (r.contract_id == c.id && r.quarter == last);
    live_without_last += has ? 0 : 1;
  }
  EXPECT_GE(live_without_last, 1u) << "one provider is late with its return";

  const auto again = generate_contracts(options());
  ASSERT_EQ(again.returns.size(), d.returns.size());
  for (std::size_t i = 0; i < d.returns.size(); ++i) EXPECT_EQ(again.returns[i].spend, d.returns[i].spend);
}

}  // namespace
}  // namespace tandem::demo
