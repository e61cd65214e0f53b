// The register search from cached candidates gives what the SQL search gives,
// for every viewer and filter, and the cache shows writes as it promises.
#include "app/register_cache.h"

#include <gtest/gtest.h>

#include "store/children.h"
#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

constexpr const char* kGiven[] = {"Amara", "Amir", "Beth", "Bea", "Cai", "Ola", "Olu", "Ann"};
constexpr const char* kFamily[] = {"Okonkwo", "Oakes", "Okafor", "Amos", "Oak", "Bell"};

Child make_child(int n) {
  Child c;
  c.id = "c-" + std::to_string(100 + n);
  c.area_id = "area";
  c.given_name = kGiven[n % 8];
  c.family_name = kFamily[(n / 3) % 6];
  c.date_of_birth = make_date(2010 + n % 7, static_cast<unsigned>(1 + n % 12), static_cast<unsigned>(1 + n % 28));
  c.sex = n % 2 ? "F" : "M";
  c.upn = "A" + std::to_string(123456789000 + n);
  c.nhs_number = std::to_string(9990000000 + n);
  c.postcode = n % 4 ? "QA1 1AA" : "QB2 2BB";
  c.primary_need = n % 3 ? "SLCN" : "ASD";
  c.plan_status = n % 5 ? PlanStatus::ehc_plan : PlanStatus::sen_support;
  c.setting_name = n % 2 ? "Oakfield Primary School" : "Amberley Academy";
  return c;
}

// Forty children: some known to council education as a whole, some to the ICB,
// some only to a named school user, some through involvements that ended;
// some with a current special-school placement, some with an ended one.
class SearchCache : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("search_cache");
    t_.db->write([&](store::Tx& tx) {
      store::upsert_area(tx, {"area", "Test area", "999"});
      store::upsert_area(tx, {"other", "Other area", "998"});
      for (int n = 0; n < 40; ++n) {
        const Child c = make_child(n);
        store::insert_child(tx, c, 1);
        const std::string i = "i-" + std::to_string(n);
        const auto start = make_date(2020, 1, 1);
        if (n % 2 == 0)
          store::insert_involvement(tx, "area", c.id, {i + "a", Agency::council_education, "", "", "", start, {}});
        if (n % 3 == 0) store::insert_involvement(tx, "area", c.id, {i + "b", Agency::icb, "", "", "", start, {}});
        if (n % 7 == 0)
          store::insert_involvement(tx, "area", c.id, {i + "c", Agency::school, "u-school", "", "", start, {}});
        if (n % 5 == 1) {
          store::insert_involvement(tx, "area", c.id,
                                    {i + "d", Agency::council_education, "", "", "", start, make_date(2021, 1, 1)});
        }
        if (n % 4 == 0)
          store::insert_placement(tx, "area", c.id,
                                  {"p-" + std::to_string(n), "Oak Special", SettingType::special, start, {}, "", ""});
        if (n % 4 == 1) {
          store::insert_placement(
              tx, "area", c.id,
              {"p-" + std::to_string(n), "Oak Special", SettingType::special, start, make_date(2021, 1, 1), "", ""});
        }
      }
      Child elsewhere = make_child(1);
      elsewhere.id = "c-other";
      elsewhere.area_id = "other";
      store::insert_child(tx, elsewhere, 1);
      store::insert_involvement(tx, "other", "c-other",
                                {"i-other", Agency::council_education, "", "", "", make_date(2020, 1, 1), {}});
    });
  }

  store::RegisterResult from_sql(const store::RegisterQuery& q, int cap) {
    store::RegisterResult r;
    t_.db->read([&](store::Tx& tx) { r = store::search_register_counted(tx, q, cap); });
    return r;
  }
  store::RegisterResult from_cache(app::RegisterSearchCache& cache, const store::RegisterQuery& q, int cap,
                                   std::int64_t now = 0) {
    std::size_t longest = 0;
    for (std::size_t i = 1; i < q.tokens.size(); ++i) {
      if (q.tokens[i].size() > q.tokens[longest].size()) longest = i;
    }
    return store::register_page_of(*cache.candidates(*t_.db, q.area_id, q.tokens[longest], now), q, cap);
  }
  static std::vector<std::string> ids(const store::RegisterResult& r) {
    std::vector<std::string> out;
    for (const auto& row : r.rows) out.push_back(row.id);
    return out;
  }

  testing::TestDatabase t_;
};

TEST_F(SearchCache, GivesTheSamePageAndCountAsTheSqlSearch) {
  app::RegisterSearchCache cache;
  const std::vector<store::Viewer> viewers = {{"u-1", "council_education", true},
                                              {"u-2", "icb", true},
                                              {"u-school", "school", false},
                                              {"u-3", "school", false},
                                              {"u-4", "council_social_care", true}};
  const std::vector<std::vector<std::string>> searches = {
      {"o"},        {"oak"},           {"oakes"},  {"am"},
      {"am", "ok"}, {"be", "oak"},     {"qa11aa"}, {"oakfield", "o"},
      {"2012"},     {"a123456789007"}, {"nobody"}, {"amb", "academy", "a"}};
  int compared = 0, non_empty = 0;
  for (const auto& viewer : viewers) {
    for (const auto& tokens : searches) {
      for (const std::string need : {"", "ASD"}) {
        for (const std::string status : {"", "ehc_plan"}) {
          for (const std::string setting : {"", "special"}) {
            for (const auto& [limit, offset, cap] : {std::tuple{25, 0, 1000}, {3, 2, 1000}, {2, 0, 3}, {2, 6, 3}}) {
              store::RegisterQuery q;
              q.area_id = "area";
              q.viewer = viewer;
              q.tokens = tokens;
              q.primary_need = need;
              q.plan_status = status;
              q.setting_type = setting;
              q.limit = limit;
              q.offset = offset;
              const auto expected = from_sql(q, cap);
              const auto actual = from_cache(cache, q, cap);
              ASSERT_EQ(ids(actual), ids(expected)) << viewer.agency << " " << tokens[0] << " " << need << status
                                                    << setting << " " << limit << "/" << offset << "/" << cap;
              ASSERT_EQ(actual.matches, expected.matches) << viewer.agency << " " << tokens[0];
              ++compared;
              if (expected.matches > 0) ++non_empty;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(non_empty, compared / 4) << "the cases compared are mostly not empty";
}

TEST_F(SearchCache, ShowsOnlyWhatTheViewerMaySee) {
  app::RegisterSearchCache cache;
  store::RegisterQuery q;
  q.area_id = "area";
  q.tokens = {"o"};
  q.viewer = {"u-school", "school", false};
  EXPECT_EQ(ids(from_cache(cache, q, 1000)), (std::vector<std::string>{"c-135", "c-114", "c-121", "c-107", "c-100"}))
      << "a school user sees only children they are named on (Bell, Oak, Oakes, Okafor, Okonkwo)";
  q.viewer = {"u-3", "school", false};
  EXPECT_TRUE(ids(from_cache(cache, q, 1000)).empty()) << "another school user, same cached candidates: none";
  q.viewer = {"u-4", "council_social_care", true};
  EXPECT_TRUE(ids(from_cache(cache, q, 1000)).empty()) << "ended involvements and other agencies give no access";
  q.area_id = "other";
  q.viewer = {"u-1", "council_education", true};
  EXPECT_EQ(ids(from_cache(cache, q, 1000)), (std::vector<std::string>{"c-other"})) << "areas never mix";
}

TEST_F(SearchCache, AWriteThroughTheSameDatabaseShowsAtOnce) {
  app::RegisterSearchCache cache;
  store::RegisterQuery q;
  q.area_id = "area";
  q.viewer = {"u-1", "council_education", true};
  q.tokens = {"zed"};
  EXPECT_EQ(from_cache(cache, q, 1000).matches, 0);
  Child zed = make_child(0);
  zed.id = "c-zed";
  zed.family_name = "Zedonkwo";
  t_.db->write([&](store::Tx& tx) {
    store::insert_child(tx, zed, 2);
    store::insert_involvement(tx, "area", zed.id,
                              {"i-zed", Agency::council_education, "", "", "", make_date(2024, 1, 1), {}});
  });
  EXPECT_EQ(ids(from_cache(cache, q, 1000)), (std::vector<std::string>{"c-zed"})) << "a new child shows at once";
  zed.version = 1;
  zed.family_name = "Okonkwo";
  t_.db->write([&](store::Tx& tx) { ASSERT_TRUE(store::update_child(tx, zed, 3)); });
  EXPECT_EQ(from_cache(cache, q, 1000).matches, 0) << "renamed: the old name no longer finds it";
  q.tokens = {"okonkwo", "amara"};
  EXPECT_EQ(ids(from_cache(cache, q, 1000)), (std::vector<std::string>{"c-100", "c-zed"})) << "the new name does";
  t_.db->write([&](store::Tx& tx) {
    store::insert_involvement(tx, "area", zed.id, {"i-icb", Agency::icb, "", "", "", make_date(2024, 1, 1), {}});
  });
  q.viewer = {"u-2", "icb", true};
  EXPECT_EQ(ids(from_cache(cache, q, 1000)), (std::vector<std::string>{"c-100", "c-zed"}))
      << "a new involvement shows at once";
}

TEST_F(SearchCache, AWriteByAnotherServerShowsWithinTheMaximumAge) {
  app::RegisterSearchCache cache(5'000'000);
  auto other_server = store::Database::open(t_.url, 2);
  store::RegisterQuery q;
  q.area_id = "area";
  q.viewer = {"u-1", "council_education", true};
  q.tokens = {"zed"};
  EXPECT_EQ(from_cache(cache, q, 1000, 1'000'000).matches, 0);
  Child zed = make_child(0);
  zed.id = "c-zed";
  zed.family_name = "Zedonkwo";
  other_server->write([&](store::Tx& tx) {
    store::insert_child(tx, zed, 2);
    store::insert_involvement(tx, "area", zed.id,
                              {"i-zed", Agency::council_education, "", "", "", make_date(2024, 1, 1), {}});
  });
  EXPECT_EQ(from_cache(cache, q, 1000, 5'999'999).matches, 0) << "within the maximum age the entry may be stale";
  EXPECT_EQ(from_cache(cache, q, 1000, 6'000'000).matches, 1) << "at the maximum age it is read again";
  EXPECT_EQ(from_cache(cache, q, 1000, 0).matches, 1) << "a clock that went back reads again too";
}

TEST_F(SearchCache, StaysWithinItsBound) {
  app::RegisterSearchCache cache(5'000'000, 30);
  store::RegisterQuery q;
  q.area_id = "area";
  q.viewer = {"u-1", "council_education", true};
  for (const std::string word : {"o", "oak", "am", "be", "o"}) {
    q.tokens = {word};
    EXPECT_EQ(from_cache(cache, q, 1000).matches, from_sql(q, 1000).matches) << word;
  }
}

}  // namespace
}  // namespace tandem
