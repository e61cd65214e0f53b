// Frameworks of approved providers, by tier of need, and suspending a provider
// from one (Northumberland seed 69-72): a framework lists its tiers (from
// universal to highly specialist need) and the providers approved on each; a
// provider suspended for poor quality or safeguarding concerns cannot be
// picked for a spot purchase or a call-off until the suspension is lifted.
// A framework runs for a term of at most four years (Procurement Act 2023,
// section 47; before it, Public Contracts Regulations 2015, regulation 33(3)),
// and nothing is called off from it outside that term.
//
//   auto f = make_framework(in);                                   // every wrong field named
//   if (auto e = suspension_bars(type, provider, name, suspensions, today)) errors.push_back(*e);
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/contract.h"
#include "core/date.h"
#include "core/result.h"

namespace tandem {

struct FrameworkMember {
  std::string provider_id;
  int tier = 0;  // the tier's position
};

struct Framework {
  std::string id;
  std::string area_id;
  std::string name;                // "Short breaks framework"
  std::string reference;           // "LA-SBF-2024"
  std::vector<std::string> tiers;  // lowest need first
  std::vector<FrameworkMember> members;
  // Its term; none for a framework recorded before terms were (nothing to check).
  std::optional<Date> starts_on;
  std::optional<Date> ends_on;
};

// The longest term a framework may have, in years (Procurement Act 2023,
// section 47(1)(b): four years, other than for defence and security or
// utilities frameworks, which councils and ICBs do not let).
inline constexpr int kFrameworkMaxYears = 4;

// In force on `day`: within its term (always, for one recorded without a term).
bool in_term(const Framework& f, Date day);
// Ends within `days` of `today`, not yet ended.
bool ending_within(const Framework& f, Date today, int days);
// How long before a framework ends its re-procurement is due: about what a
// tender and mobilisation take.
inline constexpr int kReprocureNoticeDays = 183;
inline bool reprocurement_due(const Framework& f, Date today) { return ending_within(f, today, kReprocureNoticeDays); }

struct FrameworkInput {
  std::string id;
  std::string area_id;
  std::string name;
  std::string reference;
  std::vector<std::string> tiers;
  std::optional<Date> starts_on;
  std::optional<Date> ends_on;
};

// A name, at least one tier, each named once (field "tiers"), and a term: a
// start (field "starts_on") and an end after it, less than four years on
// (field "ends_on": 1 April 2024 to 31 March 2028 is four years).
Result<Framework> make_framework(const FrameworkInput& in);

// Adds the provider to the tier (field "tier": one of the framework's; field
// "provider_id": not already on that tier).
Result<Framework> add_member(Framework f, const std::string& provider_id, std::optional<int> tier);

struct Suspension {
  std::string framework_id;
  std::string framework_name;
  std::string provider_id;
  Date suspended_on{};
  std::string reason;
  std::optional<Date> lifted_on;
};

// In force on `today`: begun and not yet lifted.
bool in_force(const Suspension& s, Date today);

// Whether the provider may be picked for a contract of this type: a spot
// purchase or a call-off from a provider with a suspension in force is
// refused, on field "provider_id", naming the framework, the date and reason.
std::optional<FieldError> suspension_bars(ContractType type, const std::string& provider_id,
                                          const std::string& provider_name, std::span<const Suspension> suspensions,
                                          Date today);

// What a contract picks from a framework: a call-off must name a framework
// and a tier; a spot purchase may name them, and then the same checks apply;
// no other kind of contract names one.
struct FrameworkPick {
  ContractType type = ContractType::block;
  std::string provider_id;
  std::string framework_id;  // empty: none named
  std::optional<int> tier;   // the tier's position, lowest need first
  Date start_on{};
};

// Every problem with the pick (Northumberland 69-72): the framework must be
// one of the area's (field "framework_id", naming them) and the tier one of
// its tiers (field "tier", naming them); the provider must be approved on
// that very tier, since approval is recorded tier by tier and a tier of
// higher need does not stand for a lower one (field "provider_id", naming
// the providers approved there), and not suspended from the framework on
// the contract's start date, which must fall within the framework's term
// (field "start_on": nothing is called off a framework that has not begun or
// has ended).
std::vector<FieldError> check_framework_pick(const FrameworkPick& pick, std::span<const Framework> frameworks,
                                             std::span<const Suspension> suspensions,
                                             const std::map<std::string, std::string>& provider_names);

// Checks a new suspension (a reason; a date not in the future; the provider
// on the framework and not already suspended) or the lifting of one (a date
// on or after the suspension, not in the future).
Result<Suspension> make_suspension(const Framework& f, const std::string& provider_id, std::optional<Date> on,
                                   const std::string& reason, std::span<const Suspension> current, Date today);
Result<Suspension> lift_suspension(Suspension s, std::optional<Date> on, Date today);

}  // namespace tandem
