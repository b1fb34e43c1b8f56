#include "surveys/service.h"

#include <algorithm>
#include <stdexcept>

#include "accounts/permissions.h"
#include "accounts/secrets.h"
#include "calendar/school_year.h"
#include "notifications/store.h"
#include "people/store.h"
#include "priorities/store.h"
#include "programmes/audience.h"
#include "programmes/store.h"
#include "surveys/response_store.h"
#include "surveys/store.h"
#include "text/dates.h"
#include "text/words.h"

namespace trellis::surveys {

namespace {

bool is_day(const std::string& text) {
    return calendar::parse_day(text).has_value();
}

// The person answering, as a response may remember them: school, staff group and phase.
Respondent respondent_of(soci::session& sql, const people::Person& person) {
    const auto phases = programmes::school_phases(sql, person.trust_id);
    return {person.school_id, person.school_name, person.staff_group,
            programmes::phase_of(person.phase, person.school_id, phases)};
}

// Who a survey is for: its staff groups and, for a survey of a programme's impact plan, only the
// programme's people (everyone within its filters, or its named members).
class Audience {
  public:
    Audience(soci::session& sql, const Survey& survey) : m_survey(survey) {
        if (!survey.programme_id)
            return;
        m_programme = programmes::store::find_programme(sql, survey.trust_id, survey.programme_id);
        if (!m_programme)
            return;
        m_phases = programmes::school_phases(sql, survey.trust_id);
        for (const auto& member : programmes::store::members_of(sql, survey.trust_id, m_programme->id))
            if (!member.waiting)
                m_members.insert(member.person_id);
    }
    bool includes(const people::Person& person) const {
        if (!m_survey.meant_for(person))
            return false;
        if (!m_survey.programme_id)
            return true;
        if (!m_programme)
            return false;
        return m_programme->audience == programmes::Audience::Everyone
                   ? programmes::within_filters(*m_programme, programmes::profile_of(person, m_phases))
                   : m_members.count(person.id) > 0;
    }

  private:
    const Survey& m_survey;
    std::optional<programmes::Programme> m_programme;
    std::set<long long> m_members;
    std::map<long long, std::string> m_phases;
};

// The code a person keeps to match their anonymous answers before and after a programme, hashed with
// the programme so the same words in another programme match nothing; "" when none was typed.
std::string hashed_match_code(const Survey& survey, const std::string& code) {
    const std::string kept = text::lowered(text::trimmed(code));
    if (kept.empty() || !survey.programme_id)
        return "";
    if (kept.size() > 100)
        throw std::invalid_argument("Keep your matching code under 100 characters.");
    return accounts::hash_token("programme " + std::to_string(survey.programme_id) + ": " + kept);
}

std::set<long long> priority_ids(soci::session& sql, long long trust_id) {
    std::set<long long> ids;
    for (const auto& priority : priorities::store::priorities_of(sql, trust_id, 0))
        ids.insert(priority.id);
    return ids;
}

} // namespace

SurveyState Survey::state(const std::string& today) const {
    if (opens_on.empty())
        return SurveyState::Draft;
    if (today < opens_on)
        return SurveyState::Scheduled;
    if (!closes_on.empty() && today > closes_on)
        return SurveyState::Closed;
    return SurveyState::Open;
}

std::string label_of(SurveyState state) {
    switch (state) {
    case SurveyState::Draft:
        return "Draft";
    case SurveyState::Scheduled:
        return "Opens soon";
    case SurveyState::Open:
        return "Open";
    case SurveyState::Closed:
        return "Closed";
    }
    return "Draft";
}

bool Survey::meant_for(const people::Person& person) const {
    if (person.has_left() || person.trust_id != trust_id)
        return false;
    if (school_id != 0 && person.school_id != school_id)
        return false;
    return groups.empty() || std::find(groups.begin(), groups.end(), person.staff_group) != groups.end();
}

bool SurveyService::may_keep(const accounts::Actor& actor, const Survey& survey) {
    return actor.trust_id == survey.trust_id && accounts::leads_at(actor, survey.school_id);
}

bool SurveyService::may_make(const accounts::Actor& actor) {
    return accounts::leads_at(actor, 0) ||
           (actor.school_id != 0 && accounts::leads_at(actor, actor.school_id));
}

std::shared_ptr<const std::vector<Survey>> SurveyService::trust_surveys(const accounts::Actor& actor,
                                                                        soci::session& sql) {
    return m_trust_surveys.at(actor.trust_id, actor.shared_version,
                              [&] { return store::surveys_of(sql, actor.trust_id); });
}

std::vector<SurveySummary> SurveyService::kept_by(const accounts::Actor& actor) {
    auto lease = m_database.lease();
    std::vector<SurveySummary> kept;
    // Held for the loop: in `for (x : *trust_surveys(...))` the pointer dies before the loop runs, and a
    // newer version kept by another request would free the list under it.
    const auto shared = trust_surveys(actor, *lease);
    for (const Survey& survey : *shared)
        if (may_keep(actor, survey))
            kept.push_back({survey, 0});
    // Most people keep no survey: their list costs no count of everyone's answers.
    if (kept.empty())
        return kept;
    const auto counts = response_store::response_counts(*lease, actor.trust_id);
    for (SurveySummary& summary : kept)
        for (const auto& [id, responses] : counts)
            if (id == summary.survey.id)
                summary.responses = responses;
    return kept;
}

std::vector<SurveyStanding> SurveyService::for_person(const accounts::Actor& actor,
                                                      const std::string& today) {
    return standings_in_open(actor, today, nullptr);
}

std::vector<SurveyStanding>
SurveyService::for_person(const accounts::Actor& actor, const std::string& today,
                          const std::map<long long, response_store::PersonStanding>& read) {
    return standings_in_open(actor, today, &read);
}

std::vector<SurveyStanding>
SurveyService::standings_in_open(const accounts::Actor& actor, const std::string& today,
                                 const std::map<long long, response_store::PersonStanding>* read) {
    auto lease = m_database.lease();
    std::vector<SurveyStanding> standings;
    std::optional<people::Person> person;
    std::map<long long, response_store::PersonStanding> read_here;
    // Held for the loop: in `for (x : *trust_surveys(...))` the pointer dies before the loop runs, and a
    // newer version kept by another request would free the list under it.
    const auto shared = trust_surveys(actor, *lease);
    for (const Survey& survey : *shared) {
        if (survey.state(today) != SurveyState::Open)
            continue;
        if (!person)
            person = programmes::audience_person(*lease, actor);
        if (!person || !Audience(*lease, survey).includes(*person))
            continue;
        if (!read) { // read once, when an open survey is theirs
            read_here = response_store::standings_of(*lease, actor.trust_id, person->id);
            read = &read_here;
        }
        const auto standing = read->find(survey.id);
        standings.push_back({survey, standing != read->end() && standing->second.answered,
                             standing != read->end() && standing->second.drafted});
    }
    return standings;
}

std::optional<Survey> SurveyService::find(long long trust_id, long long survey_id) {
    auto lease = m_database.lease();
    return store::find_survey(*lease, trust_id, survey_id);
}

Survey SurveyService::checked(const accounts::Actor& actor, Survey survey, const SurveyForm& form) {
    survey.title = text::trimmed(form.title);
    survey.intro = text::trimmed(form.intro);
    survey.anonymous = form.anonymous;
    survey.opens_on = text::trimmed(form.opens_on);
    survey.closes_on = text::trimmed(form.closes_on);
    if (survey.title.empty())
        throw std::invalid_argument("Give the survey a title.");
    if (survey.title.size() > 200 || survey.intro.size() > 4000)
        throw std::invalid_argument("Keep the title under 200 characters and the introduction under 4,000.");
    if (!survey.opens_on.empty() && !is_day(survey.opens_on))
        throw std::invalid_argument("The day it opens must be a date.");
    if (!survey.closes_on.empty() && !is_day(survey.closes_on))
        throw std::invalid_argument("The day it closes must be a date.");
    if (survey.opens_on.empty() != survey.closes_on.empty())
        throw std::invalid_argument("Give both the day it opens and the day it closes, or neither while "
                                    "you are still writing it.");
    if (survey.closes_on < survey.opens_on)
        throw std::invalid_argument("The survey must close on or after the day it opens.");
    survey.groups = people::staff_groups_from_text(text::joined(form.groups));
    if (survey.groups.size() != form.groups.size())
        throw std::invalid_argument("Choose staff groups from the list.");
    if (!may_keep(actor, survey))
        throw std::invalid_argument("Only the survey's lead can change it.");
    return survey;
}

long long SurveyService::create(const accounts::Actor& actor, const SurveyForm& form) {
    Survey survey;
    survey.trust_id = actor.trust_id;
    survey.school_id = accounts::leads_at(actor, 0) ? 0 : actor.school_id;
    survey.created_by = actor.person_id;
    survey = checked(actor, survey, form);
    db::Transaction transaction(m_database);
    const long long id = store::insert_survey(transaction.session(), survey);
    transaction.commit();
    return id;
}

long long SurveyService::create_from_starter(const accounts::Actor& actor, const std::string& key) {
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    for (const Starter& starter : starters(priorities::store::priorities_of(sql, actor.trust_id, 0))) {
        if (starter.key != key)
            continue;
        Survey survey;
        survey.trust_id = actor.trust_id;
        survey.school_id = accounts::leads_at(actor, 0) ? 0 : actor.school_id;
        survey.created_by = actor.person_id;
        survey = checked(actor, survey, starter.form);
        const long long id = store::insert_survey(sql, survey);
        int position = 0;
        for (Question question : starter.questions) {
            question.survey_id = id;
            question.position = ++position;
            store::insert_question(sql, actor.trust_id, question);
        }
        transaction.commit();
        return id;
    }
    throw std::invalid_argument("Choose one of the starter surveys.");
}

void SurveyService::update(const accounts::Actor& actor, const Survey& survey, const SurveyForm& form) {
    const Survey changed = checked(actor, survey, form);
    db::Transaction transaction(m_database);
    if (changed.anonymous != survey.anonymous &&
        response_store::has_any_answer(transaction.session(), survey.trust_id, survey.id))
        throw std::invalid_argument("People have answered already, so the survey stays " +
                                    std::string(survey.anonymous ? "anonymous." : "named."));
    store::update_survey(transaction.session(), changed);
    transaction.commit();
}

void SurveyService::remove(const accounts::Actor& actor, const Survey& survey) {
    if (!may_keep(actor, survey))
        throw std::invalid_argument("Only the survey's lead can remove it.");
    db::Transaction transaction(m_database);
    store::delete_survey(transaction.session(), survey.trust_id, survey.id);
    transaction.commit();
}

std::vector<Question> SurveyService::questions(const Survey& survey) {
    auto lease = m_database.lease();
    return store::questions_of(*lease, survey.trust_id, survey.id);
}

bool SurveyService::questions_fixed(const Survey& survey) {
    auto lease = m_database.lease();
    return response_store::has_any_answer(*lease, survey.trust_id, survey.id);
}

long long SurveyService::add_question(const accounts::Actor& actor, const Survey& survey,
                                      const QuestionForm& form) {
    if (!may_keep(actor, survey))
        throw std::invalid_argument("Only the survey's lead can change it.");
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    Question question = question_from(form, priority_ids(sql, survey.trust_id));
    if (response_store::has_any_answer(sql, survey.trust_id, survey.id))
        throw std::invalid_argument("People have started answering, so the questions can no longer change.");
    question.survey_id = survey.id;
    question.position = static_cast<int>(store::questions_of(sql, survey.trust_id, survey.id).size()) + 1;
    const long long id = store::insert_question(sql, survey.trust_id, question);
    transaction.commit();
    return id;
}

bool SurveyService::update_question(const accounts::Actor& actor, const Survey& survey, long long question_id,
                                    const QuestionForm& form) {
    if (!may_keep(actor, survey))
        throw std::invalid_argument("Only the survey's lead can change it.");
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    const auto existing = store::questions_of(sql, survey.trust_id, survey.id);
    const auto old = std::find_if(existing.begin(), existing.end(),
                                  [&](const Question& question) { return question.id == question_id; });
    if (old == existing.end())
        return false;
    Question question = question_from(form, priority_ids(sql, survey.trust_id));
    if (response_store::has_any_answer(sql, survey.trust_id, survey.id))
        throw std::invalid_argument("People have started answering, so the questions can no longer change.");
    question.id = question_id;
    question.survey_id = survey.id;
    // Options keep their priority tags where their wording is unchanged.
    for (Option& option : question.options)
        for (const Option& before : old->options)
            if (before.label == option.label)
                option.priority_id = before.priority_id;
    store::update_question(sql, survey.trust_id, question);
    transaction.commit();
    return true;
}

bool SurveyService::remove_question(const accounts::Actor& actor, const Survey& survey,
                                    long long question_id) {
    if (!may_keep(actor, survey))
        throw std::invalid_argument("Only the survey's lead can change it.");
    db::Transaction transaction(m_database);
    if (response_store::has_any_answer(transaction.session(), survey.trust_id, survey.id))
        throw std::invalid_argument("People have started answering, so the questions can no longer change.");
    const bool removed =
        store::delete_question(transaction.session(), survey.trust_id, survey.id, question_id);
    transaction.commit();
    return removed;
}

bool SurveyService::move_question(const accounts::Actor& actor, const Survey& survey, long long question_id,
                                  int step) {
    if (!may_keep(actor, survey))
        throw std::invalid_argument("Only the survey's lead can change it.");
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    std::vector<long long> order;
    for (const Question& question : store::questions_of(sql, survey.trust_id, survey.id))
        order.push_back(question.id);
    const auto at = std::find(order.begin(), order.end(), question_id);
    if (at == order.end())
        return false;
    const auto place = at - order.begin();
    const auto target = place + step;
    if (target >= 0 && target < static_cast<long>(order.size()))
        std::swap(order[place], order[target]);
    store::reorder_questions(sql, survey.trust_id, survey.id, order);
    transaction.commit();
    return true;
}

bool SurveyService::tag_option(const accounts::Actor& actor, const Survey& survey, long long question_id,
                               std::size_t option, long long priority_id) {
    if (!may_keep(actor, survey))
        throw std::invalid_argument("Only the survey's lead can change it.");
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    if (priority_id != 0 && !priority_ids(sql, survey.trust_id).count(priority_id))
        throw std::invalid_argument("Choose a priority from the list.");
    for (Question question : store::questions_of(sql, survey.trust_id, survey.id)) {
        if (question.id != question_id || option >= question.options.size())
            continue;
        // Tags say what a result means, not what is asked, so they may change after answers come in.
        question.options[option].priority_id = priority_id;
        store::update_question(sql, survey.trust_id, question);
        transaction.commit();
        return true;
    }
    return false;
}

void SurveyService::option_to_priority(const accounts::Actor& actor, const Survey& survey,
                                       long long question_id, std::size_t option) {
    if (!may_keep(actor, survey) || !accounts::leads_at(actor, 0))
        throw std::invalid_argument("Only the trust's PD leads add trust priorities.");
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    for (Question question : store::questions_of(sql, survey.trust_id, survey.id)) {
        if (question.id != question_id || option >= question.options.size())
            continue;
        const std::string title = question.options[option].label;
        long long priority_id = 0;
        for (const auto& priority : priorities::store::priorities_of(sql, survey.trust_id, 0))
            if (text::lowered(priority.title) == text::lowered(title))
                priority_id = priority.id;
        if (priority_id == 0) {
            priorities::Priority priority;
            priority.trust_id = survey.trust_id;
            priority.title = title;
            priority.meaning = "Added from what staff asked for in " + survey.title + ".";
            priority_id = priorities::store::insert_priority(sql, priority);
        }
        question.options[option].priority_id = priority_id;
        store::update_question(sql, survey.trust_id, question);
        transaction.commit();
        return;
    }
    throw std::invalid_argument("There is no such option in this survey.");
}

Answering SurveyService::answering(const accounts::Actor& actor, const Survey& survey,
                                   const std::string& today) {
    auto lease = m_database.lease();
    auto person = people::store::find_person(*lease, actor.trust_id, actor.person_id);
    if (!person || !Audience(*lease, survey).includes(*person))
        throw NotAnswerable("This survey is not for you.");
    switch (survey.state(today)) {
    case SurveyState::Draft:
    case SurveyState::Scheduled:
        throw NotAnswerable("This survey is not open yet.");
    case SurveyState::Closed:
        throw NotAnswerable("This survey has closed.");
    case SurveyState::Open:
        break;
    }
    if (response_store::has_answered(*lease, actor.trust_id, survey.id, actor.person_id))
        throw NotAnswerable("You have already answered this survey. Thank you.");
    std::vector<Question> asked;
    for (Question& question : store::questions_of(*lease, survey.trust_id, survey.id))
        if (question.asked_of(person->staff_group))
            asked.push_back(std::move(question));
    return Answering(survey, std::move(*person), std::move(asked));
}

Answers SurveyService::draft(const accounts::Actor& actor, const Survey& survey) {
    auto lease = m_database.lease();
    return response_store::draft_of(*lease, actor.trust_id, survey.id, actor.person_id);
}

Answers SurveyService::answers_from(const Survey& survey, const std::vector<Question>& asked,
                                    const std::map<long long, TypedAnswer>& typed) {
    Answers answers;
    for (const auto& [question_id, values] : typed) {
        const auto question = std::find_if(asked.begin(), asked.end(),
                                           [&](const Question& known) { return known.id == question_id; });
        if (question == asked.end())
            throw std::invalid_argument("That question is not part of " + survey.title + ".");
        try {
            answers[question_id] = surveys::answer_from(*question, values);
        } catch (const std::invalid_argument& error) {
            throw std::invalid_argument("Question " + std::to_string(question - asked.begin() + 1) + ": " +
                                        error.what());
        }
    }
    return answers;
}

void SurveyService::save_draft(const accounts::Actor& actor, const Answering& answering,
                               const std::map<long long, TypedAnswer>& typed) {
    const Survey& survey = answering.survey();
    const Answers answers = answers_from(survey, answering.asked(), typed);
    db::Transaction transaction(m_database);
    for (const auto& [question_id, answer] : answers)
        response_store::save_draft_answer(transaction.session(), actor.trust_id, survey.id, actor.person_id,
                                          answer);
    transaction.commit();
}

void SurveyService::submit(const accounts::Actor& actor, const Answering& answering, const std::string& today,
                           const std::map<long long, TypedAnswer>& typed, const std::string& match_code) {
    const Survey& survey = answering.survey();
    const Answers given = answers_from(survey, answering.asked(), typed);
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    Answers answers = response_store::draft_of(sql, actor.trust_id, survey.id, actor.person_id);
    for (const auto& [question_id, answer] : given)
        answers[question_id] = answer;
    if (std::all_of(answers.begin(), answers.end(), [](const auto& entry) { return entry.second.empty(); }))
        throw std::invalid_argument("Answer at least one question before you send your answers.");
    // Checked again inside the transaction: two tabs sending at once must not both count.
    if (response_store::has_answered(sql, actor.trust_id, survey.id, actor.person_id))
        throw NotAnswerable("You have already answered this survey. Thank you.");
    response_store::record_response(sql, actor.trust_id, survey.id, actor.person_id, !survey.anonymous,
                                    respondent_of(sql, answering.m_person), today, answers,
                                    survey.anonymous ? hashed_match_code(survey, match_code) : std::string());
    notifications::store::dismiss_link(sql, actor.trust_id, actor.person_id,
                                       "/surveys/" + std::to_string(survey.id));
    transaction.commit();
}

std::shared_ptr<const std::vector<Response>> SurveyService::responses(const Survey& survey) {
    auto lease = m_database.lease();
    const auto version = response_store::response_version(*lease, survey.trust_id, survey.id);
    {
        std::lock_guard lock(m_kept_mutex);
        if (auto kept = m_kept.find(survey.id); kept != m_kept.end() && kept->second.version == version) {
            kept->second.used = ++m_uses;
            return kept->second.responses;
        }
    }
    auto read = std::make_shared<const std::vector<Response>>(
        response_store::responses_of(*lease, survey.trust_id, survey.id));
    std::lock_guard lock(m_kept_mutex);
    m_kept[survey.id] = {version, read, ++m_uses};
    if (m_kept.size() > kSurveysKept)
        m_kept.erase(std::min_element(m_kept.begin(), m_kept.end(), [](const auto& a, const auto& b) {
            return a.second.used < b.second.used;
        }));
    return read;
}

Rates SurveyService::rates(const Survey& survey, int smallest) {
    auto lease = m_database.lease();
    const auto answered = response_store::answerers_of(*lease, survey.trust_id, survey.id);
    Rates rates;
    rates.groups =
        survey.groups.empty()
            ? std::vector<people::StaffGroup>{people::StaffGroup::Teacher, people::StaffGroup::Ect,
                                              people::StaffGroup::Support, people::StaffGroup::Leader}
            : survey.groups;
    std::map<std::string, std::vector<RateCell>> by_school;
    const Audience audience(*lease, survey);
    people::store::for_each_person(*lease, survey.trust_id, [&](const people::Person& person) {
        if (!audience.includes(person))
            return;
        const auto column = std::find(rates.groups.begin(), rates.groups.end(), person.staff_group);
        auto& row = by_school[person.school_id ? person.school_name : "Central team"];
        row.resize(rates.groups.size());
        RateCell& cell = row[column - rates.groups.begin()];
        ++cell.people;
        cell.answered += answered.count(person.id) ? 1 : 0;
    });
    std::vector<std::vector<int>> people;
    for (auto& [school, row] : by_school) {
        rates.schools.push_back(school);
        rates.cells.push_back(row);
        std::vector<int> counts;
        for (const RateCell& cell : row)
            counts.push_back(cell.people);
        people.push_back(counts);
    }
    const auto hidden = reports::hide_small_groups(people, smallest);
    rates.smallest = smallest;
    rates.group_totals.assign(rates.groups.size(), {});
    for (std::size_t row = 0; row < rates.cells.size(); ++row) {
        RateCell school_total;
        for (std::size_t column = 0; column < rates.groups.size(); ++column) {
            RateCell& cell = rates.cells[row][column];
            cell.hidden = hidden.cell(row, column);
            for (RateCell* sum : {&school_total, &rates.group_totals[column], &rates.total}) {
                sum->people += cell.people;
                sum->answered += cell.answered;
            }
        }
        school_total.hidden = hidden.row_totals[row];
        rates.school_totals.push_back(school_total);
    }
    for (std::size_t column = 0; column < rates.groups.size(); ++column)
        rates.group_totals[column].hidden = hidden.column_totals[column];
    rates.total.hidden = hidden.total;
    return rates;
}

int SurveyService::remind(const accounts::Actor& actor, const Survey& survey, const std::string& today) {
    if (!may_keep(actor, survey))
        throw std::invalid_argument("Only the survey's lead can send reminders.");
    if (survey.state(today) != SurveyState::Open)
        throw std::invalid_argument("Reminders go out only while the survey is open.");
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    const auto answered = response_store::answerers_of(sql, survey.trust_id, survey.id);
    std::vector<long long> waiting;
    const Audience audience(sql, survey);
    people::store::for_each_person(sql, survey.trust_id, [&](const people::Person& person) {
        if (audience.includes(person) && !answered.count(person.id))
            waiting.push_back(person.id);
    });
    notifications::store::add_to_each(sql, survey.trust_id, waiting,
                                      "A reminder: " + survey.title + " closes on " +
                                          text::long_date(survey.closes_on) + ". It takes a few minutes.",
                                      "/surveys/" + std::to_string(survey.id));
    transaction.commit();
    return static_cast<int>(waiting.size());
}

} // namespace trellis::surveys
