#include "demo/directory.h"

#include <set>

#include <gtest/gtest.h>

#include "core/directory_checks.h"

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
    for (const auto& c : s.contacts) {
      EXPECT_TRUE(c.email.ends_with(".example")) << c.email;
      EXPECT_TRUE(check_contact(c)) << s.name << ": " << c.name;
      EXPECT_TRUE(ids.insert(c.id).second) << c.id;
    }
    for (const auto& c : s.costs) {
      EXPECT_TRUE(check_cost(c) && !c.option.empty()) << s.name << ": " << c.option;
      EXPECT_TRUE(ids.insert(c.id).second) << c.id;
    }
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

// Staff pages and the feed show more than one way in and more than one price.
TEST(DemoDirectory, ServicesHaveContactsAndPricesAsRealListingsDo) {
  const auto d = generate_directory(options(300)).directory;
  std::size_t two_contacts = 0, bookings = 0, email_only = 0, sibling = 0, no_set_price = 0, paid = 0;
  for (const auto& s : d.services) {
    ASSERT_FALSE(s.contacts.empty()) << s.name;
    ASSERT_FALSE(s.costs.empty()) << s.name;
    two_contacts += s.contacts.size() > 1;
    for (const auto& c : s.contacts) {
      bookings += !c.phone.empty() && !c.email.empty() && c.title.empty();
      email_only += c.phone.empty();
    }
    for (const auto& c : s.costs) {
      sibling += c.option == "Brother or sister";
      no_set_price += !c.amount.has_value();
    }
    paid += !s.free();
  }
  EXPECT_GT(two_contacts, 60u);
  EXPECT_GT(bookings, 20u) << "bookings teams";
  EXPECT_GT(email_only, 10u) << "referrals by email";
  EXPECT_GT(sibling, 10u);
  EXPECT_GT(no_set_price, 3u);
  EXPECT_GT(paid, 30u);
  EXPECT_LT(paid, 300u) << "most of the Local Offer is free";
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
