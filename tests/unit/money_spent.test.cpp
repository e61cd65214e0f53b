// Money actually spent by agency: invoices split by their contract's shares,
// top-ups and recharges to the council's education budget.
#include "core/money_spent.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

TEST(SpendByAgency, InvoicesByShareTopUpsAndRechargesToTheCouncil) {
  Contract joint;
  joint.id = "ct-joint";
  joint.commissioners = {{Agency::icb, 7'500}, {Agency::council_education, 2'500}};
  Contract health;
  health.id = "ct-icb";
  health.commissioners = {{Agency::icb, 10'000}};
  const Contract contracts[] = {joint, health};
  const auto invoice = [](const char* contract, std::int64_t pounds) {
    return Invoice{"i", "area", contract, "R", make_date(2025, 6, 1), Pence::from_pounds(pounds), std::nullopt, 1};
  };
  const Invoice invoices[] = {invoice("ct-joint", 1'000), invoice("ct-icb", 500), invoice("ct-gone", 9'999)};
  const TopUpPayment top_ups[] = {
      {"p", "area", "2025-autumn", "Hillside", Pence::from_pounds(1'220), make_date(2025, 10, 1), "B-1", 1},
      {"q", "area", "2025-autumn", "Brook", Pence::from_pounds(780), make_date(2025, 10, 1), "B-2", 1}};
  const auto recharge = [](RechargeDirection d, std::int64_t pounds, bool paid) {
    Recharge r;
    r.direction = d;
    r.amount = Pence::from_pounds(pounds);
    if (paid) r.paid_on = make_date(2026, 1, 1);
    return r;
  };
  const Recharge recharges[] = {recharge(RechargeDirection::owed_by_us, 3'000, true),
                                recharge(RechargeDirection::owed_by_us, 9'000, false),  // not paid yet
                                recharge(RechargeDirection::owed_to_us, 1'000, true)};
  auto spent = spend_by_agency(contracts, invoices, top_ups, recharges);
  struct Case {
    Agency agency;
    std::int64_t invoiced, top_ups, paid, received, total;
  };
  const Case cases[] = {
      {Agency::icb, 1'250, 0, 0, 0, 1'250},  // 75% of £1,000 and all of £500
      {Agency::council_education, 250, 2'000, 3'000, 1'000, 4'250},
  };
  for (const auto& c : cases) {
    const AgencySpend& s = spent[c.agency];
    EXPECT_EQ(s.invoiced, Pence::from_pounds(c.invoiced)) << to_string(c.agency);
    EXPECT_EQ(s.top_ups, Pence::from_pounds(c.top_ups)) << to_string(c.agency);
    EXPECT_EQ(s.recharges_paid, Pence::from_pounds(c.paid)) << to_string(c.agency);
    EXPECT_EQ(s.recharges_received, Pence::from_pounds(c.received)) << to_string(c.agency);
    EXPECT_EQ(s.total(), Pence::from_pounds(c.total)) << to_string(c.agency);
  }
  EXPECT_EQ(spent.size(), 2u) << "an invoice on a contract not listed counts for no one";
}

}  // namespace
}  // namespace tandem
