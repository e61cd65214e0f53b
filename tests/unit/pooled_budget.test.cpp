// Pooled budgets as tables of cases: what a pool needs, the host put first,
// and the balance with each partner's share of the pool.
#include "core/pooled_budget.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

PooledBudgetInput good() {
  return {"pool-1",
          "area",
          "Joint therapies pooled budget",
          "S75-01",
          Agency::icb,
          make_date(2025, 4, 1),
          make_date(2026, 3, 31),
          {{Agency::council_education, Pence::from_pounds(100'000)}, {Agency::icb, Pence::from_pounds(300'000)}},
          {"ct-1", "ct-2"}};
}

TEST(MakePooledBudget, EveryWrongFieldIsNamed) {
  struct Case {
    const char* name;
    void (*change)(PooledBudgetInput&);
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"good", [](PooledBudgetInput&) {}, {}},
      {"no contracts yet", [](PooledBudgetInput& p) { p.contract_ids.clear(); }, {}},
      {"no name", [](PooledBudgetInput& p) { p.name = "  "; }, {"name"}},
      {"no contributions", [](PooledBudgetInput& p) { p.contributions.clear(); }, {"contributions"}},
      {"a school contributes",
       [](PooledBudgetInput& p) {
         p.contributions.push_back({Agency::school, Pence(100)});
       },
       {"contributions"}},
      {"nothing contributed", [](PooledBudgetInput& p) { p.contributions[0].amount = Pence(0); }, {"contributions"}},
      {"a partner twice",
       [](PooledBudgetInput& p) {
         p.contributions.push_back({Agency::icb, Pence(100)});
       },
       {"contributions"}},
      {"no host", [](PooledBudgetInput& p) { p.host.reset(); }, {"host"}},
      {"host not a partner", [](PooledBudgetInput& p) { p.host = Agency::nhs_england; }, {"host"}},
      {"no start", [](PooledBudgetInput& p) { p.start_on.reset(); }, {"start_on"}},
      {"ends before it starts", [](PooledBudgetInput& p) { p.end_on = make_date(2025, 4, 1); }, {"end_on"}},
      {"a contract twice", [](PooledBudgetInput& p) { p.contract_ids.push_back("ct-1"); }, {"contract_ids"}},
      {"everything wrong",
       [](PooledBudgetInput& p) {
         p.name.clear();
         p.contributions.clear();
         p.host.reset();
         p.start_on.reset();
         p.end_on.reset();
       },
       {"name", "contributions", "host", "start_on", "end_on"}},
  };
  for (const auto& c : cases) {
    auto in = good();
    c.change(in);
    auto r = make_pooled_budget(in);
    std::vector<std::string> fields;
    if (!r) {
      for (const auto& f : r.error().fields) fields.push_back(f.field);
    }
    EXPECT_EQ(fields, c.fields) << c.name;
  }
}

TEST(MakePooledBudget, TheHostComesFirst) {
  auto p = *make_pooled_budget(good());
  ASSERT_EQ(p.contributions.size(), 2u);
  EXPECT_EQ(p.contributions[0].agency, Agency::icb);
  EXPECT_EQ(p.contributions[1].agency, Agency::council_education);
}

TEST(PoolBalance, ContributionsLessSpendWithShares) {
  const auto pool = *make_pooled_budget(good());  // £400,000: ICB 75%, council 25%
  struct Case {
    std::int64_t spent;
    std::int64_t balance;
    bool overdrawn;
  };
  const Case cases[] = {{0, 400'000, false}, {150'000, 250'000, false}, {400'000, 0, false}, {400'001, -1, true}};
  for (const auto& c : cases) {
    const auto b = pool_balance(pool, Pence::from_pounds(c.spent));
    EXPECT_EQ(b.contributed, Pence::from_pounds(400'000));
    EXPECT_EQ(b.spent, Pence::from_pounds(c.spent));
    EXPECT_EQ(b.balance, Pence::from_pounds(c.balance)) << c.spent;
    EXPECT_EQ(b.overdrawn, c.overdrawn) << c.spent;
    ASSERT_EQ(b.shares.size(), 2u);
    EXPECT_EQ(b.shares[0], std::make_pair(Agency::icb, 7'500));
    EXPECT_EQ(b.shares[1], std::make_pair(Agency::council_education, 2'500));
    ASSERT_EQ(b.spent_by_partner.size(), 2u);
    EXPECT_EQ(b.spent_by_partner[0].second + b.spent_by_partner[1].second, Pence::from_pounds(c.spent));
    EXPECT_EQ(b.spent_by_partner[1].second, Pence(Pence::from_pounds(c.spent).value / 4)) << "the council's quarter";
  }
  // Thirds: the odd basis point goes to the host, so the shares sum to 10,000.
  PooledBudgetInput in = good();
  in.contributions = {
      {Agency::icb, Pence(100)}, {Agency::council_education, Pence(100)}, {Agency::council_social_care, Pence(100)}};
  const auto b = pool_balance(*make_pooled_budget(in), Pence(0));
  EXPECT_EQ(b.shares[0].second, 3'334);
  EXPECT_EQ(b.shares[1].second, 3'333);
  EXPECT_EQ(b.shares[2].second, 3'333);
}

// Section 75 pools pay for their contracts during the agreement's term only:
// an invoice on a pooled contract dated before the pool started or after it
// ended was met from a partner's own budget, not from the pool.
TEST(PoolSpend, CountsOnlyItsContractsInvoicesDatedWithinItsTerm) {
  const auto pool = *make_pooled_budget(good());  // 1 April 2025 to 31 March 2026; ct-1 and ct-2
  const auto inv = [](const char* contract, Date on, std::int64_t pounds) {
    return Invoice{"i", "area", contract, "R", on, Pence::from_pounds(pounds), std::nullopt, 1};
  };
  struct Case {
    const char* name;
    Invoice invoice;
    std::int64_t counted;
  };
  const Case cases[] = {
      {"the day before the term", inv("ct-1", make_date(2025, 3, 31), 1'000), 0},
      {"the first day", inv("ct-1", make_date(2025, 4, 1), 1'000), 1'000},
      {"mid-term, the other contract", inv("ct-2", make_date(2025, 10, 15), 2'500), 2'500},
      {"the last day", inv("ct-2", make_date(2026, 3, 31), 700), 700},
      {"the day after the term", inv("ct-1", make_date(2026, 4, 1), 1'000), 0},
      {"a contract the pool does not pay for", inv("ct-9", make_date(2025, 6, 1), 1'000), 0},
  };
  std::vector<Invoice> all;
  std::int64_t expected = 0;
  for (const auto& c : cases) {
    const Invoice one[] = {c.invoice};
    EXPECT_EQ(pool_spend(pool, one), Pence::from_pounds(c.counted)) << c.name;
    all.push_back(c.invoice);
    expected += c.counted;
  }
  EXPECT_EQ(pool_spend(pool, all), Pence::from_pounds(expected));
  EXPECT_EQ(pool_balance(pool, pool_spend(pool, all)).spent, Pence::from_pounds(4'200));
}

}  // namespace
}  // namespace tandem
