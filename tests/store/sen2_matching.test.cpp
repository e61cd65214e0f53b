// How a SEN2 import knows a person already in Tandem (domain.md section 7:
// match by UPN, else by name and date of birth), read once from the area on
// both engines; and the per-person records an import rewrites in batches.
#include "app/sen2_matching.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "store/children.h"
#include "store/people.h"
#include "store/sen2.h"
#include "test_database.h"

namespace tandem {
namespace {

Child child(const std::string& id, const std::string& area, const std::string& family, const std::string& given,
            Date born, const std::string& upn) {
  Child c;
  c.id = id;
  c.area_id = area;
  c.family_name = family;
  c.given_name = given;
  c.date_of_birth = born;
  c.upn = upn;
  c.sex = "F";
  c.plan_status = PlanStatus::ehc_plan;
  return c;
}

class Sen2Matching : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("sen2_matching");
    t_.db->write([&](store::Tx& tx) {
      store::upsert_area(tx, {"area", "Test area", "999"});
      store::upsert_area(tx, {"other", "Other area", "998"});
      const Date born = make_date(2016, 4, 12);
      store::insert_child(tx, child("c-3", "area", "Ames", "Ola", born, "A123456789012"), 1);
      store::insert_child(tx, child("c-1", "area", "Ames", "Ola", born, ""), 1);
      store::insert_child(tx, child("c-2", "area", "Ames", "Ola", born, "B123456789012"), 1);
      store::insert_child(tx, child("c-4", "area", "Bell", "Kit", make_date(2015, 1, 2), "A123456789012"), 1);
      store::insert_child(tx, child("c-5", "area", "Ames", "Oli", born, ""), 1);
      // Another council's children are never a match.
      store::insert_child(tx, child("x-1", "other", "Ames", "Ola", born, ""), 1);
      store::insert_child(tx, child("x-2", "other", "Cole", "Sam", born, "C123456789012"), 1);
    });
    t_.db->read([&](store::Tx& tx) { keys_ = store::child_keys(tx, "area"); });
  }
  testing::TestDatabase t_;
  std::vector<store::ChildKey> keys_;
};

TEST_F(Sen2Matching, TheAreasChildrenAreReadWithWhatAPersonIsMatchedOn) {
  ASSERT_EQ(keys_.size(), 5u);
  const auto c4 = std::find_if(keys_.begin(), keys_.end(), [](const auto& k) { return k.id == "c-4"; });
  ASSERT_NE(c4, keys_.end());
  EXPECT_EQ(c4->upn, "A123456789012");
  EXPECT_EQ(c4->family_name, "Bell");
  EXPECT_EQ(c4->given_name, "Kit");
  EXPECT_EQ(c4->date_of_birth, make_date(2015, 1, 2));
}

TEST_F(Sen2Matching, ByUpnEveryChildWithItInIdOrder) {
  const app::Sen2Matcher m(keys_);
  struct Case {
    const char* why;
    std::string upn;
    std::vector<std::string> ids;
  };
  const std::vector<Case> cases = {
      {"one child has the UPN", "B123456789012", {"c-2"}},
      {"two children share it (merge them first): both, in id order", "A123456789012", {"c-3", "c-4"}},
      {"no child has it", "D123456789012", {}},
      {"another council's child is not found", "C123456789012", {}},
      {"no UPN matches nobody, not the children without one", "", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(m.by_upn(c.upn), c.ids) << c.why;
}

TEST_F(Sen2Matching, ByNameAndBirthAmongChildrenWithNoUpnOrTheSameOne) {
  const app::Sen2Matcher m(keys_);
  const Date born = make_date(2016, 4, 12);
  struct Case {
    const char* why;
    std::string family, given;
    Date born;
    std::string upn;
    std::vector<std::string> ids;
  };
  const std::vector<Case> cases = {
      {"the person has no UPN: every child with the name and birthday", "Ames", "Ola", born, "", {"c-1", "c-2", "c-3"}},
      {"names in any case", "AMES", "ola", born, "", {"c-1", "c-2", "c-3"}},
      {"with a UPN: the children without one or with the same", "Ames", "Ola", born, "B123456789012", {"c-1", "c-2"}},
      {"a UPN no child has: only the child without one", "Ames", "Ola", born, "E123456789012", {"c-1"}},
      {"another forename is another child", "Ames", "Olu", born, "", {}},
      {"another birthday is another child", "Ames", "Ola", make_date(2016, 4, 13), "", {}},
      {"a name that is only the start of another is not it", "Ame", "Ola", born, "", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(m.by_name_and_birth(c.family, c.given, c.born, c.upn), c.ids) << c.why;
}

TEST_F(Sen2Matching, ImportedPeopleAreSavedAgainInPlaceAndTheirDerivedViewWrittenInBatches) {
  // More people than one batch holds, so the last batch is a part one.
  const std::size_t people = store::kSen2DerivedBatch + 7;
  t_.db->write([&](store::Tx& tx) {
    store::insert_sen2_import(tx, {"si-1", "area", "return.xml", 2026, 1, 1, 0, 0, 0, "u-1", 100});
    for (std::size_t i = 0; i < people; ++i) {
      const std::string id = "n-" + std::to_string(i);
      store::insert_child(tx, child(id, "area", "New", "Person" + std::to_string(i), make_date(2017, 1, 1), ""), 1);
      store::save_sen2_person(tx, "area", id, {"{\"first\":1}", ""}, "si-1", 100);
    }
    // Saved again (a nightly re-run): one row, the newer one.
    store::save_sen2_person(tx, "area", "n-0", {"{\"second\":2}", ""}, "si-1", 200);
    std::vector<std::pair<std::string, std::string>> derived;
    for (std::size_t i = 0; i < people; ++i)
      derived.emplace_back("n-" + std::to_string(i), "{\"d\":" + std::to_string(i) + "}");
    store::set_sen2_derived(tx, derived);
  });
  t_.db->read([&](store::Tx& tx) {
    const auto first = store::find_sen2_person(tx, "area", "n-0");
    ASSERT_TRUE(first);
    EXPECT_EQ(first->person_json, "{\"second\":2}");
    EXPECT_EQ(first->derived_json, "{\"d\":0}");
    const auto last = store::find_sen2_person(tx, "area", "n-" + std::to_string(people - 1));
    ASSERT_TRUE(last);
    EXPECT_EQ(last->person_json, "{\"first\":1}");
    EXPECT_EQ(last->derived_json, "{\"d\":" + std::to_string(people - 1) + "}");
    EXPECT_EQ(store::load_sen2_area(tx, "area").stored.size(), people);
  });
}

}  // namespace
}  // namespace tandem
