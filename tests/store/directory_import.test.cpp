#include "app/directory_import.h"

#include <unistd.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/oruk_remote.h"
#include "app/postcode_import.h"
#include "fixed_clock.h"
#include "interop/oruk.h"
#include "store/directory.h"
#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

using testing::FixedClock;

constexpr const char* kOrg = "1a000000-0000-4000-8000-000000000001";
constexpr const char* kLoc = "1b000000-0000-4000-8000-000000000001";
constexpr const char* kTax = "1c000000-0000-4000-8000-000000000001";
constexpr const char* kTerm = "1d000000-0000-4000-8000-000000000001";

Directory source() {
  Directory d;
  d.organisations = {{kOrg, "Riverside Play CIC", "Play for all", "hello@riverside.example", ""}};
  d.locations = {{kLoc, "Riverside Hub", "", "2 Mill Lane", "Townley", "QS2 4AB", GeoPoint{53412345, -2161234},
                  "Step-free access"}};
  d.taxonomies = {{kTax, "SEND needs", "Needs", "", "1"}};
  d.terms = {{kTerm, kTax, "ASD", "Autistic spectrum disorder", "Communication and interaction", ""}};
  for (int i = 0; i < 2; ++i) {
    Service s;
    s.id = "1e000000-0000-4000-8000-00000000000" + std::to_string(i + 1);
    s.organisation_id = kOrg;
    s.name = i == 0 ? "Saturday play" : "Holiday club";
    s.description = "Play sessions";
    s.status = "active";
    s.minimum_age = 5;
    s.level = i == 0 ? ServiceLevel::highly_specialist : ServiceLevel::universal;
    s.maximum_age = 11;
    s.last_checked_on = make_date(2026, 6, 1);
    s.term_ids = {kTerm};
    s.locations = {{"1f000000-0000-4000-8000-00000000000" + std::to_string(i + 1), kLoc}};
    s.schedules = {{"2a000000-0000-4000-8000-00000000000" + std::to_string(i + 1), "", "SA", "10:00", "12:00", ""}};
    s.contacts = {{"2b000000-0000-4000-8000-00000000000" + std::to_string(i + 1), "Play team", "", "", "01632 960111"}};
    s.costs = {{"2c000000-0000-4000-8000-00000000000" + std::to_string(i + 1), "Session", Pence(450), "per child"}};
    d.services.push_back(s);
  }
  return d;
}

std::filesystem::path write_feed(const std::string& name, const std::vector<std::string>& items) {
  const auto path = std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()) + ".json");
  std::ofstream out(path);
  out << "{\"contents\":[";
  for (std::size_t i = 0; i < items.size(); ++i) out << (i ? "," : "") << items[i];
  out << "]}";
  return path;
}

std::vector<std::string> full_json(const Directory& d) {
  const interop::oruk::DirectoryIndex index(d);
  std::vector<std::string> out;
  for (const auto& s : d.services) out.push_back(interop::oruk::service_full(s, index));
  return out;
}

class DirectoryImport : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("import");
    t_.db->write([&](store::Tx& tx) { store::upsert_area(tx, {"area", "Test area", "999"}); });
  }
  Directory loaded() {
    Directory d;
    t_.db->read([&](store::Tx& tx) { d = store::load_directory(tx, "area"); });
    return d;
  }
  testing::TestDatabase t_;
  FixedClock clock_;
};

TEST_F(DirectoryImport, AVenueWithoutCoordinatesTakesItsPostcodesFromTheImportedDirectory) {
  std::istringstream onspd("pcds,doterm,lat,long\nQS2 4AB,,53.456789,-2.123456\n");
  ASSERT_TRUE(app::import_postcodes(*t_.db, clock_, onspd, {}));
  Directory d = source();
  d.locations[0].point.reset();
  const auto file = write_feed("no-coordinates", full_json(d));
  ASSERT_TRUE(app::import_oruk_file(*t_.db, clock_, "area", file, {}));
  std::filesystem::remove(file);
  const auto venue = loaded().locations.at(0);
  ASSERT_TRUE(venue.point) << "placed at its postcode, so distance search finds it";
  EXPECT_EQ(venue.point->latitude_e6, 53456789);
  EXPECT_EQ(venue.point->longitude_e6, -2123456);
}

TEST_F(DirectoryImport, AFeedReadsBackAsItWasPublished) {
  const auto file = write_feed("feed", full_json(source()));
  std::size_t last_progress = 0;
  auto report =
      app::import_oruk_file(*t_.db, clock_, "area", file, [&](std::size_t done, std::size_t) { last_progress = done; });
  ASSERT_TRUE(report) << report.error().first_message();
  EXPECT_EQ(report->imported, 2u);
  EXPECT_EQ(last_progress, 2u);
  const Directory d = loaded();
  ASSERT_EQ(d.services.size(), 2u);
  const Service& s = d.services[1];  // by name: Holiday club, Saturday play
  EXPECT_EQ(s.name, "Saturday play");
  EXPECT_EQ(s.last_checked_on, make_date(2026, 6, 1));
  EXPECT_EQ(s.review_due_on, make_date(2027, 6, 1));
  EXPECT_EQ(s.maximum_age, 11);
  EXPECT_EQ(s.level, ServiceLevel::highly_specialist) << "the level travels as a term";
  EXPECT_EQ(d.services[0].level, ServiceLevel::universal);
  EXPECT_EQ(s.term_ids.size(), 1u) << "the level's term is not stored as a term";
  ASSERT_EQ(s.costs.size(), 1u);
  EXPECT_EQ(s.costs[0].amount->value, 450);
  EXPECT_EQ(s.contacts.at(0).phone, "01632 960111");
  EXPECT_EQ(s.schedules.at(0).opens_at, "10:00");
  ASSERT_EQ(d.locations.size(), 1u);
  EXPECT_EQ(d.locations[0].point->latitude_e6, 53412345);
  EXPECT_EQ(d.locations[0].postcode, "QS2 4AB");
  EXPECT_EQ(d.terms.at(0).code, "ASD");
  EXPECT_EQ(d.organisations.at(0).name, "Riverside Play CIC");
  std::filesystem::remove(file);
}

TEST_F(DirectoryImport, ImportingAgainUpdatesRatherThanDuplicates) {
  const auto first = write_feed("first", full_json(source()));
  ASSERT_TRUE(app::import_oruk_file(*t_.db, clock_, "area", first, {}));
  Directory changed = source();
  changed.services[0].name = "Saturday play and lunch";
  const auto second = write_feed("second", full_json(changed));
  ASSERT_TRUE(app::import_oruk_file(*t_.db, clock_, "area", second, {}));
  const Directory d = loaded();
  ASSERT_EQ(d.services.size(), 2u);
  EXPECT_EQ(d.services[1].name, "Saturday play and lunch");
  EXPECT_EQ(d.services[1].version, 2);
  std::filesystem::remove(first);
  std::filesystem::remove(second);
}

TEST_F(DirectoryImport, OneBadServiceIsNamedAndNothingIsImported) {
  auto items = full_json(source());
  items.push_back(R"({"id": "not-a-uuid", "name": "Broken", "status": "open"})");
  const auto file = write_feed("bad", items);
  auto report = app::import_oruk_file(*t_.db, clock_, "area", file, {});
  ASSERT_TRUE(report);
  EXPECT_EQ(report->imported, 0u);
  ASSERT_EQ(report->rejected.size(), 1u);
  EXPECT_EQ(report->rejected[0].index, 2u);
  std::vector<std::string> fields;
  for (const auto& f : report->rejected[0].error.fields) fields.push_back(f.field);
  EXPECT_NE(std::find(fields.begin(), fields.end(), "id"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "organization"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "status"), fields.end());
  EXPECT_TRUE(loaded().services.empty());
  std::filesystem::remove(file);
}

// Fields Tandem's directory gained after the first import, as another directory's JSON gives them.
TEST_F(DirectoryImport, LogosIdentifiersSecondLinesDatesAndCurrenciesArriveFromJson) {
  auto j = nlohmann::json::parse(full_json(source()).at(0));
  j["organization"]["logo"] = "https://example.org/logo.png";
  j["organization"]["organization_identifiers"] = {
      {{"identifier_scheme", "GB-SC"}, {"identifier_type", "Charity number"}, {"identifier", "SC012345"}},
      {{"identifier_type", "Company number"}, {"identifier", "SC123456"}},
      {{"identifier_scheme", "XI-VAT"}, {"identifier", "GB123456789"}}};
  j["service_at_locations"][0]["location"]["addresses"][0]["address_2"] = "Round the back";
  j["assured_date"] = "2026-05-04";
  j["last_modified"] = "2026-05-04T10:30:00+01:00";
  j["cost_options"][0]["currency"] = "EUR";
  const auto file = write_feed("fields", {j.dump()});
  auto report = app::import_oruk_file(*t_.db, clock_, "area", file, {});
  ASSERT_TRUE(report);
  ASSERT_TRUE(report->rejected.empty()) << report->rejected[0].error.first_field();
  const Directory d = loaded();
  EXPECT_EQ(d.organisations.at(0).logo, "https://example.org/logo.png");
  EXPECT_EQ(d.organisations.at(0).charity_number, "SC012345");
  EXPECT_EQ(d.organisations.at(0).company_number, "SC123456") << "by its type, without a scheme";
  EXPECT_EQ(d.locations.at(0).address_2, "Round the back");
  const Service& s = d.services.at(0);
  EXPECT_EQ(s.last_checked_on, make_date(2026, 5, 4));
  EXPECT_EQ(s.updated_at, 1'777'887'000'000'000) << "09:30 UTC";
  EXPECT_EQ(s.costs.at(0).currency, "EUR");
  std::filesystem::remove(file);
}

TEST_F(DirectoryImport, TheValidatorsExampleIsRefusedForItsImpossibleLatitude) {
  auto report = app::import_oruk_file(
      *t_.db, clock_, "area",
      std::filesystem::path(TANDEM_SOURCE_DIR) / "data/oruk/validator-fixtures/V3.0-UK-Default/service_full.json", {});
  ASSERT_TRUE(report);
  ASSERT_EQ(report->rejected.size(), 1u);
  EXPECT_EQ(report->rejected[0].error.first_field(), "service_at_locations[0].location.latitude");
  EXPECT_TRUE(loaded().services.empty());
}

TEST_F(DirectoryImport, NotJsonIsRefusedNamingTheFile) {
  const auto path = std::filesystem::temp_directory_path() / "not-json.json";
  std::ofstream(path) << "services: none";
  auto report = app::import_oruk_file(*t_.db, clock_, "area", path, {});
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().first_field(), "file");
  std::filesystem::remove(path);
}

// A feed served from memory: each URL's answer, and the URLs asked for.
struct FakeFeed {
  std::map<std::string, app::HttpAnswer> answers;
  std::vector<std::string> asked;
  app::HttpFetch fetch() {
    return [this](const std::string& url) -> Result<app::HttpAnswer> {
      asked.push_back(url);
      auto it = answers.find(url);
      if (it == answers.end()) return app::HttpAnswer{404, "text/plain", "Not found", url};
      return it->second;
    };
  }
};

// The source directory served as Tandem serves it: pages of summaries, one per
// page, and each service's full record at /services/{id}.
FakeFeed served(const Directory& d, const std::string& base) {
  const interop::oruk::DirectoryIndex index(d);
  FakeFeed feed;
  const auto n = static_cast<std::int64_t>(d.services.size());
  for (std::int64_t page = 1; page <= n; ++page) {
    const auto& s = d.services[static_cast<std::size_t>(page - 1)];
    const std::string item = interop::oruk::service_list_item(s, index);
    feed.answers[base + "/services?page=" + std::to_string(page) + "&per_page=100"] = {
        200, "application/json", interop::oruk::page({n, page, 1}, {item}), ""};
    feed.answers[base + "/services/" + s.id] = {200, "application/json", interop::oruk::service_full(s, index), ""};
  }
  return feed;
}

TEST_F(DirectoryImport, AFeedIsReadPageByPageAndEachSummaryFetchedInFull) {
  FakeFeed feed = served(source(), "https://other.example/api/oruk");
  app::ImportOptions options;
  options.fetch = feed.fetch();
  std::vector<std::string> progress;
  auto report = app::import_oruk(
      *t_.db, clock_, "area", "https://other.example/api/oruk/", options,
      [&](std::string_view what, std::size_t done, std::size_t total) {
        progress.push_back(std::string(what) + " " + std::to_string(done) + "/" + std::to_string(total));
      });
  ASSERT_TRUE(report) << report.error().first_message();
  EXPECT_EQ(report->imported, 2u);
  EXPECT_EQ(feed.asked, (std::vector<std::string>{
                            "https://other.example/api/oruk/services?page=1&per_page=100",
                            "https://other.example/api/oruk/services?page=2&per_page=100",
                            "https://other.example/api/oruk/services/1e000000-0000-4000-8000-000000000001",
                            "https://other.example/api/oruk/services/1e000000-0000-4000-8000-000000000002",
                        }));
  EXPECT_EQ(progress, (std::vector<std::string>{"pages read 1/2", "pages read 2/2", "services fetched 2/2",
                                                "services saved 2/2"}));
  const Directory d = loaded();
  ASSERT_EQ(d.services.size(), 2u);
  EXPECT_EQ(d.services[1].schedules.at(0).opens_at, "10:00") << "the full record, not the summary";
  EXPECT_EQ(d.services[1].level, ServiceLevel::highly_specialist);
}

TEST_F(DirectoryImport, AFeedsAddressMayNameItsServicesList) {
  for (const char* given : {"https://other.example/api/oruk", "https://other.example/api/oruk/services",
                            "https://other.example/api/oruk/services/?page=3"}) {
    EXPECT_EQ(app::oruk_base_url(given), "https://other.example/api/oruk") << given;
  }
}

struct BadFeedCase {
  const char* what;
  app::HttpAnswer first_page;
  const char* says;
};

TEST_F(DirectoryImport, AnAnswerThatIsNotAFeedIsRefusedNamingTheUrlAndWhatWasExpected) {
  const std::string page1 = "https://other.example/api/oruk/services?page=1&per_page=100";
  const BadFeedCase cases[] = {
      {"not found",
       {404, "text/plain", "Not found", ""},
       "answered 404 (text/plain): expected 200 and a page of services"},
      {"a web page",
       {200, "text/html", "<!doctype html><p>Welcome</p>", ""},
       "answered 200 (text/html): The answer is not JSON"},
      {"JSON of another shape", {200, "application/json", R"({"services": []})", ""}, "has no \"contents\" list"},
      {"a server error", {503, "text/plain", "down", ""}, "answered 503"},
  };
  for (const auto& c : cases) {
    FakeFeed feed;
    feed.answers[page1] = c.first_page;
    app::ImportOptions options;
    options.fetch = feed.fetch();
    auto report = app::import_oruk(*t_.db, clock_, "area", "https://other.example/api/oruk/", options, {});
    ASSERT_FALSE(report) << c.what;
    EXPECT_EQ(report.error().first_field(), "url") << c.what;
    EXPECT_TRUE(report.error().first_message().starts_with(page1)) << c.what << ": " << report.error().first_message();
    EXPECT_NE(report.error().first_message().find(c.says), std::string::npos)
        << c.what << ": " << report.error().first_message();
  }
  EXPECT_TRUE(loaded().services.empty());
}

TEST_F(DirectoryImport, AServiceWhoseRecordCannotBeFetchedRefusesTheWholeFeed) {
  FakeFeed feed = served(source(), "https://other.example/api/oruk");
  feed.answers.erase("https://other.example/api/oruk/services/1e000000-0000-4000-8000-000000000002");
  app::ImportOptions options;
  options.fetch = feed.fetch();
  auto report = app::import_oruk(*t_.db, clock_, "area", "https://other.example/api/oruk/", options, {});
  ASSERT_TRUE(report);
  EXPECT_EQ(report->imported, 0u);
  ASSERT_EQ(report->rejected.size(), 1u);
  EXPECT_EQ(report->rejected[0].source, "https://other.example/api/oruk/services/1e000000-0000-4000-8000-000000000002");
  EXPECT_NE(report->rejected[0].error.first_message().find("answered 404"), std::string::npos);
  EXPECT_TRUE(loaded().services.empty());
}

TEST_F(DirectoryImport, CsvTablesImportAndImportingAgainUpdates) {
  const auto folder = std::filesystem::path(TANDEM_SOURCE_DIR) / "tests/fixtures/oruk-csv";
  auto first = app::import_oruk(*t_.db, clock_, "area", folder.string(), {}, {});
  ASSERT_TRUE(first) << first.error().first_message();
  ASSERT_TRUE(first->rejected.empty()) << first->rejected[0].error.first_field();
  EXPECT_EQ(first->imported, 3u);
  EXPECT_EQ(first->organisations, 2u);
  EXPECT_EQ(first->locations, 3u);
  EXPECT_EQ(first->terms, 3u);
  auto again = app::import_oruk(*t_.db, clock_, "area", folder.string(), {}, {});
  ASSERT_TRUE(again);
  const Directory d = loaded();
  EXPECT_EQ(d.services.size(), 3u);
  EXPECT_EQ(d.organisations.size(), 2u);
  EXPECT_EQ(d.locations.size(), 3u);
  for (const auto& s : d.services) EXPECT_EQ(s.version, 2) << s.name << " was updated, not duplicated";
}

TEST_F(DirectoryImport, ABadCsvRowChangesNothing) {
  const auto fixture = std::filesystem::path(TANDEM_SOURCE_DIR) / "tests/fixtures/oruk-csv";
  ASSERT_TRUE(app::import_oruk(*t_.db, clock_, "area", fixture.string(), {}, {}));
  const auto folder = std::filesystem::temp_directory_path() / ("bad-tables-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  for (const auto& entry : std::filesystem::directory_iterator(fixture))
    std::filesystem::copy_file(entry.path(), folder / entry.path().filename(),
                               std::filesystem::copy_options::overwrite_existing);
  {
    std::ifstream in(folder / "services.csv", std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    text.replace(text.find("Saturday play"), 13, "Saturday fun");
    text.replace(text.find("active,,,5,11"), 13, "active,,,5,eleven");
    std::ofstream(folder / "services.csv", std::ios::binary) << text;
  }
  auto report = app::import_oruk(*t_.db, clock_, "area", folder.string(), {}, {});
  ASSERT_TRUE(report);
  ASSERT_EQ(report->rejected.size(), 1u);
  EXPECT_EQ(report->rejected[0].source, "services.csv line 2");
  EXPECT_EQ(report->rejected[0].error.first_field(), "services.csv line 2 maximum_age");
  const Directory d = loaded();
  ASSERT_EQ(d.services.size(), 3u);
  for (const auto& s : d.services) {
    EXPECT_NE(s.name, "Saturday fun") << "nothing of the refused import was saved";
    EXPECT_EQ(s.version, 1);
  }
  std::filesystem::remove_all(folder);
}

TEST_F(DirectoryImport, AnAreaTheDatabaseLacksIsMadeFromItsShippedProfile) {
  const auto folder = std::filesystem::path(TANDEM_SOURCE_DIR) / "tests/fixtures/oruk-csv";
  auto report = app::import_oruk(*t_.db, clock_, "halton", folder.string(), {}, {});
  ASSERT_TRUE(report) << report.error().first_message();
  EXPECT_TRUE(report->area_created);
  std::optional<store::AreaRow> area;
  t_.db->read([&](store::Tx& tx) { area = store::find_area(tx, "halton"); });
  ASSERT_TRUE(area);
  EXPECT_EQ(area->name, "Halton");
  auto unknown = app::import_oruk(*t_.db, clock_, "atlantis", folder.string(), {}, {});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().first_field(), "area");
  EXPECT_NE(unknown.error().first_message().find("shipped: "), std::string::npos);
}

}  // namespace
}  // namespace tandem
