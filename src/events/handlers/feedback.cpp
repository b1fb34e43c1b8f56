// The feedback survey after a training day and its results (the form and charts are feedback's).
#include "events/handlers/feedback.h"

#include <optional>

#include "accounts/permissions.h"
#include "events/handlers/day.h"
#include "feedback/handlers/views.h"
#include "http/response.h"

namespace trellis::events::handlers {

using feedback::handlers::distribution_section;
using feedback::handlers::means_section;

namespace {

std::optional<Event> event_at_feedback(http::RequestContext& context) {
    auto event = event_in(context);
    if (event && event->stage != Stage::Feedback) {
        http::render_error(context, 404, "Feedback on " + event->title + " is not open.");
        return std::nullopt;
    }
    return event;
}

void render_survey(http::RequestContext& context, const Event& event,
                   const std::vector<feedback::Question>& questions, const std::string& error, bool saved,
                   int status) {
    const std::string action = "/events/" + std::to_string(event.id) + "/feedback";
    http::render_page(context, "events/feedback_show", "Feedback: " + event.title,
                      mstch::map{{"title", event.title},
                                 {"date", day_label(event.event_date)},
                                 {"form", feedback::handlers::form_view(questions, action, error.empty())},
                                 {"any", !questions.empty()},
                                 {"error", error},
                                 {"saved", saved}},
                      status);
}

} // namespace

void feedback_show(http::RequestContext& context) {
    auto event = event_at_feedback(context);
    if (!event)
        return;
    render_survey(context, *event, context.app.feedback.survey(context.signed_in(), *event), "",
                  context.query("saved") == "1", 200);
}

void feedback_submit(http::RequestContext& context) {
    auto event = event_at_feedback(context);
    if (!event)
        return;
    const auto questions = context.app.feedback.survey(context.signed_in(), *event);
    const auto fields = feedback::handlers::fields_from(context, questions);
    try {
        context.app.feedback.submit(context.signed_in(), *event, fields);
    } catch (const std::invalid_argument& problem) {
        return render_survey(context, *event, feedback::handlers::as_typed(questions, fields), problem.what(),
                             false, 400);
    }
    http::redirect(context, "/events/" + std::to_string(event->id) + "/feedback?saved=1");
}

void results_show(http::RequestContext& context) {
    auto event = event_at_feedback(context);
    if (!event)
        return;
    const accounts::Actor& actor = context.signed_in();
    const auto scope =
        accounts::may_see_all_feedback(actor) ? ResultsScope::Everything : ResultsScope::OwnWorkshops;
    const FeedbackResults results = context.app.feedback.results(actor, *event, scope);
    if (scope == ResultsScope::OwnWorkshops && results.workshops.empty())
        return http::render_error(
            context, 403, "Feedback is shown to the presenters of workshops and the trust's PD lead.");
    mstch::array sections;
    if (results.everything) {
        sections.push_back(distribution_section("day", "The day as a whole", results.day));
        sections.push_back(means_section("workshops", "Workshops", "Workshop", "Mean rating by workshop",
                                         results.workshops, true));
        sections.push_back(means_section("schools", "Workshop ratings by school", "School",
                                         "Mean workshop rating by school", results.by_school, false));
        sections.push_back(means_section("groups", "Workshop ratings by staff group", "Staff group",
                                         "Mean workshop rating by staff group", results.by_staff_group,
                                         false));
    } else {
        for (std::size_t i = 0; i < results.workshops.size(); ++i) {
            const std::string id = "workshop-" + std::to_string(i + 1);
            sections.push_back(distribution_section(id, results.workshops[i].label, results.workshops[i]));
        }
    }
    http::render_page(context, "events/results_show", "Feedback results: " + event->title,
                      mstch::map{{"title", event->title},
                                 {"date", day_label(event->event_date)},
                                 {"everything", results.everything},
                                 {"sections", sections}});
}

} // namespace trellis::events::handlers
