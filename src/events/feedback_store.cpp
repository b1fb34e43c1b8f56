#include "events/feedback_store.h"

#include "db/database.h"
#include "db/rows.h"

namespace trellis::events::feedback_store {

namespace {

constexpr const char* kAttendedWorkshops =
    "SELECT DISTINCT o.id, o.title FROM attendance_marks a "
    "JOIN workshop_sessions s ON s.id = a.session_id AND s.trust_id = a.trust_id "
    "JOIN workshop_offers o ON o.id = s.offer_id AND o.trust_id = s.trust_id "
    "WHERE a.trust_id = :trust AND s.event_id = :event AND a.person_id = :person AND a.session_kind = "
    "'workshop' AND a.status = 'present' "
    "ORDER BY o.title, o.id";
constexpr const char* kAnswersOf = "SELECT offer_id, rating, comment FROM event_feedback "
                                   "WHERE trust_id = :trust AND event_id = :event AND person_id = :person";
constexpr const char* kSaveAnswer =
    "INSERT INTO event_feedback (event_id, trust_id, person_id, offer_id, rating, comment, created_at) "
    "VALUES (:event, :trust, :person, :offer, :rating, :comment, :at) "
    "ON CONFLICT (event_id, person_id, offer_id) DO UPDATE SET rating = excluded.rating, "
    "comment = excluded.comment, created_at = excluded.created_at";
constexpr const char* kResponsesTo =
    "SELECT f.offer_id, f.rating, f.comment, COALESCE(sc.name, ''), p.staff_group FROM event_feedback f "
    "JOIN people p ON p.id = f.person_id AND p.trust_id = f.trust_id "
    "LEFT JOIN schools sc ON sc.id = p.school_id AND sc.trust_id = p.trust_id "
    "WHERE f.trust_id = :trust AND f.event_id = :event ORDER BY f.offer_id, f.created_at, f.id";

struct WorkshopColumns {
    long long id = 0;
    std::string title;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(id));
        statement.exchange(soci::into(title));
    }
    std::pair<long long, std::string> fetched() const { return {id, title}; }
};

struct AnswerColumns {
    long long offer_id = 0, rating = 0;
    std::string comment;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(offer_id));
        statement.exchange(soci::into(rating));
        statement.exchange(soci::into(comment));
    }
    FeedbackAnswer fetched() const { return {offer_id, static_cast<int>(rating), comment}; }
};

struct ResponseColumns {
    long long offer_id = 0, rating = 0;
    std::string comment, school_name, staff_group;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(offer_id));
        statement.exchange(soci::into(rating));
        statement.exchange(soci::into(comment));
        statement.exchange(soci::into(school_name));
        statement.exchange(soci::into(staff_group));
    }
    FeedbackResponse fetched() const {
        return {offer_id, static_cast<int>(rating), comment,
                school_name.empty() ? "Central team" : school_name,
                people::staff_group_from_text(staff_group).value_or(people::StaffGroup::Teacher)};
    }
};

auto bind_person(long long& trust_id, long long& event_id, long long& person_id) {
    return [&](soci::statement& statement) {
        statement.exchange(soci::use(trust_id));
        statement.exchange(soci::use(event_id));
        statement.exchange(soci::use(person_id));
    };
}

} // namespace

std::vector<std::pair<long long, std::string>> attended_workshops(soci::session& sql, long long trust_id,
                                                                  long long event_id, long long person_id) {
    std::vector<std::pair<long long, std::string>> workshops;
    WorkshopColumns columns;
    db::fetch_rows(sql, kAttendedWorkshops, columns, bind_person(trust_id, event_id, person_id),
                   [&](const auto& workshop) { workshops.push_back(workshop); });
    return workshops;
}

std::vector<FeedbackAnswer> answers_of(soci::session& sql, long long trust_id, long long event_id,
                                       long long person_id) {
    std::vector<FeedbackAnswer> answers;
    AnswerColumns columns;
    db::fetch_rows(sql, kAnswersOf, columns, bind_person(trust_id, event_id, person_id),
                   [&](const FeedbackAnswer& answer) { answers.push_back(answer); });
    return answers;
}

void save_answer(soci::session& sql, long long trust_id, long long event_id, long long person_id,
                 const FeedbackAnswer& answer) {
    const long long rating = answer.rating, now = db::now_seconds();
    sql << kSaveAnswer, soci::use(event_id), soci::use(trust_id), soci::use(person_id),
        soci::use(answer.offer_id), soci::use(rating), soci::use(answer.comment), soci::use(now);
}

std::vector<FeedbackResponse> responses_to(soci::session& sql, long long trust_id, long long event_id) {
    std::vector<FeedbackResponse> responses;
    ResponseColumns columns;
    db::fetch_rows(
        sql, kResponsesTo, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(event_id));
        },
        [&](const FeedbackResponse& response) { responses.push_back(response); });
    return responses;
}

} // namespace trellis::events::feedback_store
