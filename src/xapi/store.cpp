#include "xapi/store.h"

#include "db/id_set.h"
#include "db/rows.h"
#include "outbox/store.h"
#include "text/dates.h"

namespace trellis::xapi::store {

namespace {

// Each source gives: kind, trust, person, key, first name, last name, email, path, title, when. The
// key is built the same way in SQL as the anti-join looks for it.
constexpr const char* kModules =
    "SELECT 'module', m.trust_id, m.person_id, 'module ' || m.person_id || ' ' || m.module_slug, "
    "p.first_name, "
    "p.last_name, p.email, '/modules/' || m.module_slug, COALESCE(c.module_title, m.module_slug), "
    "m.completed_at "
    "FROM module_progress m JOIN people p ON p.id = m.person_id AND p.trust_id = m.trust_id "
    "LEFT JOIN certificates c ON c.person_id = m.person_id AND c.module_slug = m.module_slug "
    "WHERE m.completed_at > 0 AND m.completed_at >= :since AND p.erased_at = 0 AND NOT EXISTS (SELECT 1 FROM "
    "xapi_outbox x WHERE x.fact_key = 'module ' || m.person_id || ' ' || m.module_slug) LIMIT :limit";
constexpr const char* kWorkshops =
    "SELECT a.status, a.trust_id, a.person_id, a.status || ' workshop ' || a.session_id || ' ' || "
    "a.person_id, "
    "p.first_name, p.last_name, p.email, '/events/' || s.event_id || '/sessions/' || s.id, o.title || ', ' "
    "|| "
    "e.title, a.marked_at FROM attendance_marks a JOIN people p ON p.id = a.person_id AND p.trust_id = "
    "a.trust_id JOIN workshop_sessions s ON s.id = a.session_id AND s.trust_id = a.trust_id JOIN "
    "workshop_offers o ON o.id = s.offer_id JOIN events e ON e.id = s.event_id WHERE a.session_kind = "
    "'workshop' AND a.status IN ('present', 'caught_up') AND a.marked_at >= :since AND p.erased_at = 0 AND "
    "NOT EXISTS (SELECT 1 FROM xapi_outbox x WHERE x.fact_key = a.status || ' workshop ' || a.session_id || "
    "' ' || a.person_id) LIMIT :limit";
constexpr const char* kSessions =
    "SELECT a.status, a.trust_id, a.person_id, a.status || ' activity ' || a.session_id || ' ' || "
    "a.person_id, "
    "p.first_name, p.last_name, p.email, '/programmes/' || s.programme_id || '/activities/' || s.id, s.title "
    "|| ', ' || g.title, a.marked_at FROM attendance_marks a JOIN people p ON p.id = a.person_id AND "
    "p.trust_id = a.trust_id JOIN programme_activities s ON s.id = a.session_id AND s.trust_id = a.trust_id "
    "JOIN programmes g ON g.id = s.programme_id WHERE a.session_kind = 'activity' AND a.status IN "
    "('present', 'caught_up') AND a.marked_at >= :since AND p.erased_at = 0 AND NOT EXISTS (SELECT 1 FROM "
    "xapi_outbox x WHERE x.fact_key = a.status || ' activity ' || a.session_id || ' ' || a.person_id) "
    "LIMIT :limit";
// Only named surveys: an anonymous survey keeps nobody's name beside a response, and a statement
// saying when someone answered could point to theirs.
constexpr const char* kSurveys =
    "SELECT 'survey', r.trust_id, r.person_id, 'survey ' || r.survey_id || ' ' || r.person_id, p.first_name, "
    "p.last_name, p.email, '/surveys/' || r.survey_id, v.title, 0 FROM survey_responses r JOIN people p ON "
    "p.id = r.person_id AND p.trust_id = r.trust_id JOIN surveys v ON v.id = r.survey_id WHERE v.anonymous = "
    "0 AND r.answered_on >= :since_day AND p.erased_at = 0 AND NOT EXISTS (SELECT 1 FROM xapi_outbox x WHERE "
    "x.fact_key = 'survey ' || r.survey_id || ' ' || r.person_id) LIMIT :limit";

Doing doing_of(const std::string& kind, bool workshop) {
    if (kind == "module")
        return Doing::CompletedModule;
    if (kind == "survey")
        return Doing::CompletedSurvey;
    if (kind == "caught_up")
        return Doing::CaughtUpSession;
    return workshop ? Doing::AttendedWorkshop : Doing::AttendedSession;
}

void add_facts(soci::session& sql, const std::string& query, bool workshop, long long since, int limit,
               std::vector<Fact>& facts) {
    Fact fact;
    std::string kind, first, last, day;
    const std::string since_day = text::utc(since, "%Y-%m-%d");
    const bool by_day = query == kSurveys;
    auto rows = by_day ? db::run_once(sql, query, soci::into(kind), soci::into(fact.trust_id),
                                      soci::into(fact.person_id), soci::into(fact.key), soci::into(first),
                                      soci::into(last), soci::into(fact.person_email), soci::into(fact.path),
                                      soci::into(fact.title), soci::into(fact.at), soci::use(since_day),
                                      soci::use(limit))
                       : db::run_once(sql, query, soci::into(kind), soci::into(fact.trust_id),
                                      soci::into(fact.person_id), soci::into(fact.key), soci::into(first),
                                      soci::into(last), soci::into(fact.person_email), soci::into(fact.path),
                                      soci::into(fact.title), soci::into(fact.at), soci::use(since),
                                      soci::use(limit));
    while (rows.fetch()) {
        fact.doing = doing_of(kind, workshop);
        fact.person_name = first + " " + last;
        facts.push_back(fact);
    }
}

} // namespace

std::vector<Fact> new_facts(soci::session& sql, long long since, int limit) {
    std::vector<Fact> facts;
    add_facts(sql, kModules, false, since, limit, facts);
    add_facts(sql, kWorkshops, true, since, limit, facts);
    add_facts(sql, kSessions, false, since, limit, facts);
    add_facts(sql, kSurveys, false, since, limit, facts);
    return facts;
}

void queue(soci::session& sql, const Fact& fact, const std::string& statement, long long now) {
    const std::string id = statement_id(fact);
    sql << "INSERT INTO xapi_outbox (trust_id, person_id, fact_key, statement_id, statement, "
           "next_attempt_at, "
           "created_at) VALUES (:trust, :person, :key, :id, :statement, :now, :now2) ON CONFLICT (fact_key) "
           "DO "
           "NOTHING",
        soci::use(fact.trust_id), soci::use(fact.person_id), soci::use(fact.key), soci::use(id),
        soci::use(statement), soci::use(now), soci::use(now);
}

long long facts_until(soci::session& sql) {
    long long until = 0;
    db::read_one(sql, "SELECT facts_until FROM xapi_progress WHERE id = 1", soci::into(until));
    return until;
}

void set_facts_until(soci::session& sql, long long until) {
    sql << "UPDATE xapi_progress SET facts_until = :until WHERE id = 1 AND facts_until < :until2",
        soci::use(until), soci::use(until);
}

std::vector<Queued> queued(soci::session& sql, const std::vector<long long>& ids) {
    if (ids.empty())
        return {};
    std::vector<Queued> found;
    Queued item;
    long long id = 0;
    const std::string asked = db::id_set_value(ids);
    auto rows =
        db::run_once(sql,
                     "SELECT id, trust_id, person_id, statement_id, statement FROM xapi_outbox WHERE " +
                         db::id_set_condition(sql, "id", "ids") + " ORDER BY id",
                     soci::into(id), soci::into(item.trust_id), soci::into(item.person_id),
                     soci::into(item.statement_id), soci::into(item.statement), soci::use(asked));
    while (rows.fetch()) {
        item.ids = {id};
        found.push_back(item);
    }
    return found;
}

} // namespace trellis::xapi::store
