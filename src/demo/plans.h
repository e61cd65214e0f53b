// EHC plans for a demo area: one final plan for every child who has an EHC
// plan, and a draft for every child whose open assessment has had its draft
// served, so that the plan screens, the responsibility views and the cost by
// agency show a caseload that looks like the authority's own.
//
// Each plan has the sections of reg 12(1): views in A, the child's needs in B
// (primary and secondary, from the demo area), 2 to 4 outcomes in E due in
// the next one to two years, and provision in F, G, H1 and H2 chosen by the
// child's primary need, age and setting (a teaching assistant in mainstream,
// a place in a special school, speech and language therapy for autism or
// language needs, CAMHS for social, emotional and mental health needs,
// physiotherapy and equipment for physical disability, nursing or continuing
// care for profound and multiple learning difficulties, short breaks for
// disabled children). Every line is placed by propose_responsibility and
// apply_proposal with the area's matrix, so its section, securing agency and
// paying shares come from the law and the area's agreement, never from the
// generator; every line serves at least one outcome. A final plan names the
// current setting in section I (the type "other" alone for a child whose
// placement the published figures do not record) and has its section G lines agreed by the ICB
// (reg 12(2)); a draft names no setting (CFA s38(5)) and its G lines wait for
// that agreement. About one plan in twenty has a personal budget in J.
//
// Annual costs are plausible, not published prices. Assumptions, per year:
// a full-time 1:1 teaching assistant £16,000-£20,000 (about £18,000: 32.5
// hours a week in term time with on-costs), part-time £7,000-£10,000; the
// high-needs top-up for a special school place £10,000-£25,000 and for
// resourced provision £6,000-£12,000 (the place funding itself is not a cost
// of the plan, see annual_cost_by_agency); a block of speech and language
// therapy £2,000-£3,000 (about £2,400), weekly individual therapy
// £4,000-£5,500; CAMHS £2,500-£4,000; community nursing £6,000-£10,000; a
// continuing care package £30,000-£60,000; short breaks £2,000-£4,000,
// overnight short breaks £9,000-£15,000.
//
// Pure and deterministic: the same area, assessments, matrix and options give
// the same plans, byte for byte, on every machine (see demo/random.h).
//
//   const auto area = generate_demo_area(calibration, demo_options);
//   const auto cases = generate_assessments(calibration, area, assessment_options);
//   PlanOptions o{.seed = 7, .today = today, .id_prefix = ""};
//   const auto plans = generate_plans(area, cases, profile.responsibility, o);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/assessment.h"
#include "core/date.h"
#include "core/plan.h"
#include "demo/generator.h"

namespace tandem::demo {

struct PlanOptions {
  std::uint64_t seed = 1;
  Date today{};  // outcomes are due one to two years after this
  // Prepended to every id ("p-000001" plans, "pl-0000001" provision lines,
  // "<plan id>-o1" outcomes), so several demo areas can share one database.
  std::string id_prefix;
};

// The plans, in the order of the area's children: for each child its final
// plan (if it has an EHC plan), then its draft (if its open assessment has
// the draft served). Every plan passes validate_plan, whatever the matrix:
// lines the matrix would leave without a paying split are never generated.
std::vector<Plan> generate_plans(const DemoArea& area, const std::vector<Assessment>& assessments,
                                 const ResponsibilityMatrix& matrix, const PlanOptions& o);

}  // namespace tandem::demo
