// [contacts] in area profiles: the services every statutory letter points a
// family to. Optional, strictly checked, and kept fictional in a made-up area
// (and out of a real one).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "profile/area_profiles.h"
#include "profile/check_profile.h"
#include "profile/detail/files.h"
#include "sample_profile.h"

namespace tandem {
namespace {

using testing::sample_profile;

// The sample profile (a real area, 35 lines) with `extra` after it, so the
// first extra line is line 36.
std::string real_with(const std::string& extra) { return sample_profile() + extra; }

// The sample made fictional: two lines before it, so its own lines move down
// by 2 and the first extra line is line 38.
std::string fictional_with(const std::string& extra) {
  return "fictional = true\ncalibrate_from = \"356\"\n" + sample_profile({{3, "la_code = \"999\""}}) + extra;
}

const std::string kAllFive =
    "[contacts.mediation]\n"
    "name = \"Demo Mediation\"\n"
    "phone = \"01632 960001\"\n"
    "email = \"mediation@tandem-demo.example\"\n"
    "web = \"https://mediation.tandem-demo.example\"\n"
    "[contacts.disagreement_resolution]\n"
    "name = \"Demo Disagreements\"\n"
    "phone = \"+44 1632 960002\"\n"
    "[contacts.information_advice_support]\n"
    "name = \"Demo SENDIASS\"\n"
    "email = \"sendiass@tandem-demo.example\"\n"
    "[contacts.send_team]\n"
    "name = \"Demo SEND Team\"\n"
    "web = \"www.tandem-demo.example/send\"\n"
    "[contacts.local_offer]\n"
    "name = \"Demo Local Offer\"\n"
    "web = \"http://localoffer.tandem-demo.example\"\n";

TEST(ProfileContacts, AreOptional) {
  const auto area = parse_area_profile(sample_profile(), "test.toml");
  ASSERT_TRUE(area) << area.error().first_message();
  EXPECT_EQ(area->contacts, Contacts{});
}

TEST(ProfileContacts, ReadsEveryService) {
  const auto area = parse_area_profile(fictional_with(kAllFive), "test.toml");
  ASSERT_TRUE(area) << area.error().first_message();
  const Contacts& c = area->contacts;
  ASSERT_TRUE(c.mediation);
  EXPECT_EQ(*c.mediation, (Contact{"Demo Mediation", "01632 960001", "mediation@tandem-demo.example",
                                   "https://mediation.tandem-demo.example"}));
  ASSERT_TRUE(c.disagreement_resolution);
  EXPECT_EQ(c.disagreement_resolution->phone, "+44 1632 960002");
  EXPECT_FALSE(c.disagreement_resolution->email);
  ASSERT_TRUE(c.information_advice_support);
  EXPECT_EQ(c.information_advice_support->email, "sendiass@tandem-demo.example");
  ASSERT_TRUE(c.send_team);
  EXPECT_EQ(c.send_team->web, "www.tandem-demo.example/send");
  ASSERT_TRUE(c.local_offer);
  EXPECT_EQ(c.local_offer->name, "Demo Local Offer");
}

TEST(ProfileContacts, ARealAreaMayListOnlySome) {
  // As Stockport's seed gives its mediation provider: a name and a web address.
  const auto area = parse_area_profile(real_with("[contacts.mediation]\n"
                                                 "name = \"Essential Mediation\"\n"
                                                 "web = \"www.essentialmediation.co.uk\"\n"),
                                       "test.toml");
  ASSERT_TRUE(area) << area.error().first_message();
  ASSERT_TRUE(area->contacts.mediation);
  EXPECT_EQ(area->contacts.mediation->web, "www.essentialmediation.co.uk");
  EXPECT_FALSE(area->contacts.information_advice_support);
  EXPECT_FALSE(area->contacts.send_team);
}

struct BadContacts {
  bool fictional;
  std::string extra;
  const char* field;
  std::string message;  // one of the problems reported, in full
};

TEST(ProfileContacts, EveryProblemNamesFileLineAndKey) {
  const std::string allowed_services =
      "mediation, disagreement_resolution, information_advice_support, send_team, local_offer";
  const BadContacts cases[] = {
      // Unknown keys.
      {false, "[contacts.mediator]\nname = \"Essential Mediation\"\n", "contacts.mediator",
       "test.toml line 36: contacts.mediator is not a known key; allowed in contacts: " + allowed_services},
      {false, "[contacts.mediation]\nname = \"Essential Mediation\"\nwebsite = \"www.essentialmediation.co.uk\"\n",
       "contacts.mediation.website",
       "test.toml line 38: contacts.mediation.website is not a known key; allowed in contacts.mediation: name, "
       "phone, email, web"},
      // Missing and empty keys.
      {false, "[contacts.mediation]\nweb = \"www.essentialmediation.co.uk\"\n", "contacts.mediation.name",
       "test.toml line 36: contacts.mediation.name is missing; add a line like name = \"Tandem Demo Mediation "
       "Service\""},
      {false, "[contacts.send_team]\nname = \"SEND Team\"\n", "contacts.send_team",
       "test.toml line 36: contacts.send_team gives no way to reach SEND Team; add at least one of phone, email and "
       "web, like phone = \"01632 960001\""},
      {true, "[contacts.mediation]\nname = \"\"\nphone = \"01632 960001\"\n", "contacts.mediation.name",
       "test.toml line 39: contacts.mediation.name is empty; write it like name = \"Tandem Demo Mediation "
       "Service\""},
      // Wrong types.
      {false, "[contacts]\nmediation = \"Essential Mediation\"\n", "contacts.mediation",
       "test.toml line 37: contacts.mediation must be a table, written [contacts.mediation] on a line of its own, "
       "like [contacts.mediation] with name and phone, email or web; found text \"Essential Mediation\""},
      {true, "[contacts.mediation]\nname = \"Demo Mediation\"\nphone = 1632960001\n", "contacts.mediation.phone",
       "test.toml line 40: contacts.mediation.phone must be text in double quotes, like phone = \"01632 960001\"; "
       "found a number (1632960001)"},
      // Malformed values.
      {true, "[contacts.mediation]\nname = \"Demo Mediation\"\nphone = \"ring 01632 960001\"\n",
       "contacts.mediation.phone",
       "test.toml line 40: contacts.mediation.phone = \"ring 01632 960001\" is not a UK phone number; write it with "
       "digits and spaces, like \"01632 960001\""},
      {true, "[contacts.mediation]\nname = \"Demo Mediation\"\nphone = \"01632 9600\"\n", "contacts.mediation.phone",
       "test.toml line 40: contacts.mediation.phone = \"01632 9600\" is not a UK phone number; write it with "
       "digits and spaces, like \"01632 960001\""},
      {true, "[contacts.mediation]\nname = \"Demo Mediation\"\nemail = \"mediation.tandem-demo.example\"\n",
       "contacts.mediation.email",
       "test.toml line 40: contacts.mediation.email = \"mediation.tandem-demo.example\" is not an email address; "
       "write it like \"mediation@tandem-demo.example\""},
      {true, "[contacts.mediation]\nname = \"Demo Mediation\"\nweb = \"ftp://mediation.tandem-demo.example\"\n",
       "contacts.mediation.web",
       "test.toml line 40: contacts.mediation.web = \"ftp://mediation.tandem-demo.example\" is not a web address; "
       "write it like \"https://mediation.tandem-demo.example\" or \"www.essentialmediation.co.uk\""},
      {true, "[contacts.mediation]\nname = \"Demo Mediation\"\nweb = \"https://localhost\"\n", "contacts.mediation.web",
       "test.toml line 40: contacts.mediation.web = \"https://localhost\" is not a web address; write it like "
       "\"https://mediation.tandem-demo.example\" or \"www.essentialmediation.co.uk\""},
      // Fiction stays in made-up areas, and out of real ones.
      {false, "[contacts.mediation]\nname = \"Mediation\"\nphone = \"01632 960001\"\n", "contacts.mediation.phone",
       "test.toml line 38: contacts.mediation.phone = \"01632 960001\" is kept for fiction (Ofcom's drama numbers, "
       "the .example domain); a real area gives the contact it publishes"},
      {false, "[contacts.mediation]\nname = \"Mediation\"\nemail = \"mediation@tandem-demo.example\"\n",
       "contacts.mediation.email",
       "test.toml line 38: contacts.mediation.email = \"mediation@tandem-demo.example\" is kept for fiction "
       "(Ofcom's drama numbers, the .example domain); a real area gives the contact it publishes"},
      {true, "[contacts.mediation]\nname = \"Essential Mediation\"\nweb = \"www.essentialmediation.co.uk\"\n",
       "contacts.mediation.web",
       "test.toml line 40: contacts.mediation.web = \"www.essentialmediation.co.uk\" is a real-looking contact; a "
       "fictional area uses only contacts kept for fiction: 01632 960000 to 01632 960999 and addresses ending "
       ".example"},
  };
  for (const auto& c : cases) {
    const auto area = parse_area_profile(c.fictional ? fictional_with(c.extra) : real_with(c.extra), "test.toml");
    ASSERT_FALSE(area) << c.field;
    bool found = false;
    for (const auto& e : area.error().fields) {
      if (e.field == c.field && e.message == c.message) found = true;
    }
    std::string all;
    for (const auto& e : area.error().fields) all += "\n  " + e.field + ": " + e.message;
    EXPECT_TRUE(found) << "wanted " << c.field << ": " << c.message << "\ngot:" << all;
  }
}

TEST(ProfileContacts, AMisspeltTableAtTheTopLevelListsContacts) {
  const auto area = parse_area_profile(real_with("[contact.mediation]\nname = \"Mediation\"\n"), "test.toml");
  ASSERT_FALSE(area);
  EXPECT_EQ(area.error().first_message(),
            "test.toml line 36: contact is not a known key; allowed at the top level: id, name, fictional, la_code, "
            "ons_code, region, calibrate_from, partners, roles, receipt, forums, contacts, responsibility, "
            "phase_transfers, school_terms, sufficiency, sen2_return, warnings");
}

TEST(ProfileContacts, ShippedProfilesListOnlyWhatTheirSeedsName) {
  const auto demo = shipped_area_profile("demo");
  ASSERT_TRUE(demo);
  EXPECT_TRUE(demo->contacts.mediation && demo->contacts.disagreement_resolution &&
              demo->contacts.information_advice_support && demo->contacts.send_team && demo->contacts.local_offer);
  EXPECT_EQ(demo->contacts.mediation->phone, "01632 960001");

  // Seed 003, "Information, Advice and Disagreement Resolution".
  const auto stockport = shipped_area_profile("stockport");
  ASSERT_TRUE(stockport);
  const Contact essential{"Essential Mediation", std::nullopt, std::nullopt, "www.essentialmediation.co.uk"};
  EXPECT_EQ(stockport->contacts.mediation, essential);
  EXPECT_EQ(stockport->contacts.disagreement_resolution, essential);
  EXPECT_EQ(stockport->contacts.local_offer,
            (Contact{"Stockport Local Offer", std::nullopt, std::nullopt, "www.sensupportstockport.uk"}));
  EXPECT_FALSE(stockport->contacts.information_advice_support);
  EXPECT_FALSE(stockport->contacts.send_team);

  // The other seeds name none.
  for (const char* id : {"halton", "blackpool", "haringey", "northumberland"}) {
    const auto area = shipped_area_profile(id);
    ASSERT_TRUE(area) << id;
    EXPECT_EQ(area->contacts, Contacts{}) << id;
  }
}

TEST(ProfileContacts, CheckProfileStillPassesWithAndWithoutContacts) {
  // check-profile on the shipped files, as an operator runs it: a seed area
  // without contacts, a seed area with some, and the demo with all.
  const auto dir = std::filesystem::temp_directory_path() /
                   ("tandem-contacts-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::create_directories(dir);
  int checked = 0;
  for (const auto& f : embedded_profile_files()) {
    if (f.path != "areas/halton.toml" && f.path != "areas/stockport.toml" && f.path != "areas/demo.toml") continue;
    const auto path = (dir / std::filesystem::path(f.path).filename()).string();
    std::ofstream(path) << f.content;
    std::ostringstream out;
    std::ostringstream err;
    EXPECT_EQ(check_profile_command(path, out, err), 0) << f.path << ": " << err.str();
    EXPECT_EQ(err.str(), "") << f.path;
    ++checked;
  }
  std::filesystem::remove_all(dir);
  EXPECT_EQ(checked, 3);
}

}  // namespace
}  // namespace tandem
