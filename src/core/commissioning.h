// Commissioning activities round the joint commissioning cycle: commissioning,
// reviewing, re-commissioning or decommissioning a service, at one of five
// levels, led by one agency with partners sharing the budget, moving through
// four stages (joint understanding, joint planning, joint delivery, joint
// review). Each stage needs its evidence, and moving on needs every partner's
// sign-off through its own governance: the partnership board recommends, each
// partner decides (Halton seed 10); the decision, its date and the
// decision-maker are recorded. A decommissioning also needs its appraisal
// (Northumberland seed 4.5): needs and demand, quality and performance, cost,
// the contract, stakeholders and the families affected, and an exit plan.
//
//   auto gate = gate_status(activity, today);      // what is missing to move on
//   if (gate.ready) a = *advance(a, on);            // or an error naming each gap
//   auto committed = committed_by_agency(activities);
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/date.h"
#include "core/money.h"
#include "core/plan.h"
#include "core/result.h"

namespace tandem {

enum class ActivityKind { commission, review, recommission, decommission };
std::string_view to_string(ActivityKind k);
std::optional<ActivityKind> parse_activity_kind(std::string_view s);

// Stockport's three levels, with Blackpool's operational and the region.
enum class CommissioningLevel { individual, operational, service, strategic, regional };
std::string_view to_string(CommissioningLevel l);
std::optional<CommissioningLevel> parse_commissioning_level(std::string_view s);

enum class CycleStage { joint_understanding, joint_planning, joint_delivery, joint_review, closed };
std::string_view to_string(CycleStage s);
std::string_view cycle_stage_label(CycleStage s);
std::optional<CycleStage> parse_cycle_stage(std::string_view s);
std::span<const CycleStage> all_cycle_stages();

// The evidence a stage needs before the activity may move on, by id and label
// ("needs_analysis", "Needs analysis (JSNA extract)").
struct EvidenceNeed {
  std::string_view id;
  std::string_view label;
};
std::span<const EvidenceNeed> evidence_for(CycleStage s, ActivityKind kind);

struct EvidenceLink {
  CycleStage stage = CycleStage::joint_understanding;
  std::string need_id;
  std::string title;
  std::string url;          // a document in the partnership's store, or a Tandem page
  std::string contract_id;  // when the evidence is a Tandem contract (url is then its page)
};

enum class SignOffDecision { approved, deferred, declined };
std::string_view to_string(SignOffDecision d);
std::optional<SignOffDecision> parse_sign_off_decision(std::string_view s);
std::string_view activity_kind_label(ActivityKind k);              // "Re-commission"
std::string_view commissioning_level_label(CommissioningLevel l);  // "Strategic"
std::string_view sign_off_decision_label(SignOffDecision d);       // "Approved"
std::span<const ActivityKind> all_activity_kinds();
std::span<const CommissioningLevel> all_commissioning_levels();

// One partner's decision through its own governance on leaving a stage.
struct SignOff {
  CycleStage stage = CycleStage::joint_understanding;
  Agency agency = Agency::council_education;
  Date decided_on{};
  SignOffDecision decision = SignOffDecision::approved;
  std::string decision_maker;  // "ICB Finance and Performance Committee"
  std::string note;
};

struct Activity {
  std::string id;
  std::string area_id;
  std::string title;
  ActivityKind kind = ActivityKind::commission;
  CommissioningLevel level = CommissioningLevel::service;
  std::vector<FundingShare> partners;  // lead first; sums to 10,000
  Pence budget;
  CycleStage stage = CycleStage::joint_understanding;
  Date stage_due_on{};      // when the current stage's gate should be passed
  std::string contract_id;  // the contract it concerns, if any
  std::vector<EvidenceLink> evidence;
  std::vector<SignOff> sign_offs;
  // The partnership board's recommendations (agency unused): shown beside
  // the partners' decisions, which alone open the gate.
  std::vector<SignOff> recommendations;
};

struct GateStatus {
  std::vector<EvidenceNeed> missing_evidence;
  std::vector<Agency> awaiting;  // partners with no approval recorded for the stage
  bool late = false;             // past stage_due_on and not passed
  bool ready = false;            // nothing missing: the activity may move on
};
GateStatus gate_status(const Activity& a, Date today);

// Moves to the next stage (joint review closes the activity) once the gate
// is ready, with the next stage's due date; errors name "evidence" and
// "sign_offs" with what is missing.
Result<Activity> advance(Activity a, Date next_due_on);

// The activities' budgets split by their partners' shares, for those not
// closed: what each agency has committed.
std::map<Agency, Pence> committed_by_agency(std::span<const Activity> activities);

}  // namespace tandem
