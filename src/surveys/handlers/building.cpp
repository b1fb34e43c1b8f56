// Building a survey: its details, its questions (with a version per staff group by asking a
// question of some groups only), starters, and reminders while it is open.
#include <stdexcept>

#include "http/app.h"
#include "http/form_options.h"
#include "http/response.h"
#include "priorities/store.h"
#include "surveys/handlers/handlers.h"
#include "surveys/handlers/views.h"
#include "text/dates.h"
#include "text/words.h"

namespace trellis::surveys::handlers {

namespace {

const std::string kChangeRefusal = "Only the survey's lead can change it.";

SurveyForm read_survey_form(const http::RequestContext& context) {
    return {context.form("title"),    context.form("intro"),     context.form("anonymous") != "0",
            context.form("opens_on"), context.form("closes_on"), context.form_all("groups")};
}

SurveyForm form_of(const Survey& survey) {
    SurveyForm form{survey.title, survey.intro, survey.anonymous, survey.opens_on, survey.closes_on, {}};
    for (const auto group : survey.groups)
        form.groups.push_back(people::text_of(group));
    return form;
}

QuestionForm read_question_form(const http::RequestContext& context) {
    return {context.form("kind"),       context.form("prompt"),     context.form("help"),
            context.form("options"),    context.form("rows"),       context.form("scale"),
            context.form_all("groups"), context.form("priority_id")};
}

mstch::array priority_options(http::RequestContext& context, long long chosen) {
    mstch::array options{
        mstch::map{{"value", std::string("0")}, {"label", std::string("None")}, {"selected", chosen == 0}}};
    for (const auto& priority : context.app.priorities.view(context.signed_in()).trust)
        options.push_back(mstch::map{{"value", std::to_string(priority.id)},
                                     {"label", priority.title},
                                     {"selected", priority.id == chosen}});
    return options;
}

// The fields of the question form (templates/partials/survey_question_form.mustache).
mstch::map question_form_data(http::RequestContext& context, const QuestionForm& form) {
    mstch::array kinds;
    for (QuestionKind kind : kQuestionKinds)
        kinds.push_back(mstch::map{
            {"value", text_of(kind)},
            {"label", label_of(kind)},
            {"checked", form.kind == text_of(kind) || (form.kind.empty() && kind == QuestionKind::Rating)}});
    long long priority = 0;
    try {
        priority = std::stoll(form.priority_id.empty() ? "0" : form.priority_id);
    } catch (const std::exception&) {
    }
    return mstch::map{{"kinds", kinds},
                      {"prompt", form.prompt},
                      {"help", form.help},
                      {"options", form.options},
                      {"rows", form.rows},
                      {"scale", form.scale},
                      {"default_scale", text::joined(default_scale(), ", ")},
                      {"groups", http::staff_group_options(form.groups)},
                      {"priorities", priority_options(context, priority)}};
}

std::string state_class(SurveyState state) {
    return state == SurveyState::Draft || state == SurveyState::Scheduled ? "tag tag--warning" : "tag";
}

mstch::map rate_cell(const RateCell& cell, int smallest) {
    if (cell.hidden)
        return mstch::map{{"text", reports::fewer_than(smallest, "staff")}, {"hidden", true}};
    if (cell.people == 0)
        return mstch::map{{"text", std::string("–")}, {"hidden", false}};
    return mstch::map{{"text", std::to_string(cell.answered) + " of " + std::to_string(cell.people) + " (" +
                                   std::to_string(cell.answered * 100 / cell.people) + "%)"},
                      {"hidden", false}};
}

mstch::map rates_view(const Rates& rates) {
    mstch::array groups, rows, totals;
    for (const auto group : rates.groups)
        groups.push_back(mstch::map{{"label", people::label_of(group)}});
    for (std::size_t row = 0; row < rates.schools.size(); ++row) {
        mstch::array cells;
        for (const RateCell& cell : rates.cells[row])
            cells.push_back(rate_cell(cell, rates.smallest));
        rows.push_back(mstch::map{{"school", rates.schools[row]},
                                  {"cells", cells},
                                  {"total", rate_cell(rates.school_totals[row], rates.smallest)}});
    }
    for (const RateCell& cell : rates.group_totals)
        totals.push_back(rate_cell(cell, rates.smallest));
    return mstch::map{{"groups", groups},
                      {"rows", rows},
                      {"totals", totals},
                      {"total", rate_cell(rates.total, rates.smallest)}};
}

mstch::array question_rows(const Survey& survey, const std::vector<Question>& questions, bool fixed) {
    mstch::array rows;
    std::size_t number = 0;
    for (const Question& question : questions) {
        ++number;
        std::string shape;
        if (!question.options.empty())
            shape = text::counted(static_cast<long long>(question.options.size()), "option", "options");
        if (!question.rows.empty())
            shape = text::counted(static_cast<long long>(question.rows.size()), "statement", "statements");
        if (!question.scale.empty())
            shape += (shape.empty() ? "" : " on a ") + std::to_string(question.scale.size()) + "-point scale";
        rows.push_back(mstch::map{{"id", std::to_string(question.id)},
                                  {"survey_id", std::to_string(survey.id)},
                                  {"number", std::to_string(number)},
                                  {"prompt", question.prompt},
                                  {"kind", label_of(question.kind)},
                                  {"shape", shape},
                                  {"asked_of", groups_label(question.groups)},
                                  {"first", number == 1},
                                  {"last", number == questions.size()},
                                  {"editable", !fixed},
                                  {"has_options", !question.options.empty()}});
    }
    return rows;
}

// The lead's page for one survey: details, response rates while open, questions, and a new one.
void show_builder(http::RequestContext& context, const Survey& survey, const SurveyForm& details,
                  const QuestionForm& question, mstch::map extra, int status) {
    auto& surveys = context.app.surveys;
    const auto questions = surveys.questions(survey);
    const bool fixed = surveys.questions_fixed(survey);
    const SurveyState state = survey.state(context.app.clock.today());
    mstch::map data{{"id", std::to_string(survey.id)},
                    {"title", survey.title},
                    {"state", label_of(state)},
                    {"state_class", state_class(state)},
                    {"dates", survey.opens_on.empty() ? std::string("Not scheduled yet")
                                                      : text::long_date(survey.opens_on) + " to " +
                                                            text::long_date(survey.closes_on)},
                    {"who", groups_label(survey.groups)},
                    {"anonymous_label", std::string(survey.anonymous ? "Anonymous" : "Named")},
                    {"open", state == SurveyState::Open},
                    {"has_results", state != SurveyState::Draft},
                    {"questions", question_rows(survey, questions, fixed)},
                    {"any_questions", !questions.empty()},
                    {"fixed", fixed},
                    {"details", mstch::map{{"title", details.title},
                                           {"intro", details.intro},
                                           {"anonymous", details.anonymous},
                                           {"opens_on", details.opens_on},
                                           {"closes_on", details.closes_on},
                                           {"groups", http::staff_group_options(details.groups)}}},
                    {"question", question_form_data(context, question)}};
    if (state != SurveyState::Draft)
        data["rates"] = rates_view(surveys.rates(survey, context.signed_in().smallest_group));
    for (const char* flag : {"saved", "added", "reminded", "removed"})
        if (!context.query(flag).empty())
            data[flag] = context.query(flag);
    for (auto& [key, value] : extra)
        data[key] = value;
    http::render_page(context, "surveys/build", survey.title, data, status);
}

std::optional<long long> question_in_route(http::RequestContext& context, const Survey& survey,
                                           Question* found = nullptr) {
    const auto id = context.id_capture(2);
    for (const Question& question : context.app.surveys.questions(survey))
        if (id && question.id == *id) {
            if (found)
                *found = question;
            return id;
        }
    http::render_error(context, 404, "There is no such question in this survey.");
    return std::nullopt;
}

std::string builder_path(const Survey& survey) {
    return "/surveys/" + std::to_string(survey.id) + "/edit";
}

void show_list(http::RequestContext& context, mstch::map extra, int status) {
    const accounts::Actor& actor = context.signed_in();
    const std::string day = context.app.clock.today();
    mstch::array mine, kept, starters_list;
    for (const SurveyStanding& standing : context.app.surveys.for_person(actor, day))
        mine.push_back(mstch::map{{"href", "/surveys/" + std::to_string(standing.survey.id)},
                                  {"title", standing.survey.title},
                                  {"closes", text::long_date(standing.survey.closes_on)},
                                  {"answered", standing.answered},
                                  {"started", standing.started}});
    for (const SurveySummary& summary : context.app.surveys.kept_by(actor)) {
        const SurveyState state = summary.survey.state(day);
        kept.push_back(mstch::map{{"href", builder_path(summary.survey)},
                                  {"results", "/surveys/" + std::to_string(summary.survey.id) + "/results"},
                                  {"has_results", summary.responses > 0},
                                  {"title", summary.survey.title},
                                  {"state", label_of(state)},
                                  {"state_class", state_class(state)},
                                  {"who", groups_label(summary.survey.groups)},
                                  {"school", summary.survey.school_name},
                                  {"responses", text::counted(summary.responses, "response", "responses")}});
    }
    const bool maker = SurveyService::may_make(actor);
    if (maker)
        for (const Starter& starter : starters({}))
            starters_list.push_back(
                mstch::map{{"key", starter.key}, {"title", starter.title}, {"summary", starter.summary}});
    mstch::map data{
        {"mine", mine},
        {"any_mine", !mine.empty()},
        {"kept", kept},
        {"any_kept", !kept.empty()},
        {"maker", maker},
        {"starters", starters_list},
        {"details", mstch::map{{"title", context.form("title")}, {"groups", http::staff_group_options({})}}}};
    for (auto& [key, value] : extra)
        data[key] = value;
    http::render_page(context, "surveys/list", "Surveys", data, status);
}

} // namespace

std::optional<Survey> survey_in_route(http::RequestContext& context) {
    auto id = context.id_capture(1);
    auto survey = id ? context.app.surveys.find(context.signed_in().trust_id, *id) : std::nullopt;
    if (!survey)
        http::render_error(context, 404, "There is no such survey.");
    return survey;
}

std::optional<Survey> kept_survey(http::RequestContext& context, const std::string& refusal) {
    auto survey = survey_in_route(context);
    if (survey && !SurveyService::may_keep(context.signed_in(), *survey)) {
        http::render_error(context, 403, refusal);
        return std::nullopt;
    }
    return survey;
}

void surveys_list(http::RequestContext& context) {
    show_list(context, {}, 200);
}

void survey_create(http::RequestContext& context) {
    if (!SurveyService::may_make(context.signed_in()))
        return http::render_error(context, 403, "Only PD leads make surveys.");
    try {
        const long long id = context.app.surveys.create(context.signed_in(), read_survey_form(context));
        http::redirect(context, "/surveys/" + std::to_string(id) + "/edit");
    } catch (const std::invalid_argument& error) {
        show_list(context, mstch::map{{"error", std::string(error.what())}}, 400);
    }
}

void survey_from_starter(http::RequestContext& context) {
    if (!SurveyService::may_make(context.signed_in()))
        return http::render_error(context, 403, "Only PD leads make surveys.");
    try {
        const long long id =
            context.app.surveys.create_from_starter(context.signed_in(), context.form("starter"));
        http::redirect(context, "/surveys/" + std::to_string(id) + "/edit?added=starter");
    } catch (const std::invalid_argument& error) {
        show_list(context, mstch::map{{"error", std::string(error.what())}}, 400);
    }
}

void survey_edit(http::RequestContext& context) {
    if (auto survey = kept_survey(context, kChangeRefusal))
        show_builder(context, *survey, form_of(*survey), {}, {}, 200);
}

void survey_update(http::RequestContext& context) {
    auto survey = kept_survey(context, kChangeRefusal);
    if (!survey)
        return;
    const SurveyForm form = read_survey_form(context);
    try {
        context.app.surveys.update(context.signed_in(), *survey, form);
    } catch (const std::invalid_argument& error) {
        return show_builder(context, *survey, form, {},
                            mstch::map{{"details_error", std::string(error.what())}}, 400);
    }
    http::redirect(context, builder_path(*survey) + "?saved=1");
}

void survey_delete(http::RequestContext& context) {
    if (auto survey = kept_survey(context, kChangeRefusal)) {
        context.app.surveys.remove(context.signed_in(), *survey);
        http::redirect(context, "/surveys?removed=1");
    }
}

void survey_remind(http::RequestContext& context) {
    auto survey = kept_survey(context, kChangeRefusal);
    if (!survey)
        return;
    try {
        const int reminded =
            context.app.surveys.remind(context.signed_in(), *survey, context.app.clock.today());
        http::redirect(context, builder_path(*survey) + "?reminded=" + std::to_string(reminded));
    } catch (const std::invalid_argument& error) {
        show_builder(context, *survey, form_of(*survey), {}, mstch::map{{"error", std::string(error.what())}},
                     400);
    }
}

void question_create(http::RequestContext& context) {
    auto survey = kept_survey(context, kChangeRefusal);
    if (!survey)
        return;
    const QuestionForm form = read_question_form(context);
    try {
        context.app.surveys.add_question(context.signed_in(), *survey, form);
    } catch (const std::invalid_argument& error) {
        return show_builder(context, *survey, form_of(*survey), form,
                            mstch::map{{"question_error", std::string(error.what())}}, 400);
    }
    http::redirect(context, builder_path(*survey) + "?added=question#questions");
}

namespace {

void show_question(http::RequestContext& context, const Survey& survey, const Question& question,
                   const QuestionForm& form, const std::string& error, int status) {
    mstch::array options;
    for (std::size_t i = 0; i < question.options.size(); ++i)
        options.push_back(
            mstch::map{{"index", std::to_string(i)},
                       {"label", question.options[i].label},
                       {"priorities", priority_options(context, question.options[i].priority_id)}});
    mstch::map data{{"survey_id", std::to_string(survey.id)},
                    {"survey_title", survey.title},
                    {"id", std::to_string(question.id)},
                    {"fixed", context.app.surveys.questions_fixed(survey)},
                    {"options", options},
                    {"any_options", !options.empty()},
                    {"question", question_form_data(context, form)}};
    if (!error.empty())
        data["error"] = error;
    if (!context.query("tagged").empty())
        data["tagged"] = true;
    http::render_page(context, "surveys/question_edit", "Edit question", data, status);
}

} // namespace

void question_edit(http::RequestContext& context) {
    auto survey = kept_survey(context, kChangeRefusal);
    Question question;
    if (survey && question_in_route(context, *survey, &question))
        show_question(context, *survey, question, form_of(question), "", 200);
}

void question_update(http::RequestContext& context) {
    auto survey = kept_survey(context, kChangeRefusal);
    Question question;
    if (!survey || !question_in_route(context, *survey, &question))
        return;
    const QuestionForm form = read_question_form(context);
    try {
        context.app.surveys.update_question(context.signed_in(), *survey, question.id, form);
    } catch (const std::invalid_argument& error) {
        return show_question(context, *survey, question, form, error.what(), 400);
    }
    http::redirect(context, builder_path(*survey) + "?saved=question#questions");
}

void question_delete(http::RequestContext& context) {
    auto survey = kept_survey(context, kChangeRefusal);
    if (!survey || !question_in_route(context, *survey))
        return;
    try {
        context.app.surveys.remove_question(context.signed_in(), *survey, *context.id_capture(2));
    } catch (const std::invalid_argument& error) {
        return show_builder(context, *survey, form_of(*survey), {},
                            mstch::map{{"error", std::string(error.what())}}, 400);
    }
    http::redirect(context, builder_path(*survey) + "?removed=question#questions");
}

void question_move(http::RequestContext& context) {
    auto survey = kept_survey(context, kChangeRefusal);
    if (!survey || !question_in_route(context, *survey))
        return;
    context.app.surveys.move_question(context.signed_in(), *survey, *context.id_capture(2),
                                      context.form("direction") == "up" ? -1 : 1);
    http::redirect(context, builder_path(*survey) + "#question-" + context.capture(2));
}

void option_tag(http::RequestContext& context) {
    auto survey = kept_survey(context, kChangeRefusal);
    Question question;
    if (!survey || !question_in_route(context, *survey, &question))
        return;
    try {
        for (std::size_t i = 0; i < question.options.size(); ++i) {
            const std::string chosen = context.form("priority_" + std::to_string(i));
            if (chosen.empty())
                continue;
            const auto id = chosen == "0" ? std::optional<long long>(0) : http::parse_id(chosen);
            if (!id)
                throw std::invalid_argument("Choose a priority from the list.");
            context.app.surveys.tag_option(context.signed_in(), *survey, question.id, i, *id);
        }
    } catch (const std::invalid_argument& error) {
        return show_question(context, *survey, question, form_of(question), error.what(), 400);
    }
    http::redirect(context, "/surveys/" + std::to_string(survey->id) + "/questions/" +
                                std::to_string(question.id) + "/edit?tagged=1");
}

} // namespace trellis::surveys::handlers
