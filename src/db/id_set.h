#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

namespace trellis::db {

// A condition that `column` is one of a list of ids, the list bound as one text parameter named
// `parameter` (its value from id_set_value): the statement's text is the same however many ids
// there are, so its plan is kept, and no id is ever written into SQL. The engines read the JSON
// array each their own way (json_array_elements_text on PostgreSQL, json_each on SQLite).
std::string id_set_condition(soci::session& sql, const std::string& column, const std::string& parameter);

// The value to bind for id_set_condition's parameter: "[1,2,3]", which both spellings read.
std::string id_set_value(const std::vector<long long>& ids);

} // namespace trellis::db
