#include "impact/service.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "calendar/school_year.h"
#include "impact/measures.h"
#include "impact/store.h"
#include "organisations/store.h"
#include "programmes/activity_store.h"
#include "programmes/service.h"
#include "surveys/questions.h"
#include "surveys/response_store.h"
#include "surveys/store.h"
#include "text/words.h"

namespace trellis::impact {

namespace {

using surveys::Question;
using surveys::QuestionKind;

const char* kConfidencePrompt = "How confident do you feel about each of these?";
const char* kSupportPrompt = "How far do you agree with each of these?";
const std::vector<std::string> kSupportStatements{
    "I have the time to use what I learned", "Leaders support me in using it",
    "I have the materials and resources I need", "I can talk it through with colleagues"};
const std::vector<std::string> kAgree{"Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"};
const char* kHowOftenPrompt = "How often do you use what you learned in this programme?";
const std::vector<std::string> kHowOften{"Not yet", "Once or twice", "Every few weeks", "Most weeks",
                                         "Every day"};
const char* kChangedPrompt = "What has changed in your practice, or for the pupils you work with?";

std::string join(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines)
        text += (text.empty() ? "" : "\n") + line;
    return text;
}

std::string days_after(const std::string& day, int days) {
    return calendar::text_of(*calendar::parse_day(day) + std::chrono::days(days));
}

Question grid(const std::string& prompt, std::vector<std::string> rows, std::vector<std::string> scale) {
    Question question;
    question.kind = QuestionKind::Grid;
    question.prompt = prompt;
    question.rows = std::move(rows);
    question.scale = std::move(scale);
    return question;
}

// The questions each survey of the plan asks.
std::vector<Question> questions_for(const std::string& purpose, const PlanForm& form,
                                    const std::vector<std::string>& statements) {
    std::vector<Question> questions;
    if (purpose == kBefore || purpose == kAfter)
        questions.push_back(grid(kConfidencePrompt, statements, surveys::default_scale()));
    if (purpose == kFollowUp6 || purpose == kFollowUp12) {
        Question how_often;
        how_often.kind = QuestionKind::Rating;
        how_often.prompt = kHowOftenPrompt;
        how_often.scale = kHowOften;
        questions.push_back(how_often);
        Question changed;
        changed.kind = QuestionKind::Text;
        changed.prompt = kChangedPrompt;
        questions.push_back(changed);
    }
    if (form.support && purpose != kBefore)
        questions.push_back(grid(kSupportPrompt, kSupportStatements, kAgree));
    return questions;
}

// The days each survey opens and closes, from the programme's activities.
std::pair<std::string, std::string> dates_for(const std::string& purpose, const std::string& first,
                                              const std::string& last, const std::string& today) {
    if (purpose == kBefore) {
        const std::string closes = days_after(first, -1);
        if (closes < today)
            return {today, days_after(today, 13)};
        return {days_after(first, -14), closes};
    }
    const int weeks = purpose == kFollowUp6 ? 6 : purpose == kFollowUp12 ? 12 : 0;
    const std::string opens = days_after(last, weeks * 7);
    return {opens, days_after(opens, 13)};
}

std::string title_for(const std::string& purpose, const std::string& programme) {
    if (purpose == kBefore)
        return programme + ": before we start";
    if (purpose == kAfter)
        return programme + ": looking back";
    if (purpose == kFollowUp6)
        return programme + ": six weeks on";
    return programme + ": twelve weeks on";
}

std::string intro_for(const std::string& purpose, bool anonymous) {
    std::string intro = purpose == kBefore  ? "Before the programme starts: where you are now, so we can see "
                                              "what changes."
                        : purpose == kAfter ? "Now the programme's sessions are over: the same questions as "
                                              "at the start, and what would help you use what you learned."
                                            : "A short check-in on what you are using from the programme, "
                                              "and what has changed.";
    return intro + (anonymous ? " Anonymous: we keep your school, staff group and phase, never your name."
                              : " Your name is kept with your answers.");
}

const surveys::Survey* survey_for(const std::vector<surveys::Survey>& surveys, const std::string& purpose) {
    for (const auto& survey : surveys)
        if (survey.purpose == purpose)
            return &survey;
    return nullptr;
}

std::vector<surveys::Survey> surveys_of(soci::session& sql, const programmes::Programme& programme) {
    std::vector<surveys::Survey> found;
    for (const auto& survey : surveys::store::surveys_of(sql, programme.trust_id))
        if (survey.programme_id == programme.id && !survey.purpose.empty())
            found.push_back(survey);
    return found;
}

// The first and last days of the programme's activities (its own dates when it has none).
std::pair<std::string, std::string> span_of(soci::session& sql, const programmes::Programme& programme) {
    std::string first = programme.ends_on, last = programme.starts_on;
    for (const auto& activity :
         programmes::activity_store::activities_of(sql, programme.trust_id, programme.id)) {
        first = std::min(first, activity.starts_on);
        last = std::max(last, activity.starts_on);
    }
    return {first <= programme.ends_on ? first : programme.starts_on, last};
}

const surveys::QuestionResult* result_with(const surveys::Results& results, const std::string& prompt) {
    for (const auto& result : results.questions)
        if (result.question.prompt == prompt)
            return &result;
    return nullptr;
}

} // namespace

Plan ImpactService::plan(const programmes::Programme& programme) {
    auto lease = m_database.lease();
    Plan plan;
    plan.programme_id = programme.id;
    if (auto stored = store::plan_of(*lease, programme.trust_id, programme.id)) {
        plan.reactions = stored->reactions;
        plan.measures = text::lines_of(stored->measures);
    }
    plan.surveys = surveys_of(*lease, programme);
    const auto* before = survey_for(plan.surveys, kBefore);
    const auto* after = survey_for(plan.surveys, kAfter);
    plan.learning = before && after;
    plan.use = survey_for(plan.surveys, kFollowUp6) != nullptr;
    if (before) {
        plan.anonymous = before->anonymous;
        const auto questions = surveys::store::questions_of(*lease, programme.trust_id, before->id);
        if (const auto* confidence = confidence_grid(questions))
            plan.statements = confidence->rows;
    }
    for (const auto& survey : plan.surveys)
        for (const auto& question : surveys::store::questions_of(*lease, programme.trust_id, survey.id))
            plan.support = plan.support || question.prompt == kSupportPrompt;
    return plan;
}

void ImpactService::save_plan(const accounts::Actor& actor, const programmes::Programme& programme,
                              const PlanForm& form, const std::string& today) {
    if (!programmes::ProgrammeService::may_keep(actor, programme))
        throw std::invalid_argument("Only the programme's lead can change its impact plan.");
    const auto statements = text::lines_of(form.statements);
    const auto measures = text::lines_of(form.measures);
    if (form.learning && (statements.size() < 2 || statements.size() > 12))
        throw std::invalid_argument("To measure learning, write between 2 and 12 statements, one per line.");
    for (const auto& line : statements)
        if (line.size() > 200)
            throw std::invalid_argument("Keep each statement under 200 characters.");
    if (measures.size() > 6)
        throw std::invalid_argument("Choose at most 6 pupil outcomes.");
    for (const auto& line : measures)
        if (line.size() > 100)
            throw std::invalid_argument("Keep each pupil outcome's name under 100 characters.");

    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    store::save_plan(sql, programme.trust_id, programme.id, {form.reactions, join(measures)});
    const auto existing = surveys_of(sql, programme);
    const auto [first, last] = span_of(sql, programme);
    for (const char* purpose : {kBefore, kAfter, kFollowUp6, kFollowUp12}) {
        const bool wanted =
            (form.learning && (purpose == std::string(kBefore) || purpose == std::string(kAfter))) ||
            (form.use && (purpose == std::string(kFollowUp6) || purpose == std::string(kFollowUp12))) ||
            (form.support && purpose == std::string(kAfter));
        const surveys::Survey* found = survey_for(existing, purpose);
        const bool answered =
            found && surveys::response_store::has_any_answer(sql, programme.trust_id, found->id);
        if (answered) {
            if (!wanted)
                throw std::invalid_argument("\"" + found->title +
                                            "\" has answers already, so it stays in the plan.");
            continue; // what people answered stays as it was asked
        }
        if (found)
            surveys::store::delete_survey(sql, programme.trust_id, found->id);
        if (!wanted)
            continue;
        surveys::Survey survey;
        survey.trust_id = programme.trust_id;
        survey.school_id = programme.school_id;
        survey.title = title_for(purpose, programme.title);
        survey.intro = intro_for(purpose, form.anonymous);
        survey.anonymous = form.anonymous;
        std::tie(survey.opens_on, survey.closes_on) = dates_for(purpose, first, last, today);
        survey.groups = programme.staff_groups;
        survey.created_by = actor.person_id;
        survey.programme_id = programme.id;
        survey.purpose = purpose;
        survey.id = surveys::store::insert_survey(sql, survey);
        int position = 0;
        for (Question question : questions_for(purpose, form, statements)) {
            question.survey_id = survey.id;
            question.position = ++position;
            surveys::store::insert_question(sql, programme.trust_id, question);
        }
    }
    transaction.commit();
}

Report ImpactService::report(const programmes::Programme& programme, const surveys::Filter& filter,
                             int smallest, const std::string& today) {
    Report report;
    report.smallest = smallest;
    report.plan = plan(programme);
    auto lease = m_database.lease();
    soci::session& sql = *lease;
    // Level 1: each live session's feedback, in date order, for the view.
    if (report.plan.reactions) {
        std::string school_name;
        if (filter.school_id > 0)
            for (const auto& school : organisations::store::list_schools(sql, programme.trust_id))
                if (school.id == filter.school_id)
                    school_name = school.name;
        auto activities = programmes::activity_store::activities_of(sql, programme.trust_id, programme.id);
        std::stable_sort(activities.begin(), activities.end(),
                         [](const auto& a, const auto& b) { return a.starts_on < b.starts_on; });
        for (const auto& activity : activities) {
            if (activity.kind != programmes::ActivityKind::Live || activity.starts_on > today)
                continue;
            const auto results = m_feedback.results(sql, activity, smallest);
            feedback::RatingSummary summary = results.session;
            if (filter.school_id >= 0 || filter.staff_group) {
                const std::string wanted =
                    filter.staff_group ? people::label_of(*filter.staff_group) : school_name;
                summary = feedback::RatingSummary{};
                summary.label = activity.title;
                summary.hidden = true;
                summary.smallest = smallest;
                for (const auto& part : filter.staff_group ? results.by_staff_group : results.by_school)
                    if (part.label == wanted)
                        summary = part;
            }
            report.reactions.push_back(
                {activity.starts_on, activity.title, summary.responses,
                 summary.hidden || summary.responses == 0 ? std::nullopt : std::optional(summary.mean)});
        }
    }
    const auto* before = survey_for(report.plan.surveys, kBefore);
    const auto* after = survey_for(report.plan.surveys, kAfter);
    auto questions_of = [&](const surveys::Survey& survey) {
        return surveys::store::questions_of(sql, programme.trust_id, survey.id);
    };
    auto responses_of = [&](const surveys::Survey& survey) {
        return surveys::response_store::responses_of(sql, programme.trust_id, survey.id);
    };
    // Level 2: the confidence grid before and after.
    if (before && after) {
        const auto before_questions = questions_of(*before), after_questions = questions_of(*after);
        const auto* before_grid = confidence_grid(before_questions);
        const auto* after_grid = confidence_grid(after_questions);
        if (before_grid && after_grid)
            report.learning = learning_of(*before_grid, responses_of(*before), *after_grid,
                                          responses_of(*after), filter, smallest);
    }
    // Levels 3 and 4: support after the programme and at each check-in; use at each check-in.
    report.support_statements = kSupportStatements;
    for (const char* purpose : {kAfter, kFollowUp6, kFollowUp12}) {
        const auto* survey = survey_for(report.plan.surveys, purpose);
        if (!survey)
            continue;
        const auto label = purpose == std::string(kAfter)       ? "After the programme"
                           : purpose == std::string(kFollowUp6) ? "Six weeks on"
                                                                : "Twelve weeks on";
        const auto results =
            surveys::results_of(questions_of(*survey), responses_of(*survey), filter, smallest);
        if (report.plan.support) {
            SupportColumn column{label, 0, true, {}};
            if (const auto* support = result_with(results, kSupportPrompt)) {
                column.answered = support->answered;
                if (!support->hidden && support->answered > 0) {
                    column.hidden = false;
                    column.means = support->row_means;
                }
            }
            report.support.push_back(column);
        }
        if (purpose != std::string(kAfter)) {
            CheckIn check_in{label, survey->opens_on, surveys::label_of(survey->state(today)), {}, {}, 0,
                             true};
            if (const auto* how_often = result_with(results, kHowOftenPrompt)) {
                check_in.how_often = *how_often;
                check_in.answered = how_often->answered;
                check_in.hidden = how_often->hidden || how_often->answered == 0;
            }
            if (const auto* changed = result_with(results, kChangedPrompt))
                check_in.what_changed = *changed;
            report.use.push_back(check_in);
        }
    }
    report.outcomes = store::outcomes_of(sql, programme.trust_id, programme.id);
    if (filter.school_id >= 0)
        std::erase_if(report.outcomes,
                      [&](const Outcome& outcome) { return outcome.school_id != filter.school_id; });
    return report;
}

void ImpactService::save_outcome(const accounts::Actor& actor, const programmes::Programme& programme,
                                 const OutcomeForm& form) {
    if (!programmes::ProgrammeService::may_keep(actor, programme))
        throw std::invalid_argument("Only the programme's lead can enter pupil outcomes.");
    Outcome outcome;
    const auto school = text::trimmed(form.school_id);
    outcome.school_id = school.empty() || school.find_first_not_of("0123456789") != std::string::npos
                            ? 0
                            : std::stoll(school);
    // Read before the lease below: plan() takes a connection of its own.
    const auto plan_measures = plan(programme).measures;
    auto lease = m_database.lease();
    bool known_school = false;
    for (const auto& each : organisations::store::list_schools(*lease, programme.trust_id))
        known_school = known_school || (each.id == outcome.school_id &&
                                        (programme.school_id == 0 || programme.school_id == each.id));
    if (!known_school)
        throw std::invalid_argument("Choose one of the programme's schools.");
    if (term_label(form.term).empty())
        throw std::invalid_argument("Choose a term.");
    outcome.term = form.term;
    outcome.measure = text::trimmed(form.measure);
    if (std::find(plan_measures.begin(), plan_measures.end(), outcome.measure) == plan_measures.end())
        throw std::invalid_argument("Choose one of the pupil outcomes in the impact plan.");
    try {
        std::size_t used = 0;
        const std::string value = text::trimmed(form.value);
        outcome.value = std::stod(value, &used);
        if (used != value.size() || !std::isfinite(outcome.value))
            throw std::invalid_argument("");
    } catch (const std::exception&) {
        throw std::invalid_argument("Give the figure as a number, for example 72.5.");
    }
    store::save_outcome(*lease, programme.trust_id, programme.id, outcome, actor.person_id);
}

bool ImpactService::delete_outcome(const accounts::Actor& actor, const programmes::Programme& programme,
                                   long long outcome_id) {
    if (!programmes::ProgrammeService::may_keep(actor, programme))
        throw std::invalid_argument("Only the programme's lead can remove pupil outcomes.");
    auto lease = m_database.lease();
    return store::delete_outcome(*lease, programme.trust_id, programme.id, outcome_id);
}

} // namespace trellis::impact
