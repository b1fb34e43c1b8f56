#include "db/json_pairs.h"

#include <nlohmann/json.hpp>

namespace trellis::db {

std::string json_pairs_column(soci::session& sql, const std::string& first, const std::string& second,
                              const std::string& from_where) {
    if (sql.get_backend_name() == "sqlite3")
        return "(SELECT json_group_array(json_array(" + first + ", " + second + ")) " + from_where + ")";
    return "(SELECT COALESCE(CAST(json_agg(json_build_array(" + first + ", " + second +
           ")) AS TEXT), '[]') " + from_where + ")";
}

std::vector<std::pair<std::string, std::string>> json_pairs(const std::string& column) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& pair : nlohmann::json::parse(column))
        pairs.emplace_back(pair.at(0).get<std::string>(), pair.at(1).get<std::string>());
    return pairs;
}

} // namespace trellis::db
