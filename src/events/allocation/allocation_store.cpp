#include "events/allocation/allocation_store.h"

#include "db/database.h"
#include "db/rows.h"

namespace trellis::events::store {

namespace {

constexpr const char* kInsertRun =
    "INSERT INTO allocation_runs (event_id, trust_id, status, started_by, started_at) "
    "VALUES (:event, :trust, 'running', :by, :now) RETURNING id";
constexpr const char* kFinishRun =
    "UPDATE allocation_runs SET status = :status, stats = :stats, message = :message, "
    "finished_at = :now WHERE trust_id = :trust AND id = :id";
constexpr const char* kRunColumns =
    "SELECT id, event_id, status, stats, message, started_by, started_at, finished_at "
    "FROM allocation_runs WHERE trust_id = :trust AND event_id = :event ";
constexpr const char* kOneRun = "AND id = :id";
constexpr const char* kLatestRun = "ORDER BY id DESC LIMIT 1";
constexpr const char* kDeletePlacements =
    "DELETE FROM placements WHERE trust_id = :trust AND event_id = :event";
constexpr const char* kInsertPlacement =
    "INSERT INTO placements (event_id, trust_id, person_id, slot_id, session_id, moved_by_hand) "
    "VALUES (:event, :trust, :person, :slot, :session, 0)";
constexpr const char* kPlacementsOf =
    "SELECT person_id, slot_id, COALESCE(session_id, 0), moved_by_hand FROM placements "
    "WHERE trust_id = :trust AND event_id = :event ORDER BY person_id, slot_id";
// SQLite has no row locks: there the transaction itself (BEGIN IMMEDIATE) is the lock.
constexpr const char* kLockSession =
    "SELECT id FROM workshop_sessions WHERE trust_id = :trust AND id = :id FOR UPDATE";
constexpr const char* kCountInSession =
    "SELECT COUNT(*) FROM placements WHERE trust_id = :trust AND session_id = :id";
constexpr const char* kMovePerson =
    "UPDATE placements SET session_id = :session, moved_by_hand = 1 "
    "WHERE trust_id = :trust AND event_id = :event AND person_id = :person AND slot_id = :slot";

struct RunColumns {
    AllocationRun run;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(run.id));
        statement.exchange(soci::into(run.event_id));
        statement.exchange(soci::into(run.status));
        statement.exchange(soci::into(run.stats));
        statement.exchange(soci::into(run.message));
        statement.exchange(soci::into(run.started_by));
        statement.exchange(soci::into(run.started_at));
        statement.exchange(soci::into(run.finished_at));
    }
    AllocationRun fetched() const { return run; }
};

struct PlacementColumns {
    PlacementRow row;
    long long moved = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(row.person_id));
        statement.exchange(soci::into(row.slot_id));
        statement.exchange(soci::into(row.session_id));
        statement.exchange(soci::into(moved));
    }
    PlacementRow fetched() const {
        PlacementRow result = row;
        result.moved_by_hand = moved != 0;
        return result;
    }
};

std::optional<AllocationRun> run_where(soci::session& sql, const char* tail, long long trust_id,
                                       long long event_id, long long run_id) {
    std::optional<AllocationRun> found;
    RunColumns columns;
    db::fetch_rows(
        sql, std::string(kRunColumns) + tail, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(event_id));
            if (run_id)
                statement.exchange(soci::use(run_id));
        },
        [&](const AllocationRun& run) { found = run; });
    return found;
}

} // namespace

long long insert_run(soci::session& sql, long long trust_id, long long event_id, long long started_by) {
    long long id = 0;
    const long long now = db::now_seconds();
    sql << kInsertRun, soci::use(event_id), soci::use(trust_id), soci::use(started_by), soci::use(now),
        soci::into(id);
    return id;
}

void finish_run(soci::session& sql, long long trust_id, long long run_id, const std::string& status,
                const std::string& stats, const std::string& message) {
    const long long now = db::now_seconds();
    sql << kFinishRun, soci::use(status), soci::use(stats), soci::use(message), soci::use(now),
        soci::use(trust_id), soci::use(run_id);
}

std::optional<AllocationRun> find_run(soci::session& sql, long long trust_id, long long event_id,
                                      long long run_id) {
    return run_where(sql, kOneRun, trust_id, event_id, run_id);
}

std::optional<long long> event_of_run(soci::session& sql, long long trust_id, long long run_id) {
    long long event_id = 0;
    const bool found =
        db::read_one(sql, "SELECT event_id FROM allocation_runs WHERE trust_id = :trust AND id = :id",
                     soci::into(event_id), soci::use(trust_id), soci::use(run_id));
    return found ? std::optional<long long>(event_id) : std::nullopt;
}

std::optional<AllocationRun> latest_run(soci::session& sql, long long trust_id, long long event_id) {
    return run_where(sql, kLatestRun, trust_id, event_id, 0);
}

void replace_placements(soci::session& sql, long long trust_id, long long event_id,
                        const std::vector<PlacementRow>& rows) {
    sql << kDeletePlacements, soci::use(trust_id), soci::use(event_id);
    if (rows.empty())
        return;
    // One prepared statement bound to whole columns: SOCI runs it once per row without re-parsing.
    std::vector<long long> events(rows.size(), event_id), trusts(rows.size(), trust_id), people, slots,
        sessions;
    std::vector<soci::indicator> placed;
    for (const PlacementRow& row : rows) {
        people.push_back(row.person_id);
        slots.push_back(row.slot_id);
        sessions.push_back(row.session_id);
        placed.push_back(row.session_id ? soci::i_ok : soci::i_null);
    }
    sql << kInsertPlacement, soci::use(events), soci::use(trusts), soci::use(people), soci::use(slots),
        soci::use(sessions, placed);
}

std::vector<PlacementRow> placements_of_event(soci::session& sql, long long trust_id, long long event_id) {
    std::vector<PlacementRow> rows;
    PlacementColumns columns;
    db::fetch_rows(
        sql, kPlacementsOf, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(event_id));
        },
        [&](const PlacementRow& row) { rows.push_back(row); });
    return rows;
}

void lock_session(soci::session& sql, long long trust_id, long long session_id) {
    if (sql.get_backend_name() != "postgresql")
        return;
    long long id = 0;
    db::read_one(sql, kLockSession, soci::use(trust_id), soci::use(session_id), soci::into(id));
}

long long count_in_session(soci::session& sql, long long trust_id, long long session_id) {
    long long count = 0;
    db::read_one(sql, kCountInSession, soci::use(trust_id), soci::use(session_id), soci::into(count));
    return count;
}

void move_person(soci::session& sql, long long trust_id, long long event_id, long long person_id,
                 long long slot_id, long long session_id) {
    soci::indicator placed = session_id ? soci::i_ok : soci::i_null;
    sql << kMovePerson, soci::use(session_id, placed), soci::use(trust_id), soci::use(event_id),
        soci::use(person_id), soci::use(slot_id);
}

} // namespace trellis::events::store
