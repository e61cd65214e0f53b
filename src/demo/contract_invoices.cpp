#include "demo/contract_invoices.h"

#include <chrono>

namespace tandem::demo {

std::vector<Invoice> generate_invoices(const std::vector<Contract>& contracts, Date today,
                                       const std::string& id_prefix) {
  using std::chrono::days;
  std::vector<Invoice> out;
  int n = 0, index = 0;
  for (const auto& c : contracts) {
    ++index;
    const bool started = c.stage != ProcurementStage::need && c.stage != ProcurementStage::options &&
                         c.stage != ProcurementStage::tender && c.stage != ProcurementStage::award;
    if (!started || c.start_on > today) continue;
    const std::int64_t term_days = (c.end_on - c.start_on).count() + 1;
    const std::int64_t quarters = std::max<std::int64_t>(1, (term_days + 90) / 91);
    Pence per_quarter(c.value.value / quarters);
    // Every third contract runs hot: invoiced a fifth above its even rate.
    if (index % 3 == 0) per_quarter = Pence(per_quarter.value * 6 / 5);
    Pence total;
    std::vector<Invoice> mine;
    for (Date on = c.start_on + days(90); on <= today && on <= c.end_on + days(30); on += days(91)) {
      Invoice inv{id_prefix + "inv-" + std::to_string(++n), c.area_id, c.id, "", on, per_quarter, std::nullopt};
      inv.reference = (c.reference.empty() ? std::string("INV") : c.reference) + "-" + std::to_string(mine.size() + 1);
      if (on + days(45) <= today) inv.paid_on = on + days(30);
      total += per_quarter;
      mine.push_back(std::move(inv));
    }
    // Every fourth: extra activity invoiced beyond the contract's whole value.
    if (index % 4 == 1 && !mine.empty()) {
      const Pence extra = c.value - total + Pence(c.value.value / 20);
      if (extra.value > 0) {
        Invoice inv{id_prefix + "inv-" + std::to_string(++n),
                    c.area_id,
                    c.id,
                    (c.reference.empty() ? std::string("INV") : c.reference) + "-EXTRA",
                    today - days(7),
                    extra,
                    std::nullopt};
        mine.push_back(std::move(inv));
      }
    }
    for (auto& i : mine) out.push_back(std::move(i));
  }
  return out;
}

}  // namespace tandem::demo
