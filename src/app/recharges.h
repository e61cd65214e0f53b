// Recharges between councils for children placed across a border
// (core/recharge.h): the recharges owed each way with totals by council,
// lines proposed from the area's moves between councils (app/area_moves)
// that have no recharge yet, and the forms that record and correct one.
// Finance officers and commissioners (Permission::record_payments) use
// them; the children named are written to the access log, every change to
// the audit trail. Bad input names the field and writes nothing; an edit
// made from an old version is refused (field "version").
//
// Form fields: direction (owed_to_us or owed_by_us), other_council, child_id
// (one of the area's children) or child_name (a child not on its register,
// such as another council's child placed here whom no move record covers,
// with their date_of_birth), other_council_reference (the other council's
// own reference for the child, optional), setting_name, period_start, period_end, amount (pounds), invoice_reference,
// invoiced_on, paid_on, status (not_invoiced, invoiced, paid, disputed,
// cancelled; left empty, worked out from the dates); an edit adds version.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "app/contracts.h"
#include "core/recharge.h"
#include "store/recharges.h"

namespace tandem::app {

struct RechargeProposal {
  RechargeInput line;
  std::string child_name;
  std::string why;  // "Moved in from Lancashire on 1 October 2025; plan not transferred yet"
};

struct RechargesView {
  std::vector<store::StoredRecharge> owed_to_us;
  std::vector<store::StoredRecharge> owed_by_us;
  std::vector<CouncilRecharges> by_council;  // the area's totals last
  std::vector<RechargeProposal> proposals;
};

std::variant<RechargesView, Refused> list_recharges(RegisterServices& s, const SignedIn& user,
                                                    const std::string& route);
// The recharges recorded, owed to us then owed by us, one a row with the
// child's date of birth and the other council's reference for them, so the
// other council can match each invoice to its child.
std::string recharges_csv(const RechargesView& v);

std::variant<store::StoredRecharge, Refused> open_recharge(RegisterServices& s, const SignedIn& user,
                                                           const std::string& id, const std::string& route);
std::variant<Recharge, Refused, Error> add_recharge(RegisterServices& s, const SignedIn& user, const FormFields& f);
std::variant<Recharge, Refused, Error> edit_recharge(RegisterServices& s, const SignedIn& user, const std::string& id,
                                                     const FormFields& f);

}  // namespace tandem::app
