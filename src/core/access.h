// Who may do what: roles, agencies and the permissions each role holds.
//
// Two checks guard a child's record. The route's permission (does this role
// ever do this?) and involvement (is this user's agency, or this user, involved
// with this child?). Both must pass; see can_see_child().
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

enum class Role {
  caseworker,
  sen_manager,
  icb_commissioner,
  designated_clinical_officer,
  social_care_practitioner,
  finance_officer,
  panel_member,
  board_member,
  provider,
  administrator,
};

enum class Agency {
  council_education,
  council_social_care,
  icb,
  nhs_england,
  school,
  provider,
};

enum class Permission {
  view_register,     // list children the user is involved with
  view_child,        // open a child's record
  edit_child,        // add or change a child's details
  view_audit,        // read the audit trail
  manage_users,      // add, disable, reset users
  view_performance,  // area-level measures such as the 20-week rate
  allocate_cases,    // give a case to another caseworker (managers rebalance caseloads)
  edit_plan,         // write and change an EHC plan's outcomes and provision (the council's plan, CFA s37)
  agree_provision,   // record an agency's agreement to provision it secures or pays for
  edit_directory,    // keep the Local Offer's services up to date (council SEND team, commissioners)
  // Commissioned services (contracts, monitoring, commissioning activities):
  view_contracts,    // read contracts, returns and commissioning activities (providers: their own only)
  manage_contracts,  // add and change contracts, indicators and commissioning activities
  submit_returns,    // send a provider's quarterly return for its own contracts
  // Money actually spent: record and correct invoices and their payment,
  // termly top-up payments to settings and recharges between councils.
  record_payments,
  // Record an annual review meeting and its report: the council, or the school
  // or college that leads the review of a child it is involved with (reg 21).
  report_review,
};

std::string_view to_string(Role r);
std::string_view to_string(Agency a);
std::string_view to_string(Permission p);
std::string_view role_label(Role r);      // "SEN caseworker"
std::string_view agency_label(Agency a);  // "Council education (SEND service)"
std::optional<Role> parse_role(std::string_view s);
std::optional<Agency> parse_agency(std::string_view s);
std::span<const Role> all_roles();
std::span<const Agency> all_agencies();

bool role_has(Role role, Permission permission);

// What the user brings to an access decision in one area.
struct Principal {
  std::string user_id;
  Role role;
  Agency agency;
};

// How a child is connected to agencies and named people.
struct Involvement {
  Agency agency;
  std::optional<std::string> user_id;  // a named professional, or the agency as a whole
};

// A child's record is visible to a principal whose role may view children and
// who is involved: personally, or through an agency involvement that names no
// particular person.
bool can_see_child(const Principal& who, std::span<const Involvement> involvements);

}  // namespace tandem
