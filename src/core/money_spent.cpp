#include "core/money_spent.h"

#include <algorithm>

namespace tandem {

std::map<Agency, AgencySpend> spend_by_agency(std::span<const Contract> contracts, std::span<const Invoice> invoices,
                                              std::span<const TopUpPayment> top_ups,
                                              std::span<const Recharge> recharges) {
  std::map<Agency, AgencySpend> out;
  for (const auto& i : invoices) {
    const auto c =
        std::find_if(contracts.begin(), contracts.end(), [&](const Contract& x) { return x.id == i.contract_id; });
    if (c == contracts.end()) continue;
    const auto parts = allocate(i.amount, c->commissioners);
    if (!parts) continue;
    for (std::size_t k = 0; k < parts->size(); ++k) out[c->commissioners[k].agency].invoiced += (*parts)[k];
  }
  // Top-ups and recharges are the council's high needs block (DSG).
  for (const auto& p : top_ups) out[Agency::council_education].top_ups += p.amount;
  for (const auto& r : recharges) {
    if (!r.paid_on) continue;
    auto& s = out[Agency::council_education];
    if (r.direction == RechargeDirection::owed_by_us) {
      s.recharges_paid += r.amount;
    } else {
      s.recharges_received += r.amount;
    }
  }
  return out;
}

}  // namespace tandem
