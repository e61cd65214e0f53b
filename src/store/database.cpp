#include "store/database.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <random>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "store/connection_url.h"
#include "store/detail/tx.h"
#include "store/migrations.h"

namespace tandem::store {

namespace {
std::int64_t now_micros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Engine errors become the store's own: a unique or foreign-key violation is a
// conflict the caller may report; anything else is infrastructure.
[[noreturn]] void rethrow_mapped(Engine engine) {
  try {
    throw;
  } catch (const soci::postgresql_soci_error& e) {
    const std::string state = e.sqlstate();
    if (state.starts_with("23")) throw ConflictError(e.what());
    throw StoreError(e.what());
  } catch (const soci::sqlite3_soci_error& e) {
    if (e.result() == 19 /* SQLITE_CONSTRAINT */) throw ConflictError(e.what());
    throw StoreError(e.what());
  } catch (const soci::soci_error& e) {
    (void)engine;
    throw StoreError(e.what());
  }
}
// SQLite counts every allocation under one global mutex unless told not to;
// with several request threads that lock, not the queries, sets the pace.
// Must run before SQLite initialises, hence at static initialisation.
const bool sqlite_configured = [] {
  sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  return true;
}();

}  // namespace

long long new_change_token() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return static_cast<long long>(random() >> 1);
}

void record_register_changes(Tx& tx) {
  for (const auto& area_id : tx.register_areas) {
    const long long token = new_change_token();
    tx.sql << "INSERT INTO register_changes (area_id, change_token) VALUES (:a, :t) ON CONFLICT (area_id) DO UPDATE "
              "SET change_token = excluded.change_token",
        soci::use(area_id), soci::use(token);
  }
  for (const auto& area_id : tx.top_up_areas) {
    const long long token = new_change_token();
    tx.sql << "INSERT INTO top_up_changes (area_id, change_token) VALUES (:a, :t) ON CONFLICT (area_id) DO UPDATE "
              "SET change_token = excluded.change_token",
        soci::use(area_id), soci::use(token);
  }
  for (const auto& area_id : tx.assessment_areas) {
    const long long token = new_change_token();
    tx.sql << "INSERT INTO assessment_changes (area_id, change_token) VALUES (:a, :t) ON CONFLICT (area_id) DO "
              "UPDATE SET change_token = excluded.change_token",
        soci::use(area_id), soci::use(token);
  }
}

struct Database::Impl {
  Engine engine = Engine::sqlite;
  std::size_t size = 0;
  soci::connection_pool pool;
  std::mutex writer;  // SQLite takes one writer at a time; queue here, not on BUSY
  std::atomic<std::uint64_t> register_generation{0};

  Impl(Engine e, std::size_t n) : engine(e), size(n), pool(n) {}

  void in_transaction(bool for_write, const std::function<void(Tx&)>& fn) {
    std::unique_lock<std::mutex> lock(writer, std::defer_lock);
    if (for_write && engine == Engine::sqlite) lock.lock();
    soci::session sql(pool);
    try {
      sql << (engine == Engine::sqlite && for_write ? "BEGIN IMMEDIATE" : "BEGIN");
    } catch (...) {
      rethrow_mapped(engine);
    }
    try {
      Tx tx(sql, engine);
      fn(tx);
      record_register_changes(tx);
      sql << "COMMIT";
      if (tx.register_changed) register_generation.fetch_add(1);
    } catch (const soci::soci_error&) {
      try {
        sql << "ROLLBACK";
      } catch (...) {
      }
      rethrow_mapped(engine);
    } catch (...) {
      try {
        sql << "ROLLBACK";
      } catch (...) {
      }
      throw;
    }
  }
};

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::~Database() = default;

std::unique_ptr<Database> Database::open(const std::string& url, std::size_t pool_size) {
  const ConnectionTarget target = parse_connection_url(url);
  const Engine engine = target.engine;
  const std::string& connect = target.connect;
  if (pool_size == 0) pool_size = 1;
  auto impl = std::make_unique<Impl>(engine, pool_size);
  try {
    for (std::size_t i = 0; i < pool_size; ++i) {
      soci::session& s = impl->pool.at(i);
      if (engine == Engine::sqlite) {
        s.open(*soci::factory_sqlite3(), connect);
        s << "PRAGMA journal_mode=WAL";
        s << "PRAGMA synchronous=FULL";
        s << "PRAGMA foreign_keys=ON";
        s << "PRAGMA busy_timeout=30000";
        // The access log lives in its own file beside the database (see
        // migration 0005): appends to it leave the main file's caches warm.
        std::string access_path = target.connect.substr(3, target.connect.find(' ') - 3) + "-access";
        for (std::size_t q = access_path.find('\''); q != std::string::npos; q = access_path.find('\'', q + 2)) {
          access_path.insert(q, 1, '\'');
        }
        s << "ATTACH DATABASE '" + access_path + "' AS access";
        s << "PRAGMA access.journal_mode=WAL";
        s << "PRAGMA access.synchronous=FULL";
      } else {
        s.open(*soci::factory_postgresql(), connect);
        s << "SET client_min_messages TO WARNING";
      }
    }
  } catch (const soci::soci_error& e) {
    throw StoreError("Cannot open the database " + target.display + ": " + e.what());
  }
  return std::unique_ptr<Database>(new Database(std::move(impl)));
}

Engine Database::engine() const { return impl_->engine; }

void Database::write(const std::function<void(Tx&)>& fn) { impl_->in_transaction(true, fn); }
void Database::read(const std::function<void(Tx&)>& fn) { impl_->in_transaction(false, fn); }
std::uint64_t Database::register_generation() const { return impl_->register_generation.load(); }

int Database::schema_version() {
  int version = 0;
  read([&](Tx& tx) {
    int exists = 0;
    if (tx.engine == Engine::sqlite) {
      tx.sql << "SELECT CAST(COUNT(*) AS INTEGER) FROM sqlite_master WHERE type = 'table' AND name = "
                "'schema_migrations'",
          soci::into(exists);
    } else {
      tx.sql << "SELECT CAST(COUNT(*) AS INTEGER) FROM information_schema.tables WHERE table_schema = "
                "current_schema() AND table_name = 'schema_migrations'",
          soci::into(exists);
    }
    if (exists == 0) return;
    soci::indicator ind = soci::i_ok;
    tx.sql << "SELECT CAST(MAX(version) AS INTEGER) FROM schema_migrations", soci::into(version, ind);
    if (ind != soci::i_ok) version = 0;
  });
  return version;
}

void Database::refresh_statistics() {
  if (impl_->engine != Engine::sqlite) return;
  soci::session sql(impl_->pool);
  try {
    sql << "PRAGMA analysis_limit=400";
    sql << "ANALYZE";
  } catch (const soci::soci_error& e) {
    throw StoreError(std::string("Cannot refresh the query planner's statistics: ") + e.what());
  }
}

int Database::migrate() {
  int applied = 0;
  write([&](Tx& tx) {
    tx.sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
              "checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)";
  });
  for (const auto& m : migrations_for(impl_->engine)) {
    write([&](Tx& tx) {
      if (tx.engine == Engine::postgresql) {
        // Two servers starting together: the second waits, then sees the work done.
        tx.sql << "SELECT pg_advisory_xact_lock(7312025)";
      }
      std::string checksum;
      soci::indicator ind = soci::i_null;
      tx.sql << "SELECT checksum FROM schema_migrations WHERE version = :v", soci::use(m.version),
          soci::into(checksum, ind);
      if (ind == soci::i_ok) {
        if (checksum != m.checksum) {
          throw StoreError("Migration " + std::to_string(m.version) + " (" + m.name +
                           ") was changed after it was applied to this database; migrations are forward-only: "
                           "add a new one instead");
        }
        return;
      }
      for (const auto& statement : split_statements(m.sql)) tx.sql << statement;
      const std::int64_t at = now_micros();
      tx.sql << "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (:v, :n, :c, :a)",
          soci::use(m.version), soci::use(m.name), soci::use(m.checksum), soci::use(at);
      ++applied;
    });
  }
  return applied;
}

}  // namespace tandem::store
