#pragma once

#include <memory>
#include <optional>
#include <string>
#include <typeindex>
#include <utility>

#include <soci/soci.h>

#include "db/kept.h"

namespace trellis::db {

// One run of a statement: its rows to fetch, or the rows it changed. On SQLite it may have
// borrowed the connection's compiled statement for its query, given back when the run ends (at the
// latest when this is destroyed), so a run must not outlive the lease of its connection.
class StatementRun {
  public:
    explicit StatementRun(soci::session& sql) : m_statement(sql) {}
    StatementRun(StatementRun&& other) noexcept
        : m_statement(other.m_statement), m_borrowed(std::exchange(other.m_borrowed, nullptr)) {}
    StatementRun(const StatementRun&) = delete;
    StatementRun& operator=(const StatementRun&) = delete;
    StatementRun& operator=(StatementRun&&) = delete;
    ~StatementRun() {
        if (m_borrowed)
            give_back_compiled(m_statement, *m_borrowed);
    }

    // Reads the next row into the statement's intos; false once there are none.
    bool fetch() { return m_statement.fetch(); }
    // Whether the last execute or fetch read a row.
    bool got_data() const { return m_statement.got_data(); }
    // Rows the run changed.
    long long get_affected_rows() { return m_statement.get_affected_rows(); }
    // The soci statement, for code that reads rows through it.
    soci::statement& statement() { return m_statement; }

  private:
    template <typename Exchange>
    friend StatementRun run_statement(soci::session&, const std::string&, bool, Exchange);

    soci::statement m_statement;
    KeptStatements::Compiled* m_borrowed = nullptr;
};

// Binds the exchanges `exchange` adds to a statement of `query` and runs it in one round trip:
// compiled once per connection on SQLite, with its plan kept by the connection on PostgreSQL
// (prepare_reusing_compiled, execute_reusing_plan). A named statement prepared by soci would cost a
// prepare before it and a DEALLOCATE after on every call.
template <typename Exchange>
StatementRun run_statement(soci::session& sql, const std::string& query, bool with_data_exchange,
                           Exchange exchange) {
    StatementRun run(sql);
    exchange(run.m_statement);
    run.m_statement.alloc();
    run.m_borrowed = prepare_reusing_compiled(sql, run.m_statement, query);
    run.m_statement.define_and_bind();
    execute_reusing_plan(sql, run.m_statement, with_data_exchange);
    return run;
}

// Runs `query` and calls `visit` with each row. `row` binds its columns by position
// (`exchange_into(statement)`) and hands back each fetched row (`fetched()`); `bind` adds the
// query's parameters to the statement.
template <typename Row, typename Bind, typename Visit>
void fetch_rows(soci::session& sql, const std::string& query, Row& row, Bind bind, Visit visit) {
    StatementRun statement = run_statement(sql, query, false, [&](soci::statement& made) {
        row.exchange_into(made);
        bind(made);
    });
    while (statement.fetch())
        visit(row.fetched());
}

// Runs `query` with its soci::into and soci::use `exchanges` (bound in that order) and hands back
// the run to `fetch()` row by row: for a read with a few plain columns.
template <typename... Exchanges>
StatementRun run_once(soci::session& sql, const std::string& query, Exchanges&&... exchanges) {
    return run_statement(sql, query, false, [&](soci::statement& made) {
        (made.exchange(std::forward<Exchanges>(exchanges)), ...);
    });
}

// Runs a one-row read with its soci::use and soci::into `exchanges` (in any order) and fills the
// intos from its first row, as `sql << query, exchanges...` would; true when there was a row.
template <typename... Exchanges>
bool read_one(soci::session& sql, const std::string& query, Exchanges&&... exchanges) {
    return run_statement(
               sql, query, true,
               [&](soci::statement& made) { (made.exchange(std::forward<Exchanges>(exchanges)), ...); })
        .got_data();
}

// Runs a change (INSERT, UPDATE, DELETE) with its soci::use `parameters` and hands back the
// run for get_affected_rows(). A change must run with data exchange: SQLite steps a statement
// run without it only when its rows are fetched.
template <typename... Parameters>
StatementRun run_change(soci::session& sql, const std::string& query, Parameters&&... parameters) {
    return run_statement(sql, query, true, [&](soci::statement& made) {
        (made.exchange(std::forward<Parameters>(parameters)), ...);
    });
}

// Statements a request runs every time (finding the session, saving progress), kept with the
// connection they run on, bound to their fields. On PostgreSQL each is prepared once per connection
// and then only executed: one round trip with no parsing or planning, where a statement sent afresh
// is parsed and planned on every call. On SQLite each call runs the connection's compiled statement
// for the query (run_statement), given back (reset) once its last row is read and before the next
// run: a statement held part-read would hold an old snapshot of the database.
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
    bool fetch() {
        if (m_prepare_once)
            return m_statement->fetch();
        if (m_run && m_run->fetch())
            return true;
        m_run.reset();
        return false;
    }
    // Rows changed by the last run.
    long long affected_rows() {
        return m_prepare_once ? m_statement->get_affected_rows() : m_run->get_affected_rows();
    }

  private:
    void execute(bool with_data_exchange) {
        if (!m_prepare_once) {
            m_run.reset();
            m_run.emplace(run_statement(m_sql, Fields::kQuery, with_data_exchange,
                                        [&](soci::statement& made) { fields.exchange(made); }));
            return;
        }
        if (!m_statement)
            m_statement = prepared();
        m_statement->execute(with_data_exchange);
    }
    std::unique_ptr<soci::statement> prepared() {
        auto statement = std::make_unique<soci::statement>(m_sql);
        fields.exchange(*statement);
        statement->alloc();
        statement->prepare(Fields::kQuery, soci::details::st_repeatable_query);
        statement->define_and_bind();
        return statement;
    }

    soci::session& m_sql;
    bool m_prepare_once;
    std::unique_ptr<soci::statement> m_statement; // PostgreSQL: prepared once
    std::optional<StatementRun> m_run;            // SQLite: this run's compiled statement
};

// The statement `Fields` describes, kept with this connection.
template <typename Fields> Kept<Fields>& kept(soci::session& sql) {
    auto& slot = kept_statements_of(sql).slot(std::type_index(typeid(Fields)));
    if (!slot)
        slot = std::make_shared<Kept<Fields>>(sql);
    return *static_cast<Kept<Fields>*>(slot.get());
}

} // namespace trellis::db
