// A child or young person known to the partnership, as the register holds them,
// and the rules a new or changed record must meet.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/date.h"
#include "core/result.h"

namespace tandem {

// Where the child stands with the partnership (one value per child).
enum class PlanStatus {
  ehc_plan,           // maintains an EHC plan (school census E)
  sen_support,        // SEN support without a plan (school census K)
  disabled_register,  // on the disabled children's register, no SEN provision
  health_only,        // known to health services only
  assessment,         // an EHC needs assessment is under way
};
std::string_view to_string(PlanStatus s);
std::string_view plan_status_label(PlanStatus s);
std::optional<PlanStatus> parse_plan_status(std::string_view s);
std::span<const PlanStatus> all_plan_statuses();

// The fields a person types on the add/edit form (all as entered).
struct ChildForm {
  std::string given_name;
  std::string family_name;
  std::string date_of_birth;  // YYYY-MM-DD
  std::string sex;            // F, M, U (SEN2)
  std::string upn;            // unique pupil number, optional
  std::string nhs_number;     // optional, 10 digits
  std::string postcode;
  std::string primary_need;  // DfE code, optional unless EHC plan or SEN support
  std::string plan_status;
  std::string setting_name;
  std::string responsible_icb;  // follows GP registration
  std::string icb_since;        // YYYY-MM-DD
  std::string looked_after;     // "yes" or "" / "no"
  std::string ethnicity;        // DfE code (SEN2 and school census), optional
  std::string setting_urn;      // the setting's URN (6 digits), optional
  std::string setting_ukprn;    // the setting's UKPRN (8 digits), optional
  std::string upn_unknown;      // DfE's reason no UPN is held (UN1...), only without a UPN
};

// A validated child: what the store keeps.
struct Child {
  std::string id;
  std::string area_id;
  std::string given_name;
  std::string family_name;
  Date date_of_birth{};
  std::string sex;
  std::string upn;
  std::string nhs_number;
  std::string postcode;
  std::string primary_need;
  PlanStatus plan_status = PlanStatus::sen_support;
  std::string setting_name;
  std::string responsible_icb;
  std::optional<Date> icb_since;
  bool looked_after = false;
  std::string ethnicity;  // DfE code, e.g. "WBRI"; empty: not recorded
  std::string setting_urn;
  std::string setting_ukprn;
  std::string upn_unknown;   // DfE's UPNunknown code, e.g. "UN2"; empty with a UPN or when not recorded
  std::int64_t version = 0;  // optimistic concurrency on edit
};

// Checks every field and returns them all wrong at once, so the form can show
// one error summary. `today` bounds the date of birth (0-25 and not future).
// `ethnicity_allowed` says whether a code is on DfE's list (the app passes the
// current SEN2 year's list); without it any code of four capital letters passes.
// `upn_unknown_allowed` does the same for the reason a UPN is not known;
// without it UN1 to UN10 pass.
Result<Child> validate_child(const ChildForm& form, Date today,
                             const std::function<bool(std::string_view)>& ethnicity_allowed = {},
                             const std::function<bool(std::string_view)>& upn_unknown_allowed = {});

// A school's unique reference number (URN): 6 digits, e.g. "100000".
bool valid_urn(std::string_view urn);
// A UK provider reference number (UKPRN): 8 digits starting 1, e.g. "10001234".
bool valid_ukprn(std::string_view ukprn);
// Checks a setting's URN and UKPRN as typed (spaces removed), adding an error
// naming `urn_field` or `ukprn_field` for each that is wrong.
void check_setting_ids(std::string& urn, std::string& ukprn, const std::string& urn_field,
                       const std::string& ukprn_field, std::vector<FieldError>& errors);

// True if the UPN has the right shape and its check letter matches (DfE's
// modulus-23 algorithm), e.g. "A123456789012".
bool valid_upn(std::string_view upn);
// True if the NHS number is 10 digits whose modulus-11 check digit matches.
bool valid_nhs_number(std::string_view nhs);
// Normalises a UK postcode to upper case with one space; nullopt if not a postcode.
std::optional<std::string> normalise_postcode(std::string_view text);

ChildForm to_form(const Child& c);

}  // namespace tandem
