#include "record/store.h"

#include <functional>

#include "db/rows.h"
#include "text/dates.h"

namespace trellis::record::store {

namespace {

// Minutes between two "HH:MM" times on the same day; 0 when either is missing or they are reversed.
int minutes_between(const std::string& from, const std::string& to) {
    auto minute_of = [](const std::string& time) {
        return time.size() == 5 ? std::stoi(time.substr(0, 2)) * 60 + std::stoi(time.substr(3, 2)) : -1;
    };
    const int start = minute_of(from), end = minute_of(to);
    return start >= 0 && end > start ? end - start : 0;
}

// Columns every source below selects: the day, title, what it was part of, start and end times, and
// the two ids its link is built from.
struct Row {
    std::string day, title, context, starts_at, ends_at;
    long long id = 0, other_id = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(day));
        statement.exchange(soci::into(title));
        statement.exchange(soci::into(context));
        statement.exchange(soci::into(starts_at));
        statement.exchange(soci::into(ends_at));
        statement.exchange(soci::into(id));
        statement.exchange(soci::into(other_id));
    }
    Row fetched() const { return *this; }
};

// Workshops the person was marked present at, or ran, on a training day.
constexpr const char* kWorkshopsAttended =
    "SELECT e.event_date, o.title, e.title, sl.starts_at, sl.ends_at, e.id, o.id FROM attendance_marks a "
    "JOIN workshop_sessions s ON s.id = a.session_id AND s.trust_id = a.trust_id "
    "JOIN workshop_offers o ON o.id = s.offer_id AND o.trust_id = s.trust_id "
    "JOIN events e ON e.id = s.event_id AND e.trust_id = s.trust_id "
    "JOIN event_slots sl ON sl.id = s.slot_id AND sl.trust_id = s.trust_id "
    "WHERE a.trust_id = :trust AND a.person_id = :person AND a.session_kind = 'workshop' AND a.status = "
    "'present'";
constexpr const char* kWorkshopsPresented =
    "SELECT e.event_date, o.title, e.title, sl.starts_at, sl.ends_at, e.id, o.id FROM workshop_sessions s "
    "JOIN workshop_offers o ON o.id = s.offer_id AND o.trust_id = s.trust_id "
    "JOIN events e ON e.id = s.event_id AND e.trust_id = s.trust_id "
    "JOIN event_slots sl ON sl.id = s.slot_id AND sl.trust_id = s.trust_id "
    "WHERE s.trust_id = :trust AND o.presenter_id = :person AND e.stage IN ('published', 'feedback')";
// Programme sessions attended live or caught up from the recording; the status picks which.
constexpr const char* kSessions =
    "SELECT pa.starts_on, pa.title, p.title, pa.starts_at, pa.ends_at, p.id, pa.id FROM attendance_marks a "
    "JOIN programme_activities pa ON pa.id = a.session_id AND pa.trust_id = a.trust_id "
    "JOIN programmes p ON p.id = pa.programme_id AND p.trust_id = pa.trust_id "
    "WHERE a.trust_id = :trust AND a.person_id = :person AND a.session_kind = 'activity' AND a.status = "
    ":status";
constexpr const char* kCollaboration =
    "SELECT pa.starts_on, g.name || ': ' || pa.title, p.title, pa.starts_at, pa.ends_at, p.id, pa.id "
    "FROM collaboration_group_members m "
    "JOIN collaboration_groups g ON g.id = m.group_id AND g.trust_id = m.trust_id "
    "JOIN programme_activities pa ON pa.id = g.activity_id AND pa.trust_id = g.trust_id "
    "JOIN programmes p ON p.id = pa.programme_id AND p.trust_id = pa.trust_id "
    "WHERE m.trust_id = :trust AND m.person_id = :person";

void read(soci::session& sql, const char* query, long long trust_id, long long person_id,
          const std::string* status, const std::function<void(const Row&)>& visit) {
    Row row;
    db::fetch_rows(
        sql, query, row,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(person_id));
            if (status)
                statement.exchange(soci::use(*status));
        },
        visit);
}

std::string event_link(const Row& row) {
    return "/events/" + std::to_string(row.id);
}
std::string activity_link(const Row& row) {
    return "/programmes/" + std::to_string(row.id) + "#activity-" + std::to_string(row.other_id);
}

} // namespace

std::vector<Entry> entries_of(soci::session& sql, long long trust_id, long long person_id) {
    std::vector<Entry> entries;
    auto add = [&](EntryKind kind, auto link_of) {
        return [&entries, kind, link_of](const Row& row) {
            entries.push_back(Entry{.day = row.day,
                                    .kind = kind,
                                    .title = row.title,
                                    .context = row.context,
                                    .minutes = minutes_between(row.starts_at, row.ends_at),
                                    .link = link_of(row)});
        };
    };
    read(sql, kWorkshopsAttended, trust_id, person_id, nullptr, add(EntryKind::WorkshopAttended, event_link));
    read(sql, kWorkshopsPresented, trust_id, person_id, nullptr,
         add(EntryKind::WorkshopPresented, event_link));
    const std::string present = "present", caught_up = "caught_up";
    read(sql, kSessions, trust_id, person_id, &present, add(EntryKind::SessionLive, activity_link));
    read(sql, kSessions, trust_id, person_id, &caught_up, add(EntryKind::SessionCaughtUp, activity_link));
    read(sql, kCollaboration, trust_id, person_id, nullptr, add(EntryKind::Collaboration, activity_link));

    // Modules: the certificate carries the day it was issued and the module's hours.
    std::string slug, title;
    double hours = 0;
    long long issued_at = 0;
    soci::statement modules =
        (sql.prepare
             << "SELECT module_slug, module_title, hours, issued_at FROM certificates WHERE trust_id = "
                ":trust AND person_id = :person",
         soci::use(trust_id), soci::use(person_id), soci::into(slug), soci::into(title), soci::into(hours),
         soci::into(issued_at));
    modules.execute();
    while (modules.fetch())
        entries.push_back(Entry{.day = text::utc(issued_at, "%Y-%m-%d"),
                                .kind = EntryKind::Module,
                                .title = title,
                                .context = "Online learning",
                                .minutes = static_cast<int>(hours * 60 + 0.5),
                                .link = "/learning/" + slug});
    return entries;
}

} // namespace trellis::record::store
