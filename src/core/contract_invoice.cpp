#include "core/contract_invoice.h"

#include <vector>

#include "core/contract_monitoring.h"

namespace tandem {

namespace {

void check_paid(const std::optional<Date>& invoiced_on, Date paid_on, Date today, std::vector<FieldError>& errors) {
  if (paid_on > today) {
    errors.push_back({"paid_on", "The paid date cannot be in the future"});
  } else if (invoiced_on && paid_on < *invoiced_on) {
    errors.push_back({"paid_on", "The paid date cannot be before the invoice date"});
  }
}

}  // namespace

Result<Invoice> make_invoice(const InvoiceInput& in, Date today) {
  std::vector<FieldError> errors;
  if (in.reference.empty()) {
    errors.push_back({"reference", "Enter the invoice's reference, like INV-2025-014"});
  } else if (in.reference.size() > 60) {
    errors.push_back({"reference", "The reference must be 60 characters or fewer"});
  }
  if (!in.invoiced_on) {
    errors.push_back({"invoiced_on", "Enter the invoice date, like 2025-06-30"});
  } else if (*in.invoiced_on > today) {
    errors.push_back({"invoiced_on", "The invoice date cannot be in the future"});
  }
  if (!in.amount || in.amount->value <= 0) {
    errors.push_back({"amount", "Enter the amount invoiced, more than £0, like £12,500.00"});
  }
  if (in.paid_on) check_paid(in.invoiced_on, *in.paid_on, today, errors);
  if (!errors.empty()) return fail(std::move(errors));
  return Invoice{in.id, in.area_id, in.contract_id, in.reference, *in.invoiced_on, *in.amount, in.paid_on, 1};
}

Result<Invoice> record_payment(Invoice inv, Date paid_on, Date today) {
  if (inv.paid_on) return fail("paid_on", "This invoice has already been paid");
  std::vector<FieldError> errors;
  check_paid(inv.invoiced_on, paid_on, today, errors);
  if (!errors.empty()) return fail(std::move(errors));
  inv.paid_on = paid_on;
  return inv;
}

InvoiceTotals invoice_totals(const Contract& c, std::span<const Invoice> invoices, Date as_of) {
  InvoiceTotals t;
  for (const auto& i : invoices) {
    t.invoiced += i.amount;
    if (i.paid_on) t.paid += i.amount;
  }
  t.unpaid = t.invoiced - t.paid;
  t.value = c.value;
  t.remaining = c.value - t.invoiced;
  t.pro_rata = spend_against_value(c, t.invoiced, as_of).expected;
  t.overspent = t.invoiced > c.value;
  t.ahead_of_pro_rata = t.invoiced > t.pro_rata;
  t.over_pro_rata = t.ahead_of_pro_rata ? t.invoiced - t.pro_rata : Pence(0);
  return t;
}

std::optional<Pence> cost_per_child(Pence value, std::size_t children) {
  if (children == 0) return std::nullopt;
  const auto n = static_cast<std::int64_t>(children);
  const std::int64_t whole = value.value / n, rest = value.value % n;
  return Pence(whole + (rest * 2 >= n ? 1 : 0));
}

}  // namespace tandem
