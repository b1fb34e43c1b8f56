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

// Statements a request runs every time (finding the session, saving progress), kept with the
// connection they run on, bound to their fields. On PostgreSQL each is prepared once per connection
// and then only executed: one round trip with no parsing or planning, where a statement sent afresh
// is parsed and planned on every call. On SQLite each call prepares afresh: a kept statement is held
// between runs, and one left part-read would hold an old snapshot of the database (run_statement's
// compiled statements, given back at the end of each run, have no such gap).
//
// `Fields` holds the statement's parameters and columns: `static constexpr const char* kQuery`, and
// `void exchange(soci::statement&)` binding its members in the query's order. Callers set the
// parameters, call run(), then fetch() row by row (or once, for a one-row read).
template <typename Fields> class Kept {
  public:
    explicit Kept(soci::session& sql) : m_sql(sql), m_prepare_once(sql.get_backend_name() == "postgresql") {}

    Fields fields;

    // Runs a read with the parameters now in `fields`; fetch() then reads its rows.
    void run() { execute(false); }
    // Runs a change (INSERT, UPDATE, DELETE) with the parameters now in `fields`. A change must run
    // with data exchange: SQLite steps a statement run without it only when its rows are fetched.
    void change() { execute(true); }
    // Reads the next row into `fields`; false once there are none.
    bool fetch() { return m_statement->fetch(); }
    // Rows changed by the last run.
    long long affected_rows() { return m_statement->get_affected_rows(); }

  private:
    void execute(bool with_data_exchange) {
        if (!m_statement || !m_prepare_once)
            m_statement = make();
        m_statement->execute(with_data_exchange);
    }
    std::unique_ptr<soci::statement> make() {
        auto statement = std::make_unique<soci::statement>(m_sql);
        fields.exchange(*statement);
        statement->alloc();
        statement->prepare(Fields::kQuery, m_prepare_once ? soci::details::st_repeatable_query
                                                          : soci::details::st_one_time_query);
        statement->define_and_bind();
        return statement;
    }

    soci::session& m_sql;
    bool m_prepare_once;
    std::unique_ptr<soci::statement> m_statement;
};

// The statements kept with one connection, each made on its first use.
class KeptStatements {
  public:
    KeptStatements() = default;
    KeptStatements(const KeptStatements&) = delete;
    KeptStatements& operator=(const KeptStatements&) = delete;
    ~KeptStatements();

    template <typename Fields> Kept<Fields>& get(soci::session& sql) {
        auto& slot = m_kept[std::type_index(typeid(Fields))];
        if (!slot)
            slot = std::make_shared<Kept<Fields>>(sql);
        return *static_cast<Kept<Fields>*>(slot.get());
    }

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

// The statement `Fields` describes, kept with this connection.
template <typename Fields> Kept<Fields>& kept(soci::session& sql) {
    return kept_statements_of(sql).get<Fields>(sql);
}

} // namespace trellis::db
