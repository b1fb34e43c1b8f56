#include "groups/standing_store.h"

#include <map>

#include "calendar/london_time.h"
#include "db/database.h"
#include "db/rows.h"

namespace trellis::groups::standing_store {

namespace {

// The standing groups (every kind but a training day's session groups) with their members, one row
// per member (or one with no member for a group without any), in one read: the home page shows a
// person's groups on every visit.
constexpr const char* kGroupsWithMembers =
    "SELECT g.id, g.kind, g.name, g.purpose, COALESCE(g.school_id, 0), COALESCE(s.name, ''), (SELECT "
    "COUNT(*) FROM group_meetings gm WHERE gm.trust_id = g.trust_id AND gm.group_id = g.id), "
    "COALESCE((SELECT MAX(gm.day) FROM group_meetings gm WHERE gm.trust_id = g.trust_id AND gm.group_id = "
    "g.id), ''), COALESCE(p.id, 0), COALESCE(p.first_name || ' ' || p.last_name, ''), COALESCE(ps.name, "
    "'Central team') FROM collaboration_groups g LEFT JOIN schools s ON s.id = g.school_id AND s.trust_id = "
    "g.trust_id LEFT JOIN collaboration_group_members m ON m.group_id = g.id AND m.trust_id = g.trust_id "
    "LEFT JOIN people p ON p.id = m.person_id AND p.trust_id = m.trust_id LEFT JOIN schools ps ON ps.id = "
    "p.school_id AND ps.trust_id = p.trust_id WHERE g.trust_id = :trust AND g.kind <> 'session'";

struct GroupMemberRow {
    StandingGroup group;
    std::string kind;
    GroupMember member; // person_id 0: the group has no members
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(group.id));
        statement.exchange(soci::into(kind));
        statement.exchange(soci::into(group.name));
        statement.exchange(soci::into(group.purpose));
        statement.exchange(soci::into(group.school_id));
        statement.exchange(soci::into(group.school_name));
        statement.exchange(soci::into(group.meetings));
        statement.exchange(soci::into(group.last_met));
        statement.exchange(soci::into(member.person_id));
        statement.exchange(soci::into(member.name));
        statement.exchange(soci::into(member.school_name));
    }
    const GroupMemberRow& fetched() const { return *this; }
};

// The standing groups, or the one group `group_id` when it is not 0.
std::vector<StandingGroup> read_groups(soci::session& sql, long long trust_id, long long group_id) {
    std::vector<StandingGroup> found;
    GroupMemberRow row;
    db::fetch_rows(
        sql,
        std::string(kGroupsWithMembers) + (group_id ? " AND g.id = :id" : "") +
            " ORDER BY g.name, g.id, p.last_name, p.first_name",
        row,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            if (group_id)
                statement.exchange(soci::use(group_id));
        },
        [&](const GroupMemberRow& fetched) {
            if (found.empty() || found.back().id != fetched.group.id) {
                found.push_back(fetched.group);
                found.back().kind = group_kind_from_text(fetched.kind).value_or(GroupKind::Other);
            }
            if (fetched.member.person_id)
                found.back().members.push_back(fetched.member);
        });
    return found;
}

} // namespace

std::vector<StandingGroup> groups(soci::session& sql, long long trust_id) {
    return read_groups(sql, trust_id, 0);
}

std::optional<StandingGroup> find(soci::session& sql, long long trust_id, long long group_id) {
    auto found = read_groups(sql, trust_id, group_id);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

long long insert_group(soci::session& sql, long long trust_id, const StandingGroup& group,
                       long long created_by) {
    const std::string kind = text_of(group.kind);
    const long long now = db::now_seconds();
    long long id = 0;
    // A school's group names one of the trust's schools, whatever id arrives.
    if (group.school_id)
        sql << "INSERT INTO collaboration_groups (trust_id, name, kind, purpose, school_id, created_by, "
               "created_at) SELECT trust_id, :name, :kind, :purpose, id, :by, :now FROM schools WHERE "
               "trust_id = "
               ":trust AND id = :school RETURNING id",
            soci::use(group.name), soci::use(kind), soci::use(group.purpose), soci::use(created_by),
            soci::use(now), soci::use(trust_id), soci::use(group.school_id), soci::into(id);
    else
        sql << "INSERT INTO collaboration_groups (trust_id, name, kind, purpose, created_by, created_at) "
               "VALUES "
               "(:trust, :name, :kind, :purpose, :by, :now) RETURNING id",
            soci::use(trust_id), soci::use(group.name), soci::use(kind), soci::use(group.purpose),
            soci::use(created_by), soci::use(now), soci::into(id);
    return id;
}

void add_members(soci::session& sql, long long trust_id, long long group_id,
                 const std::vector<long long>& people) {
    for (const long long& person_id : people)
        sql << "INSERT INTO collaboration_group_members (trust_id, group_id, person_id) SELECT g.trust_id, "
               "g.id, "
               "p.id FROM collaboration_groups g JOIN people p ON p.trust_id = g.trust_id AND p.id = :person "
               "WHERE g.trust_id = :trust AND g.id = :id ON CONFLICT DO NOTHING",
            soci::use(person_id), soci::use(trust_id), soci::use(group_id);
}

void remove_member(soci::session& sql, long long trust_id, long long group_id, long long person_id) {
    sql << "DELETE FROM collaboration_group_members WHERE trust_id = :trust AND group_id = :id AND person_id "
           "= "
           ":person",
        soci::use(trust_id), soci::use(group_id), soci::use(person_id);
}

std::vector<GroupMeeting> meetings(soci::session& sql, long long trust_id, long long group_id) {
    std::vector<GroupMeeting> found;
    GroupMeeting row;
    auto statement = db::run_once(
        sql,
        "SELECT gm.id, gm.day, gm.minutes, COALESCE(gm.activity_id, 0), COALESCE(p.title || ': ' || "
        "pa.title, "
        "''), gm.what_we_did, COALESCE(w.first_name || ' ' || w.last_name, '') FROM group_meetings gm LEFT "
        "JOIN "
        "programme_activities pa ON pa.id = gm.activity_id AND pa.trust_id = gm.trust_id LEFT JOIN "
        "programmes "
        "p ON p.id = pa.programme_id AND p.trust_id = pa.trust_id LEFT JOIN people w ON w.id = gm.written_by "
        "AND w.trust_id = gm.trust_id WHERE gm.trust_id = :trust AND gm.group_id = :id ORDER BY gm.day DESC, "
        "gm.id DESC",
        soci::into(row.id), soci::into(row.day), soci::into(row.minutes), soci::into(row.activity_id),
        soci::into(row.activity_title), soci::into(row.what_we_did), soci::into(row.written_by),
        soci::use(trust_id), soci::use(group_id));
    std::map<long long, std::size_t> at;
    while (statement.fetch()) {
        at[row.id] = found.size();
        found.push_back(row);
    }
    long long meeting_id = 0;
    std::string name;
    auto came = db::run_once(
        sql,
        "SELECT c.meeting_id, p.first_name || ' ' || p.last_name FROM group_meeting_people c JOIN "
        "group_meetings "
        "gm ON gm.id = c.meeting_id AND gm.trust_id = c.trust_id JOIN people p ON p.id = c.person_id AND "
        "p.trust_id = c.trust_id WHERE c.trust_id = :trust AND gm.group_id = :id ORDER BY p.last_name, "
        "p.first_name",
        soci::into(meeting_id), soci::into(name), soci::use(trust_id), soci::use(group_id));
    while (came.fetch())
        if (auto meeting = at.find(meeting_id); meeting != at.end())
            found[meeting->second].came.push_back(name);
    return found;
}

std::vector<GroupNote> notes(soci::session& sql, long long trust_id, long long group_id) {
    std::vector<GroupNote> found;
    GroupNote row;
    auto statement =
        db::run_once(sql,
                     "SELECT n.id, n.body, COALESCE(p.first_name || ' ' || p.last_name, 'A former member'), "
                     "n.written_at FROM "
                     "group_notes n LEFT JOIN people p ON p.id = n.person_id AND p.trust_id = n.trust_id "
                     "WHERE n.trust_id = "
                     ":trust AND n.group_id = :id ORDER BY n.written_at DESC, n.id DESC",
                     soci::into(row.id), soci::into(row.body), soci::into(row.written_by),
                     soci::into(row.written_at), soci::use(trust_id), soci::use(group_id));
    while (statement.fetch())
        found.push_back(row);
    return found;
}

std::vector<GroupResource> resources(soci::session& sql, long long trust_id, long long group_id) {
    std::vector<GroupResource> found;
    GroupResource row;
    auto statement =
        db::run_once(sql,
                     "SELECT r.id, COALESCE(r.library_item_id, 0), COALESCE(i.title, r.title), r.url, "
                     "COALESCE(p.first_name "
                     "|| ' ' || p.last_name, '') FROM group_resources r LEFT JOIN library_items i ON i.id = "
                     "r.library_item_id "
                     "AND i.trust_id = r.trust_id LEFT JOIN people p ON p.id = r.added_by AND p.trust_id = "
                     "r.trust_id WHERE "
                     "r.trust_id = :trust AND r.group_id = :id ORDER BY r.id",
                     soci::into(row.id), soci::into(row.library_item_id), soci::into(row.title),
                     soci::into(row.url), soci::into(row.added_by), soci::use(trust_id), soci::use(group_id));
    while (statement.fetch())
        found.push_back(row);
    return found;
}

long long insert_meeting(soci::session& sql, long long trust_id, long long group_id,
                         const GroupMeeting& meeting, const std::vector<long long>& came,
                         long long written_by) {
    const long long now = db::now_seconds();
    const long long minutes = meeting.minutes;
    long long id = 0;
    if (meeting.activity_id)
        sql << "INSERT INTO group_meetings (trust_id, group_id, day, minutes, activity_id, what_we_did, "
               "written_by, created_at) SELECT trust_id, :group, :day, :minutes, id, :what, :by, :now FROM "
               "programme_activities WHERE trust_id = :trust AND id = :activity RETURNING id",
            soci::use(group_id), soci::use(meeting.day), soci::use(minutes), soci::use(meeting.what_we_did),
            soci::use(written_by), soci::use(now), soci::use(trust_id), soci::use(meeting.activity_id),
            soci::into(id);
    else
        sql << "INSERT INTO group_meetings (trust_id, group_id, day, minutes, what_we_did, written_by, "
               "created_at) VALUES (:trust, :group, :day, :minutes, :what, :by, :now) RETURNING id",
            soci::use(trust_id), soci::use(group_id), soci::use(meeting.day), soci::use(minutes),
            soci::use(meeting.what_we_did), soci::use(written_by), soci::use(now), soci::into(id);
    for (const long long& person_id : came)
        sql << "INSERT INTO group_meeting_people (trust_id, meeting_id, person_id) SELECT trust_id, "
               ":meeting, "
               "person_id FROM collaboration_group_members WHERE trust_id = :trust AND group_id = :group AND "
               "person_id = :person",
            soci::use(id), soci::use(trust_id), soci::use(group_id), soci::use(person_id);
    return id;
}

void insert_note(soci::session& sql, long long trust_id, long long group_id, long long person_id,
                 const std::string& body) {
    const long long now = db::now_seconds();
    sql << "INSERT INTO group_notes (trust_id, group_id, person_id, body, written_at) VALUES (:trust, "
           ":group, "
           ":person, :body, :now)",
        soci::use(trust_id), soci::use(group_id), soci::use(person_id), soci::use(body), soci::use(now);
}

void insert_resource(soci::session& sql, long long trust_id, long long group_id,
                     const GroupResource& resource, long long added_by) {
    const long long now = db::now_seconds();
    if (resource.library_item_id)
        sql << "INSERT INTO group_resources (trust_id, group_id, library_item_id, added_by, added_at) SELECT "
               "trust_id, :group, id, :by, :now FROM library_items WHERE trust_id = :trust AND id = :item",
            soci::use(group_id), soci::use(added_by), soci::use(now), soci::use(trust_id),
            soci::use(resource.library_item_id);
    else
        sql << "INSERT INTO group_resources (trust_id, group_id, title, url, added_by, added_at) VALUES "
               "(:trust, "
               ":group, :title, :url, :by, :now)",
            soci::use(trust_id), soci::use(group_id), soci::use(resource.title), soci::use(resource.url),
            soci::use(added_by), soci::use(now);
}

std::vector<ProtectedTime> protected_times(soci::session& sql, long long trust_id, long long school_id,
                                           const std::string& from, const std::string& to) {
    std::vector<ProtectedTime> found;
    ProtectedTime row;
    std::string starts_at, ends_at;
    auto statement = db::run_once(
        sql,
        "SELECT pa.id, p.title || ': ' || pa.title, pa.starts_on, pa.starts_at, pa.ends_at FROM "
        "programme_activities pa JOIN programmes p ON p.id = pa.programme_id AND p.trust_id = pa.trust_id "
        "WHERE "
        "pa.trust_id = :trust AND pa.kind = 'collaboration' AND (p.school_id IS NULL OR p.school_id = "
        ":school) "
        "AND pa.starts_on >= :from AND pa.starts_on <= :to ORDER BY pa.starts_on, pa.starts_at, pa.id",
        soci::into(row.activity_id), soci::into(row.title), soci::into(row.day), soci::into(starts_at),
        soci::into(ends_at), soci::use(trust_id), soci::use(school_id), soci::use(from), soci::use(to));
    while (statement.fetch()) {
        row.minutes = static_cast<int>(calendar::minutes_between(starts_at, ends_at));
        found.push_back(row);
    }
    return found;
}

} // namespace trellis::groups::standing_store
