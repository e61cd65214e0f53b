#include "store/children.h"

#include <gtest/gtest.h>

#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

Child make_child(const std::string& id, const std::string& given, const std::string& family) {
  Child c;
  c.id = id;
  c.area_id = "area";
  c.given_name = given;
  c.family_name = family;
  c.date_of_birth = make_date(2014, 9, 1);
  c.sex = "F";
  c.upn = "A123456789012";
  c.nhs_number = "9990000018";
  c.postcode = "QA1 1AA";
  c.primary_need = "SLCN";
  c.plan_status = PlanStatus::ehc_plan;
  c.setting_name = "Oakfield Primary School";
  return c;
}

class Register : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("register");
    t_.db->write([&](store::Tx& tx) {
      store::upsert_area(tx, {"area", "Test area", "999"});
      store::insert_child(tx, make_child("c-1", "Amara", "Okonkwo"), 1);
      store::insert_child(tx, make_child("c-2", "Amir", "Oakes"), 1);
      store::insert_child(tx, make_child("c-3", "Beth", "Okonkwo"), 1);
      CaseInvolvement edu{"i-1", Agency::council_education, "", "", "", make_date(2020, 1, 1), std::nullopt};
      CaseInvolvement icb{"i-2", Agency::icb, "", "", "", make_date(2020, 1, 1), std::nullopt};
      CaseInvolvement ended{
          "i-3", Agency::council_social_care, "", "", "", make_date(2020, 1, 1), make_date(2021, 1, 1)};
      store::insert_involvement(tx, "area", "c-1", edu);
      edu.id = "i-4";
      store::insert_involvement(tx, "area", "c-2", edu);
      store::insert_involvement(tx, "area", "c-3", icb);
      store::insert_involvement(tx, "area", "c-3", ended);
    });
  }
  std::vector<std::string> ids(const std::string& agency, std::vector<std::string> tokens) {
    store::RegisterQuery q;
    q.area_id = "area";
    q.viewer = {"u-1", agency, true};
    q.tokens = std::move(tokens);
    std::vector<std::string> out;
    t_.db->read([&](store::Tx& tx) {
      for (const auto& r : store::search_register(tx, q)) out.push_back(r.id);
      EXPECT_EQ(store::count_register(tx, q, 1000), static_cast<int>(out.size()));
      EXPECT_EQ(store::count_register(tx, q, 1), std::min<int>(2, static_cast<int>(out.size()))) << "capped at 1 + 1";
    });
    return out;
  }
  testing::TestDatabase t_;
};

TEST_F(Register, SearchMatchesPrefixesOfEveryWordAndOnlyInvolvedChildren) {
  EXPECT_EQ(ids("council_education", {"am"}), (std::vector<std::string>{"c-2", "c-1"})) << "Oakes sorts first";
  EXPECT_EQ(ids("council_education", {"am", "okon"}), (std::vector<std::string>{"c-1"}));
  EXPECT_EQ(ids("council_education", {"okonkwo"}), (std::vector<std::string>{"c-1"})) << "c-3 is ICB-only";
  EXPECT_EQ(ids("icb", {"okonkwo"}), (std::vector<std::string>{"c-3"}));
  EXPECT_TRUE(ids("council_social_care", {}).empty()) << "an ended involvement gives no access";
  EXPECT_EQ(ids("council_education", {"2014-09-01"}).size(), 2u) << "date of birth";
  EXPECT_EQ(ids("council_education", {"qa11aa"}).size(), 2u) << "postcode without its space";
}

TEST_F(Register, AStaleVersionUpdatesNothing) {
  t_.db->write([&](store::Tx& tx) {
    auto c = *store::find_child(tx, "area", "c-1");
    EXPECT_EQ(c.version, 1);
    c.family_name = "Changed";
    EXPECT_TRUE(store::update_child(tx, c, 2));
    c.family_name = "Stale";
    EXPECT_FALSE(store::update_child(tx, c, 3)) << "version 1 is no longer current";
  });
  t_.db->read([&](store::Tx& tx) {
    const auto c = store::find_child(tx, "area", "c-1");
    EXPECT_EQ(c->family_name, "Changed");
    EXPECT_EQ(c->version, 2);
    EXPECT_FALSE(store::find_child(tx, "other-area", "c-1")) << "ids never cross areas";
  });
  EXPECT_EQ(ids("council_education", {"changed"}), (std::vector<std::string>{"c-1"})) << "tokens follow the edit";
}

TEST_F(Register, DuplicateIdsAreConflictsAndRollBackTheWholeTransaction) {
  EXPECT_THROW(t_.db->write([&](store::Tx& tx) {
    store::insert_child(tx, make_child("c-9", "New", "Person"), 1);
    store::insert_child(tx, make_child("c-1", "Dup", "Licate"), 1);
  }),
               store::ConflictError);
  t_.db->read([&](store::Tx& tx) { EXPECT_FALSE(store::find_child(tx, "area", "c-9")); });
}

}  // namespace
}  // namespace tandem

namespace tandem {
namespace {

TEST_F(Register, OnePassGivesThePageAndTheCappedCount) {
  store::RegisterQuery q;
  q.area_id = "area";
  q.viewer = {"u-1", "council_education", true};
  q.limit = 1;
  q.offset = 1;
  t_.db->read([&](store::Tx& tx) {
    const auto r = store::search_register_counted(tx, q, 1000);
    EXPECT_EQ(r.matches, 2);
    ASSERT_EQ(r.rows.size(), 1u);
    EXPECT_EQ(r.rows[0].id, "c-1") << "second in name order: Oakes, then Okonkwo";
    EXPECT_EQ(store::search_register_counted(tx, q, 1).matches, 2) << "cap 1 reads at most 2";
  });
}

}  // namespace
}  // namespace tandem
