// Money actually spent on a contract: its invoices, with spend to date against
// the contract's value and the pro-rata value for the time elapsed, and the
// overspend flagged. Finance officers and commissioners
// (Permission::record_payments) record invoices and their payment, and
// correct them; anyone who may read the contract reads them (a provider's
// staff their own organisation's only). Every change is audited; bad input
// names the field and writes nothing; an edit made from an old version is
// refused (field "version").
//
// Forms arrive as named fields (the page's form or the API's JSON):
//   invoice: reference, invoiced_on, amount (pounds), paid_on (optional);
//   an edit: the same and version;
//   payment: paid_on.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "app/contracts.h"
#include "core/contract_invoice.h"

namespace tandem::app {

struct InvoiceView {
  store::StoredContract stored;
  std::vector<Invoice> invoices;  // oldest first
  InvoiceTotals totals;           // as at today
  // Activity-based cost per child (Haringey 4): the children whose final
  // plans name the contract's services or provider, and the value over them.
  std::size_t children_served = 0;
  std::optional<Pence> cost_per_child;
};

std::variant<InvoiceView, Refused> open_invoices(RegisterServices& s, const SignedIn& user,
                                                 const std::string& contract_id);
std::variant<Invoice, Refused, Error> add_invoice(RegisterServices& s, const SignedIn& user,
                                                  const std::string& contract_id, const FormFields& f);
// The invoice, if it is on a contract the user may see.
std::variant<Invoice, Refused> open_invoice(RegisterServices& s, const SignedIn& user, const std::string& contract_id,
                                            const std::string& invoice_id);
std::variant<Invoice, Refused, Error> edit_invoice(RegisterServices& s, const SignedIn& user,
                                                   const std::string& contract_id, const std::string& invoice_id,
                                                   const FormFields& f);
std::variant<Invoice, Refused, Error> pay_invoice(RegisterServices& s, const SignedIn& user,
                                                  const std::string& contract_id, const std::string& invoice_id,
                                                  const FormFields& f);

}  // namespace tandem::app
