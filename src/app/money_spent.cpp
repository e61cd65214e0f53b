#include "app/money_spent.h"

#include "store/contract_invoices.h"
#include "store/recharges.h"
#include "store/top_ups.h"

namespace tandem::app {

std::optional<std::map<Agency, AgencySpend>> area_spend_by_agency(RegisterServices& s, const SignedIn& user) {
  if (user.role == Role::provider) return std::nullopt;
  std::vector<Contract> contracts;
  std::vector<Invoice> invoices;
  std::vector<TopUpPayment> top_ups;
  std::vector<Recharge> recharges;
  s.db.read([&](store::Tx& tx) {
    for (auto& c : store::contracts(tx, user.area_id)) contracts.push_back(std::move(c.contract));
    invoices = store::area_invoices(tx, user.area_id);
    top_ups = store::area_top_up_payments(tx, user.area_id);
    for (auto& r : store::recharges(tx, user.area_id)) recharges.push_back(std::move(r.recharge));
  });
  return spend_by_agency(contracts, invoices, top_ups, recharges);
}

}  // namespace tandem::app
