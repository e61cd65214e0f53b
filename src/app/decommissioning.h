// Decommissioning appraisals (Northumberland 4.5) of a contract or a
// commissioning activity: needs and demand, quality and performance, cost,
// the contract, stakeholders and families affected, the exit plan, and the
// decision recorded with its date and who made it. Commissioners
// (Permission::manage_contracts) write them; the partnership's readers read
// them; a provider's staff are kept out. Every change is audited. The
// sections can be changed until the decision is recorded; an edit made from
// an old version is refused (field "version").
//
// Form fields: subject (contract or activity), subject_id, needs_and_demand,
// quality_and_performance, cost, contract_terms, stakeholders, exit_plan;
// the decision: decision, decided_on, decided_by, rationale.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "app/contracts.h"
#include "core/decommissioning.h"

namespace tandem::app {

// A Local Offer service a contract delivers, and where it stands.
struct DeliveredService {
  std::string id;
  std::string name;
  std::string state;  // "On offer", "Closes on 31 March 2027", "Withdrawn since 31 March 2026"
};

struct AppraisalView {
  Appraisal appraisal;
  std::string subject_title;  // the contract's or activity's title, empty if gone
  // For a contract: the Local Offer services it delivers. A decision to
  // decommission it ends each on the contract's end date: a later date is
  // its closing day (families are told it until then), an earlier one
  // withdraws it at once (app/service_closures.h).
  std::vector<DeliveredService> services;
};

std::variant<std::vector<AppraisalView>, Refused> list_appraisals(RegisterServices& s, const SignedIn& user);
std::variant<AppraisalView, Refused> open_appraisal(RegisterServices& s, const SignedIn& user, const std::string& id);
std::variant<Appraisal, Refused, Error> start_appraisal(RegisterServices& s, const SignedIn& user, const FormFields& f);
// The sections and subject again, with version.
std::variant<Appraisal, Refused, Error> edit_appraisal(RegisterServices& s, const SignedIn& user, const std::string& id,
                                                       const FormFields& f);
std::variant<Appraisal, Refused, Error> decide_appraisal(RegisterServices& s, const SignedIn& user,
                                                         const std::string& id, const FormFields& f);
// The contracts and activities that may be appraised: (subject:id, title).
std::vector<std::pair<std::string, std::string>> appraisal_subjects(RegisterServices& s, const SignedIn& user);

}  // namespace tandem::app
