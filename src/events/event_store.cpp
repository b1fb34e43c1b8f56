#include "events/event_store.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "db/database.h"
#include "db/numbered.h"
#include "db/rows.h"

namespace trellis::events::store {

namespace {

constexpr const char* kInsertEvent =
    "INSERT INTO events (trust_id, title, event_date, venue, stage, choices_wanted, reserves_wanted, "
    "offers_close, choices_open, choices_close, staff_groups, brief_purpose, brief_audiences, brief_format, "
    "brief_length, brief_quality, created_by, created_at, updated_at) VALUES (:trust, :title, :date, :venue, "
    ":stage, :choices, :reserves, :offers_close, :choices_open, :choices_close, :groups, :purpose, "
    ":audiences, :format, :length, :quality, :by, :now1, :now2) RETURNING id";
constexpr const char* kUpdateEvent =
    "UPDATE events SET title = :title, event_date = :date, venue = :venue, choices_wanted = :choices, "
    "reserves_wanted = :reserves, offers_close = :offers_close, choices_open = :choices_open, "
    "choices_close = :choices_close, staff_groups = :groups, brief_purpose = :purpose, "
    "brief_audiences = :audiences, brief_format = :format, brief_length = :length, brief_quality = :quality, "
    "updated_at = :now WHERE trust_id = :trust AND id = :id";
// The counts behind a training day's progress, each a subquery of the trust (:t) and the event (:e),
// with the stages whose progress is told in it.
struct DayCount {
    const char* subquery;
    long long DayCounts::*into;
    std::vector<Stage> told_in;
};
const DayCount kDayCounts[] = {
    {"(SELECT COUNT(*) FROM workshop_offers WHERE trust_id = :t AND event_id = :e AND status = 'submitted')",
     &DayCounts::offers_waiting,
     {Stage::Offers}},
    {"(SELECT COUNT(*) FROM workshop_offers WHERE trust_id = :t AND event_id = :e AND status = 'approved')",
     &DayCounts::offers_approved,
     {Stage::Offers}},
    {"(SELECT COUNT(*) FROM workshop_sessions WHERE trust_id = :t AND event_id = :e)",
     &DayCounts::sessions,
     {Stage::Scheduling, Stage::Published}},
    {"(SELECT COUNT(DISTINCT person_id) FROM workshop_choices WHERE trust_id = :t AND event_id = :e)",
     &DayCounts::chosen,
     {Stage::Choices}},
    {"(SELECT COUNT(DISTINCT person_id) FROM placements WHERE trust_id = :t AND event_id = :e AND session_id "
     "IS NOT NULL)",
     &DayCounts::placed,
     {Stage::Allocating}},
    // From the day's sessions to their registers: led by the trust's marks, SQLite read every one.
    {"(SELECT COUNT(*) FROM workshop_sessions s WHERE s.trust_id = :t AND s.event_id = :e AND EXISTS "
     "(SELECT 1 FROM attendance_marks a WHERE a.trust_id = s.trust_id AND a.session_id = s.id AND "
     "a.session_kind = 'workshop'))",
     &DayCounts::registers_kept,
     {Stage::Published}},
    {"(SELECT COUNT(DISTINCT person_id) FROM feedback WHERE trust_id = :t AND about_kind = 'event' AND "
     "about_id = :e)",
     &DayCounts::feedback_given,
     {Stage::Feedback}},
};

constexpr const char* kSetStage =
    "UPDATE events SET stage = :stage, updated_at = :now WHERE trust_id = :trust AND id = :id";
constexpr const char* kEventColumns =
    "SELECT id, trust_id, title, event_date, venue, stage, choices_wanted, reserves_wanted, offers_close, "
    "choices_open, choices_close, staff_groups, brief_purpose, brief_audiences, brief_format, brief_length, "
    "brief_quality, created_by FROM events ";
constexpr const char* kSchoolsOf =
    "SELECT school_id FROM event_schools WHERE trust_id = :trust AND event_id = :event ORDER BY school_id";
// Every event's schools in the trust at once, so listing events costs one read for them all.
constexpr const char* kSchoolsOfTrust =
    "SELECT event_id, school_id FROM event_schools WHERE trust_id = :trust "
    "ORDER BY event_id, school_id";
constexpr const char* kDeleteSchools =
    "DELETE FROM event_schools WHERE trust_id = :trust AND event_id = :event";
constexpr const char* kInsertSchool =
    "INSERT INTO event_schools (event_id, trust_id, school_id) SELECT :event, :trust, id FROM schools "
    "WHERE trust_id = :trust2 AND id = :school";

constexpr const char* kSlotsOf = "SELECT id, position, starts_at, ends_at FROM event_slots "
                                 "WHERE trust_id = :trust AND event_id = :event ORDER BY position, id";
constexpr const char* kInsertSlot =
    "INSERT INTO event_slots (event_id, trust_id, position, starts_at, ends_at) "
    "VALUES (:event, :trust, :position, :starts, :ends) RETURNING id";
constexpr const char* kUpdateSlot =
    "UPDATE event_slots SET position = :position, starts_at = :starts, "
    "ends_at = :ends WHERE trust_id = :trust AND event_id = :event AND id = :id";
constexpr const char* kDeleteSlot = "DELETE FROM event_slots WHERE trust_id = :trust AND event_id = :event "
                                    "AND id = :id";

constexpr const char* kRoomsOf = "SELECT id, name, capacity, notes FROM event_rooms "
                                 "WHERE trust_id = :trust AND event_id = :event ORDER BY id";
constexpr const char* kInsertRoom = "INSERT INTO event_rooms (event_id, trust_id, name, capacity, notes) "
                                    "VALUES (:event, :trust, :name, :capacity, :notes) RETURNING id";
constexpr const char* kUpdateRoom =
    "UPDATE event_rooms SET name = :name, capacity = :capacity, notes = :notes "
    "WHERE trust_id = :trust AND event_id = :event AND id = :id";
constexpr const char* kDeleteRoom = "DELETE FROM event_rooms WHERE trust_id = :trust AND event_id = :event "
                                    "AND id = :id";

constexpr const char* kPrioritiesOf = "SELECT id, position, title FROM event_priorities "
                                      "WHERE trust_id = :trust AND event_id = :event ORDER BY position, id";
// Every event's slots, rooms and priorities in the trust at once, for the layouts each server keeps.
constexpr const char* kSlotsOfTrust = "SELECT event_id, id, position, starts_at, ends_at FROM event_slots "
                                      "WHERE trust_id = :trust ORDER BY event_id, position, id";
constexpr const char* kRoomsOfTrust = "SELECT event_id, id, name, capacity, notes FROM event_rooms "
                                      "WHERE trust_id = :trust ORDER BY event_id, id";
constexpr const char* kPrioritiesOfTrust = "SELECT event_id, id, position, title FROM event_priorities "
                                           "WHERE trust_id = :trust ORDER BY event_id, position, id";
constexpr const char* kInsertPriority = "INSERT INTO event_priorities (event_id, trust_id, position, title) "
                                        "VALUES (:event, :trust, :position, :title) RETURNING id";
constexpr const char* kUpdatePriority = "UPDATE event_priorities SET position = :position, title = :title "
                                        "WHERE trust_id = :trust AND event_id = :event AND id = :id";
constexpr const char* kDeletePriority =
    "DELETE FROM event_priorities WHERE trust_id = :trust AND event_id = :event AND id = :id";

constexpr const char* kReviewersOf =
    "SELECT person_id FROM event_reviewers WHERE trust_id = :trust AND event_id = :event ORDER BY person_id";
constexpr const char* kDeleteReviewers =
    "DELETE FROM event_reviewers WHERE trust_id = :trust AND event_id = :event";
constexpr const char* kInsertReviewer =
    "INSERT INTO event_reviewers (event_id, trust_id, person_id) SELECT :event, :trust, id FROM people "
    "WHERE trust_id = :trust2 AND id = :person";
constexpr const char* kIsReviewer = "SELECT COUNT(*) FROM event_reviewers WHERE trust_id = :trust AND "
                                    "event_id = :event AND person_id = :person";

struct EventColumns {
    Event event;
    std::string stage, groups;
    long long choices = 0, reserves = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(event.id));
        statement.exchange(soci::into(event.trust_id));
        statement.exchange(soci::into(event.title));
        statement.exchange(soci::into(event.event_date));
        statement.exchange(soci::into(event.venue));
        statement.exchange(soci::into(stage));
        statement.exchange(soci::into(choices));
        statement.exchange(soci::into(reserves));
        statement.exchange(soci::into(event.offers_close));
        statement.exchange(soci::into(event.choices_open));
        statement.exchange(soci::into(event.choices_close));
        statement.exchange(soci::into(groups));
        statement.exchange(soci::into(event.brief_purpose));
        statement.exchange(soci::into(event.brief_audiences));
        statement.exchange(soci::into(event.brief_format));
        statement.exchange(soci::into(event.brief_length));
        statement.exchange(soci::into(event.brief_quality));
        statement.exchange(soci::into(event.created_by));
    }
    Event fetched() const {
        Event result = event;
        result.stage = stage_from_text(stage).value_or(Stage::Draft);
        result.choices_wanted = static_cast<int>(choices);
        result.reserves_wanted = static_cast<int>(reserves);
        result.staff_groups = people::staff_groups_from_text(groups);
        return result;
    }
};

struct SlotColumns {
    Slot slot;
    long long position = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(slot.id));
        statement.exchange(soci::into(position));
        statement.exchange(soci::into(slot.starts_at));
        statement.exchange(soci::into(slot.ends_at));
    }
    Slot fetched() const {
        Slot result = slot;
        result.position = static_cast<int>(position);
        return result;
    }
};

struct RoomColumns {
    Room room;
    long long capacity = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(room.id));
        statement.exchange(soci::into(room.name));
        statement.exchange(soci::into(capacity));
        statement.exchange(soci::into(room.notes));
    }
    Room fetched() const {
        Room result = room;
        result.capacity = static_cast<int>(capacity);
        return result;
    }
};

struct PriorityColumns {
    Priority priority;
    long long position = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(priority.id));
        statement.exchange(soci::into(position));
        statement.exchange(soci::into(priority.title));
    }
    Priority fetched() const {
        Priority result = priority;
        result.position = static_cast<int>(position);
        return result;
    }
};

struct IdColumn {
    long long id = 0;
    void exchange_into(soci::statement& statement) { statement.exchange(soci::into(id)); }
    long long fetched() const { return id; }
};

auto bind_event(long long& trust_id, long long& event_id) {
    return [&](soci::statement& statement) {
        statement.exchange(soci::use(trust_id));
        statement.exchange(soci::use(event_id));
    };
}

template <typename Columns, typename Result>
std::vector<Result> rows_of_event(soci::session& sql, const char* query, long long trust_id,
                                  long long event_id) {
    std::vector<Result> rows;
    Columns columns;
    db::fetch_rows(sql, query, columns, bind_event(trust_id, event_id),
                   [&](const Result& row) { rows.push_back(row); });
    return rows;
}

// Columns with the event they belong to read first.
template <typename Columns> struct OfEvent {
    long long event_id = 0;
    Columns columns;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(event_id));
        columns.exchange_into(statement);
    }
    const OfEvent& fetched() const { return *this; }
};

// Reads a trust-wide query of OfEvent<Columns> rows into each event's list (`member` of the layout).
template <typename Columns, typename Row>
void read_into_layouts(soci::session& sql, const char* query, long long trust_id,
                       const std::map<long long, EventLayout*>& by_id,
                       std::vector<Row> EventLayout::*member) {
    OfEvent<Columns> row;
    db::fetch_rows(
        sql, query, row, [&](soci::statement& statement) { statement.exchange(soci::use(trust_id)); },
        [&](const OfEvent<Columns>& read) {
            if (auto found = by_id.find(read.event_id); found != by_id.end())
                (found->second->*member).push_back(read.columns.fetched());
        });
}

void write_schools(soci::session& sql, const Event& event) {
    long long trust_id = event.trust_id, event_id = event.id;
    sql << kDeleteSchools, soci::use(trust_id), soci::use(event_id);
    for (long long school_id : event.school_ids) {
        auto insert = db::run_change(sql, kInsertSchool, soci::use(event_id), soci::use(trust_id),
                                     soci::use(trust_id), soci::use(school_id));
        // The insert names the trust, so a school of another trust (or none) adds no row: refuse the
        // form rather than save the event without it. The caller's transaction rolls back.
        if (insert.get_affected_rows() == 0)
            throw std::invalid_argument(
                "School " + std::to_string(school_id) +
                " is not a school of this trust. Reload the form and tick the schools "
                "again.");
    }
}

// Keeps the rows whose id is among `wanted`, deletes the others, then lets `write` update or insert each.
template <typename Row, typename Write>
void replace_rows(soci::session& sql, const std::vector<long long>& existing, std::vector<Row>& wanted,
                  const char* delete_query, long long trust_id, long long event_id, Write write) {
    for (long long id : existing) {
        const bool kept =
            std::any_of(wanted.begin(), wanted.end(), [&](const Row& row) { return row.id == id; });
        if (!kept)
            sql << delete_query, soci::use(trust_id), soci::use(event_id), soci::use(id);
    }
    for (Row& row : wanted) {
        if (row.id != 0 && std::find(existing.begin(), existing.end(), row.id) == existing.end())
            row.id = 0; // an id from elsewhere is not this event's: insert a new row
        write(row);
    }
}

template <typename Row> std::vector<long long> ids_of(const std::vector<Row>& rows) {
    std::vector<long long> ids;
    for (const Row& row : rows)
        ids.push_back(row.id);
    return ids;
}

} // namespace

long long insert_event(soci::session& sql, const Event& event) {
    long long id = 0;
    const long long now = db::now_seconds();
    const std::string stage = text_of(event.stage), groups = people::text_of(event.staff_groups);
    const long long choices = event.choices_wanted, reserves = event.reserves_wanted;
    sql << kInsertEvent, soci::use(event.trust_id), soci::use(event.title), soci::use(event.event_date),
        soci::use(event.venue), soci::use(stage), soci::use(choices), soci::use(reserves),
        soci::use(event.offers_close), soci::use(event.choices_open), soci::use(event.choices_close),
        soci::use(groups), soci::use(event.brief_purpose), soci::use(event.brief_audiences),
        soci::use(event.brief_format), soci::use(event.brief_length), soci::use(event.brief_quality),
        soci::use(event.created_by), soci::use(now), soci::use(now), soci::into(id);
    Event stored = event;
    stored.id = id;
    write_schools(sql, stored);
    return id;
}

void update_event(soci::session& sql, const Event& event) {
    const long long now = db::now_seconds();
    const std::string groups = people::text_of(event.staff_groups);
    const long long choices = event.choices_wanted, reserves = event.reserves_wanted;
    sql << kUpdateEvent, soci::use(event.title), soci::use(event.event_date), soci::use(event.venue),
        soci::use(choices), soci::use(reserves), soci::use(event.offers_close), soci::use(event.choices_open),
        soci::use(event.choices_close), soci::use(groups), soci::use(event.brief_purpose),
        soci::use(event.brief_audiences), soci::use(event.brief_format), soci::use(event.brief_length),
        soci::use(event.brief_quality), soci::use(now), soci::use(event.trust_id), soci::use(event.id);
    write_schools(sql, event);
}

void set_stage(soci::session& sql, long long trust_id, long long event_id, Stage stage) {
    const std::string text = text_of(stage);
    const long long now = db::now_seconds();
    sql << kSetStage, soci::use(text), soci::use(now), soci::use(trust_id), soci::use(event_id);
}

std::optional<Event> find_event(soci::session& sql, long long trust_id, long long event_id) {
    std::optional<Event> found;
    EventColumns columns;
    db::fetch_rows(sql, std::string(kEventColumns) + "WHERE trust_id = :trust AND id = :id", columns,
                   bind_event(trust_id, event_id), [&](const Event& event) { found = event; });
    if (found)
        found->school_ids = rows_of_event<IdColumn, long long>(sql, kSchoolsOf, trust_id, event_id);
    return found;
}

std::vector<Event> events_of(soci::session& sql, long long trust_id) {
    std::vector<Event> events;
    EventColumns columns;
    db::fetch_rows(
        sql, std::string(kEventColumns) + "WHERE trust_id = :trust ORDER BY event_date, id", columns,
        [&](soci::statement& statement) { statement.exchange(soci::use(trust_id)); },
        [&](const Event& event) { events.push_back(event); });
    if (events.empty())
        return events;
    std::map<long long, Event*> by_id;
    for (Event& event : events)
        by_id[event.id] = &event;
    long long event_id = 0, school_id = 0;
    auto schools =
        db::run_once(sql, kSchoolsOfTrust, soci::use(trust_id), soci::into(event_id), soci::into(school_id));
    while (schools.fetch())
        if (auto found = by_id.find(event_id); found != by_id.end())
            found->second->school_ids.push_back(school_id);
    return events;
}

std::vector<EventLayout> layouts_of(soci::session& sql, long long trust_id) {
    std::vector<EventLayout> layouts;
    for (Event& event : events_of(sql, trust_id))
        layouts.push_back(EventLayout{std::move(event), {}, {}, {}});
    if (layouts.empty())
        return layouts;
    std::map<long long, EventLayout*> by_id;
    for (EventLayout& layout : layouts)
        by_id[layout.event.id] = &layout;
    read_into_layouts<SlotColumns>(sql, kSlotsOfTrust, trust_id, by_id, &EventLayout::slots);
    read_into_layouts<RoomColumns>(sql, kRoomsOfTrust, trust_id, by_id, &EventLayout::rooms);
    read_into_layouts<PriorityColumns>(sql, kPrioritiesOfTrust, trust_id, by_id, &EventLayout::priorities);
    return layouts;
}

void replace_slots(soci::session& sql, long long trust_id, long long event_id, std::vector<Slot>& slots) {
    replace_rows(sql, ids_of(slots_of(sql, trust_id, event_id)), slots, kDeleteSlot, trust_id, event_id,
                 [&](Slot& slot) {
                     long long position = slot.position;
                     if (slot.id)
                         sql << kUpdateSlot, soci::use(position), soci::use(slot.starts_at),
                             soci::use(slot.ends_at), soci::use(trust_id), soci::use(event_id),
                             soci::use(slot.id);
                     else
                         sql << kInsertSlot, soci::use(event_id), soci::use(trust_id), soci::use(position),
                             soci::use(slot.starts_at), soci::use(slot.ends_at), soci::into(slot.id);
                 });
}

void replace_rooms(soci::session& sql, long long trust_id, long long event_id, std::vector<Room>& rooms) {
    replace_rows(sql, ids_of(rooms_of(sql, trust_id, event_id)), rooms, kDeleteRoom, trust_id, event_id,
                 [&](Room& room) {
                     long long capacity = room.capacity;
                     if (room.id)
                         sql << kUpdateRoom, soci::use(room.name), soci::use(capacity), soci::use(room.notes),
                             soci::use(trust_id), soci::use(event_id), soci::use(room.id);
                     else
                         sql << kInsertRoom, soci::use(event_id), soci::use(trust_id), soci::use(room.name),
                             soci::use(capacity), soci::use(room.notes), soci::into(room.id);
                 });
}

void replace_priorities(soci::session& sql, long long trust_id, long long event_id,
                        std::vector<Priority>& priorities) {
    replace_rows(sql, ids_of(priorities_of(sql, trust_id, event_id)), priorities, kDeletePriority, trust_id,
                 event_id, [&](Priority& priority) {
                     long long position = priority.position;
                     if (priority.id)
                         sql << kUpdatePriority, soci::use(position), soci::use(priority.title),
                             soci::use(trust_id), soci::use(event_id), soci::use(priority.id);
                     else
                         sql << kInsertPriority, soci::use(event_id), soci::use(trust_id),
                             soci::use(position), soci::use(priority.title), soci::into(priority.id);
                 });
}

std::vector<Slot> slots_of(soci::session& sql, long long trust_id, long long event_id) {
    return rows_of_event<SlotColumns, Slot>(sql, kSlotsOf, trust_id, event_id);
}

std::vector<Room> rooms_of(soci::session& sql, long long trust_id, long long event_id) {
    return rows_of_event<RoomColumns, Room>(sql, kRoomsOf, trust_id, event_id);
}

std::vector<Priority> priorities_of(soci::session& sql, long long trust_id, long long event_id) {
    return rows_of_event<PriorityColumns, Priority>(sql, kPrioritiesOf, trust_id, event_id);
}

std::vector<long long> reviewers_of(soci::session& sql, long long trust_id, long long event_id) {
    return rows_of_event<IdColumn, long long>(sql, kReviewersOf, trust_id, event_id);
}

void set_reviewers(soci::session& sql, long long trust_id, long long event_id,
                   const std::vector<long long>& person_ids) {
    sql << kDeleteReviewers, soci::use(trust_id), soci::use(event_id);
    for (long long person_id : person_ids)
        sql << kInsertReviewer, soci::use(event_id), soci::use(trust_id), soci::use(trust_id),
            soci::use(person_id);
}

bool is_reviewer(soci::session& sql, long long trust_id, long long event_id, long long person_id) {
    long long count = 0;
    db::read_one(sql, kIsReviewer, soci::use(trust_id), soci::use(event_id), soci::use(person_id),
                 soci::into(count));
    return count > 0;
}

DayCounts day_counts(soci::session& sql, long long trust_id, long long event_id, std::optional<Stage> only) {
    DayCounts counts;
    std::vector<const DayCount*> wanted;
    for (const DayCount& count : kDayCounts)
        if (!only || std::count(count.told_in.begin(), count.told_in.end(), *only))
            wanted.push_back(&count);
    if (wanted.empty())
        return counts;
    std::string query = "SELECT ";
    for (std::size_t place = 0; place < wanted.size(); ++place)
        query += (place ? ", " : "") + db::numbered(wanted[place]->subquery, {":t", ":e"}, place + 1);
    db::run_statement(sql, query, true, [&](soci::statement& statement) {
        for (std::size_t place = 0; place < wanted.size(); ++place) {
            statement.exchange(soci::into(counts.*(wanted[place]->into)));
            statement.exchange(soci::use(trust_id, "t" + std::to_string(place + 1)));
            statement.exchange(soci::use(event_id, "e" + std::to_string(place + 1)));
        }
    });
    return counts;
}

} // namespace trellis::events::store
