#include "surveys/store.h"

#include <nlohmann/json.hpp>

#include "db/database.h"
#include "db/rows.h"

namespace trellis::surveys::store {

namespace {

constexpr const char* kSurveyColumns =
    "SELECT s.id, s.trust_id, COALESCE(s.school_id, 0), COALESCE(sc.name, ''), s.title, s.intro, "
    "s.anonymous, s.opens_on, s.closes_on, s.staff_groups, COALESCE(s.created_by, 0), "
    "COALESCE(s.programme_id, 0), s.purpose FROM surveys s "
    "LEFT JOIN schools sc ON sc.id = s.school_id AND sc.trust_id = s.trust_id WHERE s.trust_id = :trust ";
constexpr const char* kQuestionColumns =
    "SELECT id, survey_id, position, kind, prompt, help, shape, staff_groups, COALESCE(priority_id, 0) "
    "FROM survey_questions WHERE trust_id = :trust AND survey_id = :survey ";

struct SurveyColumns {
    Survey survey;
    long long anonymous = 1;
    std::string groups;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(survey.id));
        statement.exchange(soci::into(survey.trust_id));
        statement.exchange(soci::into(survey.school_id));
        statement.exchange(soci::into(survey.school_name));
        statement.exchange(soci::into(survey.title));
        statement.exchange(soci::into(survey.intro));
        statement.exchange(soci::into(anonymous));
        statement.exchange(soci::into(survey.opens_on));
        statement.exchange(soci::into(survey.closes_on));
        statement.exchange(soci::into(groups));
        statement.exchange(soci::into(survey.created_by));
        statement.exchange(soci::into(survey.programme_id));
        statement.exchange(soci::into(survey.purpose));
    }
    Survey fetched() const {
        Survey result = survey;
        result.anonymous = anonymous != 0;
        result.groups = people::staff_groups_from_text(groups);
        return result;
    }
};

// The options, statements and scale of a question as one JSON text, and back.
std::string shape_of(const Question& question) {
    nlohmann::json options = nlohmann::json::array();
    for (const Option& option : question.options)
        options.push_back({{"label", option.label}, {"priority", option.priority_id}});
    return nlohmann::json{{"options", options}, {"rows", question.rows}, {"scale", question.scale}}.dump();
}

void read_shape(const std::string& text, Question& question) {
    const auto shape = nlohmann::json::parse(text, nullptr, false);
    if (shape.is_discarded() || !shape.is_object())
        return;
    for (const auto& option : shape.value("options", nlohmann::json::array()))
        question.options.push_back({option.value("label", ""), option.value("priority", 0LL)});
    question.rows = shape.value("rows", std::vector<std::string>{});
    question.scale = shape.value("scale", std::vector<std::string>{});
}

struct QuestionColumns {
    Question question;
    long long position = 0;
    std::string kind, shape, groups;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(question.id));
        statement.exchange(soci::into(question.survey_id));
        statement.exchange(soci::into(position));
        statement.exchange(soci::into(kind));
        statement.exchange(soci::into(question.prompt));
        statement.exchange(soci::into(question.help));
        statement.exchange(soci::into(shape));
        statement.exchange(soci::into(groups));
        statement.exchange(soci::into(question.priority_id));
    }
    Question fetched() const {
        Question result = question;
        result.position = static_cast<int>(position);
        result.kind = question_kind_from_text(kind).value_or(QuestionKind::Text);
        result.groups = people::staff_groups_from_text(groups);
        read_shape(shape, result);
        return result;
    }
};

// A survey's fields bound for insert and update: a null school for the trust's own.
struct BoundSurvey {
    long long school, anonymous, programme;
    soci::indicator school_indicator, programme_indicator;
    std::string groups;
    explicit BoundSurvey(const Survey& survey)
        : school(survey.school_id), anonymous(survey.anonymous ? 1 : 0), programme(survey.programme_id),
          school_indicator(survey.school_id ? soci::i_ok : soci::i_null),
          programme_indicator(survey.programme_id ? soci::i_ok : soci::i_null),
          groups(people::text_of(survey.groups)) {}
};

struct BoundQuestion {
    long long position, priority;
    soci::indicator priority_indicator;
    std::string kind, shape, groups;
    explicit BoundQuestion(const Question& question)
        : position(question.position), priority(question.priority_id),
          priority_indicator(question.priority_id ? soci::i_ok : soci::i_null), kind(text_of(question.kind)),
          shape(shape_of(question)), groups(people::text_of(question.groups)) {}
};

std::vector<Survey> select_surveys(soci::session& sql, const std::string& rest, long long trust_id,
                                   const long long* survey_id) {
    std::vector<Survey> surveys;
    SurveyColumns columns;
    db::fetch_rows(
        sql, std::string(kSurveyColumns) + rest, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            if (survey_id)
                statement.exchange(soci::use(*survey_id));
        },
        [&](const Survey& survey) { surveys.push_back(survey); });
    return surveys;
}

} // namespace

std::vector<Survey> surveys_of(soci::session& sql, long long trust_id) {
    return select_surveys(sql, "ORDER BY s.id DESC", trust_id, nullptr);
}

std::optional<Survey> find_survey(soci::session& sql, long long trust_id, long long survey_id) {
    auto found = select_surveys(sql, "AND s.id = :id", trust_id, &survey_id);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

long long insert_survey(soci::session& sql, const Survey& survey) {
    BoundSurvey bound(survey);
    const long long now = db::now_seconds();
    long long id = 0;
    sql << "INSERT INTO surveys (trust_id, school_id, title, intro, anonymous, opens_on, closes_on, "
           "staff_groups, created_by, created_at, updated_at, programme_id, purpose) VALUES (:trust, "
           ":school, "
           ":title, :intro, :anonymous, :opens, :closes, :groups, :by, :created, :updated, :programme, "
           ":purpose) RETURNING id",
        soci::use(survey.trust_id), soci::use(bound.school, bound.school_indicator), soci::use(survey.title),
        soci::use(survey.intro), soci::use(bound.anonymous), soci::use(survey.opens_on),
        soci::use(survey.closes_on), soci::use(bound.groups), soci::use(survey.created_by), soci::use(now),
        soci::use(now), soci::use(bound.programme, bound.programme_indicator), soci::use(survey.purpose),
        soci::into(id);
    return id;
}

void update_survey(soci::session& sql, const Survey& survey) {
    BoundSurvey bound(survey);
    const long long now = db::now_seconds();
    sql << "UPDATE surveys SET title = :title, intro = :intro, anonymous = :anonymous, opens_on = :opens, "
           "closes_on = :closes, staff_groups = :groups, updated_at = :now WHERE trust_id = :trust AND id = "
           ":id",
        soci::use(survey.title), soci::use(survey.intro), soci::use(bound.anonymous),
        soci::use(survey.opens_on), soci::use(survey.closes_on), soci::use(bound.groups), soci::use(now),
        soci::use(survey.trust_id), soci::use(survey.id);
}

void delete_survey(soci::session& sql, long long trust_id, long long survey_id) {
    // Children first: SQLite enforces the cascades only with foreign keys on, so say it outright.
    for (const char* table : {"survey_drafts", "survey_answerers"})
        sql << std::string("DELETE FROM ") + table + " WHERE trust_id = :trust AND survey_id = :survey",
            soci::use(trust_id), soci::use(survey_id);
    sql << "DELETE FROM survey_answers WHERE trust_id = :trust AND response_id IN (SELECT id FROM "
           "survey_responses WHERE survey_id = :survey)",
        soci::use(trust_id), soci::use(survey_id);
    for (const char* table : {"survey_responses", "survey_questions"})
        sql << std::string("DELETE FROM ") + table + " WHERE trust_id = :trust AND survey_id = :survey",
            soci::use(trust_id), soci::use(survey_id);
    sql << "DELETE FROM surveys WHERE trust_id = :trust AND id = :id", soci::use(trust_id),
        soci::use(survey_id);
}

std::vector<Question> questions_of(soci::session& sql, long long trust_id, long long survey_id) {
    std::vector<Question> questions;
    QuestionColumns columns;
    db::fetch_rows(
        sql, std::string(kQuestionColumns) + "ORDER BY position, id", columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(survey_id));
        },
        [&](const Question& question) { questions.push_back(question); });
    return questions;
}

long long insert_question(soci::session& sql, long long trust_id, const Question& question) {
    BoundQuestion bound(question);
    long long id = 0;
    sql << "INSERT INTO survey_questions (trust_id, survey_id, position, kind, prompt, help, shape, "
           "staff_groups, priority_id) VALUES (:trust, :survey, :position, :kind, :prompt, :help, :shape, "
           ":groups, :priority) RETURNING id",
        soci::use(trust_id), soci::use(question.survey_id), soci::use(bound.position), soci::use(bound.kind),
        soci::use(question.prompt), soci::use(question.help), soci::use(bound.shape), soci::use(bound.groups),
        soci::use(bound.priority, bound.priority_indicator), soci::into(id);
    return id;
}

bool update_question(soci::session& sql, long long trust_id, const Question& question) {
    BoundQuestion bound(question);
    auto statement = db::run_change(
        sql,
        "UPDATE survey_questions SET kind = :kind, prompt = :prompt, help = :help, shape = "
        ":shape, staff_groups = :groups, priority_id = :priority WHERE trust_id = :trust AND "
        "survey_id = :survey AND id = :id",
        soci::use(bound.kind), soci::use(question.prompt), soci::use(question.help), soci::use(bound.shape),
        soci::use(bound.groups), soci::use(bound.priority, bound.priority_indicator), soci::use(trust_id),
        soci::use(question.survey_id), soci::use(question.id));
    return statement.get_affected_rows() > 0;
}

bool delete_question(soci::session& sql, long long trust_id, long long survey_id, long long question_id) {
    auto statement = db::run_change(
        sql, "DELETE FROM survey_questions WHERE trust_id = :trust AND survey_id = :survey AND id = :id",
        soci::use(trust_id), soci::use(survey_id), soci::use(question_id));
    return statement.get_affected_rows() > 0;
}

void reorder_questions(soci::session& sql, long long trust_id, long long survey_id,
                       const std::vector<long long>& ordered_ids) {
    for (std::size_t place = 0; place < ordered_ids.size(); ++place) {
        const long long position = static_cast<long long>(place) + 1, id = ordered_ids[place];
        sql << "UPDATE survey_questions SET position = :position WHERE trust_id = :trust AND survey_id = "
               ":survey AND id = :id",
            soci::use(position), soci::use(trust_id), soci::use(survey_id), soci::use(id);
    }
}

} // namespace trellis::surveys::store
