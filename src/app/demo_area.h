// Builds a demonstration area in the database: the area from its shipped
// profile, one account per role, and a register generated from the published
// DfE figures the profile calibrates from (src/demo/). Running it again
// rebuilds the register and resets the demo accounts' passwords.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/clock.h"
#include "core/access.h"
#include "core/result.h"
#include "store/database.h"

namespace tandem::app {

struct DemoRequest {
  std::string area = "demo";
  std::size_t plans = 0;  // 0: the calibrating area's published count
  std::uint64_t seed = 20261123;
  std::size_t services = 0;  // Local Offer services; 0: 300
};

struct DemoAccount {
  std::string email;
  std::string password;
  Role role;
  Agency agency;
};

// A problem the demo leaves in its SEN2 return on purpose: the report's rule
// id, the child it is raised on, and why.
struct DemoPlantedProblem {
  std::string child_id;
  std::string rule;
  std::string why;
};

struct DemoSummary {
  std::string area_id;
  std::string area_name;
  std::string calibrated_from;  // "Halton (876)"
  std::size_t children = 0;
  std::size_t plans = 0;
  std::size_t assessments = 0;
  std::size_t plan_documents = 0;      // EHC plans written out, drafts included
  std::size_t reviews = 0;             // review meetings on record
  std::size_t disagreements = 0;       // provision lines recorded against the proposal
  std::size_t appeals = 0;             // appeals to the tribunal, at every stage
  std::size_t services = 0;            // in the Local Offer directory
  std::size_t feedback = 0;            // families' feedback on the Local Offer, some published
  std::size_t provision_requests = 0;  // requests for provision not in the offer, at every stage
  std::vector<DemoAccount> accounts;
  // Problems left in the SEN2 return on purpose (demo/generator.h).
  std::vector<DemoPlantedProblem> sen2_planted;
};

Result<DemoSummary> build_demo_area(store::Database& db, const Clock& clock, const DemoRequest& request);

}  // namespace tandem::app
