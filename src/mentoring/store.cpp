#include "mentoring/store.h"

#include "db/database.h"
#include "db/rows.h"

namespace trellis::mentoring::store {

namespace {

constexpr const char* kStepColumns =
    "SELECT st.id, st.title, st.description, st.done_well, COALESCE(st.priority_id, 0), "
    "COALESCE(pr.title, ''), st.phase FROM coaching_steps st LEFT JOIN priorities pr ON pr.id = "
    "st.priority_id AND pr.trust_id = st.trust_id WHERE st.trust_id = :trust ";

struct StepColumns {
    Step step;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(step.id));
        statement.exchange(soci::into(step.title));
        statement.exchange(soci::into(step.description));
        statement.exchange(soci::into(step.done_well));
        statement.exchange(soci::into(step.priority_id));
        statement.exchange(soci::into(step.priority_title));
        statement.exchange(soci::into(step.phase));
    }
    Step fetched() const { return step; }
};

// A pair with its people's names and how often it has met: what anyone who may see the pair at
// all may see.
constexpr const char* kPairColumns =
    "SELECT mp.id, mp.kind, mp.status, COALESCE(mp.mentor_id, 0), COALESCE(mr.first_name || ' ' || "
    "mr.last_name, ''), mp.mentee_id, me.first_name || ' ' || me.last_name, COALESCE(me.school_id, 0), "
    "COALESCE(s.name, ''), mp.focus, (SELECT COUNT(*) FROM mentoring_meetings mm WHERE mm.trust_id = "
    "mp.trust_id AND mm.pair_id = mp.id), COALESCE((SELECT MAX(mm.day) FROM mentoring_meetings mm WHERE "
    "mm.trust_id = mp.trust_id AND mm.pair_id = mp.id), '') FROM mentoring_pairs mp JOIN people me ON "
    "me.id = mp.mentee_id AND me.trust_id = mp.trust_id LEFT JOIN people mr ON mr.id = mp.mentor_id AND "
    "mr.trust_id = mp.trust_id LEFT JOIN schools s ON s.id = me.school_id AND s.trust_id = mp.trust_id "
    "WHERE mp.trust_id = :trust ";

struct PairColumns {
    Pair pair;
    std::string kind, status;
    long long meetings = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(pair.id));
        statement.exchange(soci::into(kind));
        statement.exchange(soci::into(status));
        statement.exchange(soci::into(pair.mentor_id));
        statement.exchange(soci::into(pair.mentor_name));
        statement.exchange(soci::into(pair.mentee_id));
        statement.exchange(soci::into(pair.mentee_name));
        statement.exchange(soci::into(pair.mentee_school_id));
        statement.exchange(soci::into(pair.mentee_school));
        statement.exchange(soci::into(pair.focus));
        statement.exchange(soci::into(meetings));
        statement.exchange(soci::into(pair.last_met));
    }
    Pair fetched() const {
        Pair row = pair;
        row.kind = pair_kind_from_text(kind).value_or(PairKind::Mentoring);
        row.status = pair_status_from_text(status).value_or(PairStatus::Active);
        row.meetings = static_cast<int>(meetings);
        return row;
    }
};

std::vector<Pair> select_pairs(soci::session& sql, const std::string& where, long long trust_id,
                               const std::vector<long long>& values) {
    std::vector<Pair> pairs;
    PairColumns columns;
    db::fetch_rows(
        sql, std::string(kPairColumns) + where, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            for (const long long& value : values)
                statement.exchange(soci::use(value));
        },
        [&](const Pair& pair) { pairs.push_back(pair); });
    return pairs;
}

struct MeetingColumns {
    Meeting meeting;
    long long minutes = 0;
    std::string tried;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(meeting.id));
        statement.exchange(soci::into(meeting.day));
        statement.exchange(soci::into(minutes));
        statement.exchange(soci::into(meeting.focus));
        statement.exchange(soci::into(meeting.discussed));
        statement.exchange(soci::into(meeting.step_id));
        statement.exchange(soci::into(meeting.step_title));
        statement.exchange(soci::into(meeting.next_step));
        statement.exchange(soci::into(meeting.next_step_by));
        statement.exchange(soci::into(tried));
        statement.exchange(soci::into(meeting.written_by));
    }
    Meeting fetched() const {
        Meeting row = meeting;
        row.minutes = static_cast<int>(minutes);
        row.last_step_tried = tried_from_text(tried).value_or(Tried::NotReviewed);
        return row;
    }
};

} // namespace

long long insert_step(soci::session& sql, long long trust_id, long long created_by, const Step& step) {
    const long long now = db::now_seconds();
    const long long priority = step.priority_id;
    soci::indicator priority_known = priority ? soci::i_ok : soci::i_null;
    long long id = 0;
    sql << "INSERT INTO coaching_steps (trust_id, title, description, done_well, priority_id, phase, "
           "created_by, created_at) VALUES (:trust, :title, :description, :done_well, :priority, :phase, "
           ":by, :now) RETURNING id",
        soci::use(trust_id), soci::use(step.title), soci::use(step.description), soci::use(step.done_well),
        soci::use(priority, priority_known), soci::use(step.phase), soci::use(created_by), soci::use(now),
        soci::into(id);
    return id;
}

std::vector<Step> steps(soci::session& sql, long long trust_id) {
    std::vector<Step> found;
    StepColumns columns;
    db::fetch_rows(
        sql, std::string(kStepColumns) + "ORDER BY st.title, st.id", columns,
        [&](soci::statement& statement) { statement.exchange(soci::use(trust_id)); },
        [&](const Step& step) { found.push_back(step); });
    return found;
}

std::optional<Step> find_step(soci::session& sql, long long trust_id, long long step_id) {
    std::optional<Step> found;
    StepColumns columns;
    db::fetch_rows(
        sql, std::string(kStepColumns) + "AND st.id = :id", columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(step_id));
        },
        [&](const Step& step) { found = step; });
    return found;
}

long long insert_pair(soci::session& sql, long long trust_id, long long created_by, const Pair& pair) {
    const long long now = db::now_seconds();
    const std::string kind = text_of(pair.kind), status = text_of(pair.status);
    const long long mentor = pair.mentor_id;
    soci::indicator mentor_known = mentor ? soci::i_ok : soci::i_null;
    long long id = 0;
    sql << "INSERT INTO mentoring_pairs (trust_id, kind, mentor_id, mentee_id, focus, status, created_by, "
           "created_at) VALUES (:trust, :kind, :mentor, :mentee, :focus, :status, :by, :now) RETURNING id",
        soci::use(trust_id), soci::use(kind), soci::use(mentor, mentor_known), soci::use(pair.mentee_id),
        soci::use(pair.focus), soci::use(status), soci::use(created_by), soci::use(now), soci::into(id);
    return id;
}

std::optional<Pair> find_pair(soci::session& sql, long long trust_id, long long pair_id) {
    auto pairs = select_pairs(sql, "AND mp.id = :id", trust_id, {pair_id});
    if (pairs.empty())
        return std::nullopt;
    return pairs.front();
}

std::vector<Pair> pairs_of(soci::session& sql, long long trust_id, long long person_id) {
    return select_pairs(sql, "AND (mp.mentor_id = :mentor OR mp.mentee_id = :mentee) ORDER BY mp.id DESC",
                        trust_id, {person_id, person_id});
}

std::vector<Pair> pairs_in(soci::session& sql, long long trust_id, long long school_id) {
    if (school_id < 0)
        return select_pairs(sql, "ORDER BY mp.status, me.last_name, me.first_name, mp.id", trust_id, {});
    return select_pairs(sql,
                        "AND COALESCE(me.school_id, 0) = :school ORDER BY mp.status, me.last_name, "
                        "me.first_name, mp.id",
                        trust_id, {school_id});
}

std::vector<std::pair<std::string, std::string>> ects_without_mentor(soci::session& sql, long long trust_id,
                                                                     long long school_id) {
    std::vector<std::pair<std::string, std::string>> found;
    std::string email, name;
    const std::string query =
        "SELECT p.email, p.first_name || ' ' || p.last_name FROM people p WHERE p.trust_id = :trust AND "
        "p.staff_group = 'ect' AND p.left_at = 0 " +
        std::string(school_id >= 0 ? "AND COALESCE(p.school_id, 0) = :school " : "") +
        "AND NOT EXISTS (SELECT 1 FROM mentoring_pairs mp WHERE mp.trust_id = p.trust_id AND mp.mentee_id = "
        "p.id "
        "AND mp.kind = 'mentoring' AND mp.status = 'active') ORDER BY p.last_name, p.first_name";
    auto statement = school_id >= 0
                         ? db::run_once(sql, query, soci::into(email), soci::into(name), soci::use(trust_id),
                                        soci::use(school_id))
                         : db::run_once(sql, query, soci::into(email), soci::into(name), soci::use(trust_id));
    while (statement.fetch())
        found.emplace_back(email, name);
    return found;
}

void set_coach(soci::session& sql, long long trust_id, long long pair_id, long long coach_id) {
    const std::string active = text_of(PairStatus::Active);
    sql << "UPDATE mentoring_pairs SET mentor_id = :coach, status = :status WHERE trust_id = :trust AND "
           "id = :id",
        soci::use(coach_id), soci::use(active), soci::use(trust_id), soci::use(pair_id);
}

void set_status(soci::session& sql, long long trust_id, long long pair_id, PairStatus status) {
    const std::string text = text_of(status);
    sql << "UPDATE mentoring_pairs SET status = :status WHERE trust_id = :trust AND id = :id",
        soci::use(text), soci::use(trust_id), soci::use(pair_id);
}

long long insert_meeting(soci::session& sql, long long trust_id, long long pair_id, long long written_by,
                         const Meeting& meeting) {
    const long long now = db::now_seconds(), minutes = meeting.minutes, step = meeting.step_id;
    soci::indicator step_known = step ? soci::i_ok : soci::i_null;
    const std::string tried = text_of(meeting.last_step_tried);
    long long id = 0;
    sql << "INSERT INTO mentoring_meetings (trust_id, pair_id, day, minutes, focus, discussed, step_id, "
           "next_step, next_step_by, last_step_tried, written_by, created_at) VALUES (:trust, :pair, :day, "
           ":minutes, :focus, :discussed, :step, :next_step, :next_step_by, :tried, :by, :now) RETURNING id",
        soci::use(trust_id), soci::use(pair_id), soci::use(meeting.day), soci::use(minutes),
        soci::use(meeting.focus), soci::use(meeting.discussed), soci::use(step, step_known),
        soci::use(meeting.next_step), soci::use(meeting.next_step_by), soci::use(tried),
        soci::use(written_by), soci::use(now), soci::into(id);
    return id;
}

std::vector<Meeting> meetings_of(soci::session& sql, long long trust_id, long long pair_id) {
    std::vector<Meeting> meetings;
    MeetingColumns columns;
    db::fetch_rows(
        sql,
        "SELECT m.id, m.day, m.minutes, m.focus, m.discussed, COALESCE(m.step_id, 0), COALESCE(st.title, "
        "''), "
        "m.next_step, m.next_step_by, m.last_step_tried, COALESCE(w.first_name || ' ' || w.last_name, '') "
        "FROM mentoring_meetings m LEFT JOIN coaching_steps st ON st.id = m.step_id AND st.trust_id = "
        "m.trust_id LEFT JOIN people w ON w.id = m.written_by AND w.trust_id = m.trust_id WHERE m.trust_id "
        "= :trust AND m.pair_id = :pair ORDER BY m.day DESC, m.id DESC",
        columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(pair_id));
        },
        [&](const Meeting& meeting) { meetings.push_back(meeting); });
    return meetings;
}

} // namespace trellis::mentoring::store
