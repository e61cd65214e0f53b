#include "store/schema.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "test_database.h"

namespace tandem {
namespace {

// tests/store/schema.golden is the schema both engines must have. After adding
// a migration, regenerate it from SQLite and check the PostgreSQL run agrees:
//   TANDEM_WRITE_GOLDEN=1 build/tests/store/store_tests --gtest_filter=Schema.*
TEST(Schema, BothEnginesMatchTheGoldenDescription) {
  auto t = testing::open_test_database("schema");
  const std::string actual = store::describe_schema(*t.db);
  const std::string path = std::string(TANDEM_SOURCE_DIR) + "/tests/store/schema.golden";
  if (std::getenv("TANDEM_WRITE_GOLDEN")) {
    std::ofstream(path) << actual;
  }
  std::ifstream in(path);
  ASSERT_TRUE(in) << "missing " << path;
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str()) << "engine: "
                                    << (t.db->engine() == store::Engine::sqlite ? "SQLite" : "PostgreSQL");
}

}  // namespace
}  // namespace tandem
