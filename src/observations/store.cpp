#include "observations/store.h"

#include "db/database.h"
#include "db/rows.h"

namespace trellis::observations::store {

namespace {

constexpr const char* kColumns =
    "SELECT o.id, o.host_id, h.first_name || ' ' || h.last_name, o.observer_id, w.first_name || ' ' || "
    "w.last_name, o.day, o.minutes, o.what_to_watch, o.focus, COALESCE(o.step_id, 0), COALESCE(st.title, "
    "''), "
    "o.status, o.what_i_saw, o.what_i_wondered, o.one_thing_to_try FROM peer_observations o JOIN people h ON "
    "h.id = o.host_id AND h.trust_id = o.trust_id JOIN people w ON w.id = o.observer_id AND w.trust_id = "
    "o.trust_id LEFT JOIN coaching_steps st ON st.id = o.step_id AND st.trust_id = o.trust_id WHERE "
    "o.trust_id = :trust ";

struct Columns {
    Observation observation;
    long long minutes = 0;
    std::string status;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(observation.id));
        statement.exchange(soci::into(observation.host_id));
        statement.exchange(soci::into(observation.host_name));
        statement.exchange(soci::into(observation.observer_id));
        statement.exchange(soci::into(observation.observer_name));
        statement.exchange(soci::into(observation.day));
        statement.exchange(soci::into(minutes));
        statement.exchange(soci::into(observation.what_to_watch));
        statement.exchange(soci::into(observation.focus));
        statement.exchange(soci::into(observation.step_id));
        statement.exchange(soci::into(observation.step_title));
        statement.exchange(soci::into(status));
        statement.exchange(soci::into(observation.what_i_saw));
        statement.exchange(soci::into(observation.what_i_wondered));
        statement.exchange(soci::into(observation.one_thing_to_try));
    }
    Observation fetched() const {
        Observation row = observation;
        row.minutes = static_cast<int>(minutes);
        row.status = status_from_text(status).value_or(Status::Invited);
        return row;
    }
};

} // namespace

long long insert(soci::session& sql, long long trust_id, const Observation& observation) {
    const long long now = db::now_seconds(), minutes = observation.minutes, step = observation.step_id;
    soci::indicator step_known = step ? soci::i_ok : soci::i_null;
    const std::string status = text_of(observation.status);
    long long id = 0;
    sql << "INSERT INTO peer_observations (trust_id, host_id, observer_id, day, minutes, what_to_watch, "
           "focus, "
           "step_id, status, created_at) VALUES (:trust, :host, :observer, :day, :minutes, :watch, :focus, "
           ":step, :status, :now) RETURNING id",
        soci::use(trust_id), soci::use(observation.host_id), soci::use(observation.observer_id),
        soci::use(observation.day), soci::use(minutes), soci::use(observation.what_to_watch),
        soci::use(observation.focus), soci::use(step, step_known), soci::use(status), soci::use(now),
        soci::into(id);
    return id;
}

std::optional<Observation> find(soci::session& sql, long long trust_id, long long observation_id) {
    std::optional<Observation> found;
    Columns columns;
    db::fetch_rows(
        sql, std::string(kColumns) + "AND o.id = :id", columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(observation_id));
        },
        [&](const Observation& observation) { found = observation; });
    return found;
}

std::vector<Observation> of_person(soci::session& sql, long long trust_id, long long person_id) {
    std::vector<Observation> found;
    Columns columns;
    db::fetch_rows(
        sql,
        std::string(kColumns) +
            "AND (o.host_id = :host OR o.observer_id = :observer) ORDER BY o.day DESC, o.id DESC",
        columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(person_id));
            statement.exchange(soci::use(person_id));
        },
        [&](const Observation& observation) { found.push_back(observation); });
    return found;
}

void write_note(soci::session& sql, long long trust_id, long long observation_id, const Note& note) {
    const long long now = db::now_seconds();
    const std::string written = text_of(Status::Written);
    sql << "UPDATE peer_observations SET what_i_saw = :saw, what_i_wondered = :wondered, one_thing_to_try = "
           ":try, status = :status, written_at = :now WHERE trust_id = :trust AND id = :id",
        soci::use(note.what_i_saw), soci::use(note.what_i_wondered), soci::use(note.one_thing_to_try),
        soci::use(written), soci::use(now), soci::use(trust_id), soci::use(observation_id);
}

void decline(soci::session& sql, long long trust_id, long long observation_id) {
    const std::string declined = text_of(Status::Declined);
    sql << "UPDATE peer_observations SET status = :status WHERE trust_id = :trust AND id = :id",
        soci::use(declined), soci::use(trust_id), soci::use(observation_id);
}

} // namespace trellis::observations::store
