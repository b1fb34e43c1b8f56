#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include <soci/soci.h>

namespace trellis::db {

enum class Engine { Sqlite, Postgresql };

// A pool of SOCI sessions to one database, SQLite or PostgreSQL, chosen by URL:
// "sqlite:PATH" or "postgresql://...".
class Database {
  public:
    // Opens `pool_size` connections; throws std::runtime_error with a readable message on failure.
    // A lease waits at most `lease_wait` for a free connection (see lease()).
    Database(const std::string& url, std::size_t pool_size,
             std::chrono::milliseconds lease_wait = std::chrono::seconds(30));
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Engine engine() const { return m_engine; }

    // A session borrowed from the pool for the lifetime of the lease.
    class Lease {
      public:
        explicit Lease(Database& database);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        soci::session& operator*() { return *m_session; }
        soci::session* operator->() { return m_session; }

      private:
        Database& m_database;
        std::size_t m_position;
        soci::session* m_session;
    };

    // Borrows a session, waiting for one to come free; throws std::runtime_error when none has in
    // the lease wait. The pool is sized to what may use it at once, so the wait runs out only when
    // connections are held that should not be (a lease kept past its work, or a second leased while
    // holding one): a request then fails with an error instead of every later one hanging.
    Lease lease() { return Lease(*this); }

    // SQLite has one writer at a time: write transactions wait here rather than on SQLite's busy
    // timeout, which polls with sleeps. Unlocked (and free) on PostgreSQL. A thread holding a
    // Transaction must not lease a second session (the pool could run dry).
    std::unique_lock<std::mutex> writer_turn();

  private:
    Engine m_engine;
    std::size_t m_pool_size;
    std::chrono::milliseconds m_lease_wait;
    std::unique_ptr<soci::connection_pool> m_pool;
    std::mutex m_sqlite_writer;
};

// Parses the engine out of a TRELLIS_DATABASE URL; throws std::invalid_argument if unknown.
Engine engine_of_url(const std::string& url);

// A transaction on a leased session that rolls back unless committed: one per service call.
class Transaction {
  public:
    explicit Transaction(Database& database);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    soci::session& session() { return *m_lease; }
    // Commits the work; without this call the destructor rolls it back.
    void commit();

  private:
    Database::Lease m_lease;
    std::unique_lock<std::mutex> m_writer_turn;
    bool m_committed = false;
};

// Gives SQLite's query planner the tables' sizes and index spreads (ANALYZE, bounded to a sample of
// each index so it stays quick on a large file); servers call it as they start. Without them SQLite
// guesses, and guessed wrong on the home page: it walked every group membership of a trust to find
// one person's groups. PostgreSQL's autovacuum keeps its own, so there it does nothing.
void gather_statistics(Database& database);

// Seconds since the epoch: every timestamp in the schema is stored this way on both engines.
long long now_seconds();

} // namespace trellis::db
