#include "db/id_set.h"

namespace trellis::db {

std::string id_set_condition(soci::session& sql, const std::string& column, const std::string& parameter) {
    if (sql.get_backend_name() == "sqlite3")
        return column + " IN (SELECT value FROM json_each(:" + parameter + "))";
    // A JSON array of numbers is read as one: PostgreSQL's array literal would want braces.
    return column + " IN (SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(:" + parameter +
           " AS JSON)))";
}

std::string id_set_value(const std::vector<long long>& ids) {
    std::string list = "[";
    for (long long id : ids)
        list += (list.size() > 1 ? "," : "") + std::to_string(id);
    return list + "]";
}

} // namespace trellis::db
