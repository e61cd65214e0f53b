#include "interop/oruk_tables.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "core/csv.h"

namespace tandem::interop::oruk {
namespace {

using Files = std::map<std::string, std::string>;

Files read_folder(const std::filesystem::path& folder) {
  Files files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".csv") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    files[entry.path().filename().string()] = text.str();
  }
  return files;
}

Files fixture() { return read_folder(std::filesystem::path(TANDEM_SOURCE_DIR) / "tests/fixtures/oruk-csv"); }
Files example() { return read_folder(std::filesystem::path(TANDEM_SOURCE_DIR) / "data/oruk/examples/csv"); }

std::size_t rows_in(const Files& files, const std::string& name) {
  auto t = parse_csv(files.at(name));
  EXPECT_TRUE(t) << name;
  return t ? t->rows.size() : 0;
}

const Date kToday = make_date(2026, 11, 20);

const ImportedService& named(const ParsedFeed& feed, std::string_view name) {
  auto it = std::find_if(feed.services.begin(), feed.services.end(),
                         [&](const ImportedService& s) { return s.service.name == name; });
  if (it == feed.services.end()) throw std::runtime_error("no service " + std::string(name));
  return *it;
}

std::vector<std::string> fields_of(const Rejected& r) {
  std::vector<std::string> out;
  for (const auto& f : r.error.fields) out.push_back(f.field);
  return out;
}

TEST(OrukTables, TheJoinKeepsEveryRowTheFilesHold) {
  const Files files = fixture();
  auto feed = parse_service_tables(files, kToday);
  ASSERT_TRUE(feed) << feed.error().first_field() << ": " << feed.error().first_message();
  for (const auto& r : feed->rejected)
    ADD_FAILURE() << r.source << ": " << r.error.first_field() << ": " << r.error.first_message();
  ASSERT_EQ(feed->services.size(), rows_in(files, "services.csv"));

  std::set<std::string> organisations, locations, terms;
  std::size_t venues = 0, schedules = 0, contacts = 0, costs = 0;
  for (const auto& s : feed->services) {
    organisations.insert(s.organisation.id);
    for (const auto& l : s.locations) locations.insert(l.id);
    for (const auto& t : s.terms) terms.insert(t.id);
    venues += s.service.locations.size();
    schedules += s.service.schedules.size();
    contacts += s.service.contacts.size();
    costs += s.service.costs.size();
  }
  EXPECT_EQ(organisations.size(), rows_in(files, "organizations.csv"));
  EXPECT_EQ(locations.size(), rows_in(files, "locations.csv"));
  EXPECT_EQ(venues, rows_in(files, "service_at_locations.csv"));
  EXPECT_EQ(schedules, rows_in(files, "schedules.csv"));
  EXPECT_EQ(contacts, rows_in(files, "contacts.csv"));
  EXPECT_EQ(costs, rows_in(files, "cost_options.csv"));
  // One term is the level of support, which is not stored as a term.
  EXPECT_EQ(terms.size(), rows_in(files, "taxonomy_terms.csv") - 1);
}

TEST(OrukTables, EachServiceHasWhatItsRowsSay) {
  auto feed = parse_service_tables(fixture(), kToday);
  ASSERT_TRUE(feed);
  const auto& play = named(*feed, "Saturday play");
  EXPECT_EQ(play.organisation.name, "Riverside Play CIC");
  EXPECT_EQ(play.service.description,
            "Play sessions for disabled children and their brothers and sisters, with trained staff.\nBook a place by "
            "phone.")
      << "a quoted line break stays in the text";
  EXPECT_EQ(play.service.how_to_access, "Bring a packed lunch, and any medicines your child needs");
  EXPECT_EQ(play.service.minimum_age, 5);
  EXPECT_EQ(play.service.maximum_age, 11);
  EXPECT_EQ(play.service.level, ServiceLevel::specialist) << "from the Level of support term";
  EXPECT_EQ(play.service.last_checked_on, make_date(2026, 6, 1));
  ASSERT_EQ(play.locations.size(), 1u);
  EXPECT_EQ(play.locations[0].postcode, "QS2 4AB") << "the physical address, not the postal one";
  EXPECT_EQ(play.locations[0].accessibility, "Step-free access; Quiet room");
  ASSERT_TRUE(play.locations[0].point);
  EXPECT_EQ(play.locations[0].point->latitude_e6, 53412345);
  ASSERT_EQ(play.service.schedules.size(), 1u);
  EXPECT_EQ(play.service.schedules[0].opens_at, "10:00");
  EXPECT_EQ(play.service.contacts.at(0).phone, "01632 960111");
  ASSERT_TRUE(play.service.costs.at(0).amount);
  EXPECT_EQ(play.service.costs[0].amount->value, 450);
  ASSERT_EQ(play.terms.size(), 2u);
  EXPECT_EQ(play.terms[0].code, "ASD");
  EXPECT_EQ(play.taxonomies[0].name, "SEND needs") << "the taxonomy's name from taxonomies.csv";

  const auto& holiday = named(*feed, "Holiday club, \"Summer Splash\"");
  EXPECT_EQ(holiday.service.locations.size(), 2u);
  EXPECT_EQ(holiday.service.schedules.size(), 2u) << "one tied by service_at_location_id alone";

  const auto& slt = named(*feed, "Speech and language drop-in");
  EXPECT_EQ(slt.service.minimum_age, 0);
  EXPECT_EQ(slt.service.maximum_age, 4) << "from eligibility.csv";
  EXPECT_EQ(slt.terms.size(), 1u) << "an attribute listed twice is one term";
  EXPECT_EQ(slt.service.level, ServiceLevel::universal);
}

// Fields Tandem's directory gained after the first import: each arrives from its table.
TEST(OrukTables, LogosIdentifiersSecondLinesLastModifiedAndCurrenciesArrive) {
  Files files = fixture();
  auto& costs = files.at("cost_options.csv");
  const std::string_view gbp = "a brother or sister is free\",GBP";
  costs.replace(costs.find(gbp), gbp.size(), "a brother or sister is free\",EUR");
  auto feed = parse_service_tables(files, kToday);
  ASSERT_TRUE(feed);
  ASSERT_TRUE(feed->rejected.empty()) << feed->rejected[0].error.first_field();
  const auto& play = named(*feed, "Saturday play");
  EXPECT_EQ(play.organisation.logo, "https://riverside.example/logo.png");
  EXPECT_EQ(play.organisation.charity_number, "1123456") << "GB-CHC";
  EXPECT_EQ(play.organisation.company_number, "09876543") << "GB-COH";
  EXPECT_EQ(play.locations.at(0).address_2, "Riverside Park");
  EXPECT_EQ(play.service.updated_at, 1780304400000000) << "last_modified 2026-06-01T09:00:00Z";
  EXPECT_EQ(play.service.costs.at(0).currency, "GBP");
  EXPECT_EQ(play.service.contacts.at(0).email, "play@riverside.example");
  const auto& holiday = named(*feed, "Holiday club, \"Summer Splash\"");
  EXPECT_EQ(holiday.service.costs.at(0).currency, "EUR");
  const auto& speech = named(*feed, "Speech and language drop-in");
  EXPECT_EQ(speech.service.costs.at(0).currency, "GBP") << "an empty currency is pounds";
  EXPECT_TRUE(speech.organisation.charity_number.empty());
}

TEST(OrukTables, TheProfilesExampleIsJoinedAndRefusedForItsImpossibleLatitude) {
  const Files files = example();
  auto feed = parse_service_tables(files, kToday);
  ASSERT_TRUE(feed) << feed.error().first_message();
  ASSERT_EQ(feed->rejected.size(), 1u);
  const auto& r = feed->rejected[0];
  EXPECT_EQ(r.source, "services.csv line 2");
  EXPECT_EQ(r.name, "Community Counselling");
  EXPECT_EQ(fields_of(r), (std::vector<std::string>{"locations.csv line 2 latitude"}));
  EXPECT_EQ(r.error.first_message(), "latitude must be between -90 and 90 degrees");
}

TEST(OrukTables, TheProfilesExampleWithARealLatitudeJoinsEveryTable) {
  Files files = example();
  auto& locations = files.at("locations.csv");
  locations.replace(locations.find(",100,101,"), 9, ",51.5,-0.1,");
  auto feed = parse_service_tables(files, kToday);
  ASSERT_TRUE(feed);
  ASSERT_EQ(feed->rejected.size(), 0u);
  ASSERT_EQ(feed->services.size(), rows_in(files, "services.csv"));
  const auto& s = feed->services[0];
  EXPECT_EQ(s.organisation.name, "Example Organization Inc.");
  EXPECT_EQ(s.service.locations.size(), rows_in(files, "service_at_location.csv"));
  EXPECT_EQ(s.locations.at(0).name, "MyCity Civic Center");
  EXPECT_EQ(s.locations.at(0).postcode, "ABC 1234");
  EXPECT_EQ(s.service.schedules.size(), rows_in(files, "schedules.csv"));
  EXPECT_EQ(s.service.schedules.at(0).byday, "TH,FR");
  EXPECT_EQ(s.service.contacts.at(0).phone, "+44 1234 234567") << "the example's quotes dropped";
  EXPECT_EQ(s.organisation.logo, "https://openreferral.org/wp-content/uploads/2018/02/OpenReferral_Logo_Green-4-1.png");
  EXPECT_EQ(s.organisation.company_number, "01234567") << "organization_identifiers.csv, its leading zero put back";
  EXPECT_EQ(s.locations.at(0).address_2, "MyVillage");
  EXPECT_EQ(s.service.updated_at, 1678876245123000) << "last_modified 2023-03-15T10:30:45.123Z";
  EXPECT_EQ(s.service.last_checked_on, make_date(2005, 1, 1)) << "assured_date";
  EXPECT_EQ(s.service.costs.at(0).currency, "GBP") << "no currency column: pounds";
  EXPECT_EQ(s.service.costs.at(0).amount_description, "per 1 hour session");
  EXPECT_EQ(s.service.costs.at(0).amount->value, 3500);
  EXPECT_EQ(s.service.minimum_age, 12);
  EXPECT_TRUE(s.terms.empty()) << "the example's one attribute links to no service";
}

struct BadCase {
  const char* what;
  const char* file;
  const char* from;  // text replaced in the fixture's file
  const char* to;
  const char* field;  // the problem named
  const char* says;   // part of its message
};

// Each problem is named by file, line and column, and says what is allowed.
const BadCase kBadRows[] = {
    {"an age that is not a number", "services.csv", "active,,,5,11", "active,,,five,11",
     "services.csv line 2 minimum_age", "minimum_age must be a whole number of years, like 5, not \"five\""},
    {"an age over 25", "services.csv", "active,,,5,11", "active,,,30,31", "services.csv line 2 minimum_age",
     "from 0 to 25"},
    {"an oldest age below the youngest", "services.csv", "active,,,5,11", "active,,,5,3",
     "services.csv line 2 maximum_age", "no less than the youngest"},
    {"an impossible latitude", "locations.csv", "53.412345", "93.412345", "locations.csv line 2 latitude",
     "between -90 and 90"},
    {"a price that is not a number", "cost_options.csv", "Session,4.50", "Session,four pounds",
     "cost_options.csv line 2 amount", "like 4.50"},
    {"a closing time before opening", "schedules.csv", "SA,10:00:00,12:00:00", "SA,10:00:00,09:00:00",
     "schedules.csv line 2 closes_at", "after opens_at"},
    {"an unknown organisation", "services.csv", "c6a8f884-caf9-5a7c-b416-e5c2a7433f0e,Saturday",
     "c6a8f884-caf9-5a7c-b416-e5c2a7433fff,Saturday", "services.csv line 2 organization_id",
     "is not in organizations.csv"},
    {"an id that is not a UUID", "contacts.csv", "5415fc48-0d41-5c38-83b5-56496906c762", "CONTACT-1",
     "contacts.csv line 2 id", "UUID"},
    {"an unknown status", "services.csv", "phone.\",https://riverside.example/saturday,play@riverside.example,active",
     "phone.\",https://riverside.example/saturday,play@riverside.example,open", "services.csv line 2 status",
     "active, inactive, defunct or temporarily closed"},
    {"a logo that is not a web address", "organizations.csv", "https://riverside.example/logo.png", "logo.png",
     "organizations.csv line 2 logo", "https://"},
    {"a charity number of the wrong shape", "organization_identifiers.csv", "Charity number,1123456",
     "Charity number,12", "organization_identifiers.csv line 2 identifier", "registered charity number"},
    {"a company number of the wrong shape", "organization_identifiers.csv", "Company number,09876543",
     "Company number,AB12", "organization_identifiers.csv line 3 identifier", "Companies House number"},
    {"a last_modified that is not a time", "services.csv", "2026-06-01T09:00:00Z", "last June",
     "services.csv line 2 last_modified", "a date and time"},
    {"an unknown currency", "cost_options.csv", "per child,GBP", "per child,XYZ", "cost_options.csv line 2 currency",
     "GBP (pounds sterling), EUR (euros) or USD (US dollars)"},
    {"a negative price", "cost_options.csv", "Session,4.50", "Session,-4.50", "cost_options.csv line 2 amount",
     "negative"},
    {"a contact's email without @", "contacts.csv", "Bookings,play@riverside.example",
     "Bookings,play.riverside.example", "contacts.csv line 2 email", "name@example.org"},
    {"a phone number that is not one", "phones.csv", "01632 960111", "ring the office", "phones.csv line 2 number",
     "10 to 15 digits"},
};

class OrukBadRows : public ::testing::TestWithParam<BadCase> {};

TEST_P(OrukBadRows, AreNamedByFileLineAndColumn) {
  const auto& c = GetParam();
  Files files = fixture();
  auto& text = files.at(c.file);
  const auto at = text.find(c.from);
  ASSERT_NE(at, std::string::npos) << c.what << ": the fixture has no " << c.from;
  text.replace(at, std::string_view(c.from).size(), c.to);
  auto feed = parse_service_tables(files, kToday);
  ASSERT_TRUE(feed) << c.what << ": " << feed.error().first_message();
  ASSERT_FALSE(feed->rejected.empty()) << c.what;
  bool found = false;
  for (const auto& r : feed->rejected) {
    for (const auto& f : r.error.fields) {
      if (f.field == c.field && f.message.find(c.says) != std::string::npos) found = true;
    }
  }
  std::string all;
  for (const auto& r : feed->rejected)
    for (const auto& f : r.error.fields) all += "\n  " + r.source + ": " + f.field + ": " + f.message;
  EXPECT_TRUE(found) << c.what << ": expected " << c.field << " saying " << c.says << "; got" << all;
}

INSTANTIATE_TEST_SUITE_P(Cases, OrukBadRows, ::testing::ValuesIn(kBadRows));

TEST(OrukTables, AMissingColumnOrTableRefusesTheWholeFolder) {
  Files files = fixture();
  auto& services = files.at("services.csv");
  services.replace(services.find(",status,"), 8, ",state,");
  files.erase("organizations.csv");
  auto feed = parse_service_tables(files, kToday);
  ASSERT_FALSE(feed);
  std::vector<std::string> fields;
  for (const auto& f : feed.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"services.csv", "organizations.csv"}));
  EXPECT_EQ(feed.error().fields[0].message,
            "services.csv has no column status: its header must name id, organization_id, name, status");
}

TEST(OrukTables, ARaggedRowRefusesTheWholeFolderNamingTheLine) {
  Files files = fixture();
  files.at("locations.csv") += "1,2\n";
  auto feed = parse_service_tables(files, kToday);
  ASSERT_FALSE(feed);
  EXPECT_EQ(feed.error().first_field(), "locations.csv");
  EXPECT_EQ(feed.error().first_message(), "locations.csv: Line 5 has 2 cells; the header has 8");
}

TEST(OrukTables, TheSameServiceIdTwiceIsRefused) {
  Files files = fixture();
  auto& services = files.at("services.csv");
  services += services.substr(services.find("\nc782cbc6") + 1);  // the last service's row again, as line 6
  auto feed = parse_service_tables(files, kToday);
  ASSERT_TRUE(feed);
  ASSERT_EQ(feed->rejected.size(), 1u);
  EXPECT_EQ(feed->rejected[0].error.first_field(), "services.csv line 6 id");
  EXPECT_NE(feed->rejected[0].error.first_message().find("is already on line 5"), std::string::npos);
}

}  // namespace
}  // namespace tandem::interop::oruk
