#include "expertise/store.h"

#include <cstdio>

#include "db/database.h"
#include "db/rows.h"

namespace trellis::expertise::store {

namespace {

constexpr const char* kEntryColumns =
    "SELECT p.id, p.first_name || ' ' || p.last_name, p.email, COALESCE(s.name, ''), p.job_title, x.offer, "
    "x.show_work FROM expertise_entries x JOIN people p ON p.id = x.person_id AND p.trust_id = x.trust_id "
    "LEFT JOIN schools s ON s.id = p.school_id AND s.trust_id = p.trust_id WHERE x.trust_id = :trust AND "
    "p.left_at = 0 ";

constexpr const char* kTopics =
    "SELECT t.person_id, t.kind, t.value, COALESCE(pr.title, '') FROM expertise_topics t LEFT JOIN "
    "priorities "
    "pr ON t.kind = 'priority' AND CAST(pr.id AS TEXT) = t.value AND pr.trust_id = t.trust_id WHERE "
    "t.trust_id = :trust ";

// Workshops presented on a training day whose places were published, rated 4 or more out of 5 on
// average by at least the trust's smallest group.
constexpr const char* kPresentedWell =
    "SELECT o.presenter_id, o.title, e.title, COALESCE(ep.priority_id, 0), COUNT(*), CAST(SUM(f.rating) AS "
    "BIGINT) FROM workshop_offers o JOIN events e ON e.id = o.event_id AND e.trust_id = o.trust_id JOIN "
    "feedback f ON f.trust_id = o.trust_id AND f.about_kind = 'event' AND f.about_id = o.event_id AND "
    "f.item_id = o.id LEFT JOIN event_priorities ep ON ep.id = o.priority_id AND ep.trust_id = o.trust_id "
    "WHERE o.trust_id = :trust AND e.stage IN ('published', 'feedback') {whose} GROUP BY "
    "o.presenter_id, o.id, o.title, e.title, e.event_date, ep.priority_id HAVING COUNT(*) >= :smallest AND "
    "SUM(f.rating) >= 4 * COUNT(*) ORDER BY e.event_date DESC";

// Each programme's live sessions, the day of its last activity, and the priorities it serves.
constexpr const char* kProgrammes =
    "SELECT p.id, p.title, COUNT(CASE WHEN pa.kind = 'live' THEN 1 END), MAX(pa.starts_on) FROM programmes p "
    "JOIN programme_activities pa ON pa.programme_id = p.id AND pa.trust_id = p.trust_id WHERE p.trust_id = "
    ":trust GROUP BY p.id, p.title";
constexpr const char* kProgrammePriorities =
    "SELECT programme_id, priority_id FROM programme_priorities WHERE trust_id = :trust";
// The live sessions of each programme each person was at, live or from the recording.
constexpr const char* kSessionsAttended =
    "SELECT a.person_id, pa.programme_id, COUNT(*) FROM attendance_marks a JOIN programme_activities pa ON "
    "pa.id = a.session_id AND pa.trust_id = a.trust_id WHERE a.trust_id = :trust AND a.session_kind = "
    "'activity' AND a.status IN ('present', 'caught_up') AND pa.kind = 'live' {whose} GROUP BY "
    "a.person_id, pa.programme_id";

// Steps from the trust's library agreed in the meetings of pairs the person mentored or coached.
constexpr const char* kStepsCoached =
    "SELECT mp.mentor_id, st.title, COALESCE(st.priority_id, 0), COUNT(*) FROM mentoring_meetings mm JOIN "
    "mentoring_pairs mp ON mp.id = mm.pair_id AND mp.trust_id = mm.trust_id JOIN coaching_steps st ON st.id "
    "= mm.step_id AND st.trust_id = mm.trust_id WHERE mm.trust_id = :trust {whose} GROUP BY "
    "mp.mentor_id, st.id, st.title, st.priority_id ORDER BY COUNT(*) DESC, st.title";

// The query for one person's work or for everyone listed who shows theirs: `person_column` names who
// did the work. Either way it takes one more parameter after the trust: `whose` below.
std::string work_query(std::string query, const std::string& person_column, long long person_id) {
    const std::string mark = "{whose}";
    query.replace(query.find(mark), mark.size(),
                  person_id
                      ? " AND " + person_column + " = :whose"
                      : " AND " + person_column +
                            " IN (SELECT x.person_id FROM expertise_entries x WHERE x.trust_id = :whose AND "
                            "x.show_work = 1)");
    return query;
}

// The value of a work query's `whose`: the person, or the trust whose listed people are meant.
long long whose(long long trust_id, long long person_id) {
    return person_id ? person_id : trust_id;
}

std::string quoted(const std::string& title) {
    return "\u201c" + title + "\u201d";
}

std::string average_of(long long total, long long count) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(total) / static_cast<double>(count));
    return text;
}

void add_presented(soci::session& sql, long long trust_id, long long person_id, int smallest,
                   std::map<long long, std::vector<Work>>& work) {
    long long presenter = 0, priority = 0, count = 0, total = 0, smallest_count = smallest;
    const long long who = whose(trust_id, person_id);
    std::string workshop, event;
    auto statement =
        db::run_once(sql, work_query(kPresentedWell, "o.presenter_id", person_id), soci::into(presenter),
                     soci::into(workshop), soci::into(event), soci::into(priority), soci::into(count),
                     soci::into(total), soci::use(trust_id), soci::use(who), soci::use(smallest_count));
    while (statement.fetch()) {
        Work done{"Presented " + quoted(workshop) + " (" + event + ")",
                  "rated " + average_of(total, count) + " out of 5 by " + std::to_string(count) +
                      " colleagues",
                  {}};
        if (priority)
            done.priority_ids.push_back(priority);
        work[presenter].push_back(std::move(done));
    }
}

struct Programme {
    std::string title;
    long long live_sessions = 0;
    std::string last_day;
    std::vector<long long> priority_ids;
};

std::map<long long, Programme> programmes_of(soci::session& sql, long long trust_id) {
    std::map<long long, Programme> programmes;
    long long id = 0, live = 0, priority = 0;
    std::string title, last;
    soci::indicator last_known = soci::i_ok;
    auto each = db::run_once(sql, kProgrammes, soci::into(id), soci::into(title), soci::into(live),
                             soci::into(last, last_known), soci::use(trust_id));
    while (each.fetch()) {
        programmes[id] = Programme{title, live, last_known == soci::i_ok ? last : "", {}};
    }
    auto served =
        db::run_once(sql, kProgrammePriorities, soci::into(id), soci::into(priority), soci::use(trust_id));
    while (served.fetch()) {
        if (programmes.count(id))
            programmes[id].priority_ids.push_back(priority);
    }
    return programmes;
}

// A programme counts as completed once its last activity's day has passed, for someone who was at
// three quarters or more of its live sessions, live or from the recording.
void add_completed(soci::session& sql, long long trust_id, long long person_id, const std::string& today,
                   std::map<long long, std::vector<Work>>& work) {
    const std::map<long long, Programme> programmes = programmes_of(sql, trust_id);
    long long person = 0, programme_id = 0, attended = 0;
    const long long who = whose(trust_id, person_id);
    auto statement =
        db::run_once(sql, work_query(kSessionsAttended, "a.person_id", person_id), soci::into(person),
                     soci::into(programme_id), soci::into(attended), soci::use(trust_id), soci::use(who));
    while (statement.fetch()) {
        const auto found = programmes.find(programme_id);
        if (found != programmes.end()) {
            const Programme& programme = found->second;
            if (programme.live_sessions > 0 && programme.last_day < today &&
                attended * 4 >= programme.live_sessions * 3)
                work[person].push_back(Work{"Completed the programme " + quoted(programme.title),
                                            "at " + std::to_string(attended) + " of its " +
                                                std::to_string(programme.live_sessions) + " sessions",
                                            programme.priority_ids});
        }
    }
}

void add_coached(soci::session& sql, long long trust_id, long long person_id,
                 std::map<long long, std::vector<Work>>& work) {
    long long mentor = 0, priority = 0, meetings = 0;
    const long long who = whose(trust_id, person_id);
    std::string step;
    auto statement = db::run_once(sql, work_query(kStepsCoached, "mp.mentor_id", person_id),
                                  soci::into(mentor), soci::into(step), soci::into(priority),
                                  soci::into(meetings), soci::use(trust_id), soci::use(who));
    while (statement.fetch()) {
        Work done{"Coached the step " + quoted(step),
                  meetings == 1 ? "agreed in 1 mentoring or coaching meeting"
                                : "agreed in " + std::to_string(meetings) + " mentoring or coaching meetings",
                  {}};
        if (priority)
            done.priority_ids.push_back(priority);
        work[mentor].push_back(std::move(done));
    }
}

struct RequestColumns {
    Request request;
    long long answered_at = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(request.id));
        statement.exchange(soci::into(request.asker_id));
        statement.exchange(soci::into(request.asker_name));
        statement.exchange(soci::into(request.asker_email));
        statement.exchange(soci::into(request.asker_school));
        statement.exchange(soci::into(request.expert_id));
        statement.exchange(soci::into(request.expert_name));
        statement.exchange(soci::into(request.about));
        statement.exchange(soci::into(request.created_at));
        statement.exchange(soci::into(answered_at));
    }
    Request fetched() const {
        Request row = request;
        row.answered = answered_at != 0;
        return row;
    }
};

constexpr const char* kRequestColumns =
    "SELECT r.id, r.asker_id, a.first_name || ' ' || a.last_name, a.email, COALESCE(s.name, ''), "
    "r.expert_id, "
    "e.first_name || ' ' || e.last_name, r.about, r.created_at, r.answered_at FROM expertise_requests r JOIN "
    "people a ON a.id = r.asker_id AND a.trust_id = r.trust_id JOIN people e ON e.id = r.expert_id AND "
    "e.trust_id = r.trust_id LEFT JOIN schools s ON s.id = a.school_id AND s.trust_id = a.trust_id WHERE "
    "r.trust_id = :trust ";

// The entries of everyone listed in the trust (person_id 0) or of one person, by surname, each with
// its topics. Both queries take one parameter after the trust: `whose`, as for work.
std::vector<Expert> entries_of(soci::session& sql, long long trust_id, long long person_id) {
    const long long who = whose(trust_id, person_id);
    const std::string only = person_id ? "person_id" : "trust_id";
    std::vector<Expert> experts;
    std::map<long long, std::size_t> position;
    Expert row;
    int show_work = 1;
    auto entries = db::run_once(sql,
                                std::string(kEntryColumns) + "AND x." + only +
                                    " = :whose ORDER BY p.last_name, p.first_name, p.id",
                                soci::into(row.person_id), soci::into(row.name), soci::into(row.email),
                                soci::into(row.school_name), soci::into(row.job_title), soci::into(row.offer),
                                soci::into(show_work), soci::use(trust_id), soci::use(who));
    while (entries.fetch()) {
        row.show_work = show_work != 0;
        position[row.person_id] = experts.size();
        experts.push_back(row);
    }
    long long person = 0;
    std::string kind, value, title;
    auto topics = db::run_once(
        sql, std::string(kTopics) + "AND t." + only + " = :whose ORDER BY t.person_id, t.kind DESC, t.value",
        soci::into(person), soci::into(kind), soci::into(value), soci::into(title), soci::use(trust_id),
        soci::use(who));
    while (topics.fetch()) {
        const auto found = position.find(person);
        if (found == position.end())
            continue;
        if (kind == "priority" && !title.empty())
            experts[found->second].topics.push_back(Topic{std::stoll(value), title});
        else if (kind == "tag")
            experts[found->second].topics.push_back(Topic{0, value});
    }
    return experts;
}

} // namespace

std::vector<Expert> listed(soci::session& sql, long long trust_id) {
    return entries_of(sql, trust_id, 0);
}

std::optional<Expert> entry_of(soci::session& sql, long long trust_id, long long person_id) {
    if (person_id == 0)
        return std::nullopt;
    auto found = entries_of(sql, trust_id, person_id);
    return found.empty() ? std::nullopt : std::optional<Expert>(std::move(found.front()));
}

void save_entry(soci::session& sql, long long trust_id, long long person_id, const std::string& offer,
                bool show_work, const std::vector<std::string>& tags,
                const std::vector<long long>& priority_ids) {
    remove_entry(sql, trust_id, person_id);
    const long long now = db::now_seconds(), shown = show_work ? 1 : 0;
    sql << "INSERT INTO expertise_entries (trust_id, person_id, offer, show_work, updated_at) VALUES "
           "(:trust, "
           ":person, :offer, :shown, :now)",
        soci::use(trust_id), soci::use(person_id), soci::use(offer), soci::use(shown), soci::use(now);
    const auto add_topic = [&](const std::string& kind, const std::string& value) {
        sql << "INSERT INTO expertise_topics (trust_id, person_id, kind, value) VALUES (:trust, :person, "
               ":kind, "
               ":value)",
            soci::use(trust_id), soci::use(person_id), soci::use(kind), soci::use(value);
    };
    for (const std::string& tag : tags)
        add_topic("tag", tag);
    for (const long long priority_id : priority_ids)
        add_topic("priority", std::to_string(priority_id));
}

void remove_entry(soci::session& sql, long long trust_id, long long person_id) {
    sql << "DELETE FROM expertise_topics WHERE trust_id = :trust AND person_id = :person",
        soci::use(trust_id), soci::use(person_id);
    sql << "DELETE FROM expertise_entries WHERE trust_id = :trust AND person_id = :person",
        soci::use(trust_id), soci::use(person_id);
}

std::map<long long, std::vector<Work>> work_of(soci::session& sql, long long trust_id, long long person_id,
                                               int smallest, const std::string& today) {
    std::map<long long, std::vector<Work>> work;
    add_presented(sql, trust_id, person_id, smallest, work);
    add_completed(sql, trust_id, person_id, today, work);
    add_coached(sql, trust_id, person_id, work);
    return work;
}

long long insert_request(soci::session& sql, long long trust_id, long long expert_id, long long asker_id,
                         const std::string& about) {
    const long long now = db::now_seconds();
    long long id = 0;
    sql << "INSERT INTO expertise_requests (trust_id, expert_id, asker_id, about, created_at) VALUES "
           "(:trust, "
           ":expert, :asker, :about, :now) RETURNING id",
        soci::use(trust_id), soci::use(expert_id), soci::use(asker_id), soci::use(about), soci::use(now),
        soci::into(id);
    return id;
}

std::optional<long long> open_request(soci::session& sql, long long trust_id, long long expert_id,
                                      long long asker_id) {
    long long id = 0;
    auto found = db::run_once(sql,
                              "SELECT id FROM expertise_requests WHERE trust_id = :trust AND expert_id = "
                              ":expert AND asker_id = :asker AND answered_at = 0",
                              soci::into(id), soci::use(trust_id), soci::use(expert_id), soci::use(asker_id));
    return found.fetch() ? std::optional<long long>(id) : std::nullopt;
}

std::vector<Request> requests_to(soci::session& sql, long long trust_id, long long expert_id) {
    std::vector<Request> found;
    RequestColumns columns;
    db::fetch_rows(
        sql,
        std::string(kRequestColumns) +
            "AND r.expert_id = :expert ORDER BY CASE WHEN r.answered_at = 0 THEN 0 ELSE 1 END, r.created_at "
            "DESC, r.id DESC LIMIT 50",
        columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(expert_id));
        },
        [&](const Request& request) { found.push_back(request); });
    return found;
}

std::optional<Request> find_request(soci::session& sql, long long trust_id, long long request_id) {
    std::optional<Request> found;
    RequestColumns columns;
    db::fetch_rows(
        sql, std::string(kRequestColumns) + "AND r.id = :id", columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(request_id));
        },
        [&](const Request& request) { found = request; });
    return found;
}

void mark_answered(soci::session& sql, long long trust_id, long long request_id) {
    const long long now = db::now_seconds();
    sql << "UPDATE expertise_requests SET answered_at = :now WHERE trust_id = :trust AND id = :id",
        soci::use(now), soci::use(trust_id), soci::use(request_id);
}

} // namespace trellis::expertise::store
