#pragma once

#include <memory>
#include <string>
#include <typeindex>
#include <unordered_map>

#include <soci/soci.h>

namespace sqlite_api {
struct sqlite3_stmt;
}

namespace trellis::db {

// The statements kept with one connection, each made on its first use.
class KeptStatements {
  public:
    KeptStatements() = default;
    KeptStatements(const KeptStatements&) = delete;
    KeptStatements& operator=(const KeptStatements&) = delete;
    ~KeptStatements();

    // The place a kept statement of type `kind` lives (empty until it is first made).
    std::shared_ptr<void>& slot(std::type_index kind) { return m_kept[kind]; }

    // The name this PostgreSQL connection knows `query` (in $1, $2 form, with `parameters`
    // parameters) by, preparing it on first use; null once the connection holds kPlanLimit queries,
    // as a query built with a varying number of parameters could otherwise fill it without end.
    const std::string* plan_name(soci::session& sql, const std::string& query, int parameters);

    // A statement this SQLite connection compiled once, lent to one run at a time.
    struct Compiled {
        sqlite_api::sqlite3_stmt* statement = nullptr;
        bool lent = false;
    };
    // The compiled statement for `query`, compiling it on first use; null once the connection holds
    // kPlanLimit of them. Throws soci::soci_error when SQLite cannot compile it.
    Compiled* compiled(soci::session& sql, const std::string& query);

    static constexpr std::size_t kPlanLimit = 2000;

  private:
    std::unordered_map<std::type_index, std::shared_ptr<void>> m_kept;
    std::unordered_map<std::string, std::string> m_plan_names;
    std::unordered_map<std::string, Compiled> m_compiled;
};

// The kept statements of a connection, made on its first use (only the lease holder of a pooled
// connection touches them).
KeptStatements& kept_statements_of(soci::session& sql);
// Drops a connection's kept statements; called before the connection closes.
void forget_kept_statements(soci::session& sql);

// Readies `statement` (its exchanges added, not yet prepared) to run `query`. On SQLite it is given
// the connection's compiled statement for the query when that is free, so SQLite compiles each query
// once per connection (compiling was a third of the home page's time); the compiled statement it
// hands back must be given back with give_back_compiled once the run is over. Otherwise (PostgreSQL,
// a compiled statement already lent to a run still being read, past the limit) the statement is
// prepared as a one-time query, and null is handed back.
KeptStatements::Compiled* prepare_reusing_compiled(soci::session& sql, soci::statement& statement,
                                                   const std::string& query);
// Ends a run that borrowed `compiled`: resets it, so it holds no snapshot of the database and keeps
// none of the run's values, and takes it back from `statement`, so soci does not finalize it.
void give_back_compiled(soci::statement& statement, KeptStatements::Compiled& compiled) noexcept;

// Executes `statement`, made with st_one_time_query and its exchanges bound, as run_once and
// fetch_rows make theirs. On PostgreSQL the query is prepared once per connection under a name and
// from then on only executed, so PostgreSQL parses and plans it once per connection instead of on
// every call (planning was most of the database's time on the home page); the statement's own
// bindings are used as they are, so callers keep binding their own variables. SQLite executes as is.
void execute_reusing_plan(soci::session& sql, soci::statement& statement, bool with_data_exchange);

} // namespace trellis::db
