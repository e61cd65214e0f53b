// The children's register: list and search, open a record, add and edit.
//
// Every function checks involvement (core/access.h) itself and writes the
// audit or access entry the rule requires; the route's permission is checked
// by the caller (web/) before it calls in.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "app/access_log.h"
#include "app/auth.h"
#include "app/clock.h"
#include "app/register_cache.h"
#include "core/assessment.h"
#include "core/child.h"
#include "core/health_notification.h"
#include "core/placement.h"
#include "core/result.h"
#include "store/audit.h"
#include "store/children.h"
#include "store/plans.h"

namespace tandem::app {

// Whether an involvement of the user's agency as a whole opens a child's case
// lists to this user: only for the statutory partners' staff who may open
// records; a school or provider is many organisations, so only its own
// named involvements count (core/access.h can_see_child).
bool sees_agency_wide(const SignedIn& user);

class CaseloadIndex;
class TopUpCache;

struct RegisterServices {
  store::Database& db;
  const Clock& clock;
  AccessLog& access_log;
  RegisterSearchCache* search_cache = nullptr;  // none: every search reads the database
  CaseloadIndex* caseload_index = nullptr;      // none: every caseload is ordered in the database
  TopUpCache* top_up_cache = nullptr;           // none: every top-up schedule is worked out afresh
};

struct RegisterFilters {
  std::string q;             // free text: names, UPN, NHS number, date of birth, postcode, setting
  std::string primary_need;  // DfE code or empty
  std::string plan_status;   // PlanStatus id or empty
  std::string setting_type;  // SettingType id or empty
  std::string page = "1";
};

// Beyond this many matches a list says "more than" rather than count them all.
constexpr int kRegisterCountCap = 1000;

struct RegisterPage {
  std::vector<store::RegisterRow> rows;
  int total = 0;           // exact up to kRegisterCountCap
  bool more_than = false;  // true: there are more than kRegisterCountCap
  int page = 1;
  int pages = 1;
  int page_size = 25;
};

// Splits free text into search tokens: lower case; a date written 27/03/2015
// becomes 2015-03-27; spaces inside a postcode or NHS number are kept apart.
std::vector<std::string> search_tokens_of_query(const std::string& q);

Result<RegisterPage> list_register(RegisterServices& s, const SignedIn& user, const RegisterFilters& filters,
                                   const std::string& route);

struct ChildRecord {
  Child child;
  std::vector<SecondaryNeed> needs;
  std::vector<Placement> placements;
  std::vector<CaseInvolvement> involvements;
  std::vector<store::AuditRow> history;                  // changes to this child's record, newest first
  std::vector<Assessment> assessments;                   // newest first
  std::vector<store::StoredPlan> plans;                  // newest first
  std::vector<HealthNotification> health_notifications;  // CFA s23 notices, newest first
};

struct NotFound {};
struct Forbidden {};
using RecordOutcome = std::variant<ChildRecord, NotFound, Forbidden>;

// Opens a record. A refusal is audited as access.denied; a success writes an
// access entry before returning.
RecordOutcome open_child(RegisterServices& s, const SignedIn& user, const std::string& child_id,
                         const std::string& route);

// Records a health body's CFA s23 notice on a child the user may see; starts
// no clock. Errors name the field; refusals are NotFound or Forbidden.
std::variant<HealthNotification, NotFound, Forbidden, Error> record_health_notification(
    RegisterServices& s, const SignedIn& user, const std::string& child_id, const HealthNotificationForm& form);

// Adds a child; the user's agency becomes involved so they can see the record.
Result<std::string> add_child(RegisterServices& s, const SignedIn& user, const ChildForm& form);

struct EditOutcome {
  std::variant<std::monostate, NotFound, Forbidden> refused;  // monostate: not refused
  Result<Child> result = Child{};
};
// Saves changes when `expected_version` is still current; the audit entry lists
// each field changed. Errors name the field (or "version" if someone saved first).
EditOutcome edit_child(RegisterServices& s, const SignedIn& user, const std::string& child_id, const ChildForm& form,
                       std::int64_t expected_version, const std::string& reason);

}  // namespace tandem::app
