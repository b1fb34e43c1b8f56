#include "db/kept.h"

#include <map>
#include <mutex>
#include <shared_mutex>

namespace trellis::db {

namespace {

// Every connection's kept statements, found from the session a store is handed. Looked up on every
// kept statement's run, written only when a connection first keeps one or closes.
std::shared_mutex registry_mutex;
std::map<const soci::session*, std::unique_ptr<KeptStatements>> registry;

} // namespace

KeptStatements& kept_statements_of(soci::session& sql) {
    {
        std::shared_lock lock(registry_mutex);
        if (const auto found = registry.find(&sql); found != registry.end())
            return *found->second;
    }
    std::unique_lock lock(registry_mutex);
    auto& slot = registry[&sql];
    if (!slot)
        slot = std::make_unique<KeptStatements>();
    return *slot;
}

void forget_kept_statements(soci::session& sql) {
    std::unique_ptr<KeptStatements> gone;
    std::unique_lock lock(registry_mutex);
    if (const auto found = registry.find(&sql); found != registry.end()) {
        gone = std::move(found->second);
        registry.erase(found);
    }
}

} // namespace trellis::db
