// A Local Offer service given a later closing day stays on offer until then
// and is withdrawn on the day, once, by whichever server first serves a
// request that day; a closing day can be cancelled; a day already past
// withdraws it at once; nonsense dates are refused naming the field.
#include "app/service_closures.h"

#include <gtest/gtest.h>

#include "app/directory_removals.h"
#include "fixed_clock.h"
#include "store/audit.h"
#include "store/directory.h"
#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

constexpr const char* kOrg = "0a000000-0000-4000-8000-000000000001";
constexpr const char* kPool = "0e000000-0000-4000-8000-000000000001";
constexpr const char* kClub = "0e000000-0000-4000-8000-000000000002";

Service service(const char* id, const char* name) {
  Service s;
  s.id = id;
  s.organisation_id = kOrg;
  s.name = name;
  s.description = "Sessions for disabled children";
  s.how_to_access = "Book online";
  s.last_checked_on = make_date(2026, 10, 1);
  s.review_due_on = make_date(2027, 4, 1);
  return s;
}

class ServiceClosures : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("service_closures");
    clock_.set_day(make_date(2026, 11, 20));
    user_.user_id = "u-1";
    user_.area_id = "area";
    user_.role = Role::sen_manager;
    t_.db->write([&](store::Tx& tx) {
      store::upsert_area(tx, {"area", "Test area", "999"});
      store::insert_organisation(tx, "area", {kOrg, "Leisure Trust", "", "", ""}, 1);
      store::insert_service(tx, "area", service(kPool, "Splash sessions"));
      store::insert_service(tx, "area", service(kClub, "Saturday club"));
    });
  }
  Service load(const char* id) {
    Directory d;
    t_.db->read([&](store::Tx& tx) { d = store::load_directory(tx, "area"); });
    for (const auto& s : d.services)
      if (s.id == id) return s;
    ADD_FAILURE() << "no service " << id;
    return {};
  }
  std::int64_t directory_version() {
    std::int64_t v = 0;
    t_.db->read([&](store::Tx& tx) { v = store::directory_version(tx, "area"); });
    return v;
  }
  std::vector<store::AuditEntryView> audit(const std::string& action) {
    std::vector<store::AuditEntryView> out;
    t_.db->read([&](store::Tx& tx) {
      store::AuditQuery q;
      q.area_id = "area";
      for (auto& e : store::query_audit(tx, q))
        if (e.action == action) out.push_back(e);
    });
    return out;
  }
  testing::TestDatabase t_;
  testing::FixedClock clock_;
  app::SignedIn user_;
};

TEST_F(ServiceClosures, ALaterDayKeepsItOnOfferUntilThatDayThenWithdrawsItOnce) {
  const Date closing = make_date(2026, 12, 31);
  auto v = app::withdraw_service(*t_.db, clock_, nullptr, user_, kPool, "1", "2026-12-31");
  ASSERT_TRUE(v) << v.error().first_message();
  Service s = load(kPool);
  EXPECT_EQ(s.status, "active") << "still offered until its closing day";
  EXPECT_EQ(s.closes_on, closing);
  EXPECT_FALSE(s.withdrawn_on);
  ASSERT_EQ(audit("directory.service.closing").size(), 1u);

  clock_.set_day(closing - std::chrono::days(1));
  EXPECT_EQ(app::close_due_services(*t_.db, clock_, nullptr), 0u) << "the day before";
  EXPECT_EQ(load(kPool).status, "active");

  clock_.set_day(closing);
  const auto before = directory_version();
  EXPECT_EQ(app::close_due_services(*t_.db, clock_, nullptr), 1u);
  s = load(kPool);
  EXPECT_TRUE(s.withdrawn());
  EXPECT_EQ(s.withdrawn_on, closing);
  EXPECT_FALSE(s.closes_on);
  EXPECT_EQ(s.version, *v + 1);
  EXPECT_GT(directory_version(), before) << "every server's Local Offer sees it";
  const auto closed = audit("directory.service.closed");
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0].user_id, "tandem");
  EXPECT_NE(closed[0].detail.find("Splash sessions from 2026-12-31; status: active -> defunct"), std::string::npos)
      << closed[0].detail;
  EXPECT_EQ(app::close_due_services(*t_.db, clock_, nullptr), 0u) << "closed once";
  EXPECT_EQ(load(kClub).status, "active") << "a service with no closing day is untouched";
}

TEST_F(ServiceClosures, TheSweepWorksOnTheFirstRequestOfEachDay) {
  app::ClosureSweep sweep;
  ASSERT_TRUE(app::withdraw_service(*t_.db, clock_, nullptr, user_, kPool, "1", "2026-11-21"));
  sweep.run(*t_.db, clock_, nullptr);
  EXPECT_FALSE(load(kPool).withdrawn()) << "not due on the 20th";
  clock_.set_day(make_date(2026, 11, 21));
  // A closing day set meanwhile for today is closed by the same day's sweep...
  sweep.run(*t_.db, clock_, nullptr);
  EXPECT_TRUE(load(kPool).withdrawn());
  ASSERT_TRUE(app::withdraw_service(*t_.db, clock_, nullptr, user_, kClub, "1", "2026-11-22"));
  sweep.run(*t_.db, clock_, nullptr);
  EXPECT_FALSE(load(kClub).withdrawn());
  // ...and a day missed (no request on the 22nd) is caught up on the next.
  clock_.set_day(make_date(2026, 11, 24));
  sweep.run(*t_.db, clock_, nullptr);
  EXPECT_TRUE(load(kClub).withdrawn());
  EXPECT_EQ(load(kClub).withdrawn_on, make_date(2026, 11, 22)) << "withdrawn as of its closing day";
}

TEST_F(ServiceClosures, AClosingDayCanBeCancelledChangedOrBroughtForward) {
  ASSERT_TRUE(app::withdraw_service(*t_.db, clock_, nullptr, user_, kPool, "1", "2027-03-31"));
  ASSERT_TRUE(app::withdraw_service(*t_.db, clock_, nullptr, user_, kPool, "2", "2027-01-31")) << "moved earlier";
  EXPECT_EQ(load(kPool).closes_on, make_date(2027, 1, 31));
  const auto kept = app::keep_service(*t_.db, clock_, nullptr, user_, kPool, "3");
  ASSERT_TRUE(kept);
  EXPECT_FALSE(load(kPool).closes_on);
  EXPECT_EQ(audit("directory.service.keep").size(), 1u);
  const auto again = app::keep_service(*t_.db, clock_, nullptr, user_, kPool, std::to_string(*kept));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().first_field(), "closes_on");
  // A day already past: it stopped before anyone recorded it.
  ASSERT_TRUE(app::withdraw_service(*t_.db, clock_, nullptr, user_, kPool, std::to_string(*kept), "2026-11-13"));
  EXPECT_TRUE(load(kPool).withdrawn());
  EXPECT_EQ(load(kPool).withdrawn_on, make_date(2026, 11, 13));
}

TEST_F(ServiceClosures, ADayThatIsNotOneOrTooFarAheadIsRefusedAndNothingChanges) {
  struct Case {
    const char* from;
    const char* says;
  };
  const Case cases[] = {
      {"2026-02-30", "YYYY-MM-DD"},
      {"next Friday", "YYYY-MM-DD"},
      {"2028-11-21", "up to two years ahead, by 20 November 2028"},
  };
  for (const auto& c : cases) {
    const auto r = app::withdraw_service(*t_.db, clock_, nullptr, user_, kPool, "1", c.from);
    ASSERT_FALSE(r) << c.from;
    EXPECT_EQ(r.error().first_field(), "from") << c.from;
    EXPECT_NE(r.error().first_message().find(c.says), std::string::npos) << r.error().first_message();
  }
  const Service s = load(kPool);
  EXPECT_EQ(s.version, 1);
  EXPECT_FALSE(s.closes_on);
  EXPECT_EQ(s.status, "active");
  EXPECT_TRUE(app::withdraw_service(*t_.db, clock_, nullptr, user_, kPool, "1", "2028-11-20"))
      << "two years is allowed";
}

// A contract decommissioned ends the services it delivers on its end date
// (app/decommissioning.cpp): a later end is the closing day, unless the
// service closes sooner already; an end already past withdraws it at once.
TEST_F(ServiceClosures, EndingAServiceOnADayKeepsTheSoonerClosingAndWithdrawsWhenPast) {
  const Date today = clock_.today();
  using E = store::ServiceEnding;
  E what = E::unchanged;
  const auto end = [&](const char* id, Date day) {
    t_.db->write([&](store::Tx& tx) { what = store::end_service_on(tx, "area", id, day, today, clock_.now); });
    return what;
  };
  EXPECT_EQ(end(kPool, make_date(2027, 3, 31)), E::closing);
  EXPECT_EQ(load(kPool).closes_on, make_date(2027, 3, 31));
  EXPECT_EQ(load(kPool).version, 2);
  EXPECT_EQ(end(kPool, make_date(2027, 8, 31)), E::unchanged) << "it closes sooner already";
  EXPECT_EQ(end(kPool, make_date(2027, 1, 31)), E::closing) << "a sooner end brings it forward";
  EXPECT_EQ(load(kPool).closes_on, make_date(2027, 1, 31));
  EXPECT_EQ(end(kClub, make_date(2026, 10, 31)), E::withdrawn) << "the contract ended already";
  EXPECT_TRUE(load(kClub).withdrawn());
  EXPECT_EQ(load(kClub).withdrawn_on, make_date(2026, 10, 31));
  EXPECT_EQ(end(kClub, make_date(2027, 3, 31)), E::unchanged) << "withdrawn already";
  EXPECT_EQ(end("no-such-service", make_date(2027, 3, 31)), E::unchanged);
}

}  // namespace
}  // namespace tandem
