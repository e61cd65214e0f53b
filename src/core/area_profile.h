// What differs between local areas, as plain data: the area profile.
//
// Every local area runs SEND joint commissioning its own way: its partners,
// what it calls each job, when a request counts as received, its panels and
// boards. Tandem keeps all of that in one profile per area (areas/*.toml, read
// by the profile library) so the rules in core never name a place. These
// structs hold a profile once read and checked; they do no I/O.
//
//   const AreaProfile& area = ...;
//   local_role_name(area, Role::caseworker);    // "SEN officer" in Blackpool
//   find_partner(area, Agency::icb)->name;      // "NHS Lancashire and South Cumbria ICB"
//
// Panels and boards are names only for now; their membership, remits and
// decision rights are richer structures that later versions of the profile
// add. The area's responsibility matrix (who secures and pays for which kind
// of provision, and in what split) is `responsibility`, read by the rules in
// core/plan.h:
//
//   propose_responsibility(line, area.responsibility);  // Stockport: continuing care 50/50
#pragma once

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/funding_terms.h"
#include "core/phase_transfer.h"
#include "core/plan.h"

namespace tandem {

// One organisation the area commissions with, or for.
struct Partner {
  std::string id;                     // unique in the profile, e.g. "icb"
  Agency agency;                      // which kind of body it is
  std::string name;                   // as the organisation calls itself today
  std::vector<std::string> formerly;  // earlier names, e.g. the CCG an ICB replaced
};

// A role the area uses, and the job title it uses for it where that differs
// from Tandem's own label (role_label()).
struct AreaRole {
  Role role;
  std::optional<std::string> local_name;
};

// What happens to a request that arrives on a day that is not a working day.
enum class NonWorkingDayReceipt {
  next_working_day,  // it counts as received on the next working day
  same_day,          // it counts as received on the day it arrived
};

// When a request counts as received, which starts the statutory clock (the day
// of receipt itself is excluded from the count). This is the area's rule, not
// the law's: see domain.md section 2.
struct ReceiptRule {
  // A request that arrives after this local time on a working day counts as
  // received on the next working day. No value: the time of day never matters.
  std::optional<std::chrono::minutes> cut_off;
  NonWorkingDayReceipt on_non_working_day = NonWorkingDayReceipt::next_working_day;
  std::string time_zone;  // IANA name; England is always "Europe/London"
  // False while the rule is Tandem's default rather than one the area has
  // written down and confirmed, so screens can say so.
  bool confirmed_by_area = false;
};

// How a family reaches a service: its name and at least one of phone, email
// and web address, as the area publishes them.
struct Contact {
  std::string name;                  // "Essential Mediation"
  std::optional<std::string> phone;  // "01632 960001"
  std::optional<std::string> email;  // "mediation@tandem-demo.example"
  std::optional<std::string> web;    // "www.essentialmediation.co.uk"
  bool operator==(const Contact&) const = default;
};

// The services every statutory letter points a family to. Each is optional: a
// profile names only what the area has confirmed, and a letter whose area
// lacks one says plainly where to ask instead of printing a blank.
struct Contacts {
  // The mediation adviser a family must contact before most appeals to the
  // First-tier Tribunal (Children and Families Act 2014 s55; SEND
  // Regulations 2014 reg 32(c)).
  std::optional<Contact> mediation;
  // The independent disagreement resolution service (CFA s57).
  std::optional<Contact> disagreement_resolution;
  // The information, advice and support service, often called SENDIASS
  // (CFA s32).
  std::optional<Contact> information_advice_support;
  // The council's SEND (or SEN) team, which families write to about a case.
  std::optional<Contact> send_team;
  // The area's Local Offer (CFA s30), where families find the schools and
  // colleges available, as draft plans must tell them (reg 13(1)(b)).
  std::optional<Contact> local_offer;
  bool operator==(const Contacts&) const = default;
};

// How far ahead Tandem warns of a deadline, in days ([warnings]). Each is an
// area's working choice, not law: the statutory date is the same everywhere,
// and these only say when a case turns amber.
struct WarningMargins {
  int assessment_at_risk_days = 14;  // an assessment's next statutory step
  int review_at_risk_days = 7;       // a review's papers, meeting and decision
  int review_due_soon_days = 56;     // an annual review to convene (2 weeks' notice: reg 20(3))
  int order_at_risk_days = 7;        // complying with a Tribunal order
  int move_at_risk_days = 5;         // a plan moving between councils
  bool operator==(const WarningMargins&) const = default;
};

struct AreaProfile {
  std::string id;        // short name, also the profile's file name: "halton"
  std::string name;      // "Halton"
  std::string la_code;   // DfE three-digit local authority number: "876"
  std::string ons_code;  // ONS/GSS code: "E06000006"
  std::string region;    // English region as DfE statistics name it: "North West"
  // A made-up area for demonstrations and training; it has no real DfE code.
  bool fictional = false;
  // For a fictional area: the DfE code of the real area whose published
  // figures give it its size and mix of needs.
  std::optional<std::string> calibrate_from;
  std::vector<Partner> partners;
  std::vector<AreaRole> roles;
  ReceiptRule receipt;
  std::vector<std::string> panels;  // case-level panels, by name
  std::vector<std::string> boards;  // governance boards and groups, by name
  Contacts contacts;                // for letters to families; [contacts]
  // Who secures and pays for which provision, as the area has agreed it;
  // [[responsibility]]. Only what the area's own documents say: where they
  // are silent the law's defaults apply (propose_responsibility).
  ResponsibilityMatrix responsibility;
  // Where the area's children change phase of education ([[phase_transfers]]);
  // empty: the two-tier default (transfer_points()).
  std::vector<TransferPoint> phase_transfers;
  // Below this many Local Offer services for every 100 children with EHC
  // plans in a need and age band, the gaps report flags the band
  // (core/sufficiency.h); [sufficiency] services_per_100_children. None: the
  // area has not set one, and nothing is flagged.
  std::optional<double> services_per_100_children;
  // The area's own school term dates, for paying top-ups termly
  // ([[school_terms]]); academic years not listed follow the national
  // pattern (profile/school_terms.h).
  std::vector<FundingTerm> school_terms;
  // What the SEN2 return's header says of the area's designated medical and
  // clinical officers (Code 3.44-3.46), in the code DfE's schema for the year
  // uses ([sen2_return] dmo and dco). None: the area has not said, and the
  // export asks for it.
  std::optional<std::string> sen2_dmo;
  std::optional<std::string> sen2_dco;
  WarningMargins warnings;
};

// The year groups at which the area's children change phase (reg 18).
inline std::vector<TransferPoint> transfer_points(const AreaProfile& area) {
  return area.phase_transfers.empty() ? default_transfer_points() : area.phase_transfers;
}

// The first partner of this kind, or null if the area has none.
inline const Partner* find_partner(const AreaProfile& area, Agency agency) {
  const auto it =
      std::find_if(area.partners.begin(), area.partners.end(), [&](const Partner& p) { return p.agency == agency; });
  return it == area.partners.end() ? nullptr : &*it;
}

inline bool uses_role(const AreaProfile& area, Role role) {
  return std::any_of(area.roles.begin(), area.roles.end(), [&](const AreaRole& r) { return r.role == role; });
}

// The job title this area uses for the role, falling back to Tandem's label.
inline std::string_view local_role_name(const AreaProfile& area, Role role) {
  for (const auto& r : area.roles) {
    if (r.role == role && r.local_name) return *r.local_name;
  }
  return role_label(role);
}

}  // namespace tandem
