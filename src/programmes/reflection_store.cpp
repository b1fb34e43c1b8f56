#include "programmes/reflection_store.h"

#include "db/database.h"
#include "db/rows.h"

namespace trellis::programmes::reflection_store {

namespace {

std::set<long long> ids(db::StatementRun& statement, const long long& id) {
    std::set<long long> found;
    while (statement.fetch())
        found.insert(id);
    return found;
}

} // namespace

std::optional<Reflection> reflection_of(soci::session& sql, long long trust_id, long long activity_id,
                                        long long person_id) {
    Reflection reflection;
    if (!db::read_one(
            sql,
            "SELECT body, written_at FROM activity_reflections WHERE trust_id = :trust AND activity_id = "
            ":activity AND person_id = :person",
            soci::use(trust_id), soci::use(activity_id), soci::use(person_id), soci::into(reflection.body),
            soci::into(reflection.written_at)))
        return std::nullopt;
    return reflection;
}

void save_reflection(soci::session& sql, long long trust_id, long long activity_id, long long person_id,
                     const std::string& body) {
    const long long now = db::now_seconds();
    sql << "DELETE FROM activity_reflections WHERE trust_id = :trust AND activity_id = :activity AND "
           "person_id = :person",
        soci::use(trust_id), soci::use(activity_id), soci::use(person_id);
    sql << "INSERT INTO activity_reflections (trust_id, activity_id, person_id, body, written_at) SELECT "
           "trust_id, id, :person, :body, :at FROM programme_activities WHERE trust_id = :trust AND id = "
           ":activity",
        soci::use(person_id), soci::use(body), soci::use(now), soci::use(trust_id), soci::use(activity_id);
}

std::set<long long> writers_of(soci::session& sql, long long trust_id, long long activity_id) {
    long long id = 0;
    auto statement =
        db::run_once(sql,
                     "SELECT person_id FROM activity_reflections WHERE trust_id = :trust AND activity_id = "
                     ":activity",
                     soci::use(trust_id), soci::use(activity_id), soci::into(id));
    return ids(statement, id);
}

const char* const kWrittenRows = "SELECT activity_id, '', '', 0, 0, 0, 0, 0 FROM activity_reflections WHERE "
                                 "trust_id = :trust AND person_id = :person";

} // namespace trellis::programmes::reflection_store
