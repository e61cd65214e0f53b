// Money actually spent on a contract: the provider's invoices against it, each
// with its date, amount, reference and (once paid) the date it was paid; and
// what they add up to against the contract's value, in total and pro rata for
// the time elapsed, so an overspend shows before the money has gone.
//
//   auto inv = make_invoice(in, today);                  // every wrong field named
//   inv = record_payment(*inv, paid_on, today);          // paid on or after it was raised
//   InvoiceTotals t = invoice_totals(contract, invoices, today);
//   if (t.overspent) flag("invoiced beyond the contract's value");
//
// Activity-based cost per child (Haringey 4, disaggregating block contracts):
// a block contract's value divided among the children it serves, so health's
// block spend can be attributed child by child.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/contract.h"
#include "core/date.h"
#include "core/money.h"
#include "core/result.h"

namespace tandem {

struct Invoice {
  std::string id;
  std::string area_id;
  std::string contract_id;
  std::string reference;  // the provider's invoice number
  Date invoiced_on{};
  Pence amount;
  std::optional<Date> paid_on;
  std::int64_t version = 1;
};

struct InvoiceInput {
  std::string id;
  std::string area_id;
  std::string contract_id;
  std::string reference;
  std::optional<Date> invoiced_on;
  std::optional<Pence> amount;
  std::optional<Date> paid_on;
};

// Checks every field together: a reference (at most 60 characters); an
// invoice date not in the future; an amount above nothing; a paid date, when
// given, not before the invoice date and not in the future.
Result<Invoice> make_invoice(const InvoiceInput& in, Date today);

// Records the payment of an unpaid invoice (field "paid_on": not before the
// invoice date, not in the future; an invoice already paid cannot be paid again).
Result<Invoice> record_payment(Invoice inv, Date paid_on, Date today);

struct InvoiceTotals {
  Pence invoiced;                  // every invoice raised
  Pence paid;                      // those paid
  Pence unpaid;                    // invoiced - paid
  Pence value;                     // the contract's value over its term
  Pence pro_rata;                  // the value spread evenly over the term, to `as_of`
  Pence remaining;                 // value - invoiced (negative when overspent)
  bool overspent = false;          // invoiced more than the whole value
  bool ahead_of_pro_rata = false;  // invoiced more than the pro-rata value
  Pence over_pro_rata;             // how far ahead, or nothing
};
InvoiceTotals invoice_totals(const Contract& c, std::span<const Invoice> invoices, Date as_of);

// The value divided by the children served, rounded to the nearest penny;
// nothing when no child is served.
std::optional<Pence> cost_per_child(Pence value, std::size_t children);

}  // namespace tandem
