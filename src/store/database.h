// The database: SQLite (embedded default) or PostgreSQL, through one API.
//
//   auto db = store::Database::open("sqlite:tandem.db");
//   db->migrate();
//   db->write([&](store::Tx& tx) { store::insert_child(tx, child, now); });
//
// write() runs its function in a transaction that takes the write lock at once
// (BEGIN IMMEDIATE on SQLite, where one writer runs at a time) and commits when
// the function returns; an exception rolls it back and propagates. read() runs
// on a pooled connection without a write lock. Thread-safe.
//
// SOCI stays behind this header: callers see only Tx, declared here and
// defined in store/detail/tx.h for the repository files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace tandem::store {

enum class Engine { sqlite, postgresql };

// The database is unreachable, misconfigured or broken: not the user's doing.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A row changed underneath an edit, or a unique key is already taken.
class ConflictError : public StoreError {
 public:
  using StoreError::StoreError;
};

class Tx;

class Database {
 public:
  // url: "sqlite:PATH" or "postgresql://user@host:port/dbname?...".
  // Throws StoreError naming the problem when the URL is malformed or the
  // database cannot be opened.
  static std::unique_ptr<Database> open(const std::string& url, std::size_t pool_size = 4);

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  Engine engine() const;

  // Applies the embedded migrations not yet applied, each in its own
  // transaction; refuses to start if an applied migration's text changed.
  // Returns how many were applied.
  int migrate();
  // Gives the query planner the tables' current sizes and spreads. SQLite
  // plans without statistics otherwise: it then read a child's assessments
  // through the area's caseload index (every assessment in the area) rather
  // than the child's. Sampled (analysis_limit), so a few milliseconds on a
  // 20,000-plan area. PostgreSQL's autovacuum keeps its own.
  void refresh_statistics();
  // Version of the newest migration applied (0 for an empty database).
  int schema_version();

  void write(const std::function<void(Tx&)>& fn);
  void read(const std::function<void(Tx&)>& fn);

  // Moves on each time a write to the children's register (a child, its
  // search tokens, placements or involvements) commits through this object.
  // A cache of register reads made after reading a generation is stale once
  // the generation differs. Writes by other processes are not counted: such a
  // cache must also expire by age.
  std::uint64_t register_generation() const;

 private:
  struct Impl;
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tandem::store
