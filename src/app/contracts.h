// Commissioned services: contracts with providers, their procurement stage,
// quarterly monitoring (indicators, the provider's returns, red-amber-green
// ratings, spend against value, waiting times) and the outcomes of the
// children the service delivers to. Every change is audited.
//
// Commissioners (Permission::manage_contracts) add and change contracts;
// finance officers and board members read them; a provider's staff
// (Role::provider) see and report on their own organisation's contracts only,
// as store::provider_of_user links them; anyone else asking for another
// provider's contract is told there is no such contract.
//
// Forms arrive as named fields (the page's form or the API's JSON flattened):
//   contract: provider_id, reference, title, type, value, start_on, end_on,
//             share_<agency> (percent, one per commissioning agency),
//             service_ids and provision_names (one a line), framework_id
//             and tier (its position; a call-off must name both and a spot
//             purchase may: core/framework.h check_framework_pick), version;
//   stage:    stage, on, end_on (for an extension), note, version;
//   kpi:      name, unit, direction, target, amber;
//   return:   quarter, spend, children_served, narrative,
//             actual.<kpi id> and note.<kpi id> for each indicator.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/assessments.h"
#include "app/form_values.h"
#include "core/contract.h"
#include "core/contract_monitoring.h"
#include "core/review.h"
#include "store/contracts.h"

namespace tandem::app {

// Agencies that may commission (shares offered on the form).
std::vector<Agency> commissioning_agencies();

struct ContractFilter {
  std::string stage;         // a procurement stage id, or empty
  std::string agency;        // an agency id: contracts it has a share in, or empty
  bool ending_soon = false;  // only those ending within six months or overrunning
};

struct ContractRow {
  store::StoredContract stored;
  ContractAlert alert = ContractAlert::none;
  std::optional<Quarter> last_quarter;  // the newest return's
  Rag last_rating = Rag::not_reported;
  bool return_overdue = false;  // last quarter's return is past its due date and not in
};

struct ContractList {
  std::vector<ContractRow> rows;
  std::map<Agency, Pence> value_by_agency;  // the rows' values split by shares
  Pence total;
};

// Contracts the user may see, filtered; ending soonest first. Errors name a
// filter that is not a stage or agency.
Result<ContractList> list_contracts(RegisterServices& s, const SignedIn& user, const ContractFilter& filter);

struct KpiResult {
  Kpi kpi;
  std::optional<KpiActual> actual;  // in the return shown
  Rag rating = Rag::not_reported;
};
struct ReturnView {
  QuarterlyReturn ret;
  std::vector<KpiResult> results;
  Rag rating = Rag::not_reported;
};
struct OutcomeSummary {
  std::size_t children = 0;                // with a reviewed plan naming the service
  std::map<Progress, std::size_t> counts;  // outcomes served, by progress at the latest review
  std::size_t outcomes = 0;
};
struct ContractView {
  store::StoredContract stored;
  std::vector<store::StageChange> history;
  std::vector<Kpi> kpis;
  std::vector<ReturnView> returns;  // newest first
  SpendCheck spend;
  ContractAlert alert = ContractAlert::none;
  std::vector<std::pair<std::string, std::string>> services;  // id, name (the name empty if gone)
  std::vector<std::pair<Agency, Pence>> value_by_agency;
  std::vector<ProcurementStage> next_stages;
  OutcomeSummary outcomes;
  std::optional<Quarter> due_quarter;  // the latest ended quarter with no return, if any
};

std::variant<ContractView, Refused> open_contract(RegisterServices& s, const SignedIn& user, const std::string& id);

using ContractEdit = std::variant<store::StoredContract, Refused, Error>;
// Adds a contract (id empty) or changes one (then `version` is required).
ContractEdit save_contract(RegisterServices& s, const SignedIn& user, const std::string& id, const FormFields& f);
ContractEdit change_stage(RegisterServices& s, const SignedIn& user, const std::string& id, const FormFields& f);
std::variant<Kpi, Refused, Error> add_kpi(RegisterServices& s, const SignedIn& user, const std::string& contract_id,
                                          const FormFields& f);
std::variant<QuarterlyReturn, Refused, Error> submit_return(RegisterServices& s, const SignedIn& user,
                                                            const std::string& contract_id, const FormFields& f);

std::vector<Provider> area_providers(RegisterServices& s, const SignedIn& user);
std::variant<Provider, Error> add_provider(RegisterServices& s, const SignedIn& user, const FormFields& f);
// Local Offer services by id and name, for the contract form.
std::vector<std::pair<std::string, std::string>> directory_services(RegisterServices& s, const SignedIn& user);

}  // namespace tandem::app
