#include "store/directory.h"

#include <gtest/gtest.h>

#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

constexpr const char* kOrg = "0a000000-0000-4000-8000-000000000001";
constexpr const char* kLoc = "0b000000-0000-4000-8000-000000000001";
constexpr const char* kTax = "0c000000-0000-4000-8000-000000000001";
constexpr const char* kTerm = "0d000000-0000-4000-8000-000000000001";
constexpr const char* kService = "0e000000-0000-4000-8000-000000000001";

Service speech_therapy() {
  Service s;
  s.id = kService;
  s.organisation_id = kOrg;
  s.name = "Talking Together drop-in";
  s.description = "Speech and language advice for families";
  s.url = "https://example.org/talk";
  s.email = "talk@example.org";
  s.level = ServiceLevel::specialist;
  s.how_to_access = "Drop in, no referral needed";
  s.minimum_age = 2;
  s.maximum_age = 11;
  s.last_checked_on = make_date(2026, 1, 10);
  s.review_due_on = make_date(2026, 7, 10);
  s.updated_at = 42;
  s.term_ids = {kTerm};
  s.locations = {{"0f000000-0000-4000-8000-000000000001", kLoc}};
  s.schedules = {{"10000000-0000-4000-8000-000000000001", "", "MO,WE", "09:30", "12:00", "Term time only"}};
  s.contacts = {
      {"11000000-0000-4000-8000-000000000001", "Ana Reyes", "Lead therapist", "ana@example.org", "0100 000 0000"}};
  s.costs = {{"12000000-0000-4000-8000-000000000001", "Session", std::nullopt, "Free"},
             {"12000000-0000-4000-8000-000000000002", "Home visit", Pence(1500), "Per visit", "EUR"}};
  return s;
}

class DirectoryStore : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("directory");
    t_.db->write([&](store::Tx& tx) {
      store::upsert_area(tx, {"area", "Test area", "999"});
      store::upsert_area(tx, {"other", "Other area", "998"});
      store::insert_organisation(tx, "area", {kOrg, "Little Voices CIC", "A community interest company", "", ""}, 1);
      store::insert_location(
          tx, "area",
          {kLoc, "Hub", "", "1 High Street", "Townley", "QS1 1AA", GeoPoint{53400000, -2150000}, "Step-free access"});
      store::insert_taxonomy(tx, "area", {kTax, "SEND needs", "DfE primary needs", "", "2025"});
      store::insert_taxonomy_term(tx, "area", {kTerm, kTax, "SLCN", "Speech, language and communication", "", ""});
      store::insert_service(tx, "area", speech_therapy());
      store::bump_directory_version(tx, "area");
    });
  }
  testing::TestDatabase t_;
};

TEST_F(DirectoryStore, AServiceReadsBackWithEverythingItHolds) {
  Directory d;
  t_.db->read([&](store::Tx& tx) { d = store::load_directory(tx, "area"); });
  ASSERT_EQ(d.services.size(), 1u);
  const Service& s = d.services.front();
  EXPECT_EQ(s.name, "Talking Together drop-in");
  EXPECT_EQ(s.level, ServiceLevel::specialist);
  EXPECT_EQ(s.maximum_age, 11);
  EXPECT_EQ(s.review_due_on, make_date(2026, 7, 10));
  EXPECT_EQ(s.term_ids, std::vector<std::string>{kTerm});
  ASSERT_EQ(s.schedules.size(), 1u);
  EXPECT_EQ(s.schedules[0].byday, "MO,WE");
  ASSERT_EQ(s.costs.size(), 2u);
  EXPECT_FALSE(s.costs[0].amount.has_value());
  EXPECT_EQ(s.costs[1].amount->value, 1500);
  EXPECT_EQ(s.costs[0].currency, "GBP");
  EXPECT_EQ(s.costs[1].currency, "EUR");
  EXPECT_FALSE(s.free());
  ASSERT_EQ(d.locations.size(), 1u);
  EXPECT_EQ(d.locations[0].point->longitude_e6, -2150000);
  EXPECT_EQ(d.terms.at(0).code, "SLCN");
  EXPECT_EQ(d.organisations.at(0).name, "Little Voices CIC");
}

TEST_F(DirectoryStore, AnotherAreaSeesNothing) {
  Directory d;
  t_.db->read([&](store::Tx& tx) { d = store::load_directory(tx, "other"); });
  EXPECT_TRUE(d.services.empty());
  EXPECT_TRUE(d.organisations.empty());
}

TEST_F(DirectoryStore, AnUpdateReplacesTheServiceOnlyAtTheVersionRead) {
  Service s = speech_therapy();
  s.name = "Talking Together";
  s.maximum_age.reset();
  s.costs.pop_back();
  s.version = 2;
  bool first = false, stale = true;
  t_.db->write([&](store::Tx& tx) {
    first = store::update_service(tx, "area", s, 1);
    stale = store::update_service(tx, "area", s, 1);
  });
  EXPECT_TRUE(first);
  EXPECT_FALSE(stale);
  Directory d;
  t_.db->read([&](store::Tx& tx) { d = store::load_directory(tx, "area"); });
  EXPECT_EQ(d.services.at(0).name, "Talking Together");
  EXPECT_FALSE(d.services.at(0).maximum_age.has_value());
  EXPECT_TRUE(d.services.at(0).free());
  EXPECT_EQ(d.services.at(0).version, 2);
}

TEST_F(DirectoryStore, DeletingTheDirectoryBumpsItsVersionAndLeavesOtherAreas) {
  std::int64_t before = 0, after = 0;
  t_.db->write([&](store::Tx& tx) {
    store::upsert_postcode_district(tx, "area", "QS1", {53400000, -2150000});
    before = store::directory_version(tx, "area");
    store::delete_directory(tx, "area");
    after = store::directory_version(tx, "area");
  });
  EXPECT_EQ(before, 1);
  EXPECT_EQ(after, 2);
  t_.db->read([&](store::Tx& tx) {
    EXPECT_TRUE(store::load_directory(tx, "area").services.empty());
    EXPECT_TRUE(store::postcode_districts(tx, "area").empty());
    EXPECT_EQ(store::directory_version(tx, "other"), 0);
  });
}

TEST_F(DirectoryStore, PostcodeDistrictsAreKeptPerArea) {
  t_.db->write([&](store::Tx& tx) {
    store::upsert_postcode_district(tx, "area", "QS1", {53400000, -2150000});
    store::upsert_postcode_district(tx, "area", "QS1", {53410000, -2160000});
  });
  t_.db->read([&](store::Tx& tx) {
    auto d = store::postcode_districts(tx, "area");
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d.at("QS1").latitude_e6, 53410000);
    EXPECT_TRUE(store::postcode_districts(tx, "other").empty());
  });
}

}  // namespace
}  // namespace tandem

namespace tandem {
namespace {

TEST_F(DirectoryStore, StaffEditsToOrganisationsVenuesAndTermsSaveOnlyAtTheVersionRead) {
  Directory d;
  t_.db->read([&](store::Tx& tx) { d = store::load_directory(tx, "area"); });
  Organisation o = d.organisations.at(0);
  EXPECT_EQ(o.version, 1);
  o.charity_number = "1123456";
  o.company_number = "SC123456";
  o.logo = "https://example.org/logo.png";
  o.version = 2;
  Location l = d.locations.at(0);
  l.address_2 = "Round the back";
  l.point.reset();
  l.version = 2;
  TaxonomyTerm t = d.terms.at(0);
  t.name = "Speech and language";
  t.version = 2;
  bool stale = true, fresh = false;
  t_.db->write([&](store::Tx& tx) {
    stale = store::update_organisation(tx, "area", o, 5, 7) || store::update_location(tx, "area", l, 5) ||
            store::update_taxonomy_term(tx, "area", t, 5) || store::update_organisation(tx, "other", o, 1, 7);
    fresh = store::update_organisation(tx, "area", o, 1, 7) && store::update_location(tx, "area", l, 1) &&
            store::update_taxonomy_term(tx, "area", t, 1);
  });
  EXPECT_FALSE(stale);
  EXPECT_TRUE(fresh);
  t_.db->read([&](store::Tx& tx) { d = store::load_directory(tx, "area"); });
  EXPECT_EQ(d.organisations.at(0).charity_number, "1123456");
  EXPECT_EQ(d.organisations.at(0).company_number, "SC123456");
  EXPECT_EQ(d.organisations.at(0).logo, "https://example.org/logo.png");
  EXPECT_EQ(d.organisations.at(0).version, 2);
  EXPECT_EQ(d.locations.at(0).address_2, "Round the back");
  EXPECT_FALSE(d.locations.at(0).point.has_value());
  EXPECT_EQ(d.locations.at(0).version, 2);
  EXPECT_EQ(d.terms.at(0).name, "Speech and language");
  EXPECT_EQ(d.terms.at(0).version, 2);
}

TEST_F(DirectoryStore, AVenueIsRemovedOnlyWhenUnusedAndAtTheVersionRead) {
  constexpr const char* kSpare = "0b000000-0000-4000-8000-000000000002";
  bool in_use = true, stale = true, other_area = true, removed = false;
  t_.db->write([&](store::Tx& tx) {
    store::insert_location(tx, "area", {kSpare, "Spare room", "", "2 High Street", "Townley", "QS1 1AB", {}, ""});
    in_use = store::delete_unused_location(tx, "area", kLoc, 1);
    stale = store::delete_unused_location(tx, "area", kSpare, 2);
    other_area = store::delete_unused_location(tx, "other", kSpare, 1);
    removed = store::delete_unused_location(tx, "area", kSpare, 1);
  });
  EXPECT_FALSE(in_use);
  EXPECT_FALSE(stale);
  EXPECT_FALSE(other_area);
  EXPECT_TRUE(removed);
  Directory d;
  t_.db->read([&](store::Tx& tx) { d = store::load_directory(tx, "area"); });
  ASSERT_EQ(d.locations.size(), 1u);
  EXPECT_EQ(d.locations[0].id, kLoc);
}

TEST_F(DirectoryStore, OpeningTimesKeepTheDatesTheyHoldBetween) {
  Directory d;
  t_.db->read([&](store::Tx& tx) { d = store::load_directory(tx, "area"); });
  Service s = d.services.at(0);
  s.schedules.push_back({"10000000-0000-4000-8000-000000000002", s.locations.at(0).id, "SA", "10:00", "12:00",
                         "Summer holiday club", make_date(2026, 7, 22), make_date(2026, 8, 31)});
  s.version = 2;
  bool saved = false;
  t_.db->write([&](store::Tx& tx) { saved = store::update_service(tx, "area", s, 1); });
  ASSERT_TRUE(saved);
  t_.db->read([&](store::Tx& tx) { d = store::load_directory(tx, "area"); });
  ASSERT_EQ(d.services.at(0).schedules.size(), 2u);
  const Schedule& summer = d.services.at(0).schedules.at(1);
  EXPECT_EQ(summer.valid_from, make_date(2026, 7, 22));
  EXPECT_EQ(summer.valid_to, make_date(2026, 8, 31));
  EXPECT_EQ(summer.service_at_location_id, s.locations.at(0).id);
  EXPECT_FALSE(d.services.at(0).schedules.at(0).valid_from.has_value()) << "open-ended times stay open-ended";
}

}  // namespace
}  // namespace tandem
