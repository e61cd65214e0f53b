#include "core/access.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

TEST(Roles, EveryRoleAndAgencyIdRoundTrips) {
  for (Role r : all_roles()) EXPECT_EQ(parse_role(to_string(r)), r);
  for (Agency a : all_agencies()) EXPECT_EQ(parse_agency(to_string(a)), a);
  EXPECT_EQ(all_roles().size(), 10u);
  EXPECT_EQ(all_agencies().size(), 6u);
  EXPECT_FALSE(parse_role("superuser"));
  EXPECT_FALSE(parse_agency("police"));
}

struct SeeCase {
  Role role;
  Agency agency;
  bool expected;
  const char* why;
};

TEST(CanSeeChild, FollowsRoleAndInvolvement) {
  // The child is known to council education and the ICB as agencies, and to
  // one named provider therapist.
  const std::vector<Involvement> involved{
      {Agency::council_education, std::nullopt},
      {Agency::icb, std::nullopt},
      {Agency::provider, std::string("u-therapist")},
  };
  const SeeCase cases[] = {
      {Role::caseworker, Agency::council_education, true, "education is involved"},
      {Role::sen_manager, Agency::council_education, true, "education is involved"},
      {Role::designated_clinical_officer, Agency::icb, true, "the ICB is involved"},
      {Role::icb_commissioner, Agency::icb, true, "the ICB is involved"},
      {Role::social_care_practitioner, Agency::council_social_care, false, "social care is not involved"},
      {Role::icb_commissioner, Agency::nhs_england, false, "NHS England is not involved"},
      {Role::board_member, Agency::council_education, false, "board members see aggregates only"},
      {Role::finance_officer, Agency::council_education, false, "finance works with costs, not case files"},
      {Role::administrator, Agency::council_education, false, "administrators manage accounts, not cases"},
      {Role::provider, Agency::provider, false, "another provider, not named on the case"},
  };
  for (const auto& c : cases) {
    const Principal who{"u-someone", c.role, c.agency};
    EXPECT_EQ(can_see_child(who, involved), c.expected)
        << to_string(c.role) << "/" << to_string(c.agency) << ": " << c.why;
  }
  EXPECT_TRUE(can_see_child({"u-therapist", Role::provider, Agency::provider}, involved))
      << "the named therapist is involved personally";
}

TEST(CanSeeChild, AgencyWideInvolvementDoesNotOpenRecordsToEverySchool) {
  const std::vector<Involvement> involved{{Agency::school, std::nullopt}};
  EXPECT_FALSE(can_see_child({"u-senco", Role::provider, Agency::school}, involved));
}

TEST(RoleHas, AdministratorsManageUsersAndAuditButCaseworkersDoNot) {
  EXPECT_TRUE(role_has(Role::administrator, Permission::manage_users));
  EXPECT_TRUE(role_has(Role::administrator, Permission::view_audit));
  EXPECT_FALSE(role_has(Role::caseworker, Permission::manage_users));
  EXPECT_TRUE(role_has(Role::caseworker, Permission::edit_child));
  EXPECT_FALSE(role_has(Role::icb_commissioner, Permission::edit_child));
  EXPECT_TRUE(role_has(Role::sen_manager, Permission::allocate_cases)) << "managers rebalance caseloads";
  EXPECT_FALSE(role_has(Role::caseworker, Permission::allocate_cases));
  EXPECT_TRUE(role_has(Role::caseworker, Permission::edit_plan)) << "the council writes the plan (CFA s37)";
  EXPECT_FALSE(role_has(Role::icb_commissioner, Permission::edit_plan));
  EXPECT_TRUE(role_has(Role::icb_commissioner, Permission::agree_provision)) << "the ICB agrees section G (reg 12(2))";
  EXPECT_TRUE(role_has(Role::designated_clinical_officer, Permission::agree_provision));
  EXPECT_FALSE(role_has(Role::caseworker, Permission::agree_provision)) << "agreement is a decision-maker's";
  EXPECT_TRUE(role_has(Role::board_member, Permission::view_performance)) << "boards see area figures";
  EXPECT_TRUE(role_has(Role::icb_commissioner, Permission::edit_directory)) << "commissioners keep the Local Offer";
  EXPECT_FALSE(role_has(Role::provider, Permission::edit_directory));
  EXPECT_FALSE(role_has(Role::board_member, Permission::view_child)) << "but no child's record";
  // Reg 21: a school or college leads and reports on the review of a child at
  // it; the council still decides (reg 20(10), edit_plan).
  EXPECT_TRUE(role_has(Role::provider, Permission::report_review));
  EXPECT_FALSE(role_has(Role::provider, Permission::edit_plan));
  EXPECT_TRUE(role_has(Role::caseworker, Permission::report_review));
  EXPECT_FALSE(role_has(Role::icb_commissioner, Permission::report_review));
}

TEST(Access, FinanceOfficersRecordTheMoneyTheyPayButDoNotHoldContracts) {
  struct Case {
    Role role;
    bool pay, manage;
  };
  const Case cases[] = {
      {Role::finance_officer, true, false}, {Role::sen_manager, true, true},
      {Role::icb_commissioner, true, true}, {Role::board_member, false, false},
      {Role::provider, false, false},       {Role::designated_clinical_officer, false, false},
      {Role::caseworker, false, false},     {Role::administrator, false, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(role_has(c.role, Permission::record_payments), c.pay) << to_string(c.role);
    EXPECT_EQ(role_has(c.role, Permission::manage_contracts), c.manage) << to_string(c.role);
  }
}

}  // namespace
}  // namespace tandem
