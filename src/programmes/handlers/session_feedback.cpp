// Feedback on a live session: the short form for those who were there or caught up, and for the
// lead, the results with small groups hidden. The form and charts are feedback's, as on training days.
#include <stdexcept>

#include "feedback/handlers/views.h"
#include "http/response.h"
#include "programmes/handlers/handlers.h"
#include "programmes/handlers/programme_in_route.h"
#include "programmes/handlers/views.h"

namespace trellis::programmes::handlers {

namespace {

void show(http::RequestContext& context, const Programme& programme, const Activity& activity,
          const std::vector<feedback::Question>& questions, const std::string& error, int status) {
    const bool lead = ProgrammeService::may_keep(context.signed_in(), programme);
    if (questions.empty() && !lead)
        return http::render_error(context, 403,
                                  "Feedback on a session is for those who were there or caught up from its "
                                  "recording.");
    mstch::map data{{"programme_id", std::to_string(programme.id)},
                    {"programme_title", programme.title},
                    {"title", activity.title},
                    {"when", views::when_of(activity)},
                    {"any", !questions.empty()},
                    {"form", feedback::handlers::form_view(questions, activity_path(activity) + "/feedback",
                                                           error.empty())},
                    {"saved", context.query("saved") == "1"},
                    {"lead", lead}};
    if (!error.empty())
        data["error"] = error;
    if (lead) {
        using feedback::handlers::means_section;
        const auto results =
            context.app.session_feedback.results(activity, context.signed_in().smallest_group);
        data["sections"] =
            mstch::array{feedback::handlers::distribution_section("session", "The session", results.session),
                         means_section("schools", "By school", "School", "Mean rating by school",
                                       results.by_school, false),
                         means_section("groups", "By staff group", "Staff group",
                                       "Mean rating by staff group", results.by_staff_group, false)};
    }
    http::render_page(context, "programmes/feedback", "Feedback: " + activity.title, data, status);
}

} // namespace

void session_feedback_show(http::RequestContext& context) {
    auto summary = programme_in_route(context);
    if (!summary)
        return;
    auto activity = activity_in_route(context, summary->programme, {ActivityKind::Live});
    if (!activity)
        return;
    show(context, summary->programme, *activity,
         context.app.session_feedback.questions(context.signed_in(), *activity), "", 200);
}

void session_feedback_submit(http::RequestContext& context) {
    auto summary = programme_in_route(context);
    if (!summary)
        return;
    auto activity = activity_in_route(context, summary->programme, {ActivityKind::Live});
    if (!activity)
        return;
    const auto questions = context.app.session_feedback.questions(context.signed_in(), *activity);
    const auto fields = feedback::handlers::fields_from(context, questions);
    try {
        context.app.session_feedback.submit(context.signed_in(), *activity, fields);
    } catch (const std::invalid_argument& problem) {
        return show(context, summary->programme, *activity, feedback::handlers::as_typed(questions, fields),
                    problem.what(), 400);
    }
    http::redirect(context, activity_path(*activity) + "/feedback?saved=1");
}

} // namespace trellis::programmes::handlers
