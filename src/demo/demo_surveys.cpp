#include "demo/demo_surveys.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "calendar/school_year.h"
#include "demo/demo_names.h"
#include "demo/demo_trust.h"
#include "people/store.h"
#include "priorities/store.h"
#include "programmes/audience.h"
#include "surveys/response_store.h"
#include "surveys/starters.h"
#include "surveys/store.h"
#include "text/words.h"

namespace trellis::demo {

namespace {

using people::StaffGroup;
using surveys::Answer;
using surveys::Option;
using surveys::Question;
using surveys::QuestionKind;

// The starters' questions as one survey: each starter's asked of its own groups, the priority
// ranking (second in every starter) once, for everyone.
std::vector<Question> versions_by_group(const std::vector<priorities::Priority>& priorities) {
    const auto starters = surveys::starters(priorities);
    const std::vector<StaffGroup> groups[] = {
        {StaffGroup::Teacher, StaffGroup::Ect}, {StaffGroup::Support}, {StaffGroup::Leader}};
    std::vector<Question> questions;
    for (std::size_t i = 0; i < std::size(groups); ++i)
        for (std::size_t at = 0; at < starters[i].questions.size(); ++at) {
            Question question = starters[i].questions[at];
            const bool ranking = question.kind == QuestionKind::Rank;
            if (ranking && i > 0)
                continue;
            question.groups = ranking ? std::vector<StaffGroup>{} : groups[i];
            questions.push_back(question);
        }
    return questions;
}

// Ties the leaders' "where should the trust help" options to the priorities they speak to, by words
// in the priority's title, as a lead would on the question's page.
void tie_options(std::vector<Question>& questions, const std::vector<priorities::Priority>& priorities) {
    const std::pair<const char*, const char*> ties[] = {{"Behaviour and attendance", "behaviour"},
                                                        {"Support staff roles", "support staff"},
                                                        {"SEND and inclusion", "adaptive"}};
    for (Question& question : questions)
        for (Option& option : question.options)
            for (const auto& [label, words] : ties)
                if (option.label == label)
                    for (const auto& priority : priorities)
                        if (text::lowered(priority.title).find(words) != std::string::npos)
                            option.priority_id = priority.id;
}

std::size_t group_index(StaffGroup group) {
    return static_cast<std::size_t>(group);
}

int clamp(int value, int low, int high) {
    return std::max(low, std::min(high, value));
}

// How keen each group is on each priority (by the priority's place in the trust's list), so the
// ranking differs between teachers, support staff and leaders.
int keenness(StaffGroup group, std::size_t priority, bool behaviour_school) {
    static const int teacher[] = {5, 3, 1, 5, 4}, support[] = {2, 5, 5, 1, 2}, leader[] = {4, 3, 4, 3, 3};
    const int* weights = group == StaffGroup::Support  ? support
                         : group == StaffGroup::Leader ? leader
                                                       : teacher;
    int keen = priority < 5 ? weights[priority] : 2;
    if (behaviour_school && priority == 1)
        keen += 4; // a school where behaviour is what staff most ask for help with
    return keen;
}

// `leader_lift` raises leaders' grid answers: in a culture check, leaders think better of the school's
// development than staff do.
Answer answer_for(const Question& question, StaffGroup group, std::size_t school_index, Sequence& sequence,
                  int leader_lift) {
    Answer answer{question.id, {}, {}};
    // Confidence runs lower for early-career teachers and at the special school.
    const int lift =
        (group == StaffGroup::Ect ? -1 : 0) + (school_index == 6 ? -1 : 0) + (school_index == 0 ? 1 : 0);
    // Leaders see some things (every other statement) better than staff do, and agree on the rest.
    auto leaders_see = [&](std::size_t row) {
        return group == StaffGroup::Leader && row % 2 == 0 ? leader_lift : 0;
    };
    switch (question.kind) {
    case QuestionKind::Grid:
        for (std::size_t row = 0; row < question.rows.size(); ++row)
            answer.picks.push_back(sequence.next(12) == 0
                                       ? -1
                                       : clamp(2 + lift + leaders_see(row) + static_cast<int>(row % 3) - 1 +
                                                   static_cast<int>(sequence.next(3)) - 1,
                                               0, static_cast<int>(question.scale.size()) - 1));
        break;
    case QuestionKind::Rank: {
        std::vector<std::pair<int, int>> scored;
        for (std::size_t i = 0; i < question.options.size(); ++i)
            scored.emplace_back(
                -(keenness(group, i, school_index == 2) * 3 + static_cast<int>(sequence.next(7))),
                static_cast<int>(i));
        std::sort(scored.begin(), scored.end());
        for (std::size_t place = 0; place < std::min<std::size_t>(3, scored.size()); ++place)
            answer.picks.push_back(scored[place].second);
        break;
    }
    case QuestionKind::Rating:
        answer.picks = {clamp(2 + lift + static_cast<int>(sequence.next(3)) - 1, 0,
                              static_cast<int>(question.scale.size()) - 1)};
        break;
    case QuestionKind::Single:
        answer.picks = {static_cast<int>(
            (sequence.next(3) == 0 ? sequence.next(100) : school_index + group_index(group)) %
            question.options.size())};
        break;
    case QuestionKind::Multiple:
        for (std::size_t i = 0; i < question.options.size(); ++i)
            if (sequence.next(100) < (i % 3 == 0 ? 55u : 25u))
                answer.picks.push_back(static_cast<int>(i));
        break;
    case QuestionKind::Text: {
        static const char* teacher[] = {"Checking understanding with a whole class, not just the keen ones.",
                                        "Adapting lessons for pupils with SEND without writing three plans.",
                                        "Time to watch colleagues teach the same topic."};
        static const char* support[] = {"Training on behaviour that matches what the teachers do.",
                                        "Knowing the plan for the lesson before it starts.",
                                        "Courses on the systems I use every day, not on teaching."};
        const char** pool = group == StaffGroup::Support ? support : teacher;
        if (sequence.next(6) == 0)
            answer.text = pool[sequence.next(3)];
        break;
    }
    }
    return answer;
}

long long add_survey(soci::session& sql, const accounts::Actor& lead, const std::string& title,
                     const std::string& intro, const std::string& opens, const std::string& closes,
                     std::vector<Question>& questions) {
    surveys::Survey survey;
    survey.trust_id = lead.trust_id;
    survey.title = title;
    survey.intro = intro;
    survey.opens_on = opens;
    survey.closes_on = closes;
    survey.created_by = lead.person_id;
    survey.id = surveys::store::insert_survey(sql, survey);
    int position = 0;
    for (Question& question : questions) {
        question.survey_id = survey.id;
        question.position = ++position;
        question.id = surveys::store::insert_question(sql, lead.trust_id, question);
    }
    return survey.id;
}

// Answers from about `percent` of the people the survey is for (a little more or less by school),
// leaving out the demo logins.
void answer(soci::session& sql, const accounts::Actor& lead, long long survey_id,
            const std::vector<Question>& questions, unsigned percent, const std::string& day,
            Sequence& sequence, int leader_lift = 0) {
    const auto phases = programmes::school_phases(sql, lead.trust_id);
    std::vector<people::Person> staff;
    people::store::for_each_person(sql, lead.trust_id, [&](const people::Person& person) {
        if (!person.has_left())
            staff.push_back(person);
    });
    std::set<std::string> logins;
    for (const DemoLogin& login : demo_logins())
        logins.insert(login.email);
    std::map<long long, std::size_t> school_index;
    for (const auto& [school, phase] : phases)
        school_index.emplace(school, school_index.size());
    for (const people::Person& person : staff) {
        if (logins.count(person.email))
            continue;
        const std::size_t index = person.school_id ? school_index[person.school_id] : 7;
        const unsigned rate = clamp(static_cast<int>(percent) + static_cast<int>(index % 4) * 4 - 6, 5, 98);
        if (sequence.next(100) >= rate)
            continue;
        surveys::Answers answers;
        for (const Question& question : questions)
            if (question.asked_of(person.staff_group))
                if (Answer given = answer_for(question, person.staff_group, index, sequence, leader_lift);
                    !given.empty())
                    answers[question.id] = given;
        const surveys::Respondent respondent{person.school_id, person.school_name, person.staff_group,
                                             programmes::phase_of(person.phase, person.school_id, phases)};
        surveys::response_store::record_response(sql, lead.trust_id, survey_id, person.id, false, respondent,
                                                 day, answers);
    }
}

std::string days_from(const std::string& day, int days) {
    return calendar::text_of(*calendar::parse_day(day) + std::chrono::days(days));
}

} // namespace

void load_demo_surveys(db::Database& database, const accounts::Actor& lead, const std::string& today) {
    db::Transaction transaction(database);
    soci::session& sql = transaction.session();
    const auto priorities = priorities::store::priorities_of(sql, lead.trust_id, 0);
    Sequence sequence;
    auto autumn = versions_by_group(priorities);
    tie_options(autumn, priorities);
    const long long autumn_id =
        add_survey(sql, lead, "Autumn needs survey 2026",
                   "What would help you most this year? Each staff group answers questions about its own "
                   "work. Anonymous: we keep your school, staff group and phase, never your name.",
                   "2026-09-21", "2026-10-09", autumn);
    answer(sql, lead, autumn_id, autumn, 84, "2026-10-02", sequence);
    auto spring = versions_by_group(priorities);
    const long long spring_id =
        add_survey(sql, lead, "Planning the spring term: what would help next?",
                   "A short check before we plan the spring term's sessions and collaboration time. "
                   "Anonymous, about five minutes.",
                   days_from(today, -7), days_from(today, 14), spring);
    answer(sql, lead, spring_id, spring, 34, days_from(today, -2), sequence);
    for (const auto& starter : surveys::starters(priorities))
        if (starter.key == "culture") {
            auto culture = starter.questions;
            const long long culture_id = add_survey(sql, lead, "CPD culture check, autumn 2026",
                                                    starter.form.intro, "2026-11-02", "2026-11-13", culture);
            answer(sql, lead, culture_id, culture, 78, "2026-11-06", sequence, 2);
        }
    transaction.commit();
}

} // namespace trellis::demo
