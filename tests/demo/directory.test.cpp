#include "demo/directory.h"

#include <set>

#include <gtest/gtest.h>

namespace tandem::demo {
namespace {

DirectoryOptions options(std::size_t services, std::uint64_t seed = 7) {
  DirectoryOptions o;
  o.seed = seed;
  o.services = services;
  o.today = make_date(2026, 11, 24);
  o.area_id = "demo";
  o.districts = {"QS1", "QS2", "QS3", "QS4", "QS5", "QS6"};
  return o;
}

TEST(DemoDirectory, TheSameSeedGivesTheSameDirectory) {
  const auto a = generate_directory(options(120)), b = generate_directory(options(120));
  ASSERT_EQ(a.directory.services.size(), 120u);
  for (std::size_t i = 0; i < a.directory.services.size(); ++i) {
    EXPECT_EQ(a.directory.services[i].id, b.directory.services[i].id);
    EXPECT_EQ(a.directory.services[i].name, b.directory.services[i].name);
  }
  const auto c = generate_directory(options(120, 8));
  EXPECT_NE(a.directory.services.front().id, c.directory.services.front().id);
}

TEST(DemoDirectory, EveryServicePassesTheChecksAndIdsAreUniqueUuids) {
  const auto d = generate_directory(options(2000)).directory;
  ASSERT_EQ(d.services.size(), 2000u);
  std::set<std::string> ids, names;
  for (const auto& s : d.services) {
    auto ok = check_service(s);
    EXPECT_TRUE(ok) << s.name << ": " << (ok ? "" : ok.error().first_message());
    EXPECT_TRUE(ids.insert(s.id).second) << s.id;
    EXPECT_TRUE(names.insert(s.name).second) << s.name;
    for (const auto& c : s.contacts) EXPECT_TRUE(c.email.ends_with(".example")) << c.email;
    EXPECT_TRUE(s.url.starts_with("https://") && s.url.find(".example/") != std::string::npos) << s.url;
  }
  for (const auto& l : d.locations) {
    EXPECT_TRUE(ids.insert(l.id).second);
    EXPECT_EQ(l.postcode.substr(0, 1), "Q") << "an invented postcode";
    EXPECT_TRUE(l.point.has_value());
  }
  for (const auto& t : d.terms) EXPECT_TRUE(is_uuid(t.id));
}

TEST(DemoDirectory, ServicesSpreadAcrossLevelsNeedsAgesAndLocalities) {
  const auto demo = generate_directory(options(300));
  const auto& d = demo.directory;
  std::map<ServiceLevel, int> levels;
  std::set<std::string> terms, towns;
  int under_five = 0, post_sixteen = 0, overdue = 0, paid = 0;
  for (const auto& s : d.services) {
    ++levels[s.level];
    terms.insert(s.term_ids.begin(), s.term_ids.end());
    under_five += s.for_age(3) ? 1 : 0;
    post_sixteen += s.for_age(19) ? 1 : 0;
    overdue += s.review_due_on < make_date(2026, 11, 24) ? 1 : 0;
    paid += s.free() ? 0 : 1;
  }
  for (const auto& l : d.locations) towns.insert(l.city);
  EXPECT_GT(levels[ServiceLevel::universal], 50);
  EXPECT_GT(levels[ServiceLevel::specialist], 50);
  EXPECT_GT(levels[ServiceLevel::highly_specialist], 10);
  EXPECT_GE(terms.size(), 15u) << "most needs and service types are offered";
  EXPECT_GT(under_five, 30);
  EXPECT_GT(post_sixteen, 30);
  EXPECT_GT(overdue, 5);
  EXPECT_LT(overdue, 60);
  EXPECT_GT(paid, 20);
  EXPECT_EQ(towns.size(), 6u);
  EXPECT_EQ(demo.district_centres.size(), 6u);
}

TEST(DemoDirectory, UuidsAreVersionFour) {
  Rng rng(1);
  const std::string id = demo_uuid(rng);
  EXPECT_TRUE(is_uuid(id)) << id;
  EXPECT_EQ(id[14], '4');
  EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos);
}

}  // namespace
}  // namespace tandem::demo
