#include "test_database.h"

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace tandem::testing {

namespace {
std::string replace_database(const std::string& url, const std::string& dbname) {
  // postgresql://user:pw@host:port/dbname?params -> same URL naming dbname.
  const auto scheme_end = url.find("://");
  const auto slash = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  const auto query = url.find('?');
  const std::string head = slash == std::string::npos ? url.substr(0, query) : url.substr(0, slash);
  const std::string tail = query == std::string::npos ? "" : url.substr(query);
  return head + "/" + dbname + tail;
}
}  // namespace

TestDatabase open_test_database(const std::string& name) {
  static int counter = 0;
  const std::string unique = name + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  TestDatabase t;
  if (const char* pg = std::getenv("TANDEM_TEST_POSTGRES"); pg && *pg) {
    const std::string dbname = "t_" + unique;
    const std::string create =
        "psql -q -v ON_ERROR_STOP=1 '" + std::string(pg) + "' -c 'CREATE DATABASE " + dbname + "' >/dev/null";
    if (std::system(create.c_str()) != 0) throw std::runtime_error("could not create test database " + dbname);
    t.url = replace_database(pg, dbname);
  } else {
    const auto dir = std::filesystem::temp_directory_path() / "tandem-store-tests";
    std::filesystem::create_directories(dir);
    const auto path = dir / (unique + ".db");
    for (const char* suffix : {"", "-wal", "-shm", "-access", "-access-wal", "-access-shm"}) {
      std::filesystem::remove(path.string() + suffix);
    }
    t.url = "sqlite:" + path.string();
  }
  t.db = store::Database::open(t.url, 4);
  t.db->migrate();
  return t;
}

}  // namespace tandem::testing
