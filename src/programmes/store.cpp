#include "programmes/store.h"

#include "db/database.h"
#include "db/rows.h"
#include "text/words.h"

namespace trellis::programmes::store {

namespace {

constexpr const char* kColumns =
    "SELECT g.id, g.trust_id, COALESCE(g.school_id, 0), COALESCE(s.name, ''), g.title, g.purpose, "
    "g.pupil_outcome, g.audience, g.staff_groups, g.phases, g.capacity, COALESCE(g.sponsor_id, 0), "
    "COALESCE(o.first_name || ' ' || o.last_name, ''), g.starts_on, g.ends_on, g.created_by FROM programmes "
    "g "
    "LEFT JOIN schools s ON s.id = g.school_id AND s.trust_id = g.trust_id "
    "LEFT JOIN people o ON o.id = g.sponsor_id AND o.trust_id = g.trust_id ";
constexpr const char* kInsert =
    "INSERT INTO programmes (trust_id, school_id, title, purpose, pupil_outcome, audience, staff_groups, "
    "phases, capacity, sponsor_id, starts_on, ends_on, created_by, created_at, updated_at) VALUES (:trust, "
    ":school, :title, :purpose, :outcome, :audience, :groups, :phases, :capacity, :sponsor, :starts, :ends, "
    ":by, :now1, :now2) RETURNING id";
constexpr const char* kUpdate =
    "UPDATE programmes SET title = :title, purpose = :purpose, pupil_outcome = :outcome, audience = "
    ":audience, "
    "staff_groups = :groups, phases = :phases, capacity = :capacity, sponsor_id = :sponsor, starts_on = "
    ":starts, ends_on = :ends, updated_at = :now WHERE trust_id = :trust AND id = :id";
constexpr const char* kSchoolLinks =
    "SELECT programme_id, school_id FROM programme_schools WHERE trust_id = :trust ORDER BY school_id";
constexpr const char* kPriorityLinks =
    "SELECT programme_id, priority_id FROM programme_priorities WHERE trust_id = :trust ORDER BY priority_id";
constexpr const char* kMembers =
    "SELECT m.person_id, p.first_name || ' ' || p.last_name, COALESCE(s.name, 'Central team'), "
    "p.staff_group, "
    "m.status FROM programme_members m JOIN people p ON p.id = m.person_id AND p.trust_id = m.trust_id "
    "LEFT JOIN schools s ON s.id = p.school_id WHERE m.trust_id = :trust AND m.programme_id = :programme "
    "ORDER BY CASE WHEN m.status = 'member' THEN 0 ELSE 1 END, CASE WHEN m.status = 'member' THEN 0 ELSE "
    "m.joined_at END, p.last_name, p.first_name";

struct ProgrammeColumns {
    Programme programme;
    std::string audience, groups, phases;
    int capacity = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(programme.id));
        statement.exchange(soci::into(programme.trust_id));
        statement.exchange(soci::into(programme.school_id));
        statement.exchange(soci::into(programme.school_name));
        statement.exchange(soci::into(programme.title));
        statement.exchange(soci::into(programme.purpose));
        statement.exchange(soci::into(programme.pupil_outcome));
        statement.exchange(soci::into(audience));
        statement.exchange(soci::into(groups));
        statement.exchange(soci::into(phases));
        statement.exchange(soci::into(capacity));
        statement.exchange(soci::into(programme.sponsor_id));
        statement.exchange(soci::into(programme.sponsor_name));
        statement.exchange(soci::into(programme.starts_on));
        statement.exchange(soci::into(programme.ends_on));
        statement.exchange(soci::into(programme.created_by));
    }
    Programme fetched() const {
        Programme result = programme;
        result.audience = audience_from_text(audience).value_or(Audience::Everyone);
        result.staff_groups = people::staff_groups_from_text(groups);
        result.phases = text::split_commas(phases);
        result.capacity = capacity;
        return result;
    }
};

// Binds a programme's fields for kInsert and kUpdate.
struct Bound {
    long long school, sponsor;
    soci::indicator school_indicator, sponsor_indicator;
    std::string audience, groups, phases;
    explicit Bound(const Programme& programme)
        : school(programme.school_id), sponsor(programme.sponsor_id),
          school_indicator(programme.school_id ? soci::i_ok : soci::i_null),
          sponsor_indicator(programme.sponsor_id ? soci::i_ok : soci::i_null),
          audience(text_of(programme.audience)), groups(people::text_of(programme.staff_groups)),
          phases(text::joined(programme.phases)) {}
};

// Pairs (programme id, linked id) of one link table, for the whole trust.
std::multimap<long long, long long> links(soci::session& sql, const char* query, long long trust_id) {
    std::multimap<long long, long long> found;
    long long programme_id = 0, linked_id = 0;
    auto statement =
        db::run_once(sql, query, soci::use(trust_id), soci::into(programme_id), soci::into(linked_id));
    while (statement.fetch())
        found.emplace(programme_id, linked_id);
    return found;
}

void attach_links(soci::session& sql, long long trust_id, std::vector<Programme>& programmes) {
    const auto schools = links(sql, kSchoolLinks, trust_id);
    const auto priorities = links(sql, kPriorityLinks, trust_id);
    for (Programme& programme : programmes) {
        for (auto [at, end] = schools.equal_range(programme.id); at != end; ++at)
            programme.school_ids.push_back(at->second);
        for (auto [at, end] = priorities.equal_range(programme.id); at != end; ++at)
            programme.priority_ids.push_back(at->second);
    }
}

void replace_links(soci::session& sql, const Programme& programme) {
    sql << "DELETE FROM programme_schools WHERE trust_id = :trust AND programme_id = :id",
        soci::use(programme.trust_id), soci::use(programme.id);
    sql << "DELETE FROM programme_priorities WHERE trust_id = :trust AND programme_id = :id",
        soci::use(programme.trust_id), soci::use(programme.id);
    // Only the trust's own schools and priorities are linked, whatever ids arrive.
    for (long long school_id : programme.school_ids)
        sql << "INSERT INTO programme_schools (programme_id, trust_id, school_id) SELECT :programme, "
               "trust_id, "
               "id FROM schools WHERE trust_id = :trust AND id = :school",
            soci::use(programme.id), soci::use(programme.trust_id), soci::use(school_id);
    for (long long priority_id : programme.priority_ids)
        sql << "INSERT INTO programme_priorities (programme_id, trust_id, priority_id) SELECT :programme, "
               "trust_id, id FROM priorities WHERE trust_id = :trust AND id = :priority",
            soci::use(programme.id), soci::use(programme.trust_id), soci::use(priority_id);
}

std::vector<Programme> select_programmes(soci::session& sql, const std::string& where, long long trust_id,
                                         std::optional<long long> programme_id) {
    std::vector<Programme> found;
    ProgrammeColumns columns;
    db::fetch_rows(
        sql, kColumns + where, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            if (programme_id)
                statement.exchange(soci::use(*programme_id));
        },
        [&](const Programme& programme) { found.push_back(programme); });
    attach_links(sql, trust_id, found);
    return found;
}

} // namespace

std::vector<Programme> programmes_of(soci::session& sql, long long trust_id) {
    return select_programmes(sql, "WHERE g.trust_id = :trust ORDER BY g.starts_on, g.title, g.id", trust_id,
                             std::nullopt);
}

std::optional<Programme> find_programme(soci::session& sql, long long trust_id, long long programme_id) {
    auto found = select_programmes(sql, "WHERE g.trust_id = :trust AND g.id = :id", trust_id, programme_id);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

long long insert_programme(soci::session& sql, const Programme& programme) {
    Bound bound(programme);
    const long long now = db::now_seconds();
    long long id = 0;
    sql << kInsert, soci::use(programme.trust_id), soci::use(bound.school, bound.school_indicator),
        soci::use(programme.title), soci::use(programme.purpose), soci::use(programme.pupil_outcome),
        soci::use(bound.audience), soci::use(bound.groups), soci::use(bound.phases),
        soci::use(programme.capacity), soci::use(bound.sponsor, bound.sponsor_indicator),
        soci::use(programme.starts_on), soci::use(programme.ends_on), soci::use(programme.created_by),
        soci::use(now), soci::use(now), soci::into(id);
    Programme stored = programme;
    stored.id = id;
    replace_links(sql, stored);
    return id;
}

void update_programme(soci::session& sql, const Programme& programme) {
    Bound bound(programme);
    const long long now = db::now_seconds();
    sql << kUpdate, soci::use(programme.title), soci::use(programme.purpose),
        soci::use(programme.pupil_outcome), soci::use(bound.audience), soci::use(bound.groups),
        soci::use(bound.phases), soci::use(programme.capacity),
        soci::use(bound.sponsor, bound.sponsor_indicator), soci::use(programme.starts_on),
        soci::use(programme.ends_on), soci::use(now), soci::use(programme.trust_id), soci::use(programme.id);
    replace_links(sql, programme);
}

std::vector<Member> members_of(soci::session& sql, long long trust_id, long long programme_id) {
    std::vector<Member> members;
    Member member;
    std::string group, status;
    auto statement = db::run_once(sql, kMembers, soci::use(trust_id), soci::use(programme_id),
                                  soci::into(member.person_id), soci::into(member.name),
                                  soci::into(member.school_name), soci::into(group), soci::into(status));
    while (statement.fetch()) {
        member.staff_group = people::staff_group_from_text(group).value_or(people::StaffGroup::Teacher);
        member.waiting = status == "waiting";
        members.push_back(member);
    }
    return members;
}

const char* const kStatusRows = "SELECT programme_id, status, '', 0, 0, 0, 0, 0 FROM programme_members WHERE "
                                "trust_id = :trust AND person_id = :person";

std::map<long long, std::string> statuses_from(const std::vector<db::BatchRow>& rows) {
    std::map<long long, std::string> statuses;
    for (const db::BatchRow& row : rows)
        statuses[row.id] = row.text;
    return statuses;
}

std::map<long long, std::string> statuses_of(soci::session& sql, long long trust_id, long long person_id) {
    static const db::PersonBatch statuses_alone({kStatusRows});
    return statuses_from(statuses_alone.read(sql, trust_id, person_id).front());
}

std::optional<std::string> status_in(soci::session& sql, long long trust_id, long long programme_id,
                                     long long person_id) {
    std::string status;
    if (!db::read_one(
            sql,
            "SELECT status FROM programme_members WHERE trust_id = :trust AND programme_id = :programme AND "
            "person_id = :person",
            soci::use(trust_id), soci::use(programme_id), soci::use(person_id), soci::into(status)))
        return std::nullopt;
    return status;
}

int count_with_status(soci::session& sql, long long trust_id, long long programme_id,
                      const std::string& status) {
    long long count = 0;
    db::read_one(
        sql,
        "SELECT COUNT(*) FROM programme_members WHERE trust_id = :trust AND programme_id = :programme AND "
        "status = :status",
        soci::use(trust_id), soci::use(programme_id), soci::use(status), soci::into(count));
    return static_cast<int>(count);
}

std::map<long long, MemberCounts> member_counts(soci::session& sql, long long trust_id) {
    std::map<long long, MemberCounts> counts;
    long long programme_id = 0, count = 0;
    std::string status;
    auto statement =
        db::run_once(sql,
                     "SELECT programme_id, status, COUNT(*) FROM programme_members WHERE "
                     "trust_id = :trust GROUP BY programme_id, status",
                     soci::use(trust_id), soci::into(programme_id), soci::into(status), soci::into(count));
    while (statement.fetch()) {
        if (status == "member")
            counts[programme_id].members = static_cast<int>(count);
        else if (status == "waiting")
            counts[programme_id].waiting = static_cast<int>(count);
    }
    return counts;
}

void add_member(soci::session& sql, long long trust_id, long long programme_id, long long person_id,
                const std::string& status) {
    const long long now = db::now_seconds();
    // Only the trust's own people still here can be added.
    sql << "INSERT INTO programme_members (programme_id, trust_id, person_id, status, joined_at) SELECT "
           ":programme, trust_id, id, :status, :now FROM people p WHERE trust_id = :trust AND id = :person "
           "AND "
           "left_at = 0 AND NOT EXISTS (SELECT 1 FROM programme_members m WHERE m.programme_id = :programme2 "
           "AND m.person_id = p.id)",
        soci::use(programme_id), soci::use(status), soci::use(now), soci::use(trust_id), soci::use(person_id),
        soci::use(programme_id);
}

void remove_member(soci::session& sql, long long trust_id, long long programme_id, long long person_id) {
    sql << "DELETE FROM programme_members WHERE trust_id = :trust AND programme_id = :programme AND "
           "person_id = "
           ":person",
        soci::use(trust_id), soci::use(programme_id), soci::use(person_id);
}

std::optional<long long> first_waiting(soci::session& sql, long long trust_id, long long programme_id) {
    long long person_id = 0;
    if (!db::read_one(
            sql,
            "SELECT person_id FROM programme_members WHERE trust_id = :trust AND programme_id = :programme "
            "AND "
            "status = 'waiting' ORDER BY joined_at, person_id LIMIT 1",
            soci::use(trust_id), soci::use(programme_id), soci::into(person_id)))
        return std::nullopt;
    return person_id;
}

void set_status(soci::session& sql, long long trust_id, long long programme_id, long long person_id,
                const std::string& status) {
    sql << "UPDATE programme_members SET status = :status WHERE trust_id = :trust AND programme_id = "
           ":programme "
           "AND person_id = :person",
        soci::use(status), soci::use(trust_id), soci::use(programme_id), soci::use(person_id);
}

} // namespace trellis::programmes::store
