// Commissioning activities round the joint cycle (core/commissioning.h): the
// board of every activity by stage with its gate (evidence missing, partners
// still to decide, late) and the money each agency has committed; one
// activity's page; adding and changing activities, linking evidence,
// recording each partner's decision through its own governance (and the
// partnership board's recommendation), and moving an activity on once its
// gate is passed. Every change is audited.
//
// Commissioners (Permission::manage_contracts) change them; those who read
// contracts read them; a provider's staff see only the activities about
// their own organisation's contracts, and nothing else exists for them.
//
// Forms arrive as named fields (the page's form or the API's JSON flattened):
//   activity: title, kind, level, share_<agency> (percent), budget, stage (a
//             new one only), stage_due_on, contract_id, version (a change);
//   evidence: need_id, title, url or contract_id;
//   sign-off: body (partner or board), agency, decided_on, decision,
//             decision_maker, note;
//   advance:  next_due_on (not when leaving joint review), version.
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

#include "app/contracts.h"
#include "core/commissioning.h"
#include "store/commissioning.h"

namespace tandem::app {

struct ActivityRow {
  store::StoredActivity stored;
  GateStatus gate;
  std::string contract_title;  // empty when it concerns no Tandem contract
};

struct CommissioningBoard {
  std::vector<ActivityRow> rows;      // by stage, then due date
  std::map<Agency, Pence> committed;  // open activities' budgets split by shares
  Pence total;                        // the open activities' budgets
  std::size_t late = 0;               // open activities past their gate's due date
};

CommissioningBoard list_activities(RegisterServices& s, const SignedIn& user);

struct ActivityView {
  store::StoredActivity stored;
  GateStatus gate;
  std::string contract_title;
  std::vector<std::pair<Agency, Pence>> budget_by_agency;      // partners' shares of the budget
  std::vector<std::pair<std::string, std::string>> contracts;  // the area's contracts (id, title) for evidence
};

std::variant<ActivityView, Refused> open_activity(RegisterServices& s, const SignedIn& user, const std::string& id);

using ActivityEdit = std::variant<store::StoredActivity, Refused, Error>;
// Adds an activity (id empty) or changes one (then `version` is required; the
// stage moves only through advance_activity).
ActivityEdit save_activity(RegisterServices& s, const SignedIn& user, const std::string& id, const FormFields& f);
ActivityEdit add_evidence(RegisterServices& s, const SignedIn& user, const std::string& id, const FormFields& f);
ActivityEdit record_sign_off(RegisterServices& s, const SignedIn& user, const std::string& id, const FormFields& f);
// Moves to the next stage when the gate is passed; otherwise an error naming
// the evidence and the partners still missing, and nothing changes.
ActivityEdit advance_activity(RegisterServices& s, const SignedIn& user, const std::string& id, const FormFields& f);

}  // namespace tandem::app
