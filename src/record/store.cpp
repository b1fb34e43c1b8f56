#include "record/store.h"

#include <chrono>
#include <functional>
#include <map>
#include <tuple>

#include "calendar/london_time.h"
#include "calendar/school_year.h"
#include "db/numbered.h"
#include "db/rows.h"
#include "record/logged_store.h"
#include "record/record_row.h"
#include "text/dates.h"

namespace trellis::record::store {

namespace {

// Each source below selects RecordRow's columns for one person's entries: the day, title, what it
// was part of, start and end times, the two ids its link is built from, and the minutes of a
// source that keeps its own length rather than times.
using Row = RecordRow;

// One kind of timed thing a person did, as the tables hold it. The same source answers "what did
// this person do" (the record) and "how much did each school and staff group do" (reports), so both
// count the same things the same way.
struct Source {
    EntryKind kind;
    const char* columns; // Row's columns
    const char* tables;  // FROM and JOINs
    const char* where;   // the trust (:trust) and what counts
    const char* person;  // the column naming who did it
    const char* day;
    const char* starts_at;
    const char* ends_at;
    // For sources that serve priorities: the join that reaches the priority, and its column.
    const char* priority_join = nullptr;
    const char* priority = nullptr;
    // For sources that keep their length in minutes instead of start and end times: its column.
    const char* minutes = nullptr;
};

constexpr const char* kWorkshopTables =
    "workshop_sessions s JOIN workshop_offers o ON o.id = s.offer_id AND o.trust_id = s.trust_id "
    "JOIN events e ON e.id = s.event_id AND e.trust_id = s.trust_id "
    "JOIN event_slots sl ON sl.id = s.slot_id AND sl.trust_id = s.trust_id";
constexpr const char* kWorkshopPriority =
    " JOIN event_priorities ep ON ep.id = o.priority_id AND ep.trust_id = o.trust_id";
constexpr const char* kActivityTables =
    "attendance_marks a JOIN programme_activities pa ON pa.id = a.session_id AND pa.trust_id = a.trust_id "
    "JOIN programmes p ON p.id = pa.programme_id AND p.trust_id = pa.trust_id";
constexpr const char* kProgrammePriority =
    " JOIN programme_priorities pp ON pp.programme_id = p.id AND pp.trust_id = p.trust_id";

const Source kSources[] = {
    // Workshops the person was marked present at on a training day.
    {EntryKind::WorkshopAttended, "e.event_date, o.title, e.title, sl.starts_at, sl.ends_at, e.id, o.id, 0",
     "attendance_marks a JOIN workshop_sessions s ON s.id = a.session_id AND s.trust_id = a.trust_id "
     "JOIN workshop_offers o ON o.id = s.offer_id AND o.trust_id = s.trust_id "
     "JOIN events e ON e.id = s.event_id AND e.trust_id = s.trust_id "
     "JOIN event_slots sl ON sl.id = s.slot_id AND sl.trust_id = s.trust_id",
     "a.trust_id = :trust AND a.session_kind = 'workshop' AND a.status = 'present'", "a.person_id",
     "e.event_date", "sl.starts_at", "sl.ends_at", kWorkshopPriority, "ep.priority_id"},
    // Workshops the person ran, once the day's places were published.
    {EntryKind::WorkshopPresented, "e.event_date, o.title, e.title, sl.starts_at, sl.ends_at, e.id, o.id, 0",
     kWorkshopTables, "s.trust_id = :trust AND e.stage IN ('published', 'feedback')", "o.presenter_id",
     "e.event_date", "sl.starts_at", "sl.ends_at"},
    // Programme sessions attended live, or caught up from the recording.
    {EntryKind::SessionLive, "pa.starts_on, pa.title, p.title, pa.starts_at, pa.ends_at, p.id, pa.id, 0",
     kActivityTables, "a.trust_id = :trust AND a.session_kind = 'activity' AND a.status = 'present'",
     "a.person_id", "pa.starts_on", "pa.starts_at", "pa.ends_at", kProgrammePriority, "pp.priority_id"},
    {EntryKind::SessionCaughtUp, "pa.starts_on, pa.title, p.title, pa.starts_at, pa.ends_at, p.id, pa.id, 0",
     kActivityTables, "a.trust_id = :trust AND a.session_kind = 'activity' AND a.status = 'caught_up'",
     "a.person_id", "pa.starts_on", "pa.starts_at", "pa.ends_at", kProgrammePriority, "pp.priority_id"},
    // Collaboration time in a programme, as a member of a group.
    {EntryKind::Collaboration,
     "pa.starts_on, g.name || ': ' || pa.title, p.title, pa.starts_at, pa.ends_at, p.id, pa.id, 0",
     "collaboration_group_members m JOIN collaboration_groups g ON g.id = m.group_id AND g.trust_id = "
     "m.trust_id JOIN programme_activities pa ON pa.id = g.activity_id AND pa.trust_id = g.trust_id "
     "JOIN programmes p ON p.id = pa.programme_id AND p.trust_id = pa.trust_id",
     "m.trust_id = :trust", "m.person_id", "pa.starts_on", "pa.starts_at", "pa.ends_at", kProgrammePriority,
     "pp.priority_id"},
    // Meetings of a standing group the person came to. A meeting in a programme's collaboration time
    // counts once: not again for someone whose group for that time already counts it.
    {EntryKind::GroupMeeting, "gm.day, g.name, 'With your group', '', '', g.id, gm.id, gm.minutes",
     "group_meeting_people gp JOIN group_meetings gm ON gm.id = gp.meeting_id AND gm.trust_id = gp.trust_id "
     "JOIN collaboration_groups g ON g.id = gm.group_id AND g.trust_id = gm.trust_id",
     "gp.trust_id = :trust AND NOT EXISTS (SELECT 1 FROM collaboration_group_members sm JOIN "
     "collaboration_groups sg ON sg.id = sm.group_id AND sg.trust_id = sm.trust_id WHERE sm.trust_id = "
     "gp.trust_id AND sm.person_id = gp.person_id AND sg.activity_id = gm.activity_id)",
     "gp.person_id", "gm.day", "''", "''", nullptr, nullptr, "gm.minutes"},
    // Mentoring and coaching meetings, on either side of the pair.
    {EntryKind::MentoringGiven,
     "mm.day, mm.focus, 'With ' || other.first_name || ' ' || other.last_name, '', '', mp.id, mm.id, "
     "mm.minutes",
     "mentoring_meetings mm JOIN mentoring_pairs mp ON mp.id = mm.pair_id AND mp.trust_id = mm.trust_id "
     "JOIN people other ON other.id = mp.mentee_id AND other.trust_id = mp.trust_id",
     "mm.trust_id = :trust", "mp.mentor_id", "mm.day", "''", "''", nullptr, nullptr, "mm.minutes"},
    {EntryKind::MentoringReceived,
     "mm.day, mm.focus, 'With ' || other.first_name || ' ' || other.last_name, '', '', mp.id, mm.id, "
     "mm.minutes",
     "mentoring_meetings mm JOIN mentoring_pairs mp ON mp.id = mm.pair_id AND mp.trust_id = mm.trust_id "
     "JOIN people other ON other.id = mp.mentor_id AND other.trust_id = mp.trust_id",
     "mm.trust_id = :trust", "mp.mentee_id", "mm.day", "''", "''", nullptr, nullptr, "mm.minutes"},
    // Peer observations once the observer has written the note, for both of them.
    {EntryKind::ObservationGiven,
     "o.day, o.what_to_watch, 'Watching ' || other.first_name || ' ' || other.last_name, '', '', o.id, 0, "
     "o.minutes",
     "peer_observations o JOIN people other ON other.id = o.host_id AND other.trust_id = o.trust_id",
     "o.trust_id = :trust AND o.status = 'written'", "o.observer_id", "o.day", "''", "''", nullptr, nullptr,
     "o.minutes"},
    {EntryKind::ObservationReceived,
     "o.day, o.what_to_watch, 'Watched by ' || other.first_name || ' ' || other.last_name, '', '', o.id, 0, "
     "o.minutes",
     "peer_observations o JOIN people other ON other.id = o.observer_id AND other.trust_id = o.trust_id",
     "o.trust_id = :trust AND o.status = 'written'", "o.host_id", "o.day", "''", "''", nullptr, nullptr,
     "o.minutes"},
};

// Modules, from the certificates: no day (it is made from when the certificate was issued, the
// id), the module's title, its slug as the context, and its hours as text (the engines round a
// REAL to an integer differently) as starts_at.
constexpr const char* kCertificates =
    "'', module_title, module_slug, CAST(hours AS TEXT), '', issued_at, 0, 0 FROM certificates "
    "WHERE trust_id = :trust AND person_id = :person";
// Rows of the certificates and of the logged entries are led by these, after the sources' places.
constexpr long long kCertificatePart = std::size(kSources), kLoggedPart = kCertificatePart + 1;

// `part` with its :trust and :person renamed for its place in the read (:trust3, :person3).
std::string numbered(const std::string& part, long long place) {
    return db::numbered(part, {":trust", ":person"}, static_cast<std::size_t>(place));
}

// Everything on one person's record in one read: every source's entries, the certificates and the
// logged entries, each row led by its part's place. Each part takes the trust and the person under
// names of its own (:trust0, :person0, ...).
std::string entries_query() {
    std::string query;
    long long place = 0;
    for (const Source& source : kSources) {
        query += std::string(query.empty() ? "" : " UNION ALL ") + "SELECT " + std::to_string(place) + ", " +
                 numbered(std::string(source.columns) + " FROM " + source.tables + " WHERE " + source.where +
                              " AND " + source.person + " = :person",
                          place);
        ++place;
    }
    query += " UNION ALL SELECT " + std::to_string(kCertificatePart) + ", " +
             numbered(kCertificates, kCertificatePart);
    query += " UNION ALL SELECT " + std::to_string(kLoggedPart) + ", " +
             numbered(logged_store::kRecordPart, kLoggedPart);
    return query + " ORDER BY 1";
}

// The source's times grouped by the school and staff group of who did them (and the priority they
// served), between two days.
std::string grouped_query(const Source& source, bool by_priority) {
    if (source.minutes)
        return std::string("SELECT 0, pe.school_id, pe.staff_group, '', '', SUM(") + source.minutes +
               ") FROM " + source.tables + " JOIN people pe ON pe.id = " + source.person + " WHERE " +
               source.where + " AND " + source.day + " >= :from AND " + source.day +
               " <= :to GROUP BY pe.school_id, pe.staff_group";
    const std::string priority = by_priority ? std::string(source.priority) : std::string("0");
    return "SELECT " + priority + ", pe.school_id, pe.staff_group, " + source.starts_at + ", " +
           source.ends_at + ", COUNT(*) FROM " + source.tables + (by_priority ? source.priority_join : "") +
           " JOIN people pe ON pe.id = " + source.person + " WHERE " + source.where + " AND " + source.day +
           " >= :from AND " + source.day + " <= :to GROUP BY " +
           (by_priority ? priority + ", " : std::string()) + "pe.school_id, pe.staff_group, " +
           source.starts_at + ", " + source.ends_at;
}

std::string link_of(EntryKind kind, const Row& row) {
    switch (kind) {
    case EntryKind::WorkshopAttended:
    case EntryKind::WorkshopPresented:
        return "/events/" + std::to_string(row.id);
    case EntryKind::MentoringGiven:
    case EntryKind::MentoringReceived:
        return "/mentoring/pairs/" + std::to_string(row.id);
    case EntryKind::ObservationGiven:
    case EntryKind::ObservationReceived:
        return "/observations/" + std::to_string(row.id);
    case EntryKind::GroupMeeting:
        return "/groups/" + std::to_string(row.id) + "#meeting-" + std::to_string(row.other_id);
    default:
        return "/programmes/" + std::to_string(row.id) + "#activity-" + std::to_string(row.other_id);
    }
}

Entry source_entry(const Source& source, const Row& row) {
    const long long minutes =
        source.minutes ? row.minutes : calendar::minutes_between(row.starts_at, row.ends_at);
    return Entry{.day = row.day,
                 .kind = source.kind,
                 .title = row.title,
                 .context = row.context,
                 .minutes = static_cast<int>(minutes),
                 .link = link_of(source.kind, row),
                 .reflection = {}};
}

// A module, from its certificate: the day it was issued, and the module's hours.
Entry module_entry(const Row& row) {
    const double hours = std::stod(row.starts_at);
    return Entry{.day = text::utc(row.id, "%Y-%m-%d"),
                 .kind = EntryKind::Module,
                 .title = row.title,
                 .context = "Online learning",
                 .minutes = static_cast<int>(hours * 60 + 0.5),
                 .link = "/learning/" + row.context,
                 .reflection = {}};
}

} // namespace

std::vector<Entry> entries_of(soci::session& sql, long long trust_id, long long person_id) {
    static const std::string query = entries_query();
    std::vector<Entry> entries;
    struct SourcedRow {
        long long source = 0;
        Row row;
        void exchange_into(soci::statement& statement) {
            statement.exchange(soci::into(source));
            row.exchange_into(statement);
        }
        const SourcedRow& fetched() const { return *this; }
    } sourced;
    db::fetch_rows(
        sql, query, sourced,
        [&](soci::statement& statement) {
            for (long long part = 0; part <= kLoggedPart; ++part) {
                statement.exchange(soci::use(trust_id));
                statement.exchange(soci::use(person_id));
            }
        },
        [&](const SourcedRow& found) {
            if (found.source == kLoggedPart)
                entries.push_back(logged_store::from_record_row(found.row));
            else if (found.source == kCertificatePart)
                entries.push_back(module_entry(found.row));
            else
                entries.push_back(source_entry(kSources[found.source], found.row));
        });
    return entries;
}

std::vector<GroupMinutes> minutes_by_group(soci::session& sql, long long trust_id, const std::string& from,
                                           const std::string& to, bool by_priority) {
    std::map<std::tuple<long long, long long, std::string>, long long> minutes;
    long long priority_id = 0, school_id = 0, count = 0;
    soci::indicator school_known = soci::i_ok;
    std::string group, starts_at, ends_at;
    // Certificates carry the moment they were issued: the two days as seconds since 1970 (UTC).
    const auto first = calendar::parse_day(from), last = calendar::parse_day(to);
    if (!first || !last)
        return {};
    long long from_seconds = std::chrono::sys_seconds(*first).time_since_epoch().count(),
              to_seconds =
                  std::chrono::sys_seconds(*last + std::chrono::days(1)).time_since_epoch().count() - 1;
    auto read = [&](const std::string& query, bool timed) {
        soci::statement statement(sql);
        statement.exchange(soci::use(trust_id));
        if (query.find("certificates") != std::string::npos) {
            statement.exchange(soci::use(from_seconds));
            statement.exchange(soci::use(to_seconds));
        } else {
            statement.exchange(soci::use(from));
            statement.exchange(soci::use(to));
        }
        statement.exchange(soci::into(priority_id));
        statement.exchange(soci::into(school_id, school_known));
        statement.exchange(soci::into(group));
        statement.exchange(soci::into(starts_at));
        statement.exchange(soci::into(ends_at));
        statement.exchange(soci::into(count));
        statement.alloc();
        statement.prepare(query, soci::details::st_one_time_query);
        statement.define_and_bind();
        statement.execute(false);
        while (statement.fetch()) {
            const long long each = timed ? calendar::minutes_between(starts_at, ends_at) : 0;
            minutes[{priority_id, school_known == soci::i_null ? 0 : school_id, group}] += each * count;
        }
    };
    for (const Source& source : kSources)
        if (!by_priority || source.priority)
            read(grouped_query(source, by_priority), source.minutes == nullptr);
    if (!by_priority) {
        // Modules by their certificates' hours, and what people logged, by their own minutes; the
        // times columns are empty, and the sum arrives in place of the count.
        read("SELECT 0, pe.school_id, pe.staff_group, '', '', CAST(SUM(c.hours * 60 + 0.5) AS BIGINT) "
             "FROM certificates c JOIN people pe ON pe.id = c.person_id WHERE c.trust_id = :trust AND "
             "c.issued_at >= :from AND c.issued_at <= :to GROUP BY pe.school_id, pe.staff_group",
             false);
        read("SELECT 0, pe.school_id, pe.staff_group, '', '', SUM(r.minutes) FROM record_entries r "
             "JOIN people pe ON pe.id = r.person_id WHERE r.trust_id = :trust AND r.day >= :from AND "
             "r.day <= :to GROUP BY pe.school_id, pe.staff_group",
             false);
    }
    std::vector<GroupMinutes> groups;
    for (const auto& [key, total] : minutes)
        groups.push_back(
            {std::get<0>(key), std::get<1>(key),
             people::staff_group_from_text(std::get<2>(key)).value_or(people::StaffGroup::Teacher), total});
    return groups;
}

} // namespace trellis::record::store
