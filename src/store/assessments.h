// EHC needs assessments with their advice requests and exceptions, saved and
// loaded whole; and the letters sent on them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment.h"
#include "store/database.h"

namespace tandem::store {

// Inserts when `a.version` is 0, else updates when the stored version matches;
// returns false (changing nothing) when someone else saved first. Advice
// requests and exceptions are replaced with the case's.
bool save_assessment(Tx& tx, const Assessment& a, std::int64_t now);
std::optional<Assessment> find_assessment(Tx& tx, const std::string& area_id, const std::string& id);
std::vector<Assessment> assessments_of_child(Tx& tx, const std::string& area_id, const std::string& child_id);
// Cases still running (no final plan, not refused), or all cases whose final
// plan was issued in [from, to]; each with its advice and exceptions.
std::vector<Assessment> open_assessments(Tx& tx, const std::string& area_id);
// The open cases of children the viewer is involved with (agency-wide when
// `agency_wide`, else only by name); only `caseworker_id`'s when it is given.
std::vector<Assessment> open_assessments_visible(Tx& tx, const std::string& area_id, const std::string& user_id,
                                                 const std::string& agency, bool agency_wide,
                                                 const std::string& caseworker_id);
std::vector<Assessment> assessments_issued_between(Tx& tx, const std::string& area_id, Date from, Date to);
// The same cases with only what the 20-week measure needs (dates and
// exceptions, no advice): two queries however many plans there are.
std::vector<Assessment> issued_for_timeliness(Tx& tx, const std::string& area_id, Date from, Date to);

// The caseload in its order, from each case's stored clock (migration 0014,
// core case_clock()): overdue first, then at risk, on time, and under an
// exception, each by the last day of the step to chase, then by date of
// receipt. The visibility rule is open_assessments_visible()'s. Cases saved
// before the clock was stored are left out: store theirs first (below).
struct CaseloadFilter {
  std::string area_id;
  std::string user_id;
  std::string agency;
  bool agency_wide = false;
  std::string caseworker_id;  // empty: every visible case
  Date today{};
  int at_risk_days = 14;
};
struct CaseloadEntry {
  std::string assessment_id;
  std::string caseworker_id;
  StepStatus status = StepStatus::on_time;  // overdue, at_risk, on_time or exception_applies
};
std::vector<CaseloadEntry> caseload_order(Tx& tx, const CaseloadFilter& f);
// Every case the caseload can show, as one area's caseload kept in memory
// (app/caseload_index.h) needs it: caseload_order()'s cases before the
// viewer's involvement and today's date are applied, whole, with the clock as
// stored, the child's name and the child's current involvements.
struct CaseloadInvolvement {
  std::string user_id;  // empty: the agency as a whole
  std::string agency;
};
struct CaseloadCase {
  Assessment assessment;                          // with advice and exceptions
  CaseClock clock;                                // as stored (migration 0014)
  std::string child_name;                         // "Given Family"; empty if the child is not the area's
  std::vector<CaseloadInvolvement> involvements;  // not ended
};
std::vector<CaseloadCase> caseload_cases(Tx& tx, const std::string& area_id);
// What a caseload kept in memory must match: it is current while neither
// token has changed. Read in one statement.
struct CaseloadTokens {
  std::int64_t assessments = 0;  // assessments_change_token()
  std::int64_t registry = 0;     // the area's children and involvements (migration 0025)
  bool operator==(const CaseloadTokens&) const = default;
};
CaseloadTokens caseload_tokens(Tx& tx, const std::string& area_id);
// The area's cases saved before the clock was stored (migration 0014), and
// the step that stores one's clock, changing nothing else.
std::vector<std::string> assessments_without_clock(Tx& tx, const std::string& area_id);
void store_case_clock(Tx& tx, const Assessment& a);
// The clock as stored for a case (nothing when there is no such case).
std::optional<CaseClock> stored_case_clock(Tx& tx, const std::string& area_id, const std::string& id);
// The given cases, with advice and exceptions, in no particular order.
// Every assessment of an area (or of one child when `child_id` is given), by child and date received.
std::vector<Assessment> assessments_of_area(Tx& tx, const std::string& area_id, const std::string& child_id = "");
std::vector<Assessment> assessments_by_id(Tx& tx, const std::string& area_id, const std::vector<std::string>& ids);
// Cases with advice asked for (not reused) on or after `from`, or back on or after it,
// or not back at all: what the advice timeliness report reads.
std::vector<Assessment> assessments_with_advice_since(Tx& tx, const std::string& area_id, Date from);
// Child id -> "Given Family" for the given children of the area.
std::map<std::string, std::string> names_of_children(Tx& tx, const std::string& area_id,
                                                     const std::vector<std::string>& child_ids);

// A token that changes whenever any of the area's assessments is saved or
// removed (0 when none ever was), for keeping figures computed from them.
std::int64_t assessments_change_token(Tx& tx, const std::string& area_id);

// Removes an area's assessments, advice, exceptions and letters (demo rebuilds).
void delete_assessments(Tx& tx, const std::string& area_id);

struct LetterRow {
  std::string id;
  std::string area_id;
  std::string child_id;
  std::string assessment_id;
  std::string kind;
  std::string issued_on;
  std::string subject;
  std::string body_html;
  std::string created_by;
  std::int64_t created_at = 0;
};
void insert_letter(Tx& tx, const LetterRow& l);
std::vector<LetterRow> letters_of_child(Tx& tx, const std::string& area_id, const std::string& child_id);
std::optional<LetterRow> find_letter(Tx& tx, const std::string& area_id, const std::string& id);

}  // namespace tandem::store
