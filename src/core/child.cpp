#include "core/child.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "core/need.h"

namespace tandem {

namespace {
struct StatusInfo {
  PlanStatus status;
  std::string_view id;
  std::string_view label;
};
constexpr std::array<StatusInfo, 5> kStatuses{{
    {PlanStatus::ehc_plan, "ehc_plan", "EHC plan"},
    {PlanStatus::assessment, "assessment", "EHC needs assessment under way"},
    {PlanStatus::sen_support, "sen_support", "SEN support"},
    {PlanStatus::disabled_register, "disabled_register", "Disabled children's register"},
    {PlanStatus::health_only, "health_only", "Known to health only"},
}};

// DfE's UPN check letters: 23 letters, omitting I, O and S.
constexpr std::string_view kUpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

std::string trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::string upper_no_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ') continue;
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}
}  // namespace

std::string_view to_string(PlanStatus s) {
  for (const auto& i : kStatuses) {
    if (i.status == s) return i.id;
  }
  return "unknown";
}
std::string_view plan_status_label(PlanStatus s) {
  for (const auto& i : kStatuses) {
    if (i.status == s) return i.label;
  }
  return "Unknown";
}
std::optional<PlanStatus> parse_plan_status(std::string_view s) {
  for (const auto& i : kStatuses) {
    if (i.id == s) return i.status;
  }
  return std::nullopt;
}
std::span<const PlanStatus> all_plan_statuses() {
  static const std::array<PlanStatus, 5> all = [] {
    std::array<PlanStatus, 5> a{};
    for (std::size_t i = 0; i < kStatuses.size(); ++i) a[i] = kStatuses[i].status;
    return a;
  }();
  return all;
}

bool valid_upn(std::string_view upn) {
  if (upn.size() != 13) return false;
  const auto check = kUpnLetters.find(upn[0]);
  if (check == std::string_view::npos) return false;
  int sum = 0;
  for (std::size_t i = 1; i < 13; ++i) {
    const char c = upn[i];
    int value = 0;
    if (c >= '0' && c <= '9') {
      value = c - '0';
    } else if (i == 12 && kUpnLetters.find(c) != std::string_view::npos) {
      // A temporary UPN ends in a letter, valued by its place in the same alphabet.
      value = static_cast<int>(kUpnLetters.find(c));
    } else {
      return false;
    }
    sum += value * static_cast<int>(i + 1);
  }
  return static_cast<std::size_t>(sum % 23) == check;
}

bool valid_nhs_number(std::string_view nhs) {
  if (nhs.size() != 10 || !std::all_of(nhs.begin(), nhs.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  int sum = 0;
  for (std::size_t i = 0; i < 9; ++i) sum += (nhs[i] - '0') * static_cast<int>(10 - i);
  int check = 11 - (sum % 11);
  if (check == 11) check = 0;
  if (check == 10) return false;
  return check == nhs[9] - '0';
}

namespace {
// Outward codes: A9, A99, A9A, AA9, AA99, AA9A.
bool outward_code(std::string_view s) {
  auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  if (s.size() < 2 || s.size() > 4 || !letter(s[0])) return false;
  const std::size_t first_digit = letter(s[1]) ? 2 : 1;
  if (first_digit >= s.size() || !digit(s[first_digit])) return false;
  const auto rest = s.substr(first_digit + 1);
  return rest.empty() || (rest.size() == 1 && (digit(rest[0]) || letter(rest[0])));
}
}  // namespace

std::optional<std::string> normalise_postcode(std::string_view text) {
  std::string s = upper_no_spaces(text);
  if (s.size() < 5 || s.size() > 7) return std::nullopt;
  const std::string inward = s.substr(s.size() - 3);
  const std::string outward = s.substr(0, s.size() - 3);
  if (!std::isdigit(static_cast<unsigned char>(inward[0])) || !std::isalpha(static_cast<unsigned char>(inward[1])) ||
      !std::isalpha(static_cast<unsigned char>(inward[2])) || !outward_code(outward)) {
    return std::nullopt;
  }
  return outward + " " + inward;
}

bool valid_urn(std::string_view urn) {
  return urn.size() == 6 && std::all_of(urn.begin(), urn.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool valid_ukprn(std::string_view ukprn) {
  return ukprn.size() == 8 && ukprn[0] == '1' &&
         std::all_of(ukprn.begin(), ukprn.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void check_setting_ids(std::string& urn, std::string& ukprn, const std::string& urn_field,
                       const std::string& ukprn_field, std::vector<FieldError>& errors) {
  urn = upper_no_spaces(urn);
  ukprn = upper_no_spaces(ukprn);
  if (!urn.empty() && !valid_urn(urn))
    errors.push_back({urn_field, "URN must be the school's 6-digit unique reference number, like 100000"});
  if (!ukprn.empty() && !valid_ukprn(ukprn))
    errors.push_back({ukprn_field,
                      "UKPRN must be the provider's 8-digit UK provider reference number, starting 1, "
                      "like 10001234"});
}

Result<Child> validate_child(const ChildForm& form, Date today,
                             const std::function<bool(std::string_view)>& ethnicity_allowed,
                             const std::function<bool(std::string_view)>& upn_unknown_allowed) {
  std::vector<FieldError> errors;
  Child c;
  c.given_name = trim(form.given_name);
  c.family_name = trim(form.family_name);
  if (c.given_name.empty()) errors.push_back({"given_name", "Enter the child's first name"});
  if (c.given_name.size() > 100) errors.push_back({"given_name", "First name must be 100 characters or fewer"});
  if (c.family_name.empty()) errors.push_back({"family_name", "Enter the child's last name"});
  if (c.family_name.size() > 100) errors.push_back({"family_name", "Last name must be 100 characters or fewer"});

  if (auto dob = parse_date("date_of_birth", trim(form.date_of_birth)); !dob) {
    errors.push_back(dob.error().fields.front());
  } else if (*dob > today) {
    errors.push_back({"date_of_birth", "Date of birth must be today or in the past"});
  } else if (age_on(*dob, today) > 25) {
    errors.push_back({"date_of_birth",
                      "Tandem holds children and young people aged 0 to 25: the date of birth "
                      "makes them older than 25"});
  } else {
    c.date_of_birth = *dob;
  }

  c.sex = trim(form.sex);
  if (c.sex != "F" && c.sex != "M" && c.sex != "U") {
    errors.push_back({"sex", "Select sex: F (female), M (male) or U (not known)"});
  }

  c.upn = upper_no_spaces(form.upn);
  if (!c.upn.empty() && !valid_upn(c.upn)) {
    errors.push_back({"upn",
                      "Unique pupil number must be 13 characters, a check letter then 12 digits, "
                      "for example A123456789012, with the right check letter"});
  }
  c.upn_unknown = upper_no_spaces(form.upn_unknown);
  if (!c.upn_unknown.empty()) {
    static const std::set<std::string, std::less<>> dfe = {"UN1", "UN2", "UN3", "UN4", "UN5",
                                                           "UN6", "UN7", "UN8", "UN9", "UN10"};
    if (upn_unknown_allowed ? !upn_unknown_allowed(c.upn_unknown) : !dfe.contains(c.upn_unknown))
      errors.push_back({"upn_unknown", "Select the reason the UPN is not known from DfE's list (UN1 to UN10)"});
    else if (!c.upn.empty())
      errors.push_back({"upn_unknown",
                        "Give the unique pupil number or the reason it is not known, not both: clear the reason "
                        "when the UPN is known"});
  }
  c.nhs_number = upper_no_spaces(form.nhs_number);
  if (!c.nhs_number.empty() && !valid_nhs_number(c.nhs_number)) {
    errors.push_back({"nhs_number", "NHS number must be 10 digits with a valid check digit, like 943 476 5919"});
  }
  if (auto pc = trim(form.postcode); !pc.empty()) {
    if (auto n = normalise_postcode(pc)) {
      c.postcode = *n;
    } else {
      errors.push_back({"postcode", "Enter a real postcode, like LS1 4AP"});
    }
  }

  auto status = parse_plan_status(trim(form.plan_status));
  if (!status) {
    errors.push_back({"plan_status",
                      "Select a plan status: EHC plan, assessment, SEN support, disabled "
                      "children's register, or known to health only"});
  } else {
    c.plan_status = *status;
  }
  c.primary_need = upper_no_spaces(form.primary_need);
  if (!c.primary_need.empty() && !find_need(c.primary_need)) {
    errors.push_back({"primary_need", "Select a primary need from the DfE list (for example ASD, SLCN, SEMH)"});
  } else if (c.primary_need.empty() && status && *status == PlanStatus::ehc_plan) {
    errors.push_back({"primary_need", "Select the primary need: every EHC plan records one (SEN2 SENtype rank 1)"});
  }
  c.setting_name = trim(form.setting_name);
  if (c.setting_name.size() > 200) errors.push_back({"setting_name", "Setting must be 200 characters or fewer"});
  c.responsible_icb = trim(form.responsible_icb);
  if (c.responsible_icb.size() > 200) {
    errors.push_back({"responsible_icb", "Responsible ICB must be 200 characters or fewer"});
  }
  if (auto since = trim(form.icb_since); !since.empty()) {
    if (auto d = parse_date("icb_since", since); !d) {
      errors.push_back(d.error().fields.front());
    } else if (*d > today) {
      errors.push_back({"icb_since", "The date the ICB became responsible must be today or in the past"});
    } else {
      c.icb_since = *d;
    }
  } else if (!c.responsible_icb.empty()) {
    errors.push_back({"icb_since",
                      "Enter the date the ICB became responsible (the GP registration date, or "
                      "the placement date for a looked-after child)"});
  }
  const auto lac = trim(form.looked_after);
  if (lac != "yes" && lac != "no" && !lac.empty()) {
    errors.push_back({"looked_after", "Looked after must be yes or no"});
  }
  c.looked_after = lac == "yes";
  c.ethnicity = upper_no_spaces(form.ethnicity);
  if (!c.ethnicity.empty()) {
    const bool shaped = c.ethnicity.size() == 4 && std::all_of(c.ethnicity.begin(), c.ethnicity.end(),
                                                               [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    if (!shaped || (ethnicity_allowed && !ethnicity_allowed(c.ethnicity)))
      errors.push_back({"ethnicity",
                        "Select an ethnicity from DfE's list (for example WBRI, White British), REFU if the family "
                        "refused to say, or NOBT if it is not yet known"});
  }
  c.setting_urn = form.setting_urn;
  c.setting_ukprn = form.setting_ukprn;
  check_setting_ids(c.setting_urn, c.setting_ukprn, "setting_urn", "setting_ukprn", errors);
  if ((!c.setting_urn.empty() || !c.setting_ukprn.empty()) && c.setting_name.empty())
    errors.push_back({"setting_name", "Enter the name of the setting whose URN or UKPRN you gave"});

  if (!errors.empty()) return fail(std::move(errors));
  return c;
}

ChildForm to_form(const Child& c) {
  ChildForm f;
  f.given_name = c.given_name;
  f.family_name = c.family_name;
  f.date_of_birth = format_date(c.date_of_birth);
  f.sex = c.sex;
  f.upn = c.upn;
  f.nhs_number = c.nhs_number;
  f.postcode = c.postcode;
  f.primary_need = c.primary_need;
  f.plan_status = std::string(to_string(c.plan_status));
  f.setting_name = c.setting_name;
  f.responsible_icb = c.responsible_icb;
  f.icb_since = c.icb_since ? format_date(*c.icb_since) : "";
  f.looked_after = c.looked_after ? "yes" : "no";
  f.ethnicity = c.ethnicity;
  f.setting_urn = c.setting_urn;
  f.setting_ukprn = c.setting_ukprn;
  f.upn_unknown = c.upn_unknown;
  return f;
}

}  // namespace tandem
