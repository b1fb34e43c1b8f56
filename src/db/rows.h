#pragma once

#include <string>
#include <utility>

#include <soci/soci.h>

#include "db/kept.h"

namespace trellis::db {

// Binds the exchanges `exchange` adds to a statement of `query` and runs it in one round trip,
// with its plan kept by the connection on PostgreSQL (execute_reusing_plan). A named statement
// prepared by soci would cost a prepare before it and a DEALLOCATE after on every call.
template <typename Exchange>
soci::statement run_statement(soci::session& sql, const std::string& query, bool with_data_exchange,
                              Exchange exchange) {
    soci::statement statement(sql);
    exchange(statement);
    statement.alloc();
    statement.prepare(query, soci::details::st_one_time_query);
    statement.define_and_bind();
    execute_reusing_plan(sql, statement, with_data_exchange);
    return statement;
}

// Runs `query` and calls `visit` with each row. `row` binds its columns by position
// (`exchange_into(statement)`) and hands back each fetched row (`fetched()`); `bind` adds the
// query's parameters to the statement.
template <typename Row, typename Bind, typename Visit>
void fetch_rows(soci::session& sql, const std::string& query, Row& row, Bind bind, Visit visit) {
    soci::statement statement = run_statement(sql, query, false, [&](soci::statement& made) {
        row.exchange_into(made);
        bind(made);
    });
    while (statement.fetch())
        visit(row.fetched());
}

// Runs `query` with its soci::into and soci::use `exchanges` (bound in that order) and hands back
// the statement to `fetch()` row by row: for a read with a few plain columns.
template <typename... Exchanges>
soci::statement run_once(soci::session& sql, const std::string& query, Exchanges&&... exchanges) {
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
// statement for get_affected_rows(). A change must run with data exchange: SQLite steps a statement
// run without it only when its rows are fetched.
template <typename... Parameters>
soci::statement run_change(soci::session& sql, const std::string& query, Parameters&&... parameters) {
    return run_statement(sql, query, true, [&](soci::statement& made) {
        (made.exchange(std::forward<Parameters>(parameters)), ...);
    });
}

} // namespace trellis::db
