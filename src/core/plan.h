// The EHC plan as structured data, and the rules for its provision lines: who
// secures each line, who pays for it and in what split, and what the plan
// costs each agency.
//
// A plan has the sections reg 12(1) of the SEND Regulations 2014 lists, A to
// K. Sections F, G, H1 and H2 are provision, held as ProvisionLine values;
// every line records the section it sits in, the agency that must secure it,
// the agencies that pay and their shares, and the rule that decided those.
// The law decides first (CFA s21(5): provision that educates or trains is
// special educational provision in section F, the council's absolute duty
// under s42(2)); the area's responsibility matrix (area-profile data,
// ResponsibilityMatrix below) fills in who pays where the law leaves it to
// local agreement, such as Stockport's 50/50 split of continuing care. Any
// line that departs from the proposal needs a recorded reason and the
// partners' agreement.
//
//   const Proposal p = propose_responsibility(line, area.responsibility);
//   line = apply_proposal(std::move(line), p);          // or set it by hand ...
//   auto flags = check_against_proposal(line, p);       // ... with a reason
//   if (auto ok = validate_plan(plan); !ok) show(ok.error());
//   const AnnualCosts costs = annual_cost_by_agency(plan, rates.notional_sen_threshold, true);
//
// Money is whole pence and every split says how it rounds (allocate()). The
// notional SEN threshold is a funding rule, passed in from the national data
// (profile/national_funding.h) for the year: it decides who pays, never
// whether a child gets the provision.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/date.h"
#include "core/money.h"
#include "core/placement.h"
#include "core/result.h"

namespace tandem {

// ---- Provision sections, categories and shares ----------------------------------

// The sections of a plan that hold provision (reg 12(1)(f) to (h)).
enum class Section {
  F,   // special educational provision; the council secures it (CFA s42(2))
  G,   // health provision; the ICB secures it (s42(3), reg 12(2))
  H1,  // social care under the Chronically Sick and Disabled Persons Act 1970 s2 (s37(2)(e))
  H2,  // other social care reasonably required (s37(2)(f))
};
std::string_view to_string(Section s);  // "F", "G", "H1", "H2"
std::optional<Section> parse_section(std::string_view s);
std::span<const Section> all_sections();

// The agencies the law allows to secure provision in a section: F the council
// (education), G the ICB or NHS England for specialised services (s42(4)),
// H1 and H2 the council (social care).
bool may_secure(Section section, Agency agency);

// What kind of provision a line is, so the rules and the area's matrix can
// speak about it. A fixed list: an area profile naming any other category is
// an error, so a typo never silently escapes its area's rule.
struct ProvisionCategory {
  std::string_view id;     // "speech_and_language_therapy"
  std::string_view label;  // "Speech and language therapy"
  // Provision of this kind educates or trains whatever the line says, so it is
  // always special educational provision (CFA s21(5)): teaching, a place at a
  // special school.
  bool always_educates = false;
};
std::span<const ProvisionCategory> provision_categories();
std::optional<ProvisionCategory> find_provision_category(std::string_view id);

// How far beyond what every child gets the provision goes (the levels of the
// Blackpool seed's responsibility table, section 9.7).
enum class Level { universal, specialist, highly_specialist };
std::string_view to_string(Level l);
std::optional<Level> parse_level(std::string_view s);

// One agency's part of a line's cost, in basis points: 10,000 is the whole
// cost, 5,000 half. A line's shares sum to exactly 10,000.
struct FundingShare {
  Agency agency = Agency::council_education;
  std::int32_t basis_points = 0;
  bool operator==(const FundingShare&) const = default;
};

constexpr std::int32_t kWholeShare = 10'000;

// The shares are usable: at least one, each above zero, no agency twice, and
// summing to exactly 10,000. Errors name `field` (e.g. "paying" or
// "provision[2].paying") and give the actual sum.
Result<void> validate_shares(std::span<const FundingShare> shares, std::string_view field = "paying");

// A share as people write it: "50", "50%", "33.33" (at most two decimal
// places), more than 0 and at most 100. Returns basis points (5,000 for 50%).
Result<std::int32_t> parse_share_percent(std::string_view field, std::string_view text);

// Splits `total` by the shares, so the parts always add up to the whole, by
// the largest remainder method: each share first gets the whole pence of its
// exact part (rounded down), then the pence left over go one each to the
// shares whose exact parts had the largest fractions. Ties go to the share
// listed first, so the same shares in the same order always split the same
// way, and whoever is listed first (by convention the lead agency) absorbs
// the odd penny. Parts are returned in the order of `shares`. Fails if the
// shares are invalid (validate_shares) or `total` is negative.
//
//   const std::vector<FundingShare> thirds{{icb, 3'334}, {la, 3'333}, {care, 3'333}};
//   allocate(Pence(10'000), thirds);  // £100.00: 3334, 3333, 3333 pence
//   allocate(Pence(2), thirds);       // 1, 1, 0: .6668 first, then the tie to the earlier
Result<std::vector<Pence>> allocate(Pence total, std::span<const FundingShare> shares);

// ---- The area's responsibility matrix -------------------------------------------

// One row of an area's matrix: provision of this category, in this section,
// is secured by this agency and paid for in these shares, because of `basis`
// (the local agreement, cited by seed section or panel decision).
struct ResponsibilityRule {
  std::string category;  // a provision_categories() id
  Section section = Section::F;
  Agency securing = Agency::council_education;
  std::vector<FundingShare> paying;
  std::string basis;  // "Stockport seed, forums table: Continuing Care Panel"
};

// An area's rules, from its profile ([[responsibility]]). At most one rule
// per category and section. Areas whose documents say nothing have none, and
// the law's defaults apply.
struct ResponsibilityMatrix {
  std::vector<ResponsibilityRule> rules;
};

// ---- The plan -------------------------------------------------------------------

// Where a line's provider is: free text, or a service in the Local Offer
// directory.
struct ProviderRef {
  std::string name;                                 // "Tandem Demo Community Health Trust SLT team"
  std::optional<std::string> directory_service_id;  // a Local Offer directory service id
  bool operator==(const ProviderRef&) const = default;
};

// One piece of provision in section F, G, H1 or H2. It must be specific (what,
// how much, how often, by whom) and say which outcomes it serves.
struct ProvisionLine {
  std::string id;
  Section section = Section::F;
  std::string category;   // a provision_categories() id, e.g. "speech_and_language_therapy"
  std::string what;       // "Individual speech and language therapy"
  std::string how_much;   // "45 minutes"
  std::string how_often;  // "weekly in term time"
  ProviderRef provider;
  Level level = Level::specialist;
  // Empty until decided; a final plan needs both (validate_plan).
  std::optional<Agency> securing;
  std::vector<FundingShare> paying;
  std::string rule;  // the rule that decided section, securing and paying (Proposal::rule)
  // Why the line departs from the proposal, when it does; the partners must
  // then agree it (LineFlag::needs_partner_agreement).
  std::optional<std::string> override_reason;
  bool icb_agreed = false;  // for section G: the ICB has agreed the provision (reg 12(2))
  Pence annual_cost;
  std::vector<std::string> outcome_ids;  // section E outcomes this line serves
  // The provision educates or trains the child: then it is special
  // educational provision whoever delivers it (CFA s21(5)).
  bool educates_or_trains = false;
};

// Draft (sent for the family's comments, CFA s38) or final (issued, s39-40).
// `final` is an identifier here, not the keyword. Not core/child.h's
// PlanStatus, which says where a child stands with the partnership.
enum class PlanStage { draft, final };

// Section B.
struct NeedsSection {
  std::string primary_need;                  // DfE need code (core/need.h), e.g. "SLCN"
  std::vector<std::string> secondary_needs;  // DfE need codes, in order
  std::string text;
};

// Section E: specific, with the date by which it should be achieved.
struct Outcome {
  std::string id;
  std::string text;
  std::optional<Date> target_date;  // required: an outcome without one is an error
};

// Section I: the setting named and its type, or the type only. A draft has
// none (CFA s38(5)).
struct PlacementSection {
  std::optional<std::string> setting_name;
  std::optional<SettingType> setting_type;
  // The named setting's identifiers for DfE's SEN2 return: a school's URN (6
  // digits) or a college's UKPRN (8 digits starting 1); empty: not recorded.
  std::string urn;
  std::string ukprn;
};

// Section J: the provision met by direct payments under a personal budget
// (CFA s49; reg 12(1)(j)).
struct PersonalBudgetSection {
  std::vector<std::string> direct_payment_line_ids;  // provision lines met by direct payment
  std::vector<std::string> outcome_ids;              // outcomes those payments serve
  std::string text;                                  // how the budget supports them
};

// Section K: advice and information gathered in the assessment, by reference.
struct AdviceReference {
  std::string reference;  // a document id in Tandem, or the report's own reference
  std::string title;      // "Educational psychology advice, 3 March 2025"
};

struct Plan {
  std::string id;
  std::string child_id;
  PlanStage stage = PlanStage::draft;
  std::string views;                                     // A: views, interests and aspirations
  NeedsSection needs;                                    // B
  std::string health_needs;                              // C
  std::string social_care_needs;                         // D
  std::vector<Outcome> outcomes;                         // E
  std::vector<ProvisionLine> provision;                  // F, G, H1 and H2
  std::optional<PlacementSection> placement;             // I
  std::optional<PersonalBudgetSection> personal_budget;  // J
  std::vector<AdviceReference> advice;                   // K
};

// ---- Responsibility: the proposal and overrides ------------------------------------

// Things a reader of the line must notice; none stops a plan being issued.
enum class LineFlag {
  // The line departs from the proposal, with a reason: the partners must
  // agree it (CFA s26(3)(c), (g)).
  needs_partner_agreement,
  // Speech and language therapy kept in section G: normally special
  // educational provision (Code 9.74; R v Lancashire ex p M 1989).
  sep_in_health_section,
  // The area's matrix says nothing about this category: the law's default
  // for the section was used. Blackpool (seed 9.6) sends such items to
  // officers and then its Joint Commissioning Board.
  no_area_rule,
  // A joint duty with no split agreed in the area (s117 aftercare): who pays
  // must be recorded, with the panel's reason, before the plan is final.
  split_not_agreed,
};
std::string_view to_string(LineFlag f);

// Where a line should sit, who secures it, who pays, and why.
struct Proposal {
  Section section = Section::F;
  Agency securing = Agency::council_education;
  std::vector<FundingShare> paying;  // empty only with LineFlag::split_not_agreed
  std::string rule;                  // in words, with its citation
  std::vector<LineFlag> flags;
};

// The law first, then the area's matrix, then the law's default:
//  1. educates or trains (the line says so, or the category always does):
//     section F, secured by the council (CFA s21(5), s42(2)); paid as the
//     matrix's F rule for the category says, else by the council;
//  2. speech and language therapy: section F likewise, being normally
//     special educational provision (Code 9.74; R v Lancashire ex p M 1989);
//  3. the matrix's rule for the category (its section-matching row if it has
//     several, ignoring F rows for provision that does not educate);
//  4. otherwise the section's duty holder pays it all (G: ICB, s42(3);
//     H1: council under CSDPA 1970 s2, s37(2)(e); H2: council under its own
//     powers, s37(2)(f); continuing care goes to G, led by the ICB under the
//     NHS Act 2006 s3), flagged no_area_rule; s117 aftercare, a joint duty
//     of ICB and council (Mental Health Act 1983 s117), is proposed with no
//     split, flagged split_not_agreed.
Proposal propose_responsibility(const ProvisionLine& line, const ResponsibilityMatrix& matrix);

// The line with the proposal's section, securing agency, shares and rule,
// and no override reason.
ProvisionLine apply_proposal(ProvisionLine line, const Proposal& proposal);

// Checks a line as recorded against its proposal; returns the flags to show.
// A line whose securing agency is not yet set is not an override. Refuses:
//  - provision that educates or trains outside section F (CFA s21(5)): a
//    reason cannot change what the law says it is (field "section");
//  - a securing agency the section's law does not allow (field "securing");
//  - shares that do not sum to 10,000 (field "paying");
//  - any other departure from the proposal with no reason (field
//    "override_reason"). With a reason it is flagged needs_partner_agreement.
Result<std::vector<LineFlag>> check_against_proposal(const ProvisionLine& line, const Proposal& proposal);

// ---- Plan validation ---------------------------------------------------------------

// Checks the whole plan and reports every problem together, each naming its
// field ("outcomes[1].target_date", "provision[0].icb_agreed", "placement").
// Any plan: outcomes have an id, text and target date; ids are unique; need
// codes are DfE codes; each line's securing agency is one its section allows,
// its shares sum to 10,000 and its outcome ids exist; a draft names no
// setting or type (CFA s38(5)). A final plan also needs: a primary need;
// every line with a securing agency and shares; every G line agreed by the
// ICB (reg 12(2)); section I with at least the type of setting (reg 12(1)(i)).
Result<void> validate_plan(const Plan& plan);

// Warning level, never an error: lines in F, G or H that name no outcome.
// Provision should be linked to the outcomes it serves (reg 12(1)(e)), but a
// plan is not refused for it. Returns "provision[i]" for each such line.
std::vector<std::string> lines_without_outcomes(const Plan& plan);

// ---- Money -----------------------------------------------------------------------

// A year's cost of plans by who meets it.
struct AnnualCosts {
  // What each agency pays, from the lines' shares. council_education's
  // figure includes the high-needs top-up.
  std::map<Agency, Pence> by_agency;
  // Met by a mainstream school or college from its own budget (elements 1
  // and 2, its notional SEN budget), up to the notional SEN threshold. The
  // school is not an agency here: it is money already in its budget.
  Pence school_notional;
  // The part of council_education's figure that is the high-needs top-up
  // above the threshold (element 3, the DSG high needs block).
  Pence high_needs_top_up;

  Pence total() const;
  bool operator==(const AnnualCosts&) const = default;
};

// The plan's annual cost by payer. Each line's cost is split by its shares
// (allocate()); lines without valid shares are skipped (validate_plan reports
// them). Then, in a mainstream setting, the council's education share of the
// section F lines is met by the school up to `notional_threshold`, and the
// council tops up the rest. In a special school, resourced provision, or any
// other setting that is funded by the place, there is no notional SEN split:
// the place funding is paid for the commissioned place whether or not it is
// filled, so it is not a cost of this plan, and the council's share of the
// F lines is all top-up.
AnnualCosts annual_cost_by_agency(const Plan& plan, Pence notional_threshold, bool mainstream);

// Settings whose school or college meets the first part of a high-needs
// pupil's extra cost from its own budget: mainstream schools and further
// education colleges (DfE high needs funding guide; Blackpool seed 9.3).
bool meets_notional_threshold(SettingType type);

// The area's totals: the sum over plans, each costed as mainstream when its
// section I type meets the threshold (a plan with no type yet is not).
AnnualCosts area_annual_cost_by_agency(std::span<const Plan> plans, Pence notional_threshold);

}  // namespace tandem
