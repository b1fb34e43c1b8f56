#include "db/migrator.h"

#include <optional>
#include <stdexcept>
#include <vector>

#include "db/rows.h"

namespace trellis::db {

namespace {

struct Migration {
    int version;
    const char* name;
    const char* sql;
};

const std::vector<Migration> kMigrations = {
#include "migrations.inc"
};

// The few places where the two engines spell a type differently are written as {{TOKENS}}.
std::string for_engine(std::string sql, Engine engine) {
    const std::string id_type =
        engine == Engine::Sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY";
    for (std::size_t at = sql.find("{{ID}}"); at != std::string::npos; at = sql.find("{{ID}}", at))
        sql.replace(at, 6, id_type);
    return sql;
}

// A statement that starts with {{SQLITE}} or {{POSTGRESQL}} runs only on that engine, for what the
// two spell differently as a whole (full-text search); any other runs on both.
std::optional<std::string> for_this_engine(const std::string& statement, Engine engine) {
    const std::size_t start = statement.find_first_not_of(" \n\t\r");
    for (const auto& [marker, only_on] :
         {std::pair{std::string("{{SQLITE}}"), Engine::Sqlite}, {"{{POSTGRESQL}}", Engine::Postgresql}})
        if (statement.compare(start, marker.size(), marker) == 0) {
            if (engine != only_on)
                return std::nullopt;
            return statement.substr(start + marker.size());
        }
    return statement;
}

// Whether `statement` so far is a SQLite trigger whose body (BEGIN ... END) is still open: the
// semicolons inside it end the body's statements, not the trigger.
bool in_trigger_body(const std::string& statement) {
    if (statement.find("CREATE TRIGGER") == std::string::npos ||
        statement.find(" BEGIN") == std::string::npos)
        return false;
    const std::size_t last = statement.find_last_not_of(" \n\t\r");
    return last == std::string::npos || last < 2 || statement.compare(last - 2, 3, "END") != 0;
}

// The statements of a migration, at each semicolon outside a PostgreSQL function's $$ body and a
// SQLite trigger's body; comments left out.
std::vector<std::string> split_statements(const std::string& sql) {
    std::vector<std::string> statements;
    std::string current;
    bool in_dollar_quotes = false;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        if (sql.compare(i, 2, "$$") == 0) {
            in_dollar_quotes = !in_dollar_quotes;
            current += "$$";
            ++i;
            continue;
        }
        if (!in_dollar_quotes && sql[i] == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            while (i < sql.size() && sql[i] != '\n')
                ++i;
            continue;
        }
        if (sql[i] == ';' && !in_dollar_quotes && !in_trigger_body(current)) {
            if (current.find_first_not_of(" \n\t\r") != std::string::npos)
                statements.push_back(current);
            current.clear();
            continue;
        }
        current += sql[i];
    }
    if (current.find_first_not_of(" \n\t\r") != std::string::npos)
        statements.push_back(current);
    return statements;
}

// Several servers may start at once against one PostgreSQL database. Each step of a migration run
// takes this transaction-level advisory lock first, so one server applies a migration while the
// others wait, and then find it recorded. On SQLite, BEGIN IMMEDIATE already gives one writer at a
// time across processes, and each step reads schema_migrations after taking that lock.
void wait_for_other_migrating_servers(Transaction& transaction, Engine engine) {
    // Any fixed number that no other part of Trellis uses as an advisory lock key.
    constexpr long long kMigrationLockKey = 7317160001;
    if (engine == Engine::Postgresql)
        transaction.session() << "SELECT pg_advisory_xact_lock(" << kMigrationLockKey << ")";
}

} // namespace

int latest_migration_version() {
    return kMigrations.empty() ? 0 : kMigrations.back().version;
}

int migrate(Database& database) {
    {
        Transaction transaction(database);
        wait_for_other_migrating_servers(transaction, database.engine());
        transaction.session()
            << "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT "
               "NOT NULL)";
        transaction.commit();
    }
    int applied = 0;
    for (const Migration& migration : kMigrations) {
        Transaction transaction(database);
        wait_for_other_migrating_servers(transaction, database.engine());
        soci::session& sql = transaction.session();
        int already = 0;
        db::read_one(sql, "SELECT COUNT(*) FROM schema_migrations WHERE version = :v",
                     soci::use(migration.version), soci::into(already));
        if (already)
            continue;
        try {
            for (const std::string& statement :
                 split_statements(for_engine(migration.sql, database.engine())))
                if (const auto kept = for_this_engine(statement, database.engine()))
                    sql << *kept;
        } catch (const std::exception& error) {
            throw std::runtime_error(std::string("migration ") + migration.name + " failed: " + error.what());
        }
        long long now = now_seconds();
        sql << "INSERT INTO schema_migrations (version, applied_at) VALUES (:v, :t)",
            soci::use(migration.version), soci::use(now);
        transaction.commit();
        ++applied;
    }
    return applied;
}

} // namespace trellis::db
