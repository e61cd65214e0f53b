#include "store/directory_removals.h"

#include <gtest/gtest.h>

#include <functional>

#include "store/children.h"
#include "store/detail/tx.h"
#include "store/directory.h"
#include "store/people.h"
#include "store/plans.h"
#include "test_database.h"

namespace tandem {
namespace {

using soci::use;

constexpr const char* kOrg = "0a000000-0000-4000-8000-000000000001";
constexpr const char* kSpareOrg = "0a000000-0000-4000-8000-000000000002";
constexpr const char* kLoc = "0b000000-0000-4000-8000-000000000001";
constexpr const char* kTax = "0c000000-0000-4000-8000-000000000001";
constexpr const char* kTerm = "0d000000-0000-4000-8000-000000000001";
constexpr const char* kBroad = "0d000000-0000-4000-8000-000000000002";
constexpr const char* kNarrow = "0d000000-0000-4000-8000-000000000003";
constexpr const char* kService = "0e000000-0000-4000-8000-000000000001";

Service swimming() {
  Service s;
  s.id = kService;
  s.organisation_id = kOrg;
  s.name = "Splash sessions";
  s.description = "Quiet swimming sessions";
  s.how_to_access = "Book online";
  s.last_checked_on = make_date(2026, 1, 10);
  s.review_due_on = make_date(2026, 7, 10);
  s.term_ids = {kTerm};
  s.locations = {{"0f000000-0000-4000-8000-000000000001", kLoc}};
  s.schedules = {{"10000000-0000-4000-8000-000000000001", "", "SA", "09:00", "10:00", ""}};
  s.contacts = {{"11000000-0000-4000-8000-000000000001", "Pool desk", "", "pool@example.org", ""}};
  s.costs = {{"12000000-0000-4000-8000-000000000001", "Session", Pence(300), "per swim"}};
  return s;
}

class DirectoryRemovals : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("directory_removals");
    t_.db->write([&](store::Tx& tx) {
      store::upsert_area(tx, {"area", "Test area", "999"});
      store::insert_organisation(tx, "area", {kOrg, "Leisure Trust", "", "", ""}, 1);
      store::insert_organisation(tx, "area", {kSpareOrg, "Old Friends Group", "", "", ""}, 1);
      store::insert_location(tx, "area", {kLoc, "Pool", "", "1 Baths Road", "Townley", "QS1 1AA", {}, ""});
      store::insert_taxonomy(tx, "area", {kTax, "Service types", "", "", "1"});
      store::insert_taxonomy_term(tx, "area", {kTerm, kTax, "SWIM", "Swimming", "", ""});
      store::insert_taxonomy_term(tx, "area", {kBroad, kTax, "LEIS", "Leisure", "", ""});
      store::insert_taxonomy_term(tx, "area", {kNarrow, kTax, "CLIMB", "Climbing", "", kBroad});
      store::insert_service(tx, "area", swimming());
    });
  }
  std::vector<std::string> references() {
    std::vector<std::string> out;
    t_.db->read([&](store::Tx& tx) { out = store::service_references(tx, "area", kService); });
    return out;
  }
  testing::TestDatabase t_;
};

TEST_F(DirectoryRemovals, AServiceNothingRefersToIsDeletedWithItsPartsOnlyAtTheVersionRead) {
  EXPECT_TRUE(references().empty());
  bool stale = true, removed = false;
  t_.db->write([&](store::Tx& tx) {
    stale = store::delete_service(tx, "area", kService, 2);
    removed = store::delete_service(tx, "area", kService, 1);
  });
  EXPECT_FALSE(stale);
  EXPECT_TRUE(removed);
  Directory d;
  t_.db->read([&](store::Tx& tx) { d = store::load_directory(tx, "area"); });
  EXPECT_TRUE(d.services.empty());
  // Its venue and term stay, and are now unused.
  EXPECT_EQ(d.locations.size(), 1u);
  bool venue_gone = false;
  t_.db->write([&](store::Tx& tx) { venue_gone = store::delete_unused_location(tx, "area", kLoc, 1); });
  EXPECT_TRUE(venue_gone);
}

// Each record that refers to a service keeps its history, so the service is
// named as referred to (and the app withdraws rather than deletes it).
TEST_F(DirectoryRemovals, EveryRecordThatRefersToAServiceIsNamed) {
  const std::string id = kService;
  struct Case {
    const char* what;
    std::function<void(store::Tx&)> refer;
    const char* named;
  };
  const Case cases[] = {
      {"families' feedback",
       [&](store::Tx& tx) {
         tx.sql << "INSERT INTO feedback (id, area_id, service_id, received_on, received_at, given_by, comment, "
                   "contact, submitted_by, status, category, need_code, you_said, we_did, published_on, version, "
                   "updated_at) VALUES ('f-1', 'area', :s, '2026-02-01', 1, 'parent', 'Lovely', '', '', 'new', "
                   "'praise', '', '', '', NULL, 1, 1)",
             use(id);
       },
       "1 piece of families' feedback"},
      {"a request for provision",
       [&](store::Tx& tx) {
         tx.sql << "INSERT INTO provision_requests (id, area_id, received_on, received_at, source, requested_by, "
                   "child_id, provision, provider, reason, need_code, age, contact, stage, decision, "
                   "decision_reasons, decided_by, decided_on, service_id, version, updated_at) VALUES ('r-1', "
                   "'area', '2026-02-01', 1, 'family', 'parent', '', 'Swimming', '', 'None near', '', NULL, '', "
                   "'decided', 'add_to_offer', 'Gap', 'u-1', '2026-02-10', :s, 1, 1)",
             use(id);
       },
       "1 request for provision"},
      {"a contract",
       [&](store::Tx& tx) {
         tx.sql << "INSERT INTO contract_providers (id, area_id, name, organisation_id) VALUES ('p-1', 'area', "
                   "'Leisure Trust', '')";
         tx.sql << "INSERT INTO contracts (id, area_id, provider_id, reference, title, type, stage, value_pence, "
                   "start_on, end_on, version, updated_at) VALUES ('c-1', 'area', 'p-1', 'C-0007', 'Short breaks', "
                   "'block', 'live', 100, '2026-01-01', '2027-01-01', 1, 1)";
         tx.sql << "INSERT INTO contract_deliveries (contract_id, area_id, kind, position, value) VALUES ('c-1', "
                   "'area', 'service', 0, :s)",
             use(id);
       },
       "contract C-0007 Short breaks"},
      {"commissioning evidence",
       [&](store::Tx& tx) {
         tx.sql << "INSERT INTO commissioning_activities (id, area_id, title, kind, level, budget_pence, stage, "
                   "stage_due_on, contract_id, version, updated_at) VALUES ('ca-1', 'area', 'Leisure review', "
                   "'review', 'area', 0, 'review', '2026-06-01', '', 1, 1)";
         const std::string url = "/local-offer/services/" + id;
         tx.sql << "INSERT INTO commissioning_evidence (id, activity_id, area_id, stage, need_id, title, url, "
                   "contract_id, added_by, at) VALUES ('e-1', 'ca-1', 'area', 'review', '', 'Usage', :u, '', "
                   "'u-1', 1)",
             use(url);
       },
       "1 commissioning activity's evidence"},
      {"an EHC plan's provision line",
       [&](store::Tx& tx) {
         Child c;
         c.id = "c-1";
         c.area_id = "area";
         c.given_name = "Sam";
         c.family_name = "Swimmer";
         c.date_of_birth = make_date(2015, 1, 15);
         c.sex = "F";
         c.plan_status = PlanStatus::ehc_plan;
         store::insert_child(tx, c, 1);
         Plan p;
         p.id = "plan-1";
         p.child_id = "c-1";
         ProvisionLine line;
         line.id = "l-1";
         line.what = "Weekly swimming";
         line.provider = {"Leisure Trust", id};
         p.provision.push_back(line);
         store::save_plan(tx, "area", p, 0, {}, "u-1", 1);
       },
       "1 EHC plan's provision"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    SetUp();
    t_.db->write([&](store::Tx& tx) { c.refer(tx); });
    const auto named = references();
    ASSERT_EQ(named.size(), 1u);
    EXPECT_EQ(named[0], c.named);
  }
}

TEST_F(DirectoryRemovals, AWithdrawnServiceKeepsTheDayItStopped) {
  Service s = swimming();
  s.status = std::string(kWithdrawnStatus);
  s.withdrawn_on = make_date(2026, 3, 31);
  s.version = 2;
  bool saved = false;
  t_.db->write([&](store::Tx& tx) { saved = store::update_service(tx, "area", s, 1); });
  ASSERT_TRUE(saved);
  Directory d;
  t_.db->read([&](store::Tx& tx) { d = store::load_directory(tx, "area"); });
  ASSERT_EQ(d.services.size(), 1u);
  EXPECT_TRUE(d.services[0].withdrawn());
  EXPECT_EQ(d.services[0].withdrawn_on, make_date(2026, 3, 31));
}

TEST_F(DirectoryRemovals, AnOrganisationGoesOnlyWhenItRunsNothingAndNoProviderIsIt) {
  bool runs_a_service = true, stale = true, is_a_provider = true, removed = false;
  std::vector<std::string> providers;
  const std::string spare = kSpareOrg;
  t_.db->write([&](store::Tx& tx) {
    runs_a_service = store::delete_unused_organisation(tx, "area", kOrg, 1);
    stale = store::delete_unused_organisation(tx, "area", kSpareOrg, 2);
    tx.sql << "INSERT INTO contract_providers (id, area_id, name, organisation_id) VALUES ('p-1', 'area', 'Friends', "
              ":o)",
        use(spare);
    providers = store::organisation_providers(tx, "area", kSpareOrg);
    is_a_provider = store::delete_unused_organisation(tx, "area", kSpareOrg, 1);
    tx.sql << "DELETE FROM contract_providers WHERE id = 'p-1'";
    removed = store::delete_unused_organisation(tx, "area", kSpareOrg, 1);
  });
  EXPECT_FALSE(runs_a_service);
  EXPECT_FALSE(stale);
  EXPECT_EQ(providers, std::vector<std::string>{"Friends"});
  EXPECT_FALSE(is_a_provider);
  EXPECT_TRUE(removed);
}

TEST_F(DirectoryRemovals, ATermGoesOnlyWhenNoServiceUsesItAndNoTermSitsUnderIt) {
  bool used = true, has_narrower = true, stale = true, narrow = false, broad = false;
  t_.db->write([&](store::Tx& tx) {
    used = store::delete_unused_term(tx, "area", kTerm, 1);
    has_narrower = store::delete_unused_term(tx, "area", kBroad, 1);
    stale = store::delete_unused_term(tx, "area", kNarrow, 2);
    narrow = store::delete_unused_term(tx, "area", kNarrow, 1);
    broad = store::delete_unused_term(tx, "area", kBroad, 1);
  });
  EXPECT_FALSE(used);
  EXPECT_FALSE(has_narrower);
  EXPECT_FALSE(stale);
  EXPECT_TRUE(narrow);
  EXPECT_TRUE(broad);
}

}  // namespace
}  // namespace tandem
