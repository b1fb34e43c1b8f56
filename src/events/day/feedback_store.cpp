#include "events/day/feedback_store.h"

#include "db/rows.h"

namespace trellis::events::feedback_store {

namespace {

constexpr const char* kAttendedWorkshops =
    "SELECT DISTINCT o.id, o.title FROM attendance_marks a "
    "JOIN workshop_sessions s ON s.id = a.session_id AND s.trust_id = a.trust_id "
    "JOIN workshop_offers o ON o.id = s.offer_id AND o.trust_id = s.trust_id "
    "WHERE a.trust_id = :trust AND s.event_id = :event AND a.person_id = :person AND a.session_kind = "
    "'workshop' AND a.status = 'present' "
    "ORDER BY o.title, o.id";

struct WorkshopColumns {
    long long id = 0;
    std::string title;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(id));
        statement.exchange(soci::into(title));
    }
    std::pair<long long, std::string> fetched() const { return {id, title}; }
};

} // namespace

std::vector<std::pair<long long, std::string>> attended_workshops(soci::session& sql, long long trust_id,
                                                                  long long event_id, long long person_id) {
    std::vector<std::pair<long long, std::string>> workshops;
    WorkshopColumns columns;
    db::fetch_rows(
        sql, kAttendedWorkshops, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(event_id));
            statement.exchange(soci::use(person_id));
        },
        [&](const auto& workshop) { workshops.push_back(workshop); });
    return workshops;
}

} // namespace trellis::events::feedback_store
