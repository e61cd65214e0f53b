#include "app/directory_import.h"

#include <unistd.h>
#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "interop/oruk.h"
#include "store/directory.h"
#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

class FixedClock final : public app::Clock {
 public:
  std::int64_t now_micros() const override { return 1'795'000'000'000'000; }  // November 2026
};

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

}  // namespace
}  // namespace tandem
