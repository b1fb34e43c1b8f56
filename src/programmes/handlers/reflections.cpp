// A practice task or follow-up: what to do, and the person's own reflection on it. Leads see how
// many have written, never what.
#include <stdexcept>

#include "http/response.h"
#include "programmes/handlers/handlers.h"
#include "programmes/handlers/programme_in_route.h"
#include "programmes/handlers/views.h"
#include "text/dates.h"

namespace trellis::programmes::handlers {

namespace {

std::optional<Activity> reflective_activity(http::RequestContext& context, const Programme& programme) {
    return activity_in_route(context, programme, {ActivityKind::Practice, ActivityKind::FollowUp});
}

void show(http::RequestContext& context, const ProgrammeSummary& summary, const Activity& activity,
          const std::string& typed, const std::string& error, int status) {
    const accounts::Actor& actor = context.signed_in();
    const Programme& programme = summary.programme;
    const bool lead = ProgrammeService::may_keep(actor, programme);
    const auto written = context.app.reflections.of(actor, activity);
    mstch::map data{{"programme_id", std::to_string(programme.id)},
                    {"programme_title", programme.title},
                    {"title", activity.title},
                    {"kind_label", label_of(activity.kind)},
                    {"when", views::when_of(activity)},
                    {"details", activity.details},
                    {"follow_up", activity.kind == ActivityKind::FollowUp},
                    {"action", activity_path(activity) + "/reflection"},
                    {"body", !typed.empty() ? typed
                             : written      ? written->body
                                            : std::string()},
                    {"written", written.has_value()},
                    {"saved", context.query("saved") == "1"},
                    {"lead", lead},
                    {"taking_part", summary.membership == Membership::Member}};
    if (written)
        data["written_on"] = text::day_of(written->written_at);
    if (lead) {
        const auto progress = context.app.reflections.progress(programme, activity);
        data["progress"] = std::to_string(progress.written) + " of " + std::to_string(progress.expected);
    }
    if (!error.empty())
        data["error"] = error;
    http::render_page(context, "programmes/reflection", activity.title, data, status);
}

} // namespace

void reflection_show(http::RequestContext& context) {
    auto summary = programme_in_route(context);
    if (!summary)
        return;
    if (auto activity = reflective_activity(context, summary->programme))
        show(context, *summary, *activity, "", "", 200);
}

void reflection_write(http::RequestContext& context) {
    auto summary = programme_in_route(context);
    if (!summary)
        return;
    auto activity = reflective_activity(context, summary->programme);
    if (!activity)
        return;
    try {
        context.app.reflections.write(context.signed_in(), summary->programme, *activity,
                                      context.form("body"));
    } catch (const std::invalid_argument& error) {
        return show(context, *summary, *activity, context.form("body"), error.what(), 400);
    }
    http::redirect(context, activity_path(*activity) + "/reflection?saved=1");
}

} // namespace trellis::programmes::handlers
