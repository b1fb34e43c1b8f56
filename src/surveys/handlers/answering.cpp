// Answering a survey: the questions for the person's staff group, saved as they go (by the page's
// script on each change, or with "Save and finish later"), then sent once.
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "http/app.h"
#include "http/response.h"
#include "surveys/handlers/handlers.h"
#include "surveys/handlers/views.h"
#include "text/dates.h"

namespace trellis::surveys::handlers {

namespace {

void show_form(http::RequestContext& context, const Answering& answering, const Answers& answers,
               const std::string& error, int status) {
    const Survey& survey = answering.survey();
    mstch::map data{
        {"id", std::to_string(survey.id)},
        {"title", survey.title},
        {"intro", survey.intro},
        {"anonymous", survey.anonymous},
        {"closes", text::long_date(survey.closes_on)},
        {"questions", question_fields(answering.asked(), answers)},
        {"keeper", SurveyService::may_keep(context.signed_in(), survey)},
        // An anonymous before or after of a programme: a code the person keeps matches them.
        {"asks_code", survey.anonymous && (survey.purpose == "before" || survey.purpose == "after")},
        {"match_code", context.form("match_code")}};
    if (!error.empty())
        data["error"] = error;
    if (context.query("saved") == "1")
        data["saved"] = true;
    http::render_page(context, "surveys/answer", survey.title, data, status);
}

// The page for someone who may not answer now: why, and for the lead a way to the survey's page.
void show_closed(http::RequestContext& context, const Survey& survey, const std::string& why) {
    const bool keeper = SurveyService::may_keep(context.signed_in(), survey);
    if (keeper && context.query("sent").empty())
        return http::redirect(context, "/surveys/" + std::to_string(survey.id) + "/edit");
    http::render_page(context, "surveys/answered", survey.title,
                      mstch::map{{"title", survey.title},
                                 {"why", why},
                                 {"sent", !context.query("sent").empty()},
                                 {"anonymous", survey.anonymous},
                                 {"keeper", keeper},
                                 {"id", std::to_string(survey.id)}});
}

// Leave to answer the survey in the route now; otherwise renders 404, or 403 saying why.
std::optional<Answering> answering_in_route(http::RequestContext& context) {
    auto survey = survey_in_route(context);
    if (!survey)
        return std::nullopt;
    try {
        return context.app.surveys.answering(context.signed_in(), *survey, context.app.clock.today());
    } catch (const NotAnswerable& why) {
        http::render_error(context, 403, why.what());
        return std::nullopt;
    }
}

// The form again after a refusal: the draft with every valid answer just typed over it, so nothing
// typed is lost.
void show_refused(http::RequestContext& context, const Answering& answering,
                  const std::map<long long, TypedAnswer>& typed, const std::string& error) {
    show_form(context, answering,
              with_typed(context.app.surveys.draft(context.signed_in(), answering.survey()),
                         answering.asked(), typed),
              error, 400);
}

} // namespace

void survey_answer(http::RequestContext& context) {
    auto survey = survey_in_route(context);
    if (!survey)
        return;
    try {
        const Answering answering =
            context.app.surveys.answering(context.signed_in(), *survey, context.app.clock.today());
        show_form(context, answering, context.app.surveys.draft(context.signed_in(), *survey), "", 200);
    } catch (const NotAnswerable& why) {
        show_closed(context, *survey, why.what());
    }
}

void survey_save_draft(http::RequestContext& context) {
    auto answering = answering_in_route(context);
    if (!answering)
        return;
    const auto typed = typed_answers(context, answering->asked());
    try {
        context.app.surveys.save_draft(context.signed_in(), *answering, typed);
    } catch (const std::invalid_argument& error) {
        if (context.wants_json()) {
            context.response.status = 400;
            return context.response.set_content(
                nlohmann::json{{"saved", false}, {"error", error.what()}}.dump(), "application/json");
        }
        return show_refused(context, *answering, typed, error.what());
    }
    if (context.wants_json())
        return context.response.set_content(nlohmann::json{{"saved", true}}.dump(), "application/json");
    http::redirect(context, "/surveys/" + std::to_string(answering->survey().id) + "?saved=1");
}

void survey_submit(http::RequestContext& context) {
    auto answering = answering_in_route(context);
    if (!answering)
        return;
    const auto typed = typed_answers(context, answering->asked());
    try {
        context.app.surveys.submit(context.signed_in(), *answering, context.app.clock.today(), typed,
                                   context.form("match_code"));
    } catch (const NotAnswerable& why) {
        return http::render_error(context, 403, why.what());
    } catch (const std::invalid_argument& error) {
        return show_refused(context, *answering, typed, error.what());
    }
    http::redirect(context, "/surveys/" + std::to_string(answering->survey().id) + "?sent=1");
}

} // namespace trellis::surveys::handlers
