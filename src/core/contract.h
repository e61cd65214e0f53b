// Commissioned services: the providers a partnership buys from, the contracts
// it holds with them, and where each contract stands in its procurement cycle.
//
// A contract says what kind of arrangement it is (a block contract, spot
// purchases, a call-off from a framework, a section 75 pooled arrangement, a
// grant), which agencies commission it and in what shares (basis points that
// sum to 10,000, as on a plan's provision lines: core/plan.h), its value and
// dates, and the Local Offer services it delivers. Its procurement stage moves
// only along the transitions below (may_move), so a contract cannot go live
// without being awarded or be extended without a review.
//
//   auto c = make_contract(in);                                  // every wrong field named
//   c = move_stage(*c, ProcurementStage::award, on, {}, today);  // or an error saying what may follow
//   if (contract_alert(*c, today) == ContractAlert::ending_soon) show("re-commission now");
//
// Sources: Stockport seed (procurement through frameworks, quarterly quality
// assurance), Haringey 4 (disaggregating block contracts), Northumberland 5
// (block contracts, frameworks, S75 partnership agreements), Blackpool 15.2
// (pooled budgets).
#pragma once

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

enum class ContractType {
  block,               // a set sum for a service to a population (NHS community therapies)
  spot_purchase,       // bought place by place or hour by hour
  framework_call_off,  // a call-off from a framework of approved providers
  section_75,          // a pooled or delegated arrangement under NHS Act 2006 s75
  grant,               // a grant to a voluntary or community organisation
};
std::string_view to_string(ContractType t);
std::string_view contract_type_label(ContractType t);
std::optional<ContractType> parse_contract_type(std::string_view s);
std::span<const ContractType> all_contract_types();

// The procurement cycle: understand the need, appraise the options, tender,
// award, mobilise, run the service, review it, then extend or end.
enum class ProcurementStage { need, options, tender, award, mobilise, live, review, extend, end };
std::string_view to_string(ProcurementStage s);
std::string_view procurement_stage_label(ProcurementStage s);
std::optional<ProcurementStage> parse_procurement_stage(std::string_view s);
std::span<const ProcurementStage> all_procurement_stages();

// Whether a contract may move from one stage to another:
//   need -> options; options -> tender, award (a direct award or a framework
//   call-off), end; tender -> award, options (no acceptable bid), end;
//   award -> mobilise, end; mobilise -> live; live -> review, end;
//   review -> live (carry on to term), extend, end; extend -> live.
// Nothing leaves end; no stage moves to itself.
bool may_move(ProcurementStage from, ProcurementStage to);
// The stages `from` may move to, in cycle order.
std::vector<ProcurementStage> next_stages(ProcurementStage from);

// Stages in which the provider is delivering (or about to), so the contract
// counts in monitoring and "ending soon".
bool delivering(ProcurementStage s);

struct Provider {
  std::string id;
  std::string area_id;
  std::string name;
  std::string organisation_id;  // the Local Offer directory organisation, when it has one
};

struct Contract {
  std::string id;
  std::string area_id;
  std::string provider_id;
  std::string reference;  // the commissioner's own reference, e.g. "SLT-2025-01"
  std::string title;      // "Community speech and language therapy"
  ContractType type = ContractType::block;
  ProcurementStage stage = ProcurementStage::need;
  std::vector<FundingShare> commissioners;  // lead first; sums to 10,000
  Pence value;                              // over the whole term
  Date start_on{};
  Date end_on{};
  std::vector<std::string> service_ids;  // Local Offer directory services it delivers
  // How plans' provision lines name the service ("Community speech and
  // language therapy service"), so children's outcomes can be counted.
  std::vector<std::string> provision_names;
  // The framework a call-off (or a spot purchase) picks the provider from,
  // and the tier of need (its position, lowest need first): empty and absent
  // for any other contract (core/framework.h check_framework_pick).
  std::string framework_id;
  std::optional<int> tier;
};

// What a form or the API sends, each field already read (or absent).
struct ContractInput {
  std::string id;
  std::string area_id;
  std::string provider_id;
  std::string reference;
  std::string title;
  std::optional<ContractType> type;
  std::optional<ProcurementStage> stage;  // absent: need
  std::vector<FundingShare> commissioners;
  std::optional<Pence> value;
  std::optional<Date> start_on;
  std::optional<Date> end_on;
  std::vector<std::string> service_ids;
  std::vector<std::string> provision_names;
  std::string framework_id;
  std::optional<int> tier;
};

// Checks every field and reports every problem together: a title and a
// provider; a type; at least one commissioning agency, none of them a
// provider or school, with shares summing to 100% (field "commissioners");
// a value above nothing; start and end dates with the end after the start.
Result<Contract> make_contract(const ContractInput& in);

// Moves the contract to `to` on `on` (not in the future). Extending needs a
// new end date after the current one (field "end_on"); otherwise `new_end`
// must be absent or later than the start.
Result<Contract> move_stage(Contract c, ProcurementStage to, Date on, std::optional<Date> new_end, Date today);

// What a commissioner must notice about a contract's term.
enum class ContractAlert {
  none,
  ending_soon,  // delivering, ending within `within_days` (re-commissioning takes months)
  overrun,      // delivering past its end date, with no extension recorded
};
std::string_view to_string(ContractAlert a);
ContractAlert contract_alert(const Contract& c, Date today, int within_days = 180);

// The contract's value split between its commissioners (allocate(): the parts
// add up to the whole, the odd penny to the lead).
std::vector<std::pair<Agency, Pence>> value_by_agency(const Contract& c);

}  // namespace tandem
