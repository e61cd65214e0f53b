// `tandem import postcodes` against real databases: the ONS postcode
// directory's rules (terminated and ungridded postcodes skipped, bad rows and
// missing columns refused changing nothing, a re-import replacing the last),
// and what the Local Offer does with the result: a family's full postcode
// placed at its own centre, a district at its postcodes' average, and venues
// saved without coordinates placed at their postcode.
#include <cmath>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "app/demo_area.h"
#include "app/directory_import.h"
#include "app/directory_locations.h"
#include "app/local_offer.h"
#include "app/postcode_import.h"
#include "app/postcode_lookup.h"
#include "fixed_clock.h"
#include "store/audit.h"
#include "store/directory.h"
#include "store/people.h"
#include "store/postcodes.h"
#include "test_database.h"

namespace tandem {
namespace {

using testing::FixedClock;

const std::string kFixture = std::string(TANDEM_SOURCE_DIR) + "/tests/fixtures/onspd/ONSPD_TANDEM_DEMO.csv";

// The fixture's header and its shape, for small files of our own.
constexpr const char* kHeader = "pcd,pcd2,pcds,dointr,doterm,oslaua,lat,long\n";
std::string line(const std::string& pcds, const std::string& doterm, const std::string& lat, const std::string& lon,
                 const std::string& lad = "E06000009") {
  return pcds + "," + pcds + "," + pcds + ",198001," + doterm + "," + lad + "," + lat + "," + lon + "\n";
}

class Postcodes : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("postcodes");
    t_.db->write([&](store::Tx& tx) { store::upsert_area(tx, {"area", "Test area", "999"}); });
  }
  Result<app::PostcodeImportReport> import_text(const std::string& text, std::vector<std::string> within = {}) {
    std::istringstream in(text);
    app::PostcodeImportOptions options;
    options.source = "test.csv";
    options.within = std::move(within);
    return app::import_postcodes(*t_.db, clock_, in, options);
  }
  Result<app::PostcodeImportReport> import_fixture(std::vector<std::string> within = {}) {
    std::ifstream in(kFixture, std::ios::binary);
    app::PostcodeImportOptions options;
    options.source = "ONSPD_TANDEM_DEMO.csv";
    options.within = std::move(within);
    return app::import_postcodes(*t_.db, clock_, in, options);
  }
  std::optional<GeoPoint> find(const std::string& postcode) {
    std::optional<GeoPoint> p;
    t_.db->read([&](store::Tx& tx) { p = store::find_postcode(tx, postcode); });
    return p;
  }
  std::int64_t count() {
    std::int64_t n = 0;
    t_.db->read([&](store::Tx& tx) { n = store::count_postcodes(tx); });
    return n;
  }
  testing::TestDatabase t_;
  FixedClock clock_;
};

TEST_F(Postcodes, TheFixtureImportsItsLivePostcodesAndCountsWhatItSkips) {
  auto r = import_fixture();
  ASSERT_TRUE(r) << r.error().first_message();
  EXPECT_EQ(r->rows, 138);
  EXPECT_EQ(r->terminated, 15);
  EXPECT_EQ(r->no_grid, 3);
  EXPECT_EQ(r->outside, 0);
  EXPECT_EQ(r->postcodes, 120);
  EXPECT_EQ(r->districts, 15);
  EXPECT_EQ(r->postcode_column, "pcds");
  EXPECT_EQ(count(), 120);
  auto p = find("QS1 1AA");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->latitude_e6, 53408000);
  EXPECT_EQ(p->longitude_e6, -2195000);
  // Each area's audit says what was imported and what skipped.
  std::vector<store::AuditEntryView> audit;
  t_.db->read([&](store::Tx& tx) { audit = store::query_audit(tx, {"area", "", "", 50, 0}); });
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.front().action, "postcodes.import");
  EXPECT_NE(audit.front().detail.find("15 terminated, 3 without a grid reference"), std::string::npos);
}

TEST_F(Postcodes, TerminatedAndUngriddedPostcodesAreSkippedNotRefused) {
  auto r = import_text(std::string(kHeader) + line("FY1 1AA", "", "53.817505", "-3.035675") +
                       line("FY1 1AB", "202103", "53.8175", "-3.0356") + line("JE2 3AB", "", "99.999999", "0.000000") +
                       line("IM1 1AA", "", "", ""));
  ASSERT_TRUE(r) << r.error().first_message();
  EXPECT_EQ(r->postcodes, 1);
  EXPECT_EQ(r->terminated, 1);
  EXPECT_EQ(r->no_grid, 2);
  EXPECT_TRUE(find("FY1 1AA"));
  EXPECT_FALSE(find("FY1 1AB"));
  EXPECT_FALSE(find("JE2 3AB"));
}

TEST_F(Postcodes, PostcodesAreKeptNormalisedWhicheverColumnHoldsThem) {
  // NSPL's names, another order, and only pcd (padded to seven characters).
  auto r = import_text(
      "lat,long,pcd,doterm,laua\n53.4,-2.2,B1  1BB,,E08000025\n53.5,-2.1,SW1A1AA,,E09000033\n"
      "53.6,-2.0,fy1 1aa,,E06000009\n");
  ASSERT_TRUE(r) << r.error().first_message();
  EXPECT_EQ(r->postcode_column, "pcd");
  EXPECT_TRUE(find("B1 1BB"));
  EXPECT_TRUE(find("SW1A 1AA"));
  EXPECT_TRUE(find("FY1 1AA"));
}

TEST_F(Postcodes, ABadRowIsNamedByLineColumnAndValueAndNothingChanges) {
  ASSERT_TRUE(import_fixture());
  auto r = import_text(std::string(kHeader) + line("FY1 1AA", "", "53.817505", "-3.035675") +
                       line("FY1 1AB", "", "153.8175", "-3.0356") + line("FY1 1AD", "", "53.8", "-12.5") +
                       line("NOT A PC", "", "53.8", "-3.0"));
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().fields.size(), 3u);
  EXPECT_EQ(r.error().fields[0].field, "lat");
  EXPECT_EQ(r.error().fields[0].message.rfind("line 3: lat \"153.8175\"", 0), 0u) << r.error().fields[0].message;
  EXPECT_EQ(r.error().fields[1].field, "long");
  EXPECT_EQ(r.error().fields[1].message.rfind("line 4: long \"-12.5\"", 0), 0u) << r.error().fields[1].message;
  EXPECT_EQ(r.error().fields[2].field, "pcds");
  EXPECT_EQ(r.error().fields[2].message.rfind("line 5: pcds \"NOT A PC\" is not a postcode", 0), 0u);
  EXPECT_EQ(count(), 120) << "the earlier import stands";
  EXPECT_FALSE(find("FY1 1AA"));
}

TEST_F(Postcodes, AFileMissingAColumnIsRefusedNamingIt) {
  ASSERT_TRUE(import_fixture());
  auto r = import_text("pcds,doterm,latitude,longitude\nFY1 1AA,,53.8,-3.0\n");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().fields.size(), 2u);
  EXPECT_EQ(r.error().fields[0].field, "lat");
  EXPECT_NE(r.error().fields[0].message.find("no lat column"), std::string::npos);
  EXPECT_EQ(r.error().fields[1].field, "long");
  EXPECT_EQ(count(), 120);
  auto empty = import_text("");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().first_field(), "file");
}

TEST_F(Postcodes, ReimportingReplacesTheData) {
  ASSERT_TRUE(import_fixture());
  auto r = import_text(std::string(kHeader) + line("FY1 1AA", "", "53.817505", "-3.035675"));
  ASSERT_TRUE(r);
  EXPECT_EQ(count(), 1);
  EXPECT_FALSE(find("QS1 1AA"));
  std::int64_t version = 0;
  t_.db->read([&](store::Tx& tx) { version = store::postcode_import_version(tx); });
  EXPECT_EQ(version, 2);
}

TEST_F(Postcodes, WithinKeepsOnlyTheNamedDistrictsPostcodes) {
  auto r = import_fixture({"E99999998"});
  ASSERT_TRUE(r) << r.error().first_message();
  EXPECT_EQ(r->postcodes, 6);
  EXPECT_EQ(r->terminated, 1);
  EXPECT_EQ(r->outside, 131);
  EXPECT_EQ(count(), 6);
  EXPECT_FALSE(find("QS1 1AA"));
  auto area = import_fixture({"E99999999"});
  ASSERT_TRUE(area);
  EXPECT_EQ(area->postcodes, 114);
  auto both = import_fixture({"E99999999", "E99999998"});
  ASSERT_TRUE(both);
  EXPECT_EQ(both->postcodes, 120);
  // A code the file does not have keeps nothing, so it is refused.
  auto none = import_fixture({"E06000009"});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().first_field(), "within");
  EXPECT_NE(none.error().first_message().find("oslaua"), std::string::npos);
  EXPECT_EQ(count(), 120);
  // Without the district's column --within cannot work.
  auto no_column = import_text("pcds,doterm,lat,long\nFY1 1AA,,53.8,-3.0\n", {"E06000009"});
  ASSERT_FALSE(no_column);
  EXPECT_EQ(no_column.error().first_field(), "oslaua");
}

TEST_F(Postcodes, ADistrictsCentreIsTheAverageOfItsPostcodes) {
  ASSERT_TRUE(import_text(std::string(kHeader) + line("FY1 1AA", "", "53.800000", "-3.000000") +
                          line("FY1 2AB", "", "53.810000", "-3.030000") +
                          line("FY1 3AD", "", "53.820001", "-3.060000") +
                          line("FY1 4AE", "201001", "54.000000", "-2.000000")));
  std::optional<GeoPoint> centre;
  t_.db->read([&](store::Tx& tx) { centre = store::find_district_centre(tx, "FY1"); });
  ASSERT_TRUE(centre);
  EXPECT_EQ(centre->latitude_e6, 53810000);  // (53800000 + 53810000 + 53820001) / 3, rounded
  EXPECT_EQ(centre->longitude_e6, -3030000);
}

TEST_F(Postcodes, TheLocalOfferMeasuresFromTheFullPostcodeThenTheDistrictThenItsOwnDistricts) {
  ASSERT_TRUE(import_text(std::string(kHeader) + line("FY1 1AA", "", "53.800000", "-3.000000") +
                          line("FY1 2AB", "", "53.820000", "-3.040000")));
  t_.db->write([&](store::Tx& tx) { store::upsert_postcode_district(tx, "area", "QS1", {53420000, -2180000}); });
  app::LocalOffer offer(*t_.db, clock_, "area");
  auto snapshot = offer.snapshot();
  ASSERT_TRUE(snapshot);
  struct Case {
    const char* postcode;
    std::optional<GeoPoint> want;  // none: refused
  };
  const Case cases[] = {
      {"FY1 1AA", GeoPoint{53800000, -3000000}},  // the postcode's own centre
      {"fy12ab", GeoPoint{53820000, -3040000}},
      {"FY1 9ZZ", GeoPoint{53810000, -3020000}},  // not in the file: its district's centre
      {"FY1", GeoPoint{53810000, -3020000}},
      {"QS1 4AB", GeoPoint{53420000, -2180000}},  // not imported: the directory's own district
      {"ZZ9 9ZZ", std::nullopt},                  // nowhere
  };
  for (const auto& c : cases) {
    auto centre = app::postcode_centre("postcode", c.postcode, *snapshot, &offer.postcodes());
    if (!c.want) {
      ASSERT_FALSE(centre) << c.postcode;
      EXPECT_NE(centre.error().first_message().find("it covers QS1"), std::string::npos);
      continue;
    }
    ASSERT_TRUE(centre) << c.postcode << ": " << centre.error().first_message();
    EXPECT_EQ(centre->latitude_e6, c.want->latitude_e6) << c.postcode;
    EXPECT_EQ(centre->longitude_e6, c.want->longitude_e6) << c.postcode;
  }
}

TEST_F(Postcodes, TheLookupForgetsWhatItRememberedOnceTheDataIsReimported) {
  ASSERT_TRUE(import_text(std::string(kHeader) + line("FY1 1AA", "", "53.800000", "-3.000000")));
  app::PostcodeLookup lookup(*t_.db, clock_, 2);
  EXPECT_EQ(lookup.centre("FY1 1AA")->latitude_e6, 53800000);
  EXPECT_FALSE(lookup.centre("FY2 2AA"));
  ASSERT_TRUE(import_text(std::string(kHeader) + line("FY1 1AA", "", "53.900000", "-3.000000") +
                          line("FY2 2AA", "", "53.700000", "-3.000000")));
  EXPECT_EQ(lookup.centre("FY1 1AA")->latitude_e6, 53800000) << "remembered for up to a second";
  clock_.now += app::kMicrosPerSecond;
  EXPECT_EQ(lookup.centre("FY1 1AA")->latitude_e6, 53900000);
  EXPECT_EQ(lookup.centre("FY2 2AA")->latitude_e6, 53700000);
  // Beyond its capacity the least recently searched is looked up again.
  EXPECT_TRUE(lookup.centre("FY1"));
  EXPECT_EQ(lookup.centre("FY1 1AA")->latitude_e6, 53900000);
}

TEST_F(Postcodes, AVenueSavedWithoutCoordinatesIsPlacedAtItsPostcode) {
  ASSERT_TRUE(import_fixture());
  app::SignedIn editor;
  editor.user_id = "u-editor";
  editor.area_id = "area";
  app::LocationForm form{"Hub", "", "1 Mill Lane", "", "Townley", "qs1 1aa", "", "", "Step-free", ""};
  auto id = app::create_location(*t_.db, clock_, nullptr, editor, form);
  ASSERT_TRUE(id) << id.error().first_message();
  form.postcode = "QS1 3XX";  // not in the directory: no coordinates
  auto unknown = app::create_location(*t_.db, clock_, nullptr, editor, form);
  ASSERT_TRUE(unknown);
  form.postcode = "QS1 1AA";
  form.latitude = "53.5";
  form.longitude = "-2.1";
  auto own = app::create_location(*t_.db, clock_, nullptr, editor, form);
  ASSERT_TRUE(own);
  Directory d;
  t_.db->read([&](store::Tx& tx) { d = store::load_directory(tx, "area"); });
  std::map<std::string, std::optional<GeoPoint>> points;
  for (const auto& l : d.locations) points[l.id] = l.point;
  ASSERT_TRUE(points[*id]);
  EXPECT_EQ(points[*id]->latitude_e6, 53408000);
  EXPECT_FALSE(points[*unknown]);
  ASSERT_TRUE(points[*own]);
  EXPECT_EQ(points[*own]->latitude_e6, 53500000) << "coordinates given are kept";
}

TEST_F(Postcodes, AVenueWithoutCoordinatesIsPlacedWhenItsPostcodeIsImported) {
  Location l;
  l.id = "1b000000-0000-4000-8000-000000000001";
  l.name = "Hub";
  l.postcode = "QS1 1AA";
  t_.db->write([&](store::Tx& tx) { store::insert_location(tx, "area", l); });
  std::int64_t before = 0, after = 0;
  t_.db->read([&](store::Tx& tx) { before = store::directory_version(tx, "area"); });
  auto r = import_fixture();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->venues_located, 1);
  Directory d;
  t_.db->read([&](store::Tx& tx) {
    d = store::load_directory(tx, "area");
    after = store::directory_version(tx, "area");
  });
  ASSERT_TRUE(d.locations.at(0).point);
  EXPECT_EQ(d.locations.at(0).point->latitude_e6, 53408000);
  EXPECT_GT(after, before) << "the Local Offer rebuilds with the venue's place";
}

}  // namespace
}  // namespace tandem

namespace tandem {
namespace {

// An import replaces the whole table; the demo's postcodes are made up. So a
// demo built in a database that already holds the ONS directory leaves it as
// it was, and one built in an empty database brings its own.
TEST(PostcodesAndTheDemo, TheDemoNeverReplacesPostcodesAlreadyImported) {
  for (const bool imported_first : {false, true}) {
    auto t = testing::open_test_database(imported_first ? "postcodes_demo_kept" : "postcodes_demo_own");
    FixedClock clock;
    if (imported_first) {
      std::istringstream in(std::string(kHeader) + line("FY1 1AA", "", "53.816", "-3.053") +
                            line("FY1 1AB", "", "53.817", "-3.052"));
      app::PostcodeImportOptions options;
      options.source = "ONSPD.csv";
      ASSERT_TRUE(app::import_postcodes(*t.db, clock, in, options).has_value());
    }
    app::DemoRequest request;
    request.plans = 50;
    request.services = 10;
    ASSERT_TRUE(app::build_demo_area(*t.db, clock, request).has_value());
    std::int64_t held = 0;
    std::optional<GeoPoint> fylde;
    t.db->read([&](store::Tx& tx) {
      held = store::count_postcodes(tx);
      fylde = store::find_postcode(tx, "FY1 1AA");
    });
    if (imported_first) {
      EXPECT_EQ(held, 2) << "the imported directory is kept whole";
      EXPECT_TRUE(fylde.has_value());
    } else {
      EXPECT_GT(held, 50) << "the demo brings its own postcodes";
    }
  }
}

}  // namespace
}  // namespace tandem

namespace tandem {
namespace {

// Served without --local-offer-area, the Local Offer is the only area's; a
// family's first request after a restart (feedback, or asking for provision)
// needs that area before anyone has searched the directory.
TEST(LocalOfferArea, TheOnlyAreaIsKnownBeforeTheDirectoryIsFirstSearched) {
  auto t = testing::open_test_database("local_offer_area");
  FixedClock clock;
  t.db->write([&](store::Tx& tx) { store::upsert_area(tx, {"only", "Only area", "999"}); });
  app::LocalOffer offer(*t.db, clock, "");
  EXPECT_EQ(offer.area_id(), "only");
  app::LocalOffer named(*t.db, clock, "named");
  EXPECT_EQ(named.area_id(), "named");
}

}  // namespace
}  // namespace tandem
