// The DfE SEN2 person-level return, made from what Tandem holds: every child
// the survey guide asks about (a plan active on the census date, a plan
// ceased in the calendar year before it, a request or assessment decided in
// that year, and work still open on the census date), with their requests,
// assessments, plans, placements and ranked needs, in canonical order. People
// imported from a return keep the items Tandem does not hold (ethnicity, URN,
// residential and personal budget flags, ...) until someone changes the case
// in Tandem.
//
// Before it is sent, the validation report lists errors (must be fixed) and
// queries (must be explained), each with the case page where it is fixed.
// Rule ids are Tandem's own (SEN2-E.., SEN2-Q..); DfE numbers its rules each
// year and those numbers are not reproduced here.
#pragma once

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/clock.h"
#include "core/date.h"
#include "core/result.h"
#include "core/twenty_week_rate.h"
#include "interop/sen2_schema.h"
#include "interop/sen2_xml.h"
#include "store/database.h"
#include "store/sen2.h"

namespace tandem::app {

// The census (reference) date and the calendar year of activity a return covers.
struct Sen2Period {
  int year = 0;          // collection year, e.g. 2026
  Date census{};         // third Thursday of January of `year`
  Date activity_from{};  // 1 January of year - 1
  Date activity_to{};    // 31 December of year - 1
};
Sen2Period sen2_period(int year);

// The person the return holds for a child, from Tandem's tables alone; nullopt
// when the guide leaves the child out of that year's return.
std::optional<sen2::Node> derive_person(const store::Sen2Area& area, const Child& child, const Sen2Period& period,
                                        Date today, bool include_all = false);
// The person to send: the imported one when nothing Tandem holds about them
// has changed since the import, else Tandem's with the items it does not hold
// filled in from the import.
sen2::Node person_to_send(const sen2::Node& derived, const store::Sen2Stored* stored, const sen2::Schema& schema);

struct Sen2Problem {
  std::string severity;  // "error" or "query"
  std::string rule;      // "SEN2-E03"
  std::string child_id;
  std::string person;  // "Surname, Forename"
  std::string path;    // within the person: "Requests[1]/ReceivedDate"
  std::string message;
  // Where a caseworker fixes it: the request's case ("/assessments/as-1") or the
  // plan ("/plans/p-1") when the problem is theirs, else the child's record.
  std::string page;
};

// Tandem's own checks of one person (codes from the year's lists, dates in
// order, one need ranked 1 per active plan, a setting on every placement, a
// request outcome for every request older than 6 weeks at the census date).
std::vector<Sen2Problem> check_person(const sen2::Node& person, const std::string& child_id, const sen2::Schema& schema,
                                      const Sen2Period& period);

// Totals of a return, counted from its persons (and, in the tests, from the
// file by a separate reader): each must match Tandem's own dashboards.
struct Sen2Totals {
  int persons = 0;
  int active_plans = 0;         // ActivePlans elements (plans in force on the census date)
  int requests = 0;             // requests received in the calendar year
  int requests_assess = 0;      // ... decided: assess
  int requests_not_assess = 0;  // ... decided: not to assess
  int plans_issued = 0;         // named plans started in the calendar year
  int issued_within_20_weeks = 0;
  int issued_with_exception = 0;  // Week20 = 1
  int issued_within_20_weeks_no_exception = 0;
  int errors = 0;
  int queries = 0;
};

struct Sen2Report {
  Sen2Period period;
  std::string version;  // the schema's version text
  Sen2Totals totals;
  std::vector<Sen2Problem> problems;
  TwentyWeekRate rate;          // Tandem's 20-week figure for the calendar year, as the dashboard computes it
  int tandem_active_plans = 0;  // final plans in force on the census date, counted from Tandem's tables
  // Requests received in the calendar year and, by the census date, decided
  // to assess or not, counted from Tandem's assessments.
  int tandem_requests = 0;
  int tandem_requests_assess = 0;
  int tandem_requests_not_assess = 0;
};

// Writes the return to `out` (when given) and returns its report. Fails (field
// "year") when Tandem has no element names for the year.
struct Sen2ExportOptions {
  std::string area_id;
  int year = 0;
  std::string la_code;
  std::string software = "Tandem";
  std::string release;
  std::string dmo;  // DfE's DMO and DCO (Y, N or R): needed when a file is written
  std::string dco;
};
Result<Sen2Report> export_sen2(store::Database& db, const Clock& clock, const Sen2ExportOptions& options,
                               std::ostream* out);

// The report as CSV: severity, rule, person, case link, item, message.
std::string sen2_report_csv(const Sen2Report& report, const std::string& base_url);

// What a caseworker must complete on a case that came from a return: the
// return holds no outcomes, provision or documents.
struct Sen2ToComplete {
  std::string child_id;
  std::string person;
  std::vector<std::string> items;
  std::vector<std::string> links;  // where each item is done, e.g. "/plans/p-1/outcomes/new"
};

}  // namespace tandem::app
