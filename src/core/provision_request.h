// Requests for provision the Local Offer does not list, from a family or a
// caseworker, and how the partnership decides them.
//
// Blackpool's plan (seed 001, sections 5.5 and 12.5): when a family asks for
// provision not in the Local Offer, it is verified for efficacy, cost,
// safety, quality and outcomes; if it meets the criteria it joins the Local
// Offer, and it can be written into the child's EHC plan. Here each of the
// five criteria is checked with a finding and a note, and the decision is one
// of: add it to the offer, fund it for this child only, or decline, always
// with reasons.
//
//   auto r = new_provision_request(input, today, now);
//   r = record_check(*r, Criterion::cost, Finding::met, "Within the banded rate", "u-1", now);
//   r = decide(*r, "add_to_offer", "Meets every criterion", "u-2", today);
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace tandem {

enum class Criterion { efficacy, cost, safety, quality, outcomes };
std::string_view to_string(Criterion c);
std::string_view criterion_label(Criterion c);
std::string_view criterion_question(Criterion c);
std::optional<Criterion> parse_criterion(std::string_view text);
std::span<const Criterion> all_criteria();

enum class Finding { met, not_met, unclear };
std::string_view to_string(Finding f);
std::string_view finding_label(Finding f);
std::optional<Finding> parse_finding(std::string_view text);
std::span<const Finding> all_findings();

enum class RequestDecision { add_to_offer, fund_for_child, decline };
std::string_view to_string(RequestDecision d);
std::string_view request_decision_label(RequestDecision d);
std::optional<RequestDecision> parse_request_decision(std::string_view text);
std::span<const RequestDecision> all_request_decisions();

// Received (nothing checked yet), verifying (some criteria checked), decided.
enum class RequestStage { received, verifying, decided };
std::string_view to_string(RequestStage s);
std::string_view request_stage_label(RequestStage s);
std::optional<RequestStage> parse_request_stage(std::string_view text);

// From the public form (a family) or a member of staff.
enum class RequestOrigin { family, staff };
std::string_view to_string(RequestOrigin s);

struct CriterionCheck {
  Criterion criterion = Criterion::efficacy;
  Finding finding = Finding::unclear;
  std::string note;
  std::string checked_by;
  std::int64_t checked_at = 0;
};

struct ProvisionRequest {
  std::string id;
  std::string area_id;
  Date received_on{};
  std::int64_t received_at = 0;
  RequestOrigin source = RequestOrigin::family;
  std::string requested_by;            // the staff member; empty from the public form
  std::string child_id;                // staff requests may name a child
  std::string provision;               // what is asked for
  std::string provider;                // who offers it, if known
  std::string reason;                  // why the child or young person needs it
  std::string need_code;               // DfE primary-need code, or empty
  std::optional<int> age;              // in years
  std::string contact;                 // how to reach the family with the decision; never published
  std::vector<CriterionCheck> checks;  // at most one per criterion, in all_criteria() order
  std::optional<RequestDecision> decision;
  std::string decision_reasons;
  std::string decided_by;
  std::optional<Date> decided_on;
  std::string service_id;  // the directory service a decision to add created
  std::int64_t version = 1;
};

RequestStage stage_of(const ProvisionRequest& r);
const CriterionCheck* check_of(const ProvisionRequest& r, Criterion c);

struct ProvisionRequestInput {
  std::string id;
  std::string area_id;
  RequestOrigin source = RequestOrigin::family;
  std::string requested_by;
  std::string child_id;
  std::string provision;
  std::string provider;
  std::string reason;
  std::string need_code;
  std::string age;
  std::string contact;
};
// Checks a new request: what and why are needed; a need must be a DfE code;
// an age a whole number from 0 to 25; a family gives a way to reach them.
Result<ProvisionRequest> new_provision_request(const ProvisionRequestInput& in, Date today, std::int64_t now);

// Records (or replaces) the finding for one criterion; every finding needs a
// note. A decided request is not checked again.
Result<ProvisionRequest> record_check(const ProvisionRequest& r, std::string_view criterion, std::string_view finding,
                                      const std::string& note, const std::string& by, std::int64_t at);

// The criteria not yet checked, in order.
std::vector<Criterion> unchecked(const ProvisionRequest& r);

// Decides the request, once. Reasons are always needed. Adding to the Local
// Offer needs all five criteria met; funding for one child needs a child
// named on the request, every criterion checked, and safety and quality met
// (no one is funded for provision found unsafe or of poor quality). A request
// may be declined at any stage.
Result<ProvisionRequest> decide(const ProvisionRequest& r, std::string_view decision, const std::string& reasons,
                                const std::string& by, Date today);

}  // namespace tandem
