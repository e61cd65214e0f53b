// Invoices against contracts in the database: each with who recorded it, and
// the date it was paid once it is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/contract_invoice.h"
#include "store/database.h"

namespace tandem::store {

void insert_invoice(Tx& tx, const Invoice& inv, const std::string& recorded_by, std::int64_t now);
// Records the paid date; false when the invoice is not the area's or is already paid.
bool mark_invoice_paid(Tx& tx, const std::string& area_id, const std::string& id, Date paid_on);
// Writes the reference, date, amount and paid date and bumps the version;
// false when `expected_version` is stale or the invoice is not the area's.
bool update_invoice(Tx& tx, const Invoice& inv, std::int64_t expected_version);
std::optional<Invoice> find_invoice(Tx& tx, const std::string& area_id, const std::string& id);
// Oldest first.
std::vector<Invoice> invoices_of(Tx& tx, const std::string& area_id, const std::string& contract_id);
// Every invoice in the area, oldest first.
std::vector<Invoice> area_invoices(Tx& tx, const std::string& area_id);
void delete_invoices(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
