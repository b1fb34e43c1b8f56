#include "events/day/day_store.h"

#include "db/database.h"
#include "db/rows.h"

namespace trellis::events::day_store {

namespace {

constexpr const char* kSessionsOf =
    "SELECT s.id, s.offer_id, o.title, o.summary, o.presenter_id, p.first_name, p.last_name, sl.id, "
    "sl.position, sl.starts_at, sl.ends_at, r.id, r.name, r.capacity, "
    "(SELECT COUNT(*) FROM placements pl WHERE pl.trust_id = :trust1 AND pl.session_id = s.id) "
    "FROM workshop_sessions s "
    "JOIN workshop_offers o ON o.id = s.offer_id AND o.trust_id = s.trust_id "
    "JOIN people p ON p.id = o.presenter_id AND p.trust_id = s.trust_id "
    "JOIN event_slots sl ON sl.id = s.slot_id AND sl.trust_id = s.trust_id "
    "JOIN event_rooms r ON r.id = s.room_id AND r.trust_id = s.trust_id "
    "WHERE s.trust_id = :trust2 AND s.event_id = :event ORDER BY sl.position, sl.id, r.name, s.id";
constexpr const char* kPlacedSessions =
    "SELECT session_id FROM placements WHERE trust_id = :trust AND event_id = :event AND person_id = :person "
    "AND session_id IS NOT NULL";
constexpr const char* kRegisterOf =
    "SELECT p.id, p.first_name, p.last_name, COALESCE(sc.name, ''), p.staff_group, "
    "CASE WHEN a.status IS NULL THEN -1 WHEN a.status = 'present' THEN 1 ELSE 0 END "
    "FROM placements pl JOIN people p ON p.id = pl.person_id AND p.trust_id = pl.trust_id "
    "LEFT JOIN schools sc ON sc.id = p.school_id AND sc.trust_id = p.trust_id "
    "LEFT JOIN attendance_marks a ON a.session_kind = 'workshop' AND a.session_id = pl.session_id "
    "AND a.person_id = pl.person_id "
    "AND a.trust_id = pl.trust_id "
    "WHERE pl.trust_id = :trust AND pl.session_id = :session ORDER BY p.last_name, p.first_name, p.id";

struct SessionColumns {
    SessionView view;
    std::string first_name, last_name;
    long long position = 0, capacity = 0, placed = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(view.id));
        statement.exchange(soci::into(view.offer_id));
        statement.exchange(soci::into(view.title));
        statement.exchange(soci::into(view.summary));
        statement.exchange(soci::into(view.presenter_id));
        statement.exchange(soci::into(first_name));
        statement.exchange(soci::into(last_name));
        statement.exchange(soci::into(view.slot.id));
        statement.exchange(soci::into(position));
        statement.exchange(soci::into(view.slot.starts_at));
        statement.exchange(soci::into(view.slot.ends_at));
        statement.exchange(soci::into(view.room.id));
        statement.exchange(soci::into(view.room.name));
        statement.exchange(soci::into(capacity));
        statement.exchange(soci::into(placed));
    }
    SessionView fetched() const {
        SessionView result = view;
        result.presenter_name = first_name + " " + last_name;
        result.slot.position = static_cast<int>(position);
        result.room.capacity = static_cast<int>(capacity);
        result.placed = static_cast<int>(placed);
        return result;
    }
};

struct RegisterColumns {
    RegisterEntry entry;
    std::string first_name, last_name, staff_group;
    long long present = -1;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(entry.person_id));
        statement.exchange(soci::into(first_name));
        statement.exchange(soci::into(last_name));
        statement.exchange(soci::into(entry.school_name));
        statement.exchange(soci::into(staff_group));
        statement.exchange(soci::into(present));
    }
    RegisterEntry fetched() const {
        RegisterEntry result = entry;
        result.name = first_name + " " + last_name;
        if (result.school_name.empty())
            result.school_name = "Central team";
        result.staff_group = people::staff_group_from_text(staff_group).value_or(people::StaffGroup::Teacher);
        if (present >= 0)
            result.present = present == 1;
        return result;
    }
};

struct IdColumn {
    long long id = 0;
    void exchange_into(soci::statement& statement) { statement.exchange(soci::into(id)); }
    long long fetched() const { return id; }
};

} // namespace

std::vector<SessionView> sessions_of(soci::session& sql, long long trust_id, long long event_id) {
    std::vector<SessionView> sessions;
    SessionColumns columns;
    db::fetch_rows(
        sql, kSessionsOf, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(event_id));
        },
        [&](const SessionView& view) { sessions.push_back(view); });
    return sessions;
}

std::vector<long long> placed_sessions(soci::session& sql, long long trust_id, long long event_id,
                                       long long person_id) {
    std::vector<long long> ids;
    IdColumn column;
    db::fetch_rows(
        sql, kPlacedSessions, column,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(event_id));
            statement.exchange(soci::use(person_id));
        },
        [&](long long id) { ids.push_back(id); });
    return ids;
}

std::vector<RegisterEntry> register_of(soci::session& sql, long long trust_id, long long session_id) {
    std::vector<RegisterEntry> entries;
    RegisterColumns columns;
    db::fetch_rows(
        sql, kRegisterOf, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(session_id));
        },
        [&](const RegisterEntry& entry) { entries.push_back(entry); });
    return entries;
}

} // namespace trellis::events::day_store
