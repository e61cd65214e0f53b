// Commissioned services in the database: providers (and which provider each
// provider-role user works for), contracts with their commissioning shares
// and what they deliver, stage changes, indicators and quarterly returns.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/contract.h"
#include "core/contract_monitoring.h"
#include "core/review.h"
#include "store/database.h"

namespace tandem::store {

struct StoredContract {
  Contract contract;
  std::int64_t version = 0;
  std::string provider_name;
  std::string framework_name;  // of the framework it is picked from, if any
  std::string tier_name;
};

struct StageChange {
  std::string id;
  std::string contract_id;
  std::string area_id;
  ProcurementStage from = ProcurementStage::need;
  ProcurementStage to = ProcurementStage::need;
  Date on{};
  std::string note;
  std::string changed_by;
  std::int64_t at = 0;
};

void save_provider(Tx& tx, const Provider& p);
std::vector<Provider> providers(Tx& tx, const std::string& area_id);
std::optional<Provider> find_provider(Tx& tx, const std::string& area_id, const std::string& id);
void link_provider_user(Tx& tx, const std::string& area_id, const std::string& user_id, const std::string& provider_id);
// The provider a provider-role user works for in the area, if linked.
std::optional<std::string> provider_of_user(Tx& tx, const std::string& area_id, const std::string& user_id);

void insert_contract(Tx& tx, const Contract& c, std::int64_t now);
// False when `expected_version` is stale.
bool update_contract(Tx& tx, const Contract& c, std::int64_t expected_version, std::int64_t now);
std::optional<StoredContract> find_contract(Tx& tx, const std::string& area_id, const std::string& id);
// Every contract in the area (provider_id empty) or one provider's, by end date.
std::vector<StoredContract> contracts(Tx& tx, const std::string& area_id, const std::string& provider_id = "");

// The contracts picked from a framework (provider_id empty: every one), by end date.
std::vector<StoredContract> framework_contracts(Tx& tx, const std::string& area_id, const std::string& framework_id,
                                                const std::string& provider_id = "");

void insert_stage_change(Tx& tx, const StageChange& c);
std::vector<StageChange> stage_changes(Tx& tx, const std::string& area_id, const std::string& contract_id);

// Inserts or replaces the indicator at `position`.
void save_kpi(Tx& tx, const std::string& area_id, const Kpi& k, int position);
std::vector<Kpi> kpis_of(Tx& tx, const std::string& area_id, const std::string& contract_id);
// Every indicator in the area, in contract order.
std::vector<Kpi> area_kpis(Tx& tx, const std::string& area_id);

// Throws ConflictError when the contract already has a return for the quarter.
void insert_return(Tx& tx, const QuarterlyReturn& r);
bool return_exists(Tx& tx, const std::string& contract_id, Quarter q);
// Newest quarter first.
std::vector<QuarterlyReturn> returns_of(Tx& tx, const std::string& area_id, const std::string& contract_id);
std::vector<QuarterlyReturn> area_returns(Tx& tx, const std::string& area_id);

// The Local Offer directory's services (id, name) in the area, by name.
std::vector<std::pair<std::string, std::string>> directory_service_names(Tx& tx, const std::string& area_id);

// One outcome of a final plan served by the contract: a provision line names
// one of the contract's services, or by name the provider or one of the
// contract's provision names, and serves the outcome; with its progress at
// the plan's latest review.
struct ServedOutcome {
  std::string child_id;
  std::string plan_id;
  std::string outcome_id;
  Progress progress = Progress::on_track;
};
// Plans in `ended_plans` (app::plans_ended_by) are left out.
std::vector<ServedOutcome> outcomes_served(Tx& tx, const std::string& area_id, const Contract& c,
                                           const std::string& provider_name, const std::set<std::string>& ended_plans);

void delete_contracts(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
