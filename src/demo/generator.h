// Builds a demo area's register: invented children and young people whose
// number and mix (EHC plans by age, primary need and placement; children in
// assessment, on SEN support, on the disabled children's register or known to
// health only) follow one local authority's published DfE figures.
//
// Pure: the same calibration and options give the same area, byte for byte, on
// every machine (see demo/random.h); there is no clock, file or database here.
// Every person, setting and postcode is invented. Identifiers pass Tandem's
// checks but cannot belong to anyone: NHS numbers come from the range NHS
// England reserves for testing (999 000 0000 to 999 999 9999), postcodes from
// an outward area no real postcode uses (no UK postcode starts with Q), and
// UPNs from establishment numbers that name no real school.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/child.h"
#include "core/date.h"
#include "core/placement.h"
#include "demo/calibration.h"

namespace tandem::demo {

// A member of staff who can be named on children's cases.
struct DemoStaff {
  std::string user_id;
  std::string display_name;
  Role role = Role::caseworker;
  Agency agency = Agency::council_education;
};

struct DemoOptions {
  std::uint64_t seed = 1;
  std::size_t plans = 0;  // children with EHC plans; 0: the authority's real count
  Date today{};           // ages, dates of birth and every date are relative to this
  std::string area_id;
  // Staff to name on cases: caseworkers on plans and assessments, social care
  // practitioners on children known to social care, and school or provider
  // staff (agency school or provider, or role provider) on a subset each.
  std::vector<DemoStaff> staff;
  // Integrated care boards children may be registered with; most children get
  // the first (the area's own), the rest live near a border.
  std::vector<std::string> icb_names;
  // Prepended to every id, so several demo areas can share one database.
  std::string id_prefix;
};

struct DemoChild {
  Child child;
  std::vector<SecondaryNeed> needs;  // rank 2 and below; the primary need is on `child`
  // Oldest first; the current one last, with no end date. A child waiting for
  // a new setting has none current: every placement has ended.
  std::vector<Placement> placements;
  std::vector<CaseInvolvement> involvements;
};

// A problem the demo leaves in its SEN2 return on purpose, of a kind councils
// meet in their own data, so the validation report has something to show.
// `rule` is the report's rule id; the report raises it for the child whenever
// the child is in the year's return.
struct PlantedSen2Problem {
  std::string child_id;
  std::string rule;  // "SEN2-E11"
  std::string why;
};

struct DemoArea {
  std::vector<DemoChild> children;
  std::vector<PlantedSen2Problem> sen2_planted;  // in the order of the children
};

// How many children of each status an area of `plans` plans gets.
struct DemoCounts {
  std::size_t ehc_plan = 0;
  std::size_t assessment = 0;
  std::size_t sen_support = 0;
  std::size_t disabled_register = 0;
  std::size_t health_only = 0;
  std::size_t total() const { return ehc_plan + assessment + sen_support + disabled_register + health_only; }
};
DemoCounts demo_counts(const Calibration& calibration, std::size_t plans);

DemoArea generate_demo_area(const Calibration& calibration, const DemoOptions& options);

}  // namespace tandem::demo
