// Invoices for the demo area's contracts: quarterly invoices from each
// delivering contract's start to today at the rate its value implies, the
// latest left unpaid; some contracts invoiced ahead of their pro-rata value
// and some beyond their whole value, so overspends show.
#pragma once

#include <string>
#include <vector>

#include "core/contract.h"
#include "core/contract_invoice.h"

namespace tandem::demo {

// Deterministic; every invoice passes make_invoice for `today`.
std::vector<Invoice> generate_invoices(const std::vector<Contract>& contracts, Date today,
                                       const std::string& id_prefix);

}  // namespace tandem::demo
