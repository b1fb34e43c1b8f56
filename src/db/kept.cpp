#include "db/kept.h"

#include <map>
#include <mutex>
#include <shared_mutex>

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>

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
