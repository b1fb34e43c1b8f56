#include "surveys/response_store.h"

#include <algorithm>
#include <sodium.h>

#include <unordered_map>

#include "db/rows.h"
#include "surveys/questions.h"

namespace trellis::surveys::response_store {

namespace {

struct AnswerColumns {
    Answer answer;
    std::string picks;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(answer.question_id));
        statement.exchange(soci::into(picks));
        statement.exchange(soci::into(answer.text));
    }
    Answer fetched() const {
        Answer result = answer;
        result.picks = picks_from_text(picks);
        return result;
    }
};

long long count(soci::session& sql, const std::string& query, long long trust_id, long long survey_id,
                const long long* person_id) {
    long long found = 0;
    if (person_id)
        db::read_one(sql, query, soci::use(trust_id), soci::use(survey_id), soci::use(*person_id),
                     soci::into(found));
    else
        db::read_one(sql, query, soci::use(trust_id), soci::use(survey_id), soci::into(found));
    return found;
}

// A positive id drawn at random, so that a response's place in the table says nothing of its author.
long long random_id() {
    unsigned long long bits = 0;
    randombytes_buf(&bits, sizeof bits);
    return static_cast<long long>(bits >> 2) + 1;
}

struct ResponseColumns {
    long long id = 0, question_id = 0;
    Respondent respondent;
    std::string group, picks, text, match_key;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(id));
        statement.exchange(soci::into(match_key));
        statement.exchange(soci::into(respondent.school_id));
        statement.exchange(soci::into(respondent.school_name));
        statement.exchange(soci::into(group));
        statement.exchange(soci::into(respondent.phase));
        statement.exchange(soci::into(question_id));
        statement.exchange(soci::into(picks));
        statement.exchange(soci::into(text));
    }
    const ResponseColumns& fetched() const { return *this; }
};

} // namespace

Answers draft_of(soci::session& sql, long long trust_id, long long survey_id, long long person_id) {
    Answers answers;
    AnswerColumns columns;
    db::fetch_rows(
        sql,
        "SELECT question_id, picks, answer_text FROM survey_drafts WHERE trust_id = :trust AND survey_id = "
        ":survey AND person_id = :person",
        columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(survey_id));
            statement.exchange(soci::use(person_id));
        },
        [&](const Answer& answer) { answers[answer.question_id] = answer; });
    return answers;
}

void save_draft_answer(soci::session& sql, long long trust_id, long long survey_id, long long person_id,
                       const Answer& answer) {
    sql << "DELETE FROM survey_drafts WHERE trust_id = :trust AND survey_id = :survey AND person_id = "
           ":person "
           "AND question_id = :question",
        soci::use(trust_id), soci::use(survey_id), soci::use(person_id), soci::use(answer.question_id);
    if (answer.empty())
        return;
    const std::string picks = text_of_picks(answer.picks);
    sql << "INSERT INTO survey_drafts (trust_id, survey_id, person_id, question_id, picks, answer_text) "
           "VALUES (:trust, :survey, :person, :question, :picks, :text)",
        soci::use(trust_id), soci::use(survey_id), soci::use(person_id), soci::use(answer.question_id),
        soci::use(picks), soci::use(answer.text);
}

bool has_any_answer(soci::session& sql, long long trust_id, long long survey_id) {
    long long drafts = 0, sent = 0;
    db::read_one(sql, "SELECT COUNT(*) FROM survey_drafts WHERE trust_id = :trust AND survey_id = :survey",
                 soci::use(trust_id), soci::use(survey_id), soci::into(drafts));
    db::read_one(sql, "SELECT COUNT(*) FROM survey_answerers WHERE trust_id = :trust AND survey_id = :survey",
                 soci::use(trust_id), soci::use(survey_id), soci::into(sent));
    return drafts + sent > 0;
}

bool has_answered(soci::session& sql, long long trust_id, long long survey_id, long long person_id) {
    return count(sql,
                 "SELECT COUNT(*) FROM survey_answerers WHERE trust_id = :trust AND survey_id = :survey AND "
                 "person_id = :person",
                 trust_id, survey_id, &person_id) > 0;
}

// A row for each survey sent (first = 1) and each draft (second = 1).
const char* const kStandingRows =
    "SELECT survey_id, '', '', 1, 0, 0, 0, 0 FROM survey_answerers WHERE trust_id = :trust AND person_id = "
    ":person UNION ALL SELECT survey_id, '', '', 0, 1, 0, 0, 0 FROM survey_drafts WHERE trust_id = :trust "
    "AND person_id = :person";

std::map<long long, PersonStanding> standings_from(const std::vector<db::BatchRow>& rows) {
    std::map<long long, PersonStanding> standings;
    for (const db::BatchRow& row : rows) {
        PersonStanding& standing = standings[row.id];
        standing.answered = standing.answered || row.first > 0;
        standing.drafted = standing.drafted || row.second > 0;
    }
    return standings;
}

std::map<long long, PersonStanding> standings_of(soci::session& sql, long long trust_id,
                                                 long long person_id) {
    static const db::PersonBatch standings_alone({kStandingRows});
    return standings_from(standings_alone.read(sql, trust_id, person_id).front());
}

std::set<long long> answerers_of(soci::session& sql, long long trust_id, long long survey_id) {
    std::set<long long> people;
    long long person = 0;
    auto statement = db::run_once(
        sql, "SELECT person_id FROM survey_answerers WHERE trust_id = :trust AND survey_id = :survey",
        soci::use(trust_id), soci::use(survey_id), soci::into(person));
    while (statement.fetch())
        people.insert(person);
    return people;
}

std::vector<std::pair<long long, long long>> response_counts(soci::session& sql, long long trust_id) {
    std::vector<std::pair<long long, long long>> counts;
    long long survey = 0, responses = 0;
    auto statement =
        db::run_once(sql,
                     "SELECT survey_id, COUNT(*) FROM survey_answerers WHERE trust_id = :trust GROUP BY "
                     "survey_id",
                     soci::use(trust_id), soci::into(survey), soci::into(responses));
    while (statement.fetch())
        counts.emplace_back(survey, responses);
    return counts;
}

namespace {

// A response's answers, many to a statement: sending a survey costs a round trip or two to the
// database, not one per question.
void insert_answers(soci::session& sql, long long trust_id, long long response_id, const Answers& answers) {
    constexpr std::size_t kPerStatement = 50; // 250 parameters, well within every engine's limit
    std::vector<std::pair<long long, const Answer*>> given;
    for (const auto& [question_id, answer] : answers)
        if (!answer.empty())
            given.emplace_back(question_id, &answer);
    for (std::size_t first = 0; first < given.size(); first += kPerStatement) {
        const std::size_t last = std::min(given.size(), first + kPerStatement);
        std::vector<std::string> picks; // bound by reference, so kept until the statement has run
        picks.reserve(last - first);
        soci::statement statement(sql);
        std::string query =
            "INSERT INTO survey_answers (trust_id, response_id, question_id, picks, answer_text) "
            "VALUES ";
        for (std::size_t i = first; i < last; ++i) {
            const std::string n = std::to_string(i - first);
            query += (i > first ? ", " : "") + std::string("(:trust") + n + ", :response" + n +
                     ", :question" + n + ", :picks" + n + ", :text" + n + ")";
            picks.push_back(text_of_picks(given[i].second->picks));
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(response_id));
            statement.exchange(soci::use(given[i].first));
            statement.exchange(soci::use(picks.back()));
            statement.exchange(soci::use(given[i].second->text));
        }
        statement.alloc();
        statement.prepare(query, soci::details::st_one_time_query);
        statement.define_and_bind();
        statement.execute(true);
    }
}

} // namespace

void record_response(soci::session& sql, long long trust_id, long long survey_id, long long person_id,
                     bool named, const Respondent& respondent, const std::string& day, const Answers& answers,
                     const std::string& match_code) {
    sql << "INSERT INTO survey_answerers (trust_id, survey_id, person_id) VALUES (:trust, :survey, :person)",
        soci::use(trust_id), soci::use(survey_id), soci::use(person_id);
    const long long response_id = random_id();
    const long long school = respondent.school_id;
    soci::indicator school_indicator = school ? soci::i_ok : soci::i_null;
    soci::indicator person_indicator = named ? soci::i_ok : soci::i_null;
    const std::string group = people::text_of(respondent.staff_group);
    sql << "INSERT INTO survey_responses (id, trust_id, survey_id, person_id, school_id, staff_group, phase, "
           "answered_on, match_code) VALUES (:id, :trust, :survey, :person, :school, :group, :phase, :day, "
           ":code)",
        soci::use(response_id), soci::use(trust_id), soci::use(survey_id),
        soci::use(person_id, person_indicator), soci::use(school, school_indicator), soci::use(group),
        soci::use(respondent.phase), soci::use(day), soci::use(match_code);
    insert_answers(sql, trust_id, response_id, answers);
    sql << "DELETE FROM survey_drafts WHERE trust_id = :trust AND survey_id = :survey AND person_id = "
           ":person",
        soci::use(trust_id), soci::use(survey_id), soci::use(person_id);
}

std::pair<long long, long long> response_version(soci::session& sql, long long trust_id,
                                                 long long survey_id) {
    long long all = 0, named = 0;
    db::read_one(
        sql,
        "SELECT COUNT(*), COUNT(person_id) FROM survey_responses WHERE trust_id = :trust AND survey_id = "
        ":survey",
        soci::use(trust_id), soci::use(survey_id), soci::into(all), soci::into(named));
    return {all, named};
}

std::vector<Response> responses_of(soci::session& sql, long long trust_id, long long survey_id) {
    std::vector<Response> responses;
    std::unordered_map<long long, std::size_t> index;
    ResponseColumns columns;
    db::fetch_rows(
        sql,
        "SELECT r.id, CASE WHEN r.person_id IS NULL THEN r.match_code ELSE 'p' || CAST(r.person_id AS TEXT) "
        "END, COALESCE(r.school_id, 0), COALESCE(s.name, 'Central team'), r.staff_group, r.phase, "
        "COALESCE(a.question_id, 0), COALESCE(a.picks, ''), COALESCE(a.answer_text, '') FROM "
        "survey_responses "
        "r LEFT JOIN schools s ON s.id = r.school_id AND s.trust_id = r.trust_id LEFT JOIN survey_answers a "
        "ON "
        "a.response_id = r.id AND a.trust_id = r.trust_id WHERE r.trust_id = :trust AND r.survey_id = "
        ":survey",
        columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(survey_id));
        },
        [&](const ResponseColumns& row) {
            auto [at, added] = index.emplace(row.id, responses.size());
            if (added) {
                Response response;
                response.respondent = row.respondent;
                response.match_key = row.match_key;
                response.respondent.staff_group =
                    people::staff_group_from_text(row.group).value_or(people::StaffGroup::Teacher);
                responses.push_back(std::move(response));
            }
            if (row.question_id)
                responses[at->second].answers[row.question_id] =
                    Answer{row.question_id, picks_from_text(row.picks), row.text};
        });
    return responses;
}

} // namespace trellis::surveys::response_store
