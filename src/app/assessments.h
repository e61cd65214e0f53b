// Use cases of the EHC needs assessment: start one, record each statutory
// step, and the caseload views that order cases by the next deadline.
//
// Each step loads the case, checks the user may work on the child (route
// permission in web/, involvement here), applies the pure rule from
// core/assessment.h, saves with optimistic locking and writes the audit entry,
// all in one transaction.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/auth.h"
#include "app/clock.h"
#include "app/register.h"
#include "core/assessment.h"
#include "core/result.h"
#include "core/twenty_week_rate.h"
#include "store/assessments.h"

namespace tandem::app {

struct StartAssessment {
  std::string received_on;  // YYYY-MM-DD, the day of receipt under the area's rule
  std::string source;       // RequestSource id
};

// What a caseworker records, as typed; `step` names which.
struct StepInput {
  std::string step;          // decide, request_advice, advice_received, exception, not_to_issue, draft, final,
                             // withdraw
  std::string on;            // the date of the step, YYYY-MM-DD
  std::string assess;        // decide: "yes" or "no"
  std::string advice_kind;   // request_advice
  std::string provider;      // request_advice
  std::string agency;        // request_advice
  std::string reused;        // request_advice: "yes" when existing advice is used (reg 6(4))
  std::string advice_id;     // advice_received
  std::string ground;        // exception
  std::string end_on;        // exception: last day it lasted
  std::string reason;        // exception
  std::int64_t version = 0;  // optimistic locking
};

struct Refused {
  int status;  // 403 or 404
  std::string message;
};

using StepOutcome = std::variant<Assessment, Refused, Error>;

// Loads the child and checks the user may work on them (involvement, core/access.h);
// a refusal is written to the audit trail.
// The involvements that have not ended, as access rules read them.
std::vector<Involvement> current_involvements(const std::vector<CaseInvolvement>& rows);

std::variant<Child, Refused> child_for(RegisterServices& s, const SignedIn& user, const std::string& child_id,
                                       const std::string& route);

StepOutcome start_assessment(RegisterServices& s, const SignedIn& user, const std::string& child_id,
                             const StartAssessment& in);
StepOutcome record_step(RegisterServices& s, const SignedIn& user, const std::string& assessment_id,
                        const StepInput& in);

struct AssessmentView {
  Assessment assessment;
  Child child;
  std::optional<NextStep> next;
  std::vector<LateAdvice> late;
  int days_lost = 0;
  std::vector<store::LetterRow> letters;  // sent on this case, newest first
};
std::variant<AssessmentView, Refused> open_assessment_case(RegisterServices& s, const SignedIn& user,
                                                           const std::string& assessment_id, const std::string& route);

struct CaseRow {
  std::string assessment_id;
  std::string child_id;
  std::string child_name;
  std::string caseworker_id;
  AssessmentStage stage;
  NextStep next;
  int late_advice = 0;
  int days_lost = 0;
};
struct CaseworkerLoad {
  std::string caseworker_id;
  int open = 0;
  int overdue = 0;
  int at_risk = 0;
};

struct CaseloadPage {
  std::vector<CaseRow> rows;                  // this page only
  std::vector<CaseworkerLoad> by_caseworker;  // every open case counted, heaviest first
  int total = 0;
  int overdue = 0;
  int at_risk = 0;
  int page = 1;
  int pages = 1;
};
constexpr int kCaseloadPageSize = 50;
// Heaviest caseload first; equal ones by caseworker id.
void order_by_load(std::vector<CaseworkerLoad>& loads);
// Open cases ordered: overdue first, then at risk, then by days left; cases
// under an exception after the rest, still visible. `mine_only` keeps the
// user's own cases. Only the page's children are logged as shown. Ordered
// from each case's stored clock (core case_clock()): by the area's snapshot in
// memory when `s.caseload_index` is given (app/caseload_index.h), else in the
// database; the two give the same page.
CaseloadPage caseload(RegisterServices& s, const SignedIn& user, bool mine_only, int page, const std::string& route);

// Gives a case to another caseworker in the area (managers rebalancing
// caseloads). The new caseworker must work in the area as a caseworker or SEN
// manager; errors name the field.
StepOutcome reassign_case(RegisterServices& s, const SignedIn& user, const std::string& assessment_id,
                          const std::string& caseworker_id, std::int64_t version);

// The people a case can be given to: the area's caseworkers and SEN managers.
struct Assignee {
  std::string user_id;
  std::string name;
};
std::vector<Assignee> assignees(RegisterServices& s, const SignedIn& user);

// A letter as sent, for reading and printing; the read is logged.
std::variant<store::LetterRow, Refused> open_letter(RegisterServices& s, const SignedIn& user,
                                                    const std::string& letter_id, const std::string& route);

// The area's 20-week rate for a calendar year, computed the DfE way from the
// plans Tandem holds. Kept per area, year and day until any of the area's
// assessments is saved again, on whichever server.
TwentyWeekRate area_twenty_week_rate(RegisterServices& s, const SignedIn& user, int year);

// What DfE last published for the area (for a fictional area, the area its
// profile calibrates from) and for England, to show beside Tandem's own.
struct PublishedTimeliness {
  std::string year;               // calendar year of the figures, e.g. "2023"
  std::string area_label;         // "Stockport (the demo area's figures are modelled on it)"
  std::optional<double> area_pc;  // % within 20 weeks excluding exceptions
  std::optional<double> england_pc;
};
PublishedTimeliness published_timeliness(const SignedIn& user);

}  // namespace tandem::app
