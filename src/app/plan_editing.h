// Writing an EHC plan: its outcomes (section E), its provision lines (F, G,
// H1, H2) with who secures and pays for each, the ICB's agreement to health
// provision, issuing the final plan, and the partners' positions when a line
// departs from the responsibility Tandem proposed.
//
// Every change saves a new plan version (every version is kept) in one
// transaction with its audit entry and any disagreement it opens, after the
// same checks the API makes; a stale version is refused, never merged.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/assessments.h"
#include "core/disagreement.h"
#include "core/plan.h"
#include "store/disagreements.h"

namespace tandem::app {

// A provision line as a form or the API sends it: text, validated here.
struct LineForm {
  std::string section;   // F, G, H1, H2
  std::string category;  // a provision_categories() id
  std::string what, how_much, how_often, provider;
  std::string level;        // universal, specialist, highly_specialist
  bool educates = false;    // the provision educates or trains the child (CFA s21(5))
  std::string annual_cost;  // pounds, "1,250.00"
  std::vector<std::string> outcome_ids;
  // "proposed": take Tandem's proposal; "recorded": the securing agency and
  // shares below, with a reason where they depart from the proposal.
  std::string responsibility = "proposed";
  std::string securing;
  std::array<std::string, 3> pay_agency, pay_percent;
  std::string override_reason;
  std::string version;  // the plan version the form was made from
};

struct OutcomeForm {
  std::string text;
  std::string target_date;  // YYYY-MM-DD
  std::string version;
};

struct FinalForm {
  std::string issued_on;  // YYYY-MM-DD
  std::string setting_name;
  std::string setting_type;  // a SettingType id
  std::string version;
  // The named setting's URN or UKPRN for the SEN2 return. Both empty: taken
  // from Tandem's records of that setting (children's and placements' URNs).
  std::string setting_urn;
  std::string setting_ukprn;
};

// Sections A to D.
struct SectionsForm {
  std::string views;              // A
  std::string primary_need;       // B: DfE need code
  std::string secondary_needs;    // B: DfE need codes separated by commas or spaces
  std::string needs_text;         // B
  std::string health_needs;       // C
  std::string social_care_needs;  // D
  std::string version;
};

struct PlanSaved {
  std::string plan_id;
  std::int64_t version = 0;
  std::string line_id;                      // the line written, for line edits
  std::optional<std::string> disagreement;  // opened by this change
};
using PlanEdit = std::variant<PlanSaved, Refused, Error>;

// Starts a draft plan for a child with no plan in progress (a child holds
// one plan at a time: CFA s37), its primary need taken from the record.
PlanEdit start_draft(RegisterServices& s, const SignedIn& user, const std::string& child_id);
PlanEdit save_sections(RegisterServices& s, const SignedIn& user, const std::string& plan_id, const SectionsForm& form);

// What Tandem would propose for the line as the form describes it, for the
// form to show beside the choice; an error when the form cannot describe a
// line yet (no section or category).
Result<Proposal> propose_for_form(const std::string& area_id, const LineForm& form);

// Adds a line (line_id empty) or replaces one. A changed line loses the ICB's
// agreement (it agreed to what the line said). A line recorded against the
// proposal opens a disagreement with every affected agency, and withdraws any
// open one about the same line.
PlanEdit save_line(RegisterServices& s, const SignedIn& user, const std::string& plan_id, const std::string& line_id,
                   const LineForm& form);
PlanEdit save_outcome(RegisterServices& s, const SignedIn& user, const std::string& plan_id,
                      const std::string& outcome_id, const OutcomeForm& form);
// The securing NHS body records its agreement to a section G line (reg 12(2)).
PlanEdit agree_health_line(RegisterServices& s, const SignedIn& user, const std::string& plan_id,
                           const std::string& line_id, const std::string& version);
// Issues the plan as final (CFA s39-40) naming the setting: every check of
// validate_plan for a final plan applies; the annual review clock starts on
// the day of issue (CFA s44(1)).
PlanEdit issue_final(RegisterServices& s, const SignedIn& user, const std::string& plan_id, const FinalForm& form);

// ---- Disagreements -----------------------------------------------------------------

using DisagreementEdit = std::variant<store::StoredDisagreement, Refused, Error>;

std::variant<store::StoredDisagreement, Refused> open_disagreement_record(RegisterServices& s, const SignedIn& user,
                                                                          const std::string& id,
                                                                          const std::string& route);
// The user's agency records its position.
DisagreementEdit record_agency_position(RegisterServices& s, const SignedIn& user, const std::string& id,
                                        const std::string& position, const std::string& note,
                                        const std::string& version);
// The area's disagreements about children the user may see ("" for every
// status), newest first.
std::vector<store::StoredDisagreement> area_disagreement_list(RegisterServices& s, const SignedIn& user,
                                                              const std::string& status, const std::string& route);
std::vector<store::StoredDisagreement> plan_disagreements(RegisterServices& s, const SignedIn& user,
                                                          const std::string& plan_id);

}  // namespace tandem::app
