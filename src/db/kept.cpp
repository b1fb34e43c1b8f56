#include "db/kept.h"

#include <map>
#include <mutex>
#include <shared_mutex>

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace trellis::db {

namespace {

// Every connection's kept statements, found from the session a store is handed. Looked up on every
// kept statement's run, written only when a connection first keeps one or closes.
std::shared_mutex registry_mutex;
std::map<const soci::session*, std::unique_ptr<KeptStatements>> registry;

// Sets a one-time statement to run as the named prepared statement, and back again on leaving, so
// its destructor does not deallocate a statement the connection keeps, and a later execute of the
// same object runs it as one-time again.
class RunAsPrepared {
  public:
    RunAsPrepared(soci::postgresql_statement_backend& backend, const std::string& name) : m_backend(backend) {
        m_backend.stType_ = soci::details::st_repeatable_query;
        m_backend.statementName_ = name;
    }
    ~RunAsPrepared() {
        m_backend.statementName_.clear();
        m_backend.stType_ = soci::details::st_one_time_query;
    }
    RunAsPrepared(const RunAsPrepared&) = delete;
    RunAsPrepared& operator=(const RunAsPrepared&) = delete;

  private:
    soci::postgresql_statement_backend& m_backend;
};

} // namespace

const std::string* KeptStatements::plan_name(soci::session& sql, const std::string& query, int parameters) {
    if (const auto found = m_plan_names.find(query); found != m_plan_names.end())
        return &found->second;
    if (m_plan_names.size() >= kPlanLimit)
        return nullptr;
    // soci names its own prepared statements "st_N"; these never meet them.
    std::string name = "trellis_plan_" + std::to_string(m_plan_names.size() + 1);
    PGconn* connection = static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_;
    PGresult* prepared = PQprepare(connection, name.c_str(), query.c_str(), parameters, nullptr);
    const bool ok = PQresultStatus(prepared) == PGRES_COMMAND_OK;
    const std::string error = ok ? "" : PQresultErrorMessage(prepared);
    PQclear(prepared);
    if (!ok)
        throw soci::soci_error("Cannot prepare statement. " + error);
    return &m_plan_names.emplace(query, std::move(name)).first->second;
}

KeptStatements::~KeptStatements() {
    // A connection SQLite still has statements for cannot close.
    for (auto& [query, compiled] : m_compiled)
        sqlite_api::sqlite3_finalize(compiled.statement);
}

KeptStatements::Compiled* KeptStatements::compiled(soci::session& sql, const std::string& query) {
    if (const auto found = m_compiled.find(query); found != m_compiled.end())
        return &found->second;
    if (m_compiled.size() >= kPlanLimit)
        return nullptr;
    sqlite_api::sqlite3* connection = static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
    sqlite_api::sqlite3_stmt* statement = nullptr;
    if (sqlite_api::sqlite3_prepare_v3(connection, query.c_str(), static_cast<int>(query.size()),
                                       SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
        sqlite_api::sqlite3_finalize(statement);
        throw soci::soci_error(std::string("Cannot prepare statement. ") +
                               sqlite_api::sqlite3_errmsg(connection));
    }
    return &m_compiled.emplace(query, Compiled{statement, false}).first->second;
}

KeptStatements::Compiled* prepare_reusing_compiled(soci::session& sql, soci::statement& statement,
                                                   const std::string& query) {
    KeptStatements::Compiled* compiled = nullptr;
    if (sql.get_backend_name() == "sqlite3")
        compiled = kept_statements_of(sql).compiled(sql, query);
    // A run still reading the compiled statement (a read made while fetching the same query's rows)
    // keeps it; this one compiles its own.
    if (!compiled || compiled->lent) {
        statement.prepare(query, soci::details::st_one_time_query);
        return nullptr;
    }
    auto* backend = static_cast<soci::sqlite3_statement_backend*>(statement.get_backend());
    backend->stmt_ = compiled->statement;
    backend->databaseReady_ = true;
    compiled->lent = true;
    return compiled;
}

void give_back_compiled(soci::statement& statement, KeptStatements::Compiled& compiled) noexcept {
    sqlite_api::sqlite3_reset(compiled.statement);
    sqlite_api::sqlite3_clear_bindings(compiled.statement);
    auto* backend = static_cast<soci::sqlite3_statement_backend*>(statement.get_backend());
    backend->stmt_ = nullptr;
    backend->databaseReady_ = false;
    compiled.lent = false;
}

void execute_reusing_plan(soci::session& sql, soci::statement& statement, bool with_data_exchange) {
    // soci's backends hide their type information, so the connection's engine says which it is.
    if (sql.get_backend_name() != "postgresql") {
        statement.execute(with_data_exchange);
        return;
    }
    auto* backend = static_cast<soci::postgresql_statement_backend*>(statement.get_backend());
    const std::string* name =
        kept_statements_of(sql).plan_name(sql, backend->query_, static_cast<int>(backend->names_.size()));
    if (!name) {
        statement.execute(with_data_exchange);
        return;
    }
    RunAsPrepared as_prepared(*backend, *name);
    statement.execute(with_data_exchange);
}

KeptStatements& kept_statements_of(soci::session& sql) {
    {
        std::shared_lock lock(registry_mutex);
        if (const auto found = registry.find(&sql); found != registry.end())
            return *found->second;
    }
    std::unique_lock lock(registry_mutex);
    auto& slot = registry[&sql];
    if (!slot)
        slot = std::make_unique<KeptStatements>();
    return *slot;
}

void forget_kept_statements(soci::session& sql) {
    std::unique_ptr<KeptStatements> gone;
    std::unique_lock lock(registry_mutex);
    if (const auto found = registry.find(&sql); found != registry.end()) {
        gone = std::move(found->second);
        registry.erase(found);
    }
}

} // namespace trellis::db
