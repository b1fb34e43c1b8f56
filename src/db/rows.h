#pragma once

#include <string>
#include <utility>

#include <soci/soci.h>

namespace trellis::db {

// Runs `query` and calls `visit` with each row. `row` binds its columns by position
// (`exchange_into(statement)`) and hands back each fetched row (`fetched()`); `bind` adds the
// query's parameters to the statement. The statement is prepared to run once: on PostgreSQL it then
// goes with its parameters in one round trip, where a named prepared statement would cost a prepare
// before it and a DEALLOCATE after (three round trips for a one-row read).
template <typename Row, typename Bind, typename Visit>
void fetch_rows(soci::session& sql, const std::string& query, Row& row, Bind bind, Visit visit) {
    soci::statement statement(sql);
    row.exchange_into(statement);
    bind(statement);
    statement.alloc();
    statement.prepare(query, soci::details::st_one_time_query);
    statement.define_and_bind();
    statement.execute(false);
    while (statement.fetch())
        visit(row.fetched());
}

// Runs `query` once with its soci::into and soci::use `exchanges` (bound in that order) and hands
// back the statement to `fetch()` row by row: the same single round trip as fetch_rows, for a read
// with a few plain columns.
template <typename... Exchanges>
soci::statement run_once(soci::session& sql, const std::string& query, Exchanges&&... exchanges) {
    soci::statement statement(sql);
    (statement.exchange(std::forward<Exchanges>(exchanges)), ...);
    statement.alloc();
    statement.prepare(query, soci::details::st_one_time_query);
    statement.define_and_bind();
    statement.execute(false);
    return statement;
}

// Runs a change (INSERT, UPDATE, DELETE) once with its soci::use `parameters`, in the same single
// round trip, and hands back the statement for get_affected_rows(). A change must run with data
// exchange: SQLite steps a statement run without it only when its rows are fetched.
template <typename... Parameters>
soci::statement run_change(soci::session& sql, const std::string& query, Parameters&&... parameters) {
    soci::statement statement(sql);
    (statement.exchange(std::forward<Parameters>(parameters)), ...);
    statement.alloc();
    statement.prepare(query, soci::details::st_one_time_query);
    statement.define_and_bind();
    statement.execute(true);
    return statement;
}

} // namespace trellis::db
