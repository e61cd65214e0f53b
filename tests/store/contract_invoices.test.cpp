// Invoices read back as written on both engines, unpaid as null; a payment is
// recorded once and only in the invoice's own area; the area's invoices clear
// for a demo rebuild, before its contracts.
#include "store/contract_invoices.h"

#include <gtest/gtest.h>

#include "store/contracts.h"
#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

class ContractInvoices : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("contract_invoices");
    t_.db->write([&](store::Tx& tx) {
      store::upsert_area(tx, {"area", "Test area", "999"});
      store::upsert_area(tx, {"other", "Other area", "998"});
      store::save_provider(tx, {"pv-1", "area", "Northern Therapies NHS Trust", ""});
      ContractInput in;
      in.id = "ct-1";
      in.area_id = "area";
      in.provider_id = "pv-1";
      in.title = "Community speech and language therapy";
      in.type = ContractType::block;
      in.stage = ProcurementStage::live;
      in.commissioners = {{Agency::icb, 10'000}};
      in.value = Pence::from_pounds(900'000);
      in.start_on = make_date(2024, 4, 1);
      in.end_on = make_date(2027, 3, 31);
      store::insert_contract(tx, *make_contract(in), 1);
    });
  }
  testing::TestDatabase t_;
};

TEST_F(ContractInvoices, ReadBackPaidOnceAndCleared) {
  const Invoice a{"inv-1", "area", "ct-1", "INV-002", make_date(2025, 9, 30), Pence(12'345'67), std::nullopt, 1};
  const Invoice b{
      "inv-2", "area", "ct-1", "INV-001", make_date(2025, 6, 30), Pence::from_pounds(75'000), make_date(2025, 7, 20),
      1};
  t_.db->write([&](store::Tx& tx) {
    store::insert_invoice(tx, a, "u-1", 10);
    store::insert_invoice(tx, b, "u-1", 11);
  });
  std::vector<Invoice> back;
  t_.db->read([&](store::Tx& tx) { back = store::invoices_of(tx, "area", "ct-1"); });
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].id, "inv-2") << "oldest first";
  EXPECT_EQ(back[0].paid_on, make_date(2025, 7, 20));
  EXPECT_EQ(back[0].amount, Pence::from_pounds(75'000));
  EXPECT_EQ(back[1].reference, "INV-002");
  EXPECT_EQ(back[1].amount, Pence(12'345'67));
  EXPECT_EQ(back[1].paid_on, std::nullopt);
  EXPECT_EQ(back[1].invoiced_on, make_date(2025, 9, 30));

  bool other_area = true, first = false, again = true;
  t_.db->write([&](store::Tx& tx) {
    other_area = store::mark_invoice_paid(tx, "other", "inv-1", make_date(2025, 10, 30));
    first = store::mark_invoice_paid(tx, "area", "inv-1", make_date(2025, 10, 30));
    again = store::mark_invoice_paid(tx, "area", "inv-1", make_date(2025, 11, 30));
  });
  EXPECT_FALSE(other_area);
  EXPECT_TRUE(first);
  EXPECT_FALSE(again) << "paid once";
  t_.db->read([&](store::Tx& tx) {
    EXPECT_EQ(store::find_invoice(tx, "area", "inv-1")->paid_on, make_date(2025, 10, 30));
    EXPECT_FALSE(store::find_invoice(tx, "other", "inv-1"));
    EXPECT_EQ(store::area_invoices(tx, "area").size(), 2u);
    EXPECT_TRUE(store::area_invoices(tx, "other").empty());
  });

  t_.db->write([&](store::Tx& tx) {
    store::delete_invoices(tx, "area");
    store::delete_contracts(tx, "area");
  });
  t_.db->read([&](store::Tx& tx) {
    EXPECT_TRUE(store::area_invoices(tx, "area").empty());
    EXPECT_TRUE(store::contracts(tx, "area").empty());
  });
}

}  // namespace
}  // namespace tandem
