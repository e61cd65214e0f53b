// The access log: entries written together in one group commit are each found
// by the audit trail, per child, and their ids sort by time.
#include "app/access_log.h"

#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "app/crypto.h"
#include "store/detail/tx.h"
#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

TEST(AccessLog, EveryEntryOfAGroupIsFoundForEachChildItShowed) {
  auto t = testing::open_test_database("access_log");
  t.db->write([&](store::Tx& tx) { store::upsert_area(tx, {"area", "Test area", "999"}); });
  {
    app::AccessLog log(*t.db);
    std::vector<std::thread> readers;
    for (int i = 0; i < 8; ++i) {
      readers.emplace_back([&, i] {
        log.record({{},
                    "area",
                    1000 + i,
                    "u-" + std::to_string(i),
                    "GET /children",
                    "c-1 c-2 c-" + std::to_string(10 + i),
                    "shown"});
      });
    }
    for (auto& r : readers) r.join();
  }
  t.db->read([&](store::Tx& tx) {
    store::AuditQuery q;
    q.area_id = "area";
    q.child_id = "c-1";
    EXPECT_EQ(store::count_audit(tx, q), 8);
    q.child_id = "c-13";
    const auto rows = store::query_audit(tx, q);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].user_id, "u-3");
    EXPECT_EQ(rows[0].child_ids, "c-1 c-2 c-13");
    q.child_id.clear();
    EXPECT_EQ(store::count_audit(tx, q), 8);
  });
}

TEST(AccessLog, AChildShownTwiceOnOnePageIsOneRead) {
  auto t = testing::open_test_database("access_log_twice");
  t.db->write([&](store::Tx& tx) { store::upsert_area(tx, {"area", "Test area", "999"}); });
  {
    app::AccessLog log(*t.db);
    // Two moves of the same child on one list: the read must still be kept.
    log.record({{}, "area", 2000, "u-1", "GET /moves", "c-1 c-2 c-1", "shown"});
  }
  t.db->read([&](store::Tx& tx) {
    store::AuditQuery q;
    q.area_id = "area";
    q.child_id = "c-1";
    EXPECT_EQ(store::count_audit(tx, q), 1);
    q.child_id = "c-2";
    EXPECT_EQ(store::count_audit(tx, q), 1);
  });
}

int index_rows(store::Database& db) {
  int n = 0;
  db.read([&](store::Tx& tx) { tx.sql << "SELECT CAST(COUNT(*) AS INTEGER) FROM access_child_hours", soci::into(n); });
  return n;
}

TEST(AccessLog, AListOpenedAgainInTheSameHourAddsReadsButNoIndexRows) {
  auto t = testing::open_test_database("access_log_hours");
  t.db->write([&](store::Tx& tx) { store::upsert_area(tx, {"area", "Test area", "999"}); });
  constexpr std::int64_t hour = 3'600'000'000;
  const std::int64_t ten_am = 1'764'000'000 / 3600 * hour + 10 * hour;
  {
    app::AccessLog log(*t.db);
    for (int i = 0; i < 20; ++i)
      log.record({{}, "area", ten_am + i * 60'000'000, "u-1", "GET /cases", "c-1 c-2 c-3", "shown"});
    EXPECT_EQ(index_rows(*t.db), 3) << "three children, one user, one hour";
    log.record({{}, "area", ten_am + 5 * 60'000'000, "u-2", "GET /cases", "c-1", "shown"});
    EXPECT_EQ(index_rows(*t.db), 4) << "another user is indexed for the child";
    log.record({{}, "area", ten_am + hour, "u-1", "GET /cases", "c-1", "shown"});
    EXPECT_EQ(index_rows(*t.db), 5) << "the next hour is indexed again";
  }
  {
    // A new writer (a restart, or another server) does not know what is indexed:
    // writing the same index row again keeps one.
    app::AccessLog log(*t.db);
    log.record({{}, "area", ten_am + 30 * 60'000'000, "u-1", "GET /cases", "c-1 c-2 c-3", "shown"});
  }
  EXPECT_EQ(index_rows(*t.db), 5);
  t.db->read([&](store::Tx& tx) {
    store::AuditQuery q;
    q.area_id = "area";
    q.child_id = "c-1";
    EXPECT_EQ(store::count_audit(tx, q), 23) << "every read is still found: 21 by u-1, 1 by u-2, 1 the next hour";
    q.child_id = "c-3";
    EXPECT_EQ(store::count_audit(tx, q), 21);
    q.user_id = "u-2";
    EXPECT_EQ(store::count_audit(tx, q), 0);
  });
}

TEST(AccessLog, AChildIsFoundOnlyWhereItIsListedWholeNotAsPartOfAnotherId) {
  auto t = testing::open_test_database("access_log_whole_ids");
  t.db->write([&](store::Tx& tx) { store::upsert_area(tx, {"area", "Test area", "999"}); });
  {
    app::AccessLog log(*t.db);
    log.record({{}, "area", 5000, "u-1", "GET /cases", "c_1 c-10", "shown"});
    log.record({{}, "area", 6000, "u-1", "GET /cases", "cx1 c-1", "shown"});
    log.record({{}, "area", 7000, "u-1", "GET /children/c-100", "c-100", "shown"});
  }
  t.db->read([&](store::Tx& tx) {
    store::AuditQuery q;
    q.area_id = "area";
    q.child_id = "c_1";
    EXPECT_EQ(store::count_audit(tx, q), 1) << "'_' is not a wildcard: cx1 is another child";
    q.child_id = "c-1";
    EXPECT_EQ(store::count_audit(tx, q), 1) << "c-10 and c-100 are other children";
    q.child_id = "c-10";
    EXPECT_EQ(store::count_audit(tx, q), 1);
  });
}

TEST(AccessLog, IdsSortByTimeAndDoNotRepeat) {
  const auto a = app::new_time_ordered_id("r", 1'700'000'000'000'000);
  const auto b = app::new_time_ordered_id("r", 1'700'000'000'000'001);
  const auto c = app::new_time_ordered_id("r", 1'700'000'000'000'001);
  EXPECT_EQ(a.size(), app::new_id("r").size());
  EXPECT_LT(a, b);
  EXPECT_NE(b, c) << "the same microsecond still gives two ids";
  EXPECT_EQ(b.substr(0, 18), c.substr(0, 18));
}

}  // namespace
}  // namespace tandem
