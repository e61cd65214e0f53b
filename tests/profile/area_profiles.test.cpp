#include "profile/area_profiles.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "sample_profile.h"

namespace tandem {
namespace {

using testing::sample_profile;

const std::string kAgencies = "council_education, council_social_care, icb, nhs_england, school, provider";
const std::string kRoles =
    "caseworker, sen_manager, icb_commissioner, designated_clinical_officer, social_care_practitioner, "
    "finance_officer, panel_member, board_member, provider, administrator";

TEST(ShippedProfiles, EveryOneParses) {
  // shipped_area_profiles() throws if any embedded profile has an error.
  const auto& all = shipped_area_profiles();
  std::set<std::string> ids;
  for (const auto& a : all) ids.insert(a.id);
  EXPECT_EQ(ids, (std::set<std::string>{"blackpool", "demo", "halton", "haringey", "northumberland", "stockport"}));
}

struct SeedArea {
  const char* id;
  const char* name;
  const char* la_code;   // DfE new_la_code's three-digit old_la_code in the EHC plan statistics
  const char* ons_code;  // DfE new_la_code
  const char* region;
  const char* icb;
};

TEST(ShippedProfiles, SeedAreasCarryTheirPublishedCodesAndCurrentIcb) {
  const SeedArea areas[] = {
      {"halton", "Halton", "876", "E06000006", "North West", "NHS Cheshire and Merseyside ICB"},
      {"blackpool", "Blackpool", "890", "E06000009", "North West", "NHS Lancashire and South Cumbria ICB"},
      {"haringey", "Haringey", "309", "E09000014", "London", "NHS North Central London ICB"},
      {"stockport", "Stockport", "356", "E08000007", "North West", "NHS Greater Manchester ICB"},
      {"northumberland", "Northumberland", "929", "E06000057", "North East", "NHS North East and North Cumbria ICB"},
  };
  for (const auto& s : areas) {
    const auto area = shipped_area_profile(s.id);
    ASSERT_TRUE(area) << s.id;
    EXPECT_EQ(area->name, s.name);
    EXPECT_EQ(area->la_code, s.la_code) << s.id;
    EXPECT_EQ(area->ons_code, s.ons_code) << s.id;
    EXPECT_EQ(area->region, s.region) << s.id;
    EXPECT_FALSE(area->fictional) << s.id;
    const Partner* icb = find_partner(*area, Agency::icb);
    ASSERT_NE(icb, nullptr) << s.id;
    EXPECT_EQ(icb->name, s.icb) << s.id;
    EXPECT_FALSE(icb->formerly.empty()) << s.id << ": the seed's CCG should be recorded";
    // Every seed area commissions with each kind of statutory partner and schools.
    for (Agency a : {Agency::council_education, Agency::council_social_care, Agency::nhs_england, Agency::school}) {
      EXPECT_NE(find_partner(*area, a), nullptr) << s.id << " has no " << to_string(a);
    }
    for (Role r : all_roles()) EXPECT_TRUE(uses_role(*area, r)) << s.id << " lacks " << to_string(r);
    // No seed sets a receipt rule, so none may claim to be the area's own.
    EXPECT_FALSE(area->receipt.confirmed_by_area) << s.id;
  }
}

TEST(ShippedProfiles, DemoIsFictionalAndCalibratedFromASeedArea) {
  const auto demo = shipped_area_profile("demo");
  ASSERT_TRUE(demo);
  EXPECT_TRUE(demo->fictional);
  EXPECT_EQ(demo->la_code, "999");
  ASSERT_TRUE(demo->calibrate_from);
  bool found = false;
  for (const auto& a : shipped_area_profiles()) {
    if (!a.fictional && a.la_code == *demo->calibrate_from) found = true;
  }
  EXPECT_TRUE(found) << "calibrate_from " << *demo->calibrate_from << " is not a shipped seed area";
}

TEST(ShippedProfiles, LocalJobTitlesComeFromTheSeeds) {
  EXPECT_EQ(local_role_name(*shipped_area_profile("blackpool"), Role::caseworker), "SEN officer");
  EXPECT_EQ(local_role_name(*shipped_area_profile("stockport"), Role::icb_commissioner),
            "Joint Commissioning Manager (Children and Young People)");
  // No local name: Tandem's label.
  EXPECT_EQ(local_role_name(*shipped_area_profile("haringey"), Role::caseworker), "SEN caseworker");
}

TEST(ShippedProfiles, PanelsAndBoardsAsTheSeedsNameThem) {
  const auto stockport = shipped_area_profile("stockport");
  EXPECT_EQ(stockport->panels.size(), 10u);
  EXPECT_EQ(stockport->panels.front(), "Continuing Care Panel");
  const auto blackpool = shipped_area_profile("blackpool");
  EXPECT_EQ(blackpool->boards.front(), "SEND Joint Commissioning Board");
  EXPECT_TRUE(shipped_area_profile("halton")->panels.empty());
}

TEST(ShippedProfiles, UnknownIdListsTheShippedOnes) {
  const auto area = shipped_area_profile("atlantis");
  ASSERT_FALSE(area);
  EXPECT_EQ(area.error().first_message(),
            "There is no shipped area profile called \"atlantis\"; shipped: blackpool, demo, halton, haringey, "
            "northumberland, stockport");
}

TEST(ParseAreaProfile, ReadsEveryPartOfTheSample) {
  const auto area = parse_area_profile(sample_profile(), "test.toml");
  ASSERT_TRUE(area) << area.error().first_message();
  EXPECT_EQ(area->id, "testarea");
  ASSERT_EQ(area->partners.size(), 3u);
  EXPECT_EQ(area->partners[2].agency, Agency::icb);
  EXPECT_EQ(area->partners[2].formerly, std::vector<std::string>{"Test CCG"});
  ASSERT_EQ(area->roles.size(), 1u);
  EXPECT_EQ(area->roles[0].local_name, "SEN officer");
  EXPECT_EQ(area->receipt.cut_off, std::chrono::minutes{17 * 60});
  EXPECT_EQ(area->receipt.on_non_working_day, NonWorkingDayReceipt::next_working_day);
  EXPECT_EQ(area->panels, std::vector<std::string>{"SEN Panel"});
  EXPECT_EQ(area->boards, std::vector<std::string>{"Health and Wellbeing Board"});
}

struct BadProfile {
  std::vector<std::pair<int, std::string>> changes;  // line number (from 1) -> new text
  const char* field;
  std::string message;  // one of the problems reported, in full
};

TEST(ParseAreaProfile, EveryProblemNamesFileLineAndKey) {
  const BadProfile cases[] = {
      // Missing keys: the line is where the table holding the key starts (the
      // top level starts on line 1).
      {{{3, ""}}, "la_code", "test.toml line 1: la_code is missing; add a line like la_code = \"876\""},
      {{{19, ""}},
       "partners[2].agency",
       "test.toml line 17: partners[2].agency is missing; add a line like agency = \"icb\""},
      {{{27, ""}, {28, ""}, {29, ""}, {30, ""}, {31, ""}},
       "receipt",
       "test.toml line 1: receipt is missing; add a line like [receipt] with cut_off, on_non_working_day, "
       "time_zone, confirmed_by_area"},
      // Wrong types.
      {{{3, "la_code = 876"}},
       "la_code",
       "test.toml line 3: la_code must be text in double quotes, like la_code = \"876\"; found a number (876)"},
      {{{31, "confirmed_by_area = \"no\""}},
       "receipt.confirmed_by_area",
       "test.toml line 31: receipt.confirmed_by_area must be true or false, without quotes, like "
       "confirmed_by_area = false; found text \"no\""},
      {{{34, "panels = [\"SEN Panel\", 3]"}},
       "forums.panels[1]",
       "test.toml line 34: forums.panels[1] must be text in double quotes, like panels = [\"SEN Panel\"]; found a "
       "number (3)"},
      {{{2, "name = \"\""}}, "name", "test.toml line 2: name is empty; write it like name = \"Halton\""},
      // Unknown keys: typos must not pass silently.
      {{{6, "regoin = \"North West\""}},
       "regoin",
       "test.toml line 6: regoin is not a known key; allowed at the top level: id, name, fictional, la_code, "
       "ons_code, region, calibrate_from, partners, roles, receipt, forums, contacts, responsibility, phase_transfers, "
       "school_terms, "
       "sufficiency, sen2_return, warnings"},
      {{{11, "agnecy = \"school\""}},
       "partners[0].agnecy",
       "test.toml line 11: partners[0].agnecy is not a known key; allowed in partners[0]: id, agency, name, "
       "formerly"},
      {{{32, "cutoff = \"17:00\""}},
       "receipt.cutoff",
       "test.toml line 32: receipt.cutoff is not a known key; allowed in receipt: cut_off, on_non_working_day, "
       "time_zone, confirmed_by_area"},
      // Ids that are not Tandem's.
      {{{14, "agency = \"police\""}},
       "partners[1].agency",
       "test.toml line 14: partners[1].agency = \"police\" is not an agency; allowed: " + kAgencies},
      {{{24, "id = \"teacher\""}},
       "roles[0].id",
       "test.toml line 24: roles[0].id = \"teacher\" is not a role; allowed: " + kRoles},
      {{{32, "[[roles]]"}, {33, "id = \"caseworker\""}, {34, ""}, {35, ""}},
       "roles[1].id",
       "test.toml line 33: roles[1].id = \"caseworker\" is listed twice; give each role once"},
      {{{18, "id = \"council_education\""}},
       "partners[2].id",
       "test.toml line 18: partners[2].id = \"council_education\" is used by an earlier partner; each partner "
       "needs its own id"},
      // Times.
      {{{28, "cut_off = \"5pm\""}},
       "receipt.cut_off",
       "test.toml line 28: receipt.cut_off = \"5pm\" is not a time; write it as HH:MM on the 24-hour clock, like "
       "\"17:00\""},
      {{{28, "cut_off = \"24:00\""}},
       "receipt.cut_off",
       "test.toml line 28: receipt.cut_off = \"24:00\" is not a time; write it as HH:MM on the 24-hour clock, "
       "like \"17:00\""},
      {{{28, "cut_off = 17:00:00"}},
       "receipt.cut_off",
       "test.toml line 28: receipt.cut_off must be text in double quotes, like cut_off = \"17:00\"; found a TOML "
       "time (17:00:00)"},
      {{{30, "time_zone = \"Europe/Paris\""}},
       "receipt.time_zone",
       "test.toml line 30: receipt.time_zone = \"Europe/Paris\" is not England's time zone; allowed: "
       "Europe/London"},
      {{{29, "on_non_working_day = \"previous_working_day\""}},
       "receipt.on_non_working_day",
       "test.toml line 29: receipt.on_non_working_day = \"previous_working_day\" is not a rule Tandem knows; "
       "allowed: next_working_day, same_day"},
      // Codes.
      {{{3, "la_code = \"87\""}},
       "la_code",
       "test.toml line 3: la_code = \"87\" is not a DfE local authority number; it has three digits, like \"876\" "
       "for Halton"},
      {{{3, "la_code = \"999\""}},
       "la_code",
       "test.toml line 3: la_code = \"999\" is kept for made-up areas; a real area uses its DfE number, or add "
       "fictional = true"},
      {{{4, "ons_code = \"W06000006\""}},
       "ons_code",
       "test.toml line 4: ons_code = \"W06000006\" is not an ONS code for an English area; it is E and eight "
       "digits, like \"E06000006\""},
      {{{5, "region = \"Northwest\""}},
       "region",
       "test.toml line 5: region = \"Northwest\" is not an English region; allowed: North East, North West, "
       "Yorkshire and The Humber, East Midlands, West Midlands, East of England, London, South East, South West"},
      {{{6, "calibrate_from = \"356\""}},
       "calibrate_from",
       "test.toml line 6: calibrate_from = \"356\" is only for a fictional area (fictional = true); a real area has "
       "its own figures"},
      {{{6, "fictional = true"}},
       "la_code",
       "test.toml line 3: la_code = \"876\" belongs to a real area; a fictional area uses \"999\""},
      {{{1, "id = \"Test Area\""}},
       "id",
       "test.toml line 1: id = \"Test Area\" is not a usable id; use lower-case letters, digits and _, starting "
       "with a letter, like \"halton\""},
      // A statutory partner missing altogether.
      {{{17, ""}, {18, ""}, {19, ""}, {20, ""}, {21, ""}},
       "partners",
       "test.toml line 7: partners has no icb partner; every area needs council_education, council_social_care and "
       "at least one icb (Children and Families Act 2014 s26)"},
      {{{35, "boards = [\"Health and Wellbeing Board\", \"Health and Wellbeing Board\"]"}},
       "forums.boards[1]",
       "test.toml line 35: forums.boards[1] = \"Health and Wellbeing Board\" is listed twice"},
  };
  for (const auto& c : cases) {
    const auto area = parse_area_profile(sample_profile(c.changes), "test.toml");
    ASSERT_FALSE(area) << c.message;
    // Some changes cause a second problem too (an unknown agency also leaves
    // the area without that partner), so look for this one among them all.
    const auto& found = area.error().fields;
    const auto it =
        std::find_if(found.begin(), found.end(), [&](const FieldError& e) { return e.message == c.message; });
    ASSERT_NE(it, found.end()) << "expected: " << c.message << "\nfirst found: " << found.front().message;
    EXPECT_EQ(it->field, c.field) << c.message;
  }
}

TEST(ParseAreaProfile, InvalidTomlNamesTheLine) {
  const auto area = parse_area_profile(sample_profile({{2, "name = Test Area"}}), "test.toml");
  ASSERT_FALSE(area);
  EXPECT_EQ(area.error().first_message().rfind("test.toml line 2: this is not valid TOML: ", 0), 0u)
      << area.error().first_message();
}

TEST(ParseAreaProfile, ReportsEveryProblemAtOnce) {
  const auto area = parse_area_profile(
      sample_profile({{3, "la_code = 876"}, {14, "agency = \"police\""}, {28, "cut_off = \"5pm\""}}), "test.toml");
  ASSERT_FALSE(area);
  // In line order. The police agency also leaves the area without a social
  // care partner, reported where the partners start (line 7).
  ASSERT_EQ(area.error().fields.size(), 4u);
  EXPECT_EQ(area.error().fields[0].field, "la_code");
  EXPECT_EQ(area.error().fields[1].field, "partners");
  EXPECT_EQ(area.error().fields[2].field, "partners[1].agency");
  EXPECT_EQ(area.error().fields[3].field, "receipt.cut_off");
}

TEST(ParseAreaProfile, FictionalAreaMustSayWhoseFiguresItCopies) {
  const auto area =
      parse_area_profile(sample_profile({{3, "la_code = \"999\""}, {6, "fictional = true"}}), "test.toml");
  ASSERT_FALSE(area);
  EXPECT_EQ(area.error().first_message(),
            "test.toml line 1: calibrate_from is missing; a fictional area must say whose published figures it "
            "copies, like calibrate_from = \"356\"");
}

TEST(ParseAreaProfile, CutOffAndForumsAreOptional) {
  const auto area = parse_area_profile(
      sample_profile({{28, ""}, {29, "on_non_working_day = \"same_day\""}, {33, ""}, {34, ""}, {35, ""}}), "test.toml");
  ASSERT_TRUE(area) << area.error().first_message();
  EXPECT_FALSE(area->receipt.cut_off);
  EXPECT_EQ(area->receipt.on_non_working_day, NonWorkingDayReceipt::same_day);
  EXPECT_TRUE(area->panels.empty());
  EXPECT_NE(describe_area_profile(*area).find("counts as received on the day it arrives"), std::string::npos);
}

}  // namespace
}  // namespace tandem
