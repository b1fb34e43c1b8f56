#include "priorities/store.h"

#include "db/database.h"
#include "db/rows.h"
#include "events/model.h"

namespace trellis::priorities::store {

namespace {

constexpr const char* kColumns =
    "SELECT p.id, p.trust_id, COALESCE(p.school_id, 0), COALESCE(s.name, ''), p.title, p.meaning, "
    "p.staff_groups, p.phases, COALESCE(p.owner_id, 0), COALESCE(o.first_name || ' ' || o.last_name, ''), "
    "p.success FROM priorities p LEFT JOIN schools s ON s.id = p.school_id AND s.trust_id = p.trust_id "
    "LEFT JOIN people o ON o.id = p.owner_id AND o.trust_id = p.trust_id ";
constexpr const char* kInsert =
    "INSERT INTO priorities (trust_id, school_id, title, meaning, staff_groups, phases, owner_id, success, "
    "created_at, updated_at) VALUES (:trust, :school, :title, :meaning, :groups, :phases, :owner, :success, "
    ":now1, :now2) RETURNING id";
constexpr const char* kUpdate =
    "UPDATE priorities SET title = :title, meaning = :meaning, staff_groups = :groups, phases = :phases, "
    "owner_id = :owner, success = :success, updated_at = :now WHERE trust_id = :trust AND id = :id";
constexpr const char* kRetitleBriefs =
    "UPDATE event_priorities SET title = :title WHERE trust_id = :trust AND priority_id = :id";
constexpr const char* kClearAdopted =
    "DELETE FROM school_priorities WHERE trust_id = :trust AND school_id = :school";
constexpr const char* kAdopt =
    "INSERT INTO school_priorities (school_id, priority_id, trust_id) SELECT :school, id, trust_id FROM "
    "priorities WHERE trust_id = :trust AND id = :id AND school_id IS NULL";
constexpr const char* kAddMissingFromEvent =
    "INSERT INTO priorities (trust_id, title, created_at, updated_at) SELECT :trust1, MIN(ep.title), :now1, "
    ":now2 FROM event_priorities ep WHERE ep.trust_id = :trust2 AND ep.event_id = :event AND NOT EXISTS "
    "(SELECT 1 FROM priorities p WHERE p.trust_id = ep.trust_id AND p.school_id IS NULL AND "
    "LOWER(p.title) = LOWER(ep.title)) GROUP BY LOWER(ep.title)";
constexpr const char* kLinkEvent =
    "UPDATE event_priorities SET priority_id = (SELECT MIN(p.id) FROM priorities p WHERE p.trust_id = "
    "event_priorities.trust_id AND p.school_id IS NULL AND LOWER(p.title) = LOWER(event_priorities.title)) "
    "WHERE trust_id = :trust AND event_id = :event";

struct PriorityColumns {
    Priority priority;
    std::string groups;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(priority.id));
        statement.exchange(soci::into(priority.trust_id));
        statement.exchange(soci::into(priority.school_id));
        statement.exchange(soci::into(priority.school_name));
        statement.exchange(soci::into(priority.title));
        statement.exchange(soci::into(priority.meaning));
        statement.exchange(soci::into(groups));
        statement.exchange(soci::into(priority.phases));
        statement.exchange(soci::into(priority.owner_id));
        statement.exchange(soci::into(priority.owner_name));
        statement.exchange(soci::into(priority.success));
    }
    Priority fetched() const {
        Priority result = priority;
        result.staff_groups = people::staff_groups_from_text(groups);
        return result;
    }
};

// Binds a priority's fields for kInsert and kUpdate: a null school and owner when there is none.
struct Bound {
    long long school, owner;
    soci::indicator school_indicator, owner_indicator;
    std::string groups;
    explicit Bound(const Priority& priority)
        : school(priority.school_id), owner(priority.owner_id),
          school_indicator(priority.school_id ? soci::i_ok : soci::i_null),
          owner_indicator(priority.owner_id ? soci::i_ok : soci::i_null),
          groups(people::text_of(priority.staff_groups)) {}
};

} // namespace

std::vector<Priority> priorities_of(soci::session& sql, long long trust_id, long long school_id) {
    std::vector<Priority> found;
    PriorityColumns columns;
    const std::string where = school_id ? "WHERE p.trust_id = :trust AND p.school_id = :school ORDER BY p.id"
                                        : "WHERE p.trust_id = :trust AND p.school_id IS NULL ORDER BY p.id";
    db::fetch_rows(
        sql, kColumns + where, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            if (school_id)
                statement.exchange(soci::use(school_id));
        },
        [&](const Priority& priority) { found.push_back(priority); });
    return found;
}

std::vector<Priority> every_priority(soci::session& sql, long long trust_id) {
    std::vector<Priority> found;
    PriorityColumns columns;
    db::fetch_rows(
        sql, std::string(kColumns) + "WHERE p.trust_id = :trust ORDER BY p.id", columns,
        [&](soci::statement& statement) { statement.exchange(soci::use(trust_id)); },
        [&](const Priority& priority) { found.push_back(priority); });
    return found;
}

std::map<long long, std::vector<long long>> every_adoption(soci::session& sql, long long trust_id) {
    std::map<long long, std::vector<long long>> adopted;
    long long school_id = 0, priority_id = 0;
    auto statement =
        db::run_once(sql,
                     "SELECT school_id, priority_id FROM school_priorities WHERE trust_id = :trust "
                     "ORDER BY school_id, priority_id",
                     soci::use(trust_id), soci::into(school_id), soci::into(priority_id));
    while (statement.fetch())
        adopted[school_id].push_back(priority_id);
    return adopted;
}

std::optional<Priority> find_priority(soci::session& sql, long long trust_id, long long priority_id) {
    std::optional<Priority> found;
    PriorityColumns columns;
    db::fetch_rows(
        sql, std::string(kColumns) + "WHERE p.trust_id = :trust AND p.id = :id", columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(priority_id));
        },
        [&](const Priority& priority) { found = priority; });
    return found;
}

long long insert_priority(soci::session& sql, const Priority& priority) {
    Bound bound(priority);
    const long long now = db::now_seconds();
    long long id = 0;
    sql << kInsert, soci::use(priority.trust_id), soci::use(bound.school, bound.school_indicator),
        soci::use(priority.title), soci::use(priority.meaning), soci::use(bound.groups),
        soci::use(priority.phases), soci::use(bound.owner, bound.owner_indicator),
        soci::use(priority.success), soci::use(now), soci::use(now), soci::into(id);
    return id;
}

void update_priority(soci::session& sql, const Priority& priority) {
    Bound bound(priority);
    const long long now = db::now_seconds();
    sql << kUpdate, soci::use(priority.title), soci::use(priority.meaning), soci::use(bound.groups),
        soci::use(priority.phases), soci::use(bound.owner, bound.owner_indicator),
        soci::use(priority.success), soci::use(now), soci::use(priority.trust_id), soci::use(priority.id);
    sql << kRetitleBriefs, soci::use(priority.title), soci::use(priority.trust_id), soci::use(priority.id);
}

void set_adopted(soci::session& sql, long long trust_id, long long school_id,
                 const std::vector<long long>& ids) {
    sql << kClearAdopted, soci::use(trust_id), soci::use(school_id);
    for (long long id : ids)
        sql << kAdopt, soci::use(school_id), soci::use(trust_id), soci::use(id);
}

void link_event_priorities(soci::session& sql, long long trust_id, long long event_id) {
    const long long now = db::now_seconds();
    sql << kAddMissingFromEvent, soci::use(trust_id), soci::use(now), soci::use(now), soci::use(trust_id),
        soci::use(event_id);
    sql << kLinkEvent, soci::use(trust_id), soci::use(event_id);
}

} // namespace trellis::priorities::store
