#include "db/database.h"
#include "db/kept.h"

#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace trellis::db {

namespace {

constexpr const char* kSqlitePrefix = "sqlite:";

// Turning a new database file to WAL needs it to itself for a moment, and SQLite answers "locked" at
// once rather than waiting when another process is opening it too (servers or `trellis migrate`
// starting together). The mode is kept in the file, so only the first opening changes it; the others
// retry until that one has, within the busy timeout.
void use_write_ahead_log(soci::session& session) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
        try {
            std::string mode;
            session << "PRAGMA journal_mode=WAL", soci::into(mode);
            return;
        } catch (const soci::soci_error& error) {
            const std::string message = error.what();
            const bool locked =
                message.find("locked") != std::string::npos || message.find("busy") != std::string::npos;
            if (!locked || std::chrono::steady_clock::now() > give_up)
                throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
}

// Before the process's first SQLite connection. SQLite counts the memory it holds by default, and
// that count takes one process-wide mutex on every allocation: with requests on many threads, each
// on its own connection, they queued on it (a third of the home page's time under load was that
// mutex). Nothing here reads the count. Once SQLite has started the setting is refused and the
// default stays, which is still correct.
void configure_sqlite() {
    static std::once_flag once;
    std::call_once(once, [] { sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

void open_sqlite(soci::session& session, const std::string& path) {
    configure_sqlite();
    session.open(soci::sqlite3, "db=" + path + " timeout=10 shared_cache=false");
    // WAL lets readers proceed during a write. FULL sync fsyncs the WAL at every commit, so an
    // acknowledged save survives a power cut as well as a crash (measured: still over 1,200
    // progress saves a second; bench/learning). Foreign keys are off by default in SQLite.
    use_write_ahead_log(session);
    session << "PRAGMA synchronous=FULL";
    session << "PRAGMA foreign_keys=ON";
    session << "PRAGMA busy_timeout=10000";
}

// SOCI reads its PostgreSQL connect string as keyword=value pairs and mangles URLs, so the URL
// form users write is turned into that form here.
std::string postgresql_keywords(const std::string& url) {
    std::string rest = url.substr(url.find("://") + 3);
    std::string keywords;
    auto add = [&](const std::string& key, const std::string& value) {
        if (!value.empty())
            keywords += (keywords.empty() ? "" : " ") + key + "='" + value + "'";
    };
    std::string options;
    if (auto question = rest.find('?'); question != std::string::npos) {
        options = rest.substr(question + 1);
        rest = rest.substr(0, question);
    }
    std::string database;
    if (auto slash = rest.find('/'); slash != std::string::npos) {
        database = rest.substr(slash + 1);
        rest = rest.substr(0, slash);
    }
    if (auto at = rest.rfind('@'); at != std::string::npos) {
        const std::string credentials = rest.substr(0, at);
        rest = rest.substr(at + 1);
        const auto colon = credentials.find(':');
        add("user", credentials.substr(0, colon));
        if (colon != std::string::npos)
            add("password", credentials.substr(colon + 1));
    }
    const auto colon = rest.rfind(':');
    add("host", rest.substr(0, colon));
    if (colon != std::string::npos)
        add("port", rest.substr(colon + 1));
    add("dbname", database);
    for (std::size_t at = 0; at < options.size();) {
        auto end = options.find('&', at);
        if (end == std::string::npos)
            end = options.size();
        const std::string pair = options.substr(at, end - at);
        const auto equals = pair.find('=');
        if (equals != std::string::npos)
            add(pair.substr(0, equals), pair.substr(equals + 1));
        at = end + 1;
    }
    return keywords;
}

// Each connection keeps its statements' plans (kept.h). Every one of them finds rows by the trust and
// an id or two, where one plan serves every value; PostgreSQL's default instead plans a statement
// afresh on each run while it judges a value-specific plan may be cheaper, which it did for most of the
// home page's statements: planning on every request (a programme page's reads took 3 ms to plan).
void open_postgresql(soci::session& session, const std::string& url) {
    session.open(soci::postgresql, postgresql_keywords(url));
    session << "SET plan_cache_mode = force_generic_plan";
}

// A free connection's place in the pool, waiting at most `wait` for one.
std::size_t free_position(soci::connection_pool& pool, std::chrono::milliseconds wait) {
    std::size_t position = 0;
    if (!pool.try_lease(position, static_cast<int>(wait.count())))
        throw std::runtime_error("no database connection came free within " + std::to_string(wait.count()) +
                                 " ms");
    return position;
}

} // namespace

Engine engine_of_url(const std::string& url) {
    if (url.rfind(kSqlitePrefix, 0) == 0)
        return Engine::Sqlite;
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
        return Engine::Postgresql;
    throw std::invalid_argument("TRELLIS_DATABASE must start with sqlite: or postgresql:// (got '" + url +
                                "')");
}

Database::Database(const std::string& url, std::size_t pool_size, std::chrono::milliseconds lease_wait)
    : m_engine(engine_of_url(url)), m_pool_size(pool_size), m_lease_wait(lease_wait),
      m_pool(std::make_unique<soci::connection_pool>(pool_size)) {
    for (std::size_t i = 0; i < pool_size; ++i) {
        soci::session& session = m_pool->at(i);
        try {
            if (m_engine == Engine::Sqlite)
                open_sqlite(session, url.substr(std::string(kSqlitePrefix).size()));
            else
                open_postgresql(session, url);
        } catch (const std::exception& error) {
            throw std::runtime_error("cannot open database " + url + ": " + error.what());
        }
    }
}

Database::~Database() {
    for (std::size_t i = 0; i < m_pool_size; ++i)
        forget_kept_statements(m_pool->at(i));
}

Database::Lease::Lease(Database& database)
    : m_database(database), m_position(free_position(*database.m_pool, database.m_lease_wait)),
      m_session(&database.m_pool->at(m_position)) {}

Database::Lease::~Lease() {
    m_database.m_pool->give_back(m_position);
}

// SQLite takes the write lock at BEGIN IMMEDIATE, so two writers queue on the busy timeout instead
// of one failing when its read lock cannot be upgraded.
std::unique_lock<std::mutex> Database::writer_turn() {
    if (m_engine == Engine::Sqlite)
        return std::unique_lock<std::mutex>(m_sqlite_writer);
    return {};
}

Transaction::Transaction(Database& database) : m_lease(database), m_writer_turn(database.writer_turn()) {
    *m_lease << (database.engine() == Engine::Sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

void Transaction::commit() {
    *m_lease << "COMMIT";
    m_committed = true;
}

Transaction::~Transaction() {
    if (m_committed)
        return;
    try {
        *m_lease << "ROLLBACK";
    } catch (...) {
        // The connection is already broken; nothing was committed, which is what matters.
    }
}

void gather_statistics(Database& database) {
    if (database.engine() != Engine::Sqlite)
        return;
    Database::Lease session(database);
    *session << "PRAGMA analysis_limit=1000";
    *session << "ANALYZE";
}

long long now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace trellis::db
