// Requests for provision not in the Local Offer, with their checks against the
// five criteria and their decisions; and the caseload demand the gaps report
// weighs the offer against.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/provision_request.h"
#include "core/sufficiency.h"
#include "store/database.h"

namespace tandem::store {

void insert_provision_request(Tx& tx, const ProvisionRequest& r, std::int64_t now);
// Saves the checks, the decision, the service made and r.version; false when
// `expected_version` is no longer current.
bool update_provision_request(Tx& tx, const ProvisionRequest& r, std::int64_t expected_version, std::int64_t now);
std::optional<ProvisionRequest> find_provision_request(Tx& tx, const std::string& area_id, const std::string& id);
// Newest first; `stage` empty: every stage.
std::vector<ProvisionRequest> provision_requests(Tx& tx, const std::string& area_id, const std::string& stage,
                                                 int limit);
void delete_provision_requests(Tx& tx, const std::string& area_id);

// Children with an EHC plan in the area by primary need and age band on
// `today`, with the provision lines of their plans (the newest plan each).
std::vector<Demand> caseload_demand(Tx& tx, const std::string& area_id, Date today);

}  // namespace tandem::store
