// EHC needs assessments for a demo area, at every stage, so that each
// caseworker's page, the 20-week dashboard and the "which provider is late"
// view show work that looks like the authority's own.
//
// Three kinds of case come out:
// - one open assessment for every child in assessment, at the stage its date
//   of receipt makes likely: awaiting the decision, assessing with advice out
//   (some of it late, mostly from one or two named health providers), or with
//   the draft plan served; some run past 20 weeks, some have an exception;
// - the finished history of the plans issued over the last two calendar years
//   and this one so far, from request to final plan, with the share issued
//   within 20 weeks (excluding exceptions) set to the authority's published
//   figure for each calendar year;
// - requests refused at the decision to assess, assessments that ended with a
//   decision not to issue, and a few requests the family or school withdrew,
//   for children on SEN support.
//
// Every case is built by the step functions of core/assessment.h, so each is
// valid by construction: a step that refuses means the generator is wrong, and
// generate_assessments throws std::logic_error naming the case and the field.
//
// Pure and deterministic: the same calibration, area and options give the same
// cases, byte for byte, on every machine (see demo/random.h). Every provider
// name is invented.
//
//   const auto area = generate_demo_area(calibration, demo_options);
//   AssessmentOptions o{.seed = 7, .today = today, .area_id = "demo",
//                       .caseworker_ids = {"u-1", "u-2"}};
//   const auto cases = generate_assessments(calibration, area, o);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/assessment.h"
#include "core/date.h"
#include "demo/calibration.h"
#include "demo/generator.h"

namespace tandem::demo {

// A health provider asked for medical advice (reg 6(1)(c)), and how often its
// advice comes back after the 6 weeks of reg 8(1).
struct HealthProvider {
  std::string name;       // "Northside Community Health Trust: community paediatrics"
  double share = 0;       // relative share of the area's medical advice requests
  double late_share = 0;  // share of its requests answered after 6 weeks (or not yet)
};

// Four invented providers. Two of them are slow (60% and 35% of their advice
// late), the others rarely late, so the late advice of an area
// gathers on the two names a designated clinical officer would chase.
std::vector<HealthProvider> default_health_providers();

struct AssessmentOptions {
  std::uint64_t seed = 1;
  Date today{};  // every date is on or before today
  std::string area_id;
  // Caseworkers to name on cases. A child whose EHC coordinator (from the
  // demo area's involvements) is one of these keeps that coordinator; the
  // others are dealt out in turn. Empty: cases name no caseworker.
  std::vector<std::string> caseworker_ids;
  // Providers of medical advice; empty: default_health_providers().
  std::vector<HealthProvider> health_providers;
  // Prepended to every id ("a-000001" cases, "v-" advice, "x-" exceptions),
  // so several demo areas can share one database.
  std::string id_prefix;
};

// The area's assessments, ordered by date of receipt (ids follow that order).
// Throws std::logic_error if a step function refuses a generated step (a bug
// in the generator, never in the input).
std::vector<Assessment> generate_assessments(const Calibration& c, const DemoArea& area, const AssessmentOptions& o);

}  // namespace tandem::demo
