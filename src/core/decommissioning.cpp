#include "core/decommissioning.h"

#include <array>
#include <vector>

namespace tandem {

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

constexpr std::array kDecisions{DecommissionDecision::decommission, DecommissionDecision::continue_service,
                                DecommissionDecision::recommission};

}  // namespace

std::string_view to_string(AppraisalSubject s) { return s == AppraisalSubject::contract ? "contract" : "activity"; }

std::optional<AppraisalSubject> parse_appraisal_subject(std::string_view s) {
  if (s == "contract") return AppraisalSubject::contract;
  if (s == "activity") return AppraisalSubject::activity;
  return std::nullopt;
}

std::string_view to_string(DecommissionDecision d) {
  switch (d) {
    case DecommissionDecision::decommission: return "decommission";
    case DecommissionDecision::continue_service: return "continue_service";
    case DecommissionDecision::recommission: return "recommission";
  }
  return "decommission";
}

std::string_view decommission_decision_label(DecommissionDecision d) {
  switch (d) {
    case DecommissionDecision::decommission: return "Decommission";
    case DecommissionDecision::continue_service: return "Continue";
    case DecommissionDecision::recommission: return "Re-commission";
  }
  return "Decommission";
}

std::optional<DecommissionDecision> parse_decommission_decision(std::string_view s) {
  for (const auto d : kDecisions) {
    if (to_string(d) == s) return d;
  }
  return std::nullopt;
}

std::span<const DecommissionDecision> all_decommission_decisions() { return kDecisions; }

Result<Appraisal> make_appraisal(const Appraisal& in) {
  std::vector<FieldError> errors;
  if (blank(in.subject_id)) errors.push_back({"subject_id", "Choose the contract or commissioning activity appraised"});
  const std::pair<const std::string*, FieldError> sections[] = {
      {&in.needs_and_demand, {"needs_and_demand", "Describe the needs and demand the service meets"}},
      {&in.quality_and_performance,
       {"quality_and_performance", "Describe the service's quality and performance, like its monitoring ratings"}},
      {&in.cost, {"cost", "Describe the cost: what it costs, per child, and against other ways of meeting the need"}},
      {&in.contract_terms, {"contract_terms", "Describe the contract: its term, notice and break clauses"}},
      {&in.stakeholders,
       {"stakeholders", "Describe the stakeholders and families affected and how they have been involved"}},
      {&in.exit_plan, {"exit_plan", "Describe the exit plan: how children move on without a gap in provision"}},
  };
  for (const auto& [text, error] : sections) {
    if (blank(*text)) errors.push_back(error);
  }
  if (!errors.empty()) return fail(std::move(errors));
  Appraisal a = in;
  a.decision.reset();
  a.decided_on.reset();
  a.decided_by.clear();
  a.rationale.clear();
  return a;
}

Result<Appraisal> decide(Appraisal a, std::optional<DecommissionDecision> decision, std::optional<Date> on,
                         const std::string& decided_by, const std::string& rationale, Date today) {
  if (a.decision) return fail("decision", "A decision has already been recorded for this appraisal");
  std::vector<FieldError> errors;
  if (!decision) errors.push_back({"decision", "Choose the decision: decommission, continue or re-commission"});
  if (!on) {
    errors.push_back({"decided_on", "Enter the date of the decision, like 2025-11-20"});
  } else if (*on > today) {
    errors.push_back({"decided_on", "The date of the decision cannot be in the future"});
  }
  if (blank(decided_by)) {
    errors.push_back({"decided_by", "Enter who made the decision, like Joint commissioning board"});
  }
  if (!errors.empty()) return fail(std::move(errors));
  a.decision = decision;
  a.decided_on = on;
  a.decided_by = decided_by;
  a.rationale = rationale;
  return a;
}

}  // namespace tandem
