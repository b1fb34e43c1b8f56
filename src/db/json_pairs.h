#pragma once

#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

namespace trellis::db {

// A column that gathers a few short text pairs per row (an item's tags, say) into a JSON array
// of [first, second] arrays, so a list and what hangs off each of its rows come back in one
// statement: on PostgreSQL a second statement is a second round trip. `from_where` is the
// correlated subquery's FROM and WHERE, naming the outer row; `first` and `second` are its
// columns. The two engines spell the aggregate differently; both give "[]" for no rows.
std::string json_pairs_column(soci::session& sql, const std::string& first, const std::string& second,
                              const std::string& from_where);

// The pairs of such a column, in the order the engine gave them.
std::vector<std::pair<std::string, std::string>> json_pairs(const std::string& column);

} // namespace trellis::db
