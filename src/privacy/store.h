#pragma once

#include <string>

#include <nlohmann/json.hpp>
#include <soci/soci.h>

// The only SQL that reads or erases everything held about one person, across every area's tables.
// A new table that holds a person's data belongs in the list in store.cpp. Every query names the
// trust.
namespace trellis::privacy::store {

// Every row held about the person, table by table ({"table": [{"column": value, ...}, ...]}),
// without secrets (password hashes, session and link tokens).
nlohmann::json rows_about(soci::session& sql, long long trust_id, long long person_id);

// Removes what names the person and what they wrote for themselves; keeps the rows that count
// towards figures (progress, choices, attendance, ratings), now tied to a row that names nobody.
// `full_name` is replaced in the trust's audit log. Runs inside the caller's transaction.
void erase(soci::session& sql, long long trust_id, long long person_id, const std::string& full_name);

} // namespace trellis::privacy::store
