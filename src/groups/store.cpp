#include "groups/store.h"

#include <algorithm>
#include <map>

#include "db/database.h"
#include "db/rows.h"

namespace trellis::groups::store {

namespace {

constexpr const char* kGroups =
    "SELECT g.id, g.activity_id, g.name, g.how_made, g.what_we_did, g.written_at, COALESCE(w.first_name || ' "
    "' || "
    "w.last_name, '') FROM collaboration_groups g LEFT JOIN people w ON w.id = g.written_by AND w.trust_id = "
    "g.trust_id WHERE g.trust_id = :trust ";

constexpr const char* kMembers =
    "SELECT m.group_id, p.id, p.first_name || ' ' || p.last_name, COALESCE(s.name, 'Central team') FROM "
    "collaboration_group_members m JOIN collaboration_groups g ON g.id = m.group_id AND g.trust_id = "
    "m.trust_id JOIN people p ON p.id = m.person_id AND p.trust_id = m.trust_id LEFT JOIN schools s ON s.id "
    "= p.school_id AND s.trust_id = p.trust_id WHERE m.trust_id = :trust AND g.activity_id = :activity "
    "ORDER BY p.last_name, p.first_name";

std::vector<Group> read_groups(db::StatementRun& statement, Group& row) {
    std::vector<Group> found;
    while (statement.fetch())
        found.push_back(row);
    return found;
}

} // namespace

std::vector<Group> groups_of(soci::session& sql, long long trust_id, long long activity_id) {
    Group row;
    auto statement =
        db::run_once(sql, std::string(kGroups) + "AND g.activity_id = :activity ORDER BY g.id",
                     soci::use(trust_id), soci::use(activity_id), soci::into(row.id),
                     soci::into(row.activity_id), soci::into(row.name), soci::into(row.how_made),
                     soci::into(row.what_we_did), soci::into(row.written_at), soci::into(row.written_by));
    std::vector<Group> groups = read_groups(statement, row);
    std::map<long long, Group*> by_id;
    for (Group& group : groups)
        by_id[group.id] = &group;
    long long group_id = 0;
    GroupMember member;
    auto members =
        db::run_once(sql, kMembers, soci::use(trust_id), soci::use(activity_id), soci::into(group_id),
                     soci::into(member.person_id), soci::into(member.name), soci::into(member.school_name));
    while (members.fetch())
        if (auto found = by_id.find(group_id); found != by_id.end())
            found->second->members.push_back(member);
    return groups;
}

std::optional<Group> find_group(soci::session& sql, long long trust_id, long long group_id) {
    Group row;
    auto statement = db::run_once(sql, std::string(kGroups) + "AND g.id = :id", soci::use(trust_id),
                                  soci::use(group_id), soci::into(row.id), soci::into(row.activity_id),
                                  soci::into(row.name), soci::into(row.how_made), soci::into(row.what_we_did),
                                  soci::into(row.written_at), soci::into(row.written_by));
    auto found = read_groups(statement, row);
    if (found.empty())
        return std::nullopt;
    for (Group& group : groups_of(sql, trust_id, found.front().activity_id))
        if (group.id == group_id)
            return group;
    return std::nullopt;
}

long long insert_group(soci::session& sql, long long trust_id, long long activity_id, const std::string& name,
                       const std::string& how_made) {
    long long id = 0;
    // Only an activity of the trust can be given groups, whatever id arrives.
    sql << "INSERT INTO collaboration_groups (trust_id, activity_id, name, how_made) SELECT trust_id, id, "
           ":name, "
           ":how FROM programme_activities WHERE trust_id = :trust AND id = :activity RETURNING id",
        soci::use(name), soci::use(how_made), soci::use(trust_id), soci::use(activity_id), soci::into(id);
    return id;
}

void delete_group(soci::session& sql, long long trust_id, long long group_id) {
    sql << "DELETE FROM collaboration_group_members WHERE trust_id = :trust AND group_id = :id",
        soci::use(trust_id), soci::use(group_id);
    sql << "DELETE FROM collaboration_groups WHERE trust_id = :trust AND id = :id", soci::use(trust_id),
        soci::use(group_id);
}

void set_members(soci::session& sql, long long trust_id, long long group_id,
                 const std::vector<long long>& people) {
    sql << "DELETE FROM collaboration_group_members WHERE trust_id = :trust AND group_id = :id",
        soci::use(trust_id), soci::use(group_id);
    for (long long person_id : people)
        sql << "INSERT INTO collaboration_group_members (trust_id, group_id, person_id) SELECT g.trust_id, "
               "g.id, "
               "p.id FROM collaboration_groups g JOIN people p ON p.trust_id = g.trust_id AND p.id = :person "
               "WHERE g.trust_id = :trust AND g.id = :id",
            soci::use(person_id), soci::use(trust_id), soci::use(group_id);
}

void save_what_we_did(soci::session& sql, long long trust_id, long long group_id, long long person_id,
                      const std::string& text) {
    const long long now = db::now_seconds();
    sql << "UPDATE collaboration_groups SET what_we_did = :text, written_by = :person, written_at = :now "
           "WHERE "
           "trust_id = :trust AND id = :id",
        soci::use(text), soci::use(person_id), soci::use(now), soci::use(trust_id), soci::use(group_id);
}

std::vector<KeptApart> kept_apart(soci::session& sql, long long trust_id, long long programme_id) {
    std::vector<KeptApart> found;
    KeptApart row;
    auto statement = db::run_once(
        sql,
        "SELECT a.first_id, f.first_name || ' ' || f.last_name, a.second_id, s.first_name || ' ' || "
        "s.last_name "
        "FROM group_apart_requests a JOIN people f ON f.id = a.first_id AND f.trust_id = a.trust_id JOIN "
        "people s "
        "ON s.id = a.second_id AND s.trust_id = a.trust_id WHERE a.trust_id = :trust AND a.programme_id = "
        ":programme ORDER BY f.last_name, f.first_name, s.last_name, s.first_name",
        soci::into(row.first_id), soci::into(row.first_name), soci::into(row.second_id),
        soci::into(row.second_name), soci::use(trust_id), soci::use(programme_id));
    while (statement.fetch())
        found.push_back(row);
    return found;
}

void add_apart(soci::session& sql, long long trust_id, long long programme_id, long long first_id,
               long long second_id, long long created_by) {
    const long long low = std::min(first_id, second_id), high = std::max(first_id, second_id);
    const long long now = db::now_seconds();
    sql << "INSERT INTO group_apart_requests (trust_id, programme_id, first_id, second_id, created_by, "
           "created_at) "
           "VALUES (:trust, :programme, :first, :second, :by, :now) ON CONFLICT DO NOTHING",
        soci::use(trust_id), soci::use(programme_id), soci::use(low), soci::use(high), soci::use(created_by),
        soci::use(now);
}

void remove_apart(soci::session& sql, long long trust_id, long long programme_id, long long first_id,
                  long long second_id) {
    const long long low = std::min(first_id, second_id), high = std::max(first_id, second_id);
    sql << "DELETE FROM group_apart_requests WHERE trust_id = :trust AND programme_id = :programme AND "
           "first_id = "
           ":first AND second_id = :second",
        soci::use(trust_id), soci::use(programme_id), soci::use(low), soci::use(high);
}

} // namespace trellis::groups::store
