// Commissioning activities for the demo area: at every stage of the joint
// cycle (and one closed), at each level from one young person's package to a
// regional framework, some with their gate late, some ready to move on, one a
// decommissioning with its appraisal under way; linked to the demo contracts
// they concern, with evidence, partners' decisions and the partnership
// board's recommendations.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/commissioning.h"
#include "core/contract.h"

namespace tandem::demo {

struct CommissioningOptions {
  Date today{};
  std::string area_id;
  std::string id_prefix;
  std::vector<Contract> contracts;  // the demo's contracts, found by title
};

struct DemoStageChange {
  std::string activity_id;
  CycleStage from = CycleStage::joint_understanding;
  CycleStage to = CycleStage::joint_understanding;
  Date next_due_on{};
};

struct DemoCommissioning {
  std::vector<Activity> activities;            // with evidence, sign-offs and recommendations
  std::vector<DemoStageChange> stage_changes;  // the stages each has passed
};

// Deterministic; every activity passes make_activity, every piece of evidence
// make_evidence and every decision make_sign_off at the stage it was made.
DemoCommissioning generate_commissioning(const CommissioningOptions& options);

}  // namespace tandem::demo
