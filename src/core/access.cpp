#include "core/access.h"

#include <algorithm>
#include <array>
#include <utility>

namespace tandem {

namespace {
struct RoleInfo {
  Role role;
  std::string_view id;
  std::string_view label;
};
constexpr std::array<RoleInfo, 10> kRoles{{
    {Role::caseworker, "caseworker", "SEN caseworker"},
    {Role::sen_manager, "sen_manager", "SEN manager"},
    {Role::icb_commissioner, "icb_commissioner", "ICB commissioner"},
    {Role::designated_clinical_officer, "designated_clinical_officer", "Designated clinical officer"},
    {Role::social_care_practitioner, "social_care_practitioner", "Social care practitioner"},
    {Role::finance_officer, "finance_officer", "Finance officer"},
    {Role::panel_member, "panel_member", "Panel member"},
    {Role::board_member, "board_member", "Board member"},
    {Role::provider, "provider", "Provider"},
    {Role::administrator, "administrator", "Administrator"},
}};
struct AgencyInfo {
  Agency agency;
  std::string_view id;
  std::string_view label;
};
constexpr std::array<AgencyInfo, 6> kAgencies{{
    {Agency::council_education, "council_education", "Council education (SEND service)"},
    {Agency::council_social_care, "council_social_care", "Council social care"},
    {Agency::icb, "icb", "Integrated care board"},
    {Agency::nhs_england, "nhs_england", "NHS England"},
    {Agency::school, "school", "School or college"},
    {Agency::provider, "provider", "Provider"},
}};

// Which roles hold which permission. Board members work with aggregates only;
// administrators manage accounts and read the audit trail but not case files.
// Plans are written by the council's SEND service (it must secure the
// provision, CFA s42(2)); each paying partner's decision-makers record their
// agency's agreement. The Local Offer is kept by the SEND team and commissioners.
const std::array<std::pair<Role, std::array<bool, 10>>, 10> kGrants{{
    //                                 register child  edit   audit  users  perf   allocate plan  agree  directory
    {Role::caseworker, {true, true, true, false, false, true, false, true, false, false}},
    {Role::sen_manager, {true, true, true, true, false, true, true, true, true, true}},
    {Role::icb_commissioner, {true, true, false, false, false, true, false, false, true, true}},
    {Role::designated_clinical_officer, {true, true, false, false, false, true, false, false, true, false}},
    {Role::social_care_practitioner, {true, true, true, false, false, false, false, false, true, false}},
    {Role::finance_officer, {false, false, false, false, false, true, false, false, false, false}},
    {Role::panel_member, {true, true, false, false, false, false, false, false, false, false}},
    {Role::board_member, {false, false, false, false, false, true, false, false, false, false}},
    {Role::provider, {true, true, false, false, false, false, false, false, false, false}},
    {Role::administrator, {false, false, false, true, true, false, false, false, false, false}},
}};

// Commissioned services. Commissioners (the SEN manager for the council, the
// ICB commissioner) hold contracts; finance officers and board members read
// them; a provider reads and reports on its own organisation's contracts only
// (app/contracts.h narrows it). Money paid out is recorded by the finance
// officers who pay it, and by the commissioners who hold the contracts.
struct ContractGrant {
  Role role;
  bool view, manage, submit, pay;
};
constexpr std::array<ContractGrant, 10> kContractGrants{{
    {Role::caseworker, false, false, false, false},
    {Role::sen_manager, true, true, true, true},
    {Role::icb_commissioner, true, true, true, true},
    {Role::designated_clinical_officer, true, false, false, false},
    {Role::social_care_practitioner, false, false, false, false},
    {Role::finance_officer, true, false, false, true},
    {Role::panel_member, false, false, false, false},
    {Role::board_member, true, false, false, false},
    {Role::provider, true, false, true, false},
    {Role::administrator, false, false, false, false},
}};
}  // namespace

std::string_view to_string(Role r) {
  for (const auto& i : kRoles) {
    if (i.role == r) return i.id;
  }
  return "unknown";
}
std::string_view role_label(Role r) {
  for (const auto& i : kRoles) {
    if (i.role == r) return i.label;
  }
  return "Unknown";
}
std::string_view to_string(Agency a) {
  for (const auto& i : kAgencies) {
    if (i.agency == a) return i.id;
  }
  return "unknown";
}
std::string_view agency_label(Agency a) {
  for (const auto& i : kAgencies) {
    if (i.agency == a) return i.label;
  }
  return "Unknown";
}
std::string_view to_string(Permission p) {
  switch (p) {
    case Permission::view_register: return "view_register";
    case Permission::view_child: return "view_child";
    case Permission::edit_child: return "edit_child";
    case Permission::view_audit: return "view_audit";
    case Permission::manage_users: return "manage_users";
    case Permission::view_performance: return "view_performance";
    case Permission::allocate_cases: return "allocate_cases";
    case Permission::edit_plan: return "edit_plan";
    case Permission::agree_provision: return "agree_provision";
    case Permission::edit_directory: return "edit_directory";
    case Permission::view_contracts: return "view_contracts";
    case Permission::manage_contracts: return "manage_contracts";
    case Permission::submit_returns: return "submit_returns";
    case Permission::record_payments: return "record_payments";
    case Permission::report_review: return "report_review";
  }
  return "unknown";
}
std::optional<Role> parse_role(std::string_view s) {
  for (const auto& i : kRoles) {
    if (i.id == s) return i.role;
  }
  return std::nullopt;
}
std::optional<Agency> parse_agency(std::string_view s) {
  for (const auto& i : kAgencies) {
    if (i.id == s) return i.agency;
  }
  return std::nullopt;
}
std::span<const Role> all_roles() {
  static const std::array<Role, 10> roles = [] {
    std::array<Role, 10> r{};
    for (std::size_t i = 0; i < kRoles.size(); ++i) r[i] = kRoles[i].role;
    return r;
  }();
  return roles;
}
std::span<const Agency> all_agencies() {
  static const std::array<Agency, 6> agencies = [] {
    std::array<Agency, 6> a{};
    for (std::size_t i = 0; i < kAgencies.size(); ++i) a[i] = kAgencies[i].agency;
    return a;
  }();
  return agencies;
}

bool role_has(Role role, Permission permission) {
  // Settings sign in with the provider role under the school agency; the app
  // narrows them to reviews they lead of children they are involved with.
  if (permission == Permission::report_review) {
    return role == Role::provider || role_has(role, Permission::edit_plan);
  }
  if (permission == Permission::view_contracts || permission == Permission::manage_contracts ||
      permission == Permission::submit_returns || permission == Permission::record_payments) {
    for (const auto& g : kContractGrants) {
      if (g.role != role) continue;
      if (permission == Permission::view_contracts) return g.view;
      if (permission == Permission::record_payments) return g.pay;
      return permission == Permission::manage_contracts ? g.manage : g.submit;
    }
    return false;
  }
  for (const auto& [r, grants] : kGrants) {
    if (r == role) return grants[static_cast<std::size_t>(permission)];
  }
  return false;
}

bool can_see_child(const Principal& who, std::span<const Involvement> involvements) {
  if (!role_has(who.role, Permission::view_child)) return false;
  return std::any_of(involvements.begin(), involvements.end(), [&](const Involvement& inv) {
    if (inv.user_id) return *inv.user_id == who.user_id;
    // Schools and providers are many separate organisations: an agency-wide
    // involvement only opens the record to the statutory partners.
    if (who.agency == Agency::school || who.agency == Agency::provider) return false;
    return inv.agency == who.agency;
  });
}

}  // namespace tandem
