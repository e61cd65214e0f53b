// Invoices against contracts as tables of cases: what an invoice needs, when
// a payment may be recorded, spend to date against the value and the pro-rata
// value (overspend flagged), and the cost per child served.
#include "core/contract_invoice.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

const Date kToday = make_date(2026, 1, 15);

Contract sample() {
  ContractInput in;
  in.id = "ct-1";
  in.area_id = "area";
  in.provider_id = "pv-1";
  in.title = "Community speech and language therapy";
  in.type = ContractType::block;
  in.stage = ProcurementStage::live;
  in.commissioners = {{Agency::icb, 10'000}};
  in.value = Pence::from_pounds(365'000);
  in.start_on = make_date(2025, 1, 1);
  in.end_on = make_date(2025, 12, 31) + std::chrono::days(365);  // two years, 730 days
  return *make_contract(in);
}

InvoiceInput good() {
  return {"inv-1", "area", "ct-1", "INV-001", make_date(2025, 6, 30), Pence::from_pounds(1'000), std::nullopt};
}

TEST(MakeInvoice, EveryWrongFieldIsNamed) {
  struct Case {
    const char* name;
    void (*change)(InvoiceInput&);
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"good", [](InvoiceInput&) {}, {}},
      {"paid the same day", [](InvoiceInput& i) { i.paid_on = i.invoiced_on; }, {}},
      {"no reference", [](InvoiceInput& i) { i.reference.clear(); }, {"reference"}},
      {"long reference", [](InvoiceInput& i) { i.reference = std::string(61, 'x'); }, {"reference"}},
      {"no date", [](InvoiceInput& i) { i.invoiced_on.reset(); }, {"invoiced_on"}},
      {"future date", [](InvoiceInput& i) { i.invoiced_on = kToday + std::chrono::days(1); }, {"invoiced_on"}},
      {"today", [](InvoiceInput& i) { i.invoiced_on = kToday; }, {}},
      {"no amount", [](InvoiceInput& i) { i.amount.reset(); }, {"amount"}},
      {"zero amount", [](InvoiceInput& i) { i.amount = Pence(0); }, {"amount"}},
      {"paid before invoiced", [](InvoiceInput& i) { i.paid_on = make_date(2025, 6, 29); }, {"paid_on"}},
      {"paid in the future", [](InvoiceInput& i) { i.paid_on = kToday + std::chrono::days(2); }, {"paid_on"}},
      {"everything wrong",
       [](InvoiceInput& i) {
         i.reference.clear();
         i.invoiced_on.reset();
         i.amount.reset();
       },
       {"reference", "invoiced_on", "amount"}},
  };
  for (const auto& c : cases) {
    auto in = good();
    c.change(in);
    auto r = make_invoice(in, kToday);
    std::vector<std::string> fields;
    if (!r) {
      for (const auto& f : r.error().fields) fields.push_back(f.field);
    }
    EXPECT_EQ(fields, c.fields) << c.name;
  }
}

TEST(RecordPayment, OnceNotBeforeTheInvoiceNorInTheFuture) {
  const Invoice unpaid = *make_invoice(good(), kToday);
  struct Case {
    std::optional<Date> already;
    Date on;
    bool ok;
  };
  const Case cases[] = {
      {std::nullopt, make_date(2025, 7, 30), true},           {std::nullopt, make_date(2025, 6, 30), true},
      {std::nullopt, make_date(2025, 6, 29), false},          {std::nullopt, kToday + std::chrono::days(1), false},
      {make_date(2025, 7, 1), make_date(2025, 7, 30), false},
  };
  for (const auto& c : cases) {
    Invoice inv = unpaid;
    inv.paid_on = c.already;
    auto r = record_payment(inv, c.on, kToday);
    EXPECT_EQ(r.has_value(), c.ok) << format_date(c.on);
    if (r) {
      EXPECT_EQ(r->paid_on, c.on);
    } else {
      EXPECT_EQ(r.error().first_field(), "paid_on");
    }
  }
}

TEST(InvoiceTotals, SpendAgainstValueAndProRata) {
  const Contract c = sample();  // £365,000 over 730 days: £500 a day
  const auto inv = [](std::int64_t pounds, bool paid) {
    return Invoice{"i",
                   "area",
                   "ct-1",
                   "R",
                   make_date(2025, 3, 1),
                   Pence::from_pounds(pounds),
                   paid ? std::optional<Date>(make_date(2025, 4, 1)) : std::nullopt,
                   1};
  };
  struct Case {
    const char* name;
    std::vector<Invoice> invoices;
    Date as_of;
    std::int64_t invoiced, paid, pro_rata, remaining;
    bool overspent, ahead;
    std::int64_t over;
  };
  const Case cases[] = {
      {"nothing", {}, make_date(2025, 1, 10), 0, 0, 5'000, 365'000, false, false, 0},
      {"behind", {inv(4'000, true)}, make_date(2025, 1, 10), 4'000, 4'000, 5'000, 361'000, false, false, 0},
      {"ahead",
       {inv(4'000, true), inv(3'000, false)},
       make_date(2025, 1, 10),
       7'000,
       4'000,
       5'000,
       358'000,
       false,
       true,
       2'000},
      {"overspent",
       {inv(300'000, true), inv(70'000, false)},
       make_date(2026, 12, 31),
       370'000,
       300'000,
       365'000,
       -5'000,
       true,
       true,
       5'000},
      {"past the end", {inv(365'000, true)}, make_date(2027, 6, 1), 365'000, 365'000, 365'000, 0, false, false, 0},
  };
  for (const auto& k : cases) {
    const auto t = invoice_totals(c, k.invoices, k.as_of);
    EXPECT_EQ(t.invoiced, Pence::from_pounds(k.invoiced)) << k.name;
    EXPECT_EQ(t.paid, Pence::from_pounds(k.paid)) << k.name;
    EXPECT_EQ(t.unpaid, Pence::from_pounds(k.invoiced - k.paid)) << k.name;
    EXPECT_EQ(t.pro_rata, Pence::from_pounds(k.pro_rata)) << k.name;
    EXPECT_EQ(t.remaining, Pence::from_pounds(k.remaining)) << k.name;
    EXPECT_EQ(t.overspent, k.overspent) << k.name;
    EXPECT_EQ(t.ahead_of_pro_rata, k.ahead) << k.name;
    EXPECT_EQ(t.over_pro_rata, Pence::from_pounds(k.over)) << k.name;
  }
}

TEST(CostPerChild, ValueOverChildrenToTheNearestPenny) {
  struct Case {
    std::int64_t value;
    std::size_t children;
    std::optional<std::int64_t> per_child;
  };
  const Case cases[] = {
      {100'000, 0, std::nullopt},
      {100'000, 1, 100'000},
      {100'000, 4, 25'000},
      {100, 3, 33},
      {200, 3, 67},
      {5, 10, 1},
      {4, 10, 0},
  };
  for (const auto& c : cases) {
    const auto got = cost_per_child(Pence(c.value), c.children);
    ASSERT_EQ(got.has_value(), c.per_child.has_value()) << c.value << "/" << c.children;
    if (got) {
      EXPECT_EQ(got->value, *c.per_child) << c.value << "/" << c.children;
    }
  }
}

}  // namespace
}  // namespace tandem
