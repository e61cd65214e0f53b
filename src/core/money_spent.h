// Money actually spent, by agency, to set beside what each agency has
// committed: the invoices on contracts (split by each contract's shares, as
// its value is), the termly top-ups paid to settings and the recharges
// settled with other councils (both the council's education budget, the DSG
// high needs block).
//
//   auto spent = spend_by_agency(contracts, invoices, top_ups, recharges);
//   spent[Agency::icb].invoiced;                // the ICB's share of what providers invoiced
//   spent[Agency::council_education].total();  // invoices + top-ups + recharges paid out, less received
#pragma once

#include <map>
#include <span>

#include "core/access.h"
#include "core/contract.h"
#include "core/contract_invoice.h"
#include "core/money.h"
#include "core/recharge.h"
#include "core/top_up.h"

namespace tandem {

struct AgencySpend {
  Pence invoiced;            // its share of the invoices on contracts
  Pence top_ups;             // top-up payments made to settings
  Pence recharges_paid;      // paid to other councils
  Pence recharges_received;  // received from other councils
  Pence total() const { return invoiced + top_ups + recharges_paid - recharges_received; }
};

// Invoices count by the shares of the contract they are on; an invoice whose
// contract is not among `contracts` is left out. Recharges count once paid.
std::map<Agency, AgencySpend> spend_by_agency(std::span<const Contract> contracts, std::span<const Invoice> invoices,
                                              std::span<const TopUpPayment> top_ups,
                                              std::span<const Recharge> recharges);

}  // namespace tandem
