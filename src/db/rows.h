#pragma once

#include <string>

#include <soci/soci.h>

namespace trellis::db {

// Runs `query` and calls `visit` with each row. `row` binds its columns by position
// (`exchange_into(statement)`) and hands back each fetched row (`fetched()`); `bind` adds the
// query's parameters to the statement.
template <typename Row, typename Bind, typename Visit>
void fetch_rows(soci::session& sql, const std::string& query, Row& row, Bind bind, Visit visit) {
    soci::statement statement(sql);
    row.exchange_into(statement);
    bind(statement);
    statement.alloc();
    statement.prepare(query);
    statement.define_and_bind();
    statement.execute(false);
    while (statement.fetch())
        visit(row.fetched());
}

} // namespace trellis::db
