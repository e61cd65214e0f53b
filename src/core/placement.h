// Where a child is educated or cared for, and who is involved with them.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/access.h"
#include "core/date.h"

namespace tandem {

// Placement groups as DfE publishes caseload (caseload.csv column groups).
enum class SettingType {
  mainstream,          // maintained, academy, free or independent mainstream school
  mainstream_unit,     // SEN unit or resourced provision in a mainstream school
  special,             // maintained, academy/free, independent or non-maintained special school
  ap_pru,              // alternative provision or pupil referral unit
  further_education,   // FE and sixth-form colleges, specialist post-16 institutions
  early_years,         // nursery and other early years settings
  educated_elsewhere,  // elective home education, other arrangements, online
  neet,                // not in education, employment or training (16-25)
  other,
};
std::string_view to_string(SettingType t);
std::string_view setting_type_label(SettingType t);
std::optional<SettingType> parse_setting_type(std::string_view s);
std::span<const SettingType> all_setting_types();

struct Placement {
  std::string id;
  std::string setting_name;
  SettingType setting_type = SettingType::mainstream;
  Date start_date{};
  std::optional<Date> end_date;  // empty while current
  std::string urn;               // the school's URN (6 digits); empty: not recorded
  std::string ukprn;             // a college's or provider's UKPRN (8 digits)
};

// An agency, or a named person within it, involved with a child. Access to the
// child's record follows these (see can_see_child in core/access.h).
struct CaseInvolvement {
  std::string id;
  Agency agency = Agency::council_education;
  std::string user_id;            // empty: the agency as a whole
  std::string professional_name;  // e.g. "Priya Shah (speech and language therapist)"
  std::string role_on_case;       // e.g. "Caseworker", "Lead professional"
  Date started_on{};
  std::optional<Date> ended_on;
};

struct SecondaryNeed {
  int rank = 2;      // SEN2 SENtypeRank: 1 is the primary need on the child
  std::string code;  // DfE need code (core/need.h)
};

}  // namespace tandem
