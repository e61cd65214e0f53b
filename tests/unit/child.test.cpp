#include "core/child.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

ChildForm good_form() {
  ChildForm f;
  f.given_name = "Ada";
  f.family_name = "Example";
  f.date_of_birth = "2015-03-27";
  f.sex = "F";
  f.upn = "";
  f.nhs_number = "9434765919";
  f.postcode = "ls1 4ap";
  f.primary_need = "ASD";
  f.plan_status = "ehc_plan";
  f.setting_name = "Oak Primary School";
  f.responsible_icb = "NHS West Yorkshire ICB";
  f.icb_since = "2020-09-01";
  f.looked_after = "no";
  return f;
}

const Date kToday = make_date(2026, 11, 23);

TEST(ValidateChild, AcceptsAGoodFormAndNormalises) {
  auto c = validate_child(good_form(), kToday);
  ASSERT_TRUE(c) << c.error().first_message();
  EXPECT_EQ(c->postcode, "LS1 4AP");
  EXPECT_EQ(c->plan_status, PlanStatus::ehc_plan);
  EXPECT_EQ(format_date(c->date_of_birth), "2015-03-27");
  EXPECT_FALSE(c->looked_after);
}

struct BadCase {
  void (*mutate)(ChildForm&);
  const char* field;
  const char* why;
};

TEST(ValidateChild, NamesTheFieldThatIsWrong) {
  const BadCase cases[] = {
      {[](ChildForm& f) { f.given_name = "  "; }, "given_name", "blank first name"},
      {[](ChildForm& f) { f.family_name = ""; }, "family_name", "blank last name"},
      {[](ChildForm& f) { f.date_of_birth = "2015-02-30"; }, "date_of_birth", "not a real date"},
      {[](ChildForm& f) { f.date_of_birth = "2027-01-01"; }, "date_of_birth", "in the future"},
      {[](ChildForm& f) { f.date_of_birth = "1990-01-01"; }, "date_of_birth", "over 25"},
      {[](ChildForm& f) { f.sex = "X"; }, "sex", "not an SEN2 value"},
      {[](ChildForm& f) { f.upn = "A12345678901"; }, "upn", "12 characters"},
      {[](ChildForm& f) { f.nhs_number = "9434765918"; }, "nhs_number", "wrong check digit"},
      {[](ChildForm& f) { f.postcode = "NOT A CODE"; }, "postcode", "not a postcode"},
      {[](ChildForm& f) { f.plan_status = "maybe"; }, "plan_status", "unknown status"},
      {[](ChildForm& f) { f.primary_need = "XYZ"; }, "primary_need", "not a DfE code"},
      {[](ChildForm& f) { f.primary_need = ""; }, "primary_need", "EHC plans record a primary need (SEN2)"},
      {[](ChildForm& f) { f.icb_since = ""; }, "icb_since", "ICB named without its date"},
      {[](ChildForm& f) { f.looked_after = "perhaps"; }, "looked_after", "yes or no"},
  };
  for (const auto& c : cases) {
    ChildForm f = good_form();
    c.mutate(f);
    auto r = validate_child(f, kToday);
    ASSERT_FALSE(r) << c.why;
    EXPECT_EQ(r.error().first_field(), c.field) << c.why;
  }
}

TEST(ValidateChild, ReportsEveryWrongFieldAtOnce) {
  ChildForm f = good_form();
  f.given_name = "";
  f.sex = "";
  f.postcode = "??";
  auto r = validate_child(f, kToday);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.size(), 3u);
}

TEST(Identifiers, UpnCheckLetterFollowsDfeModulus23) {
  // Weights 2..13 over characters 2-13; remainder indexes ABCDEFGHJKLMNPQRTUVWXYZ.
  // 1*2+2*3+...: digits 123456789012 -> 2+6+12+20+30+42+56+72+90+0+12+26 = 368; 368 % 23 = 0 -> A.
  EXPECT_TRUE(valid_upn("A123456789012"));
  EXPECT_FALSE(valid_upn("B123456789012"));
  EXPECT_FALSE(valid_upn("I123456789012")) << "I is never a check letter";
  EXPECT_FALSE(valid_upn("A12345678901"));
}

TEST(Identifiers, NhsNumberCheckDigitFollowsModulus11) {
  EXPECT_TRUE(valid_nhs_number("9434765919"));  // NHS Digital's published example
  EXPECT_FALSE(valid_nhs_number("9434765918"));
  EXPECT_FALSE(valid_nhs_number("943476591"));
  EXPECT_FALSE(valid_nhs_number("943476591a"));
}

TEST(Identifiers, PostcodesNormalise) {
  EXPECT_EQ(normalise_postcode("sw1a1aa"), "SW1A 1AA");
  EXPECT_EQ(normalise_postcode(" M1 1AE "), "M1 1AE");
  EXPECT_FALSE(normalise_postcode("12345"));
  EXPECT_FALSE(normalise_postcode("SW1A-1AA"));
}

}  // namespace
}  // namespace tandem
