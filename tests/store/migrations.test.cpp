#include "store/migrations.h"

#include <gtest/gtest.h>

#include "app/health.h"
#include "store/connection_url.h"
#include "test_database.h"

namespace tandem {
namespace {

// Numbers are handed out before the work lands, so a branch may hold 0016
// before 0012: the runner applies whatever is missing, in version order.
TEST(Migrations, AreNumberedInOrderFromOne) {
  const auto all = store::migrations_for(store::Engine::sqlite);
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all.front().version, 1);
  for (std::size_t i = 1; i < all.size(); ++i) {
    EXPECT_GT(all[i].version, all[i - 1].version) << all[i].name;
  }
}

TEST(Migrations, SplitIntoStatementsAtLineEndSemicolons) {
  const auto parts = store::split_statements("-- comment\nCREATE TABLE a (x TEXT);\n\nCREATE INDEX i ON a (x);\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], "CREATE TABLE a (x TEXT)");
}

TEST(Migrations, ApplyOnceAndLeaveTheServerReady) {
  auto t = testing::open_test_database("migrate");
  const int latest = store::migrations_for(t.db->engine()).back().version;
  EXPECT_EQ(t.db->schema_version(), latest);
  EXPECT_EQ(t.db->migrate(), 0) << "a second run applies nothing";
  EXPECT_TRUE(app::check_health(*t.db).ready);
}

TEST(Migrations, AnEmptyDatabaseIsNotReady) {
  auto t = testing::open_test_database("empty");
  auto fresh = store::Database::open(t.url.starts_with("sqlite:") ? t.url + "-other" : t.url, 1);
  if (t.url.starts_with("sqlite:")) {
    const auto health = app::check_health(*fresh);
    EXPECT_FALSE(health.ready);
    EXPECT_NE(health.detail.find("tandem migrate"), std::string::npos);
  } else {
    EXPECT_TRUE(app::check_health(*fresh).ready);
  }
}

TEST(Database, RejectsAnUnknownUrlWithAnExplanation) {
  try {
    store::Database::open("mysql://x", 1);
    FAIL() << "expected a StoreError";
  } catch (const store::StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("sqlite:"), std::string::npos);
  }
}

}  // namespace
}  // namespace tandem

namespace tandem {
namespace {

TEST(ConnectionUrl, PostgresUrlsBecomeKeywordStringsWithoutLeakingPasswords) {
  const auto t = store::parse_connection_url("postgresql://tandem:p%40ss@db.example:5433/send?sslmode=require");
  EXPECT_EQ(t.engine, store::Engine::postgresql);
  EXPECT_EQ(t.connect, "host='db.example' port='5433' user='tandem' password='p@ss' dbname='send' sslmode='require'");
  EXPECT_EQ(t.display.find("p@ss"), std::string::npos);
  EXPECT_EQ(store::parse_connection_url("sqlite:x.db").connect, "db=x.db timeout=30");
  EXPECT_THROW(store::parse_connection_url("sqlite:"), store::StoreError);
  EXPECT_THROW(store::parse_connection_url("postgresql://h/db?novalue"), store::StoreError);
}

}  // namespace
}  // namespace tandem
