#include "feedback/store.h"

#include "db/database.h"
#include "db/rows.h"

namespace trellis::feedback::store {

namespace {

constexpr const char* kAnswersOf =
    "SELECT item_id, rating, comment FROM feedback WHERE trust_id = :trust AND about_kind = :kind AND "
    "about_id = :about AND person_id = :person";
constexpr const char* kSaveAnswer =
    "INSERT INTO feedback (trust_id, about_kind, about_id, item_id, person_id, rating, comment, created_at) "
    "VALUES (:trust, :kind, :about, :item, :person, :rating, :comment, :at) "
    "ON CONFLICT (trust_id, about_kind, about_id, person_id, item_id) DO UPDATE SET rating = "
    "excluded.rating, comment = excluded.comment, created_at = excluded.created_at";
constexpr const char* kResponsesTo =
    "SELECT f.item_id, f.rating, f.comment, COALESCE(sc.name, ''), p.staff_group FROM feedback f "
    "JOIN people p ON p.id = f.person_id AND p.trust_id = f.trust_id "
    "LEFT JOIN schools sc ON sc.id = p.school_id AND sc.trust_id = p.trust_id "
    "WHERE f.trust_id = :trust AND f.about_kind = :kind AND f.about_id = :about "
    "ORDER BY f.item_id, f.created_at, f.id";

struct AnswerColumns {
    long long item_id = 0, rating = 0;
    std::string comment;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(item_id));
        statement.exchange(soci::into(rating));
        statement.exchange(soci::into(comment));
    }
    Answer fetched() const { return {item_id, static_cast<int>(rating), comment}; }
};

struct ResponseColumns {
    long long item_id = 0, rating = 0;
    std::string comment, school_name, staff_group;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(item_id));
        statement.exchange(soci::into(rating));
        statement.exchange(soci::into(comment));
        statement.exchange(soci::into(school_name));
        statement.exchange(soci::into(staff_group));
    }
    Response fetched() const {
        return {item_id, static_cast<int>(rating), comment,
                school_name.empty() ? "Central team" : school_name,
                people::staff_group_from_text(staff_group).value_or(people::StaffGroup::Teacher)};
    }
};

} // namespace

std::vector<Answer> answers_of(soci::session& sql, long long trust_id, About about, long long person_id) {
    const std::string kind = text_of(about.kind);
    std::vector<Answer> answers;
    AnswerColumns columns;
    db::fetch_rows(
        sql, kAnswersOf, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(kind));
            statement.exchange(soci::use(about.id));
            statement.exchange(soci::use(person_id));
        },
        [&](const Answer& answer) { answers.push_back(answer); });
    return answers;
}

void save_answers(soci::session& sql, long long trust_id, About about, long long person_id,
                  const std::vector<Answer>& answers) {
    const std::string kind = text_of(about.kind);
    const long long now = db::now_seconds();
    for (const Answer& answer : answers) {
        const long long rating = answer.rating;
        sql << kSaveAnswer, soci::use(trust_id), soci::use(kind), soci::use(about.id),
            soci::use(answer.item_id), soci::use(person_id), soci::use(rating), soci::use(answer.comment),
            soci::use(now);
    }
}

std::vector<Response> responses_to(soci::session& sql, long long trust_id, About about) {
    const std::string kind = text_of(about.kind);
    std::vector<Response> responses;
    ResponseColumns columns;
    db::fetch_rows(
        sql, kResponsesTo, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(kind));
            statement.exchange(soci::use(about.id));
        },
        [&](const Response& response) { responses.push_back(response); });
    return responses;
}

const char* const kActivitiesAnsweredRows =
    "SELECT DISTINCT about_id, '', '', 0, 0, 0, 0, 0 FROM feedback WHERE trust_id = :trust AND person_id = "
    ":person AND about_kind = 'activity'";

long long respondents(soci::session& sql, long long trust_id, About about) {
    const std::string kind = text_of(about.kind);
    long long count = 0;
    db::read_one(
        sql,
        "SELECT COUNT(DISTINCT person_id) FROM feedback WHERE trust_id = :trust AND about_kind = :kind "
        "AND "
        "about_id = :about",
        soci::use(trust_id), soci::use(kind), soci::use(about.id), soci::into(count));
    return count;
}

void forget(soci::session& sql, long long trust_id, About about) {
    const std::string kind = text_of(about.kind);
    sql << "DELETE FROM feedback WHERE trust_id = :trust AND about_kind = :kind AND about_id = :about",
        soci::use(trust_id), soci::use(kind), soci::use(about.id);
}

} // namespace trellis::feedback::store
