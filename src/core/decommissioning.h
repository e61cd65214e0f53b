// Decommissioning appraisal (Northumberland 4.5): before a contract or a
// commissioning activity is ended, the partnership looks at the needs and
// demand it meets, its quality and performance, its cost, the contract
// itself (term, notice, break clauses), the stakeholders and families
// affected, and how the service would be exited; and ends in a recorded
// decision (decommission, continue, or re-commission) with its date and who
// made it.
//
//   auto a = make_appraisal(in);                                 // every empty section named
//   a = decide(*a, DecommissionDecision::recommission, on, "Joint commissioning board", today);
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace tandem {

enum class AppraisalSubject { contract, activity };
std::string_view to_string(AppraisalSubject s);
std::optional<AppraisalSubject> parse_appraisal_subject(std::string_view s);

enum class DecommissionDecision { decommission, continue_service, recommission };
std::string_view to_string(DecommissionDecision d);
std::string_view decommission_decision_label(DecommissionDecision d);
std::optional<DecommissionDecision> parse_decommission_decision(std::string_view s);
std::span<const DecommissionDecision> all_decommission_decisions();

struct Appraisal {
  std::string id;
  std::string area_id;
  AppraisalSubject subject = AppraisalSubject::contract;
  std::string subject_id;  // the contract's or the commissioning activity's id
  std::string needs_and_demand;
  std::string quality_and_performance;
  std::string cost;
  std::string contract_terms;  // the contract: term, notice, break clauses, TUPE
  std::string stakeholders;    // the stakeholders and families affected, and how they were involved
  std::string exit_plan;       // how children move on without a gap in their provision
  std::optional<DecommissionDecision> decision;
  std::optional<Date> decided_on;
  std::string decided_by;  // who made it: a person and role, or a board
  std::string rationale;
  std::int64_t version = 1;
};

// Checks every section together: a subject; each of the six sections
// written (field named after it). A new appraisal carries no decision.
Result<Appraisal> make_appraisal(const Appraisal& in);

// Records the decision once (field "decision"); on a date not in the future
// and not missing ("decided_on"); by someone named ("decided_by").
Result<Appraisal> decide(Appraisal a, std::optional<DecommissionDecision> decision, std::optional<Date> on,
                         const std::string& decided_by, const std::string& rationale, Date today);

}  // namespace tandem
