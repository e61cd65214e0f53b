// Pooled budgets (NHS Act 2006 s75; Blackpool 15.2): a pool with each
// partner's contribution, the contracts it pays for and its balance
// (contributions less what has been invoiced on those contracts within the
// pool's term).
// Commissioners (Permission::manage_contracts) set pools up; the partners'
// finance officers and board members read them; a provider's staff are told
// pools are not theirs to see. Every change is audited; an edit made from an
// old version is refused (field "version").
//
// The form's fields: name, agreement, host (an agency id), start_on, end_on,
// contribution_<agency> (pounds, one per commissioning agency) and
// contract_ids (one a line or comma-separated) and contract.<id> for each
// contract ticked on the page; an edit sends them all again with version.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "app/contracts.h"
#include "core/pooled_budget.h"

namespace tandem::app {

struct PoolContract {
  store::StoredContract stored;
  Pence invoiced;          // dated within the pool's term: paid from the pool
  Pence invoiced_outside;  // dated before or after the term: not the pool's
};

struct PoolView {
  PooledBudget pool;
  std::vector<PoolContract> contracts;
  PoolBalance balance;
};

std::variant<std::vector<PoolView>, Refused> list_pools(RegisterServices& s, const SignedIn& user);
std::variant<PoolView, Refused> open_pool(RegisterServices& s, const SignedIn& user, const std::string& id);
std::variant<PooledBudget, Refused, Error> create_pool(RegisterServices& s, const SignedIn& user, const FormFields& f);
std::variant<PooledBudget, Refused, Error> edit_pool(RegisterServices& s, const SignedIn& user, const std::string& id,
                                                     const FormFields& f);

}  // namespace tandem::app
