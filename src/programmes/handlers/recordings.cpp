// A live session's recording: the lead attaches it, those who missed the session watch it and say
// what they took from it, and the video streams so a school laptop can seek.
#include <stdexcept>

#include "http/file_response.h"
#include "http/response.h"
#include "programmes/handlers/handlers.h"
#include "programmes/handlers/programme_in_route.h"
#include "programmes/handlers/views.h"

namespace trellis::programmes::handlers {

namespace {

std::string file_of(const http::RequestContext& context, const std::string& field) {
    return context.request.has_file(field) ? context.request.get_file_value(field).content : "";
}

void show(http::RequestContext& context, const ProgrammeSummary& summary, const Activity& activity,
          const std::string& error, int status) {
    const accounts::Actor& actor = context.signed_in();
    const bool lead = ProgrammeService::may_keep(actor, summary.programme);
    const auto recording = context.app.recordings.of(activity);
    const std::string path = activity_path(activity) + "/recording";
    mstch::map data{{"programme_id", std::to_string(summary.programme.id)},
                    {"programme_title", summary.programme.title},
                    {"title", activity.title},
                    {"when", views::when_of(activity)},
                    {"lead", lead},
                    {"action", path},
                    {"any", recording.has_value()},
                    {"owes", context.app.recordings.owes_catch_up(actor, activity)},
                    {"caught_up", context.app.recordings.caught_up(actor, activity)},
                    {"saved", context.query("saved") == "1"}};
    if (recording && recording->kept_here()) {
        data["video_src"] = path + "/video";
        data["video_type"] = recording->content_type;
        if (recording->has_captions())
            data["captions_src"] = path + "/captions.vtt";
        else
            data["no_captions"] = true;
    } else if (recording) {
        data["link"] = recording->link;
    }
    if (recording && recording->has_slides()) {
        data["slides_href"] = path + "/slides";
        data["slides_kind"] = std::string(recording->slides_type == "application/pdf" ? "PDF" : "PowerPoint");
    }
    if (!error.empty())
        data["error"] = error;
    http::render_page(context, "programmes/recording", "Recording: " + activity.title, data, status);
}

} // namespace

void recording_show(http::RequestContext& context) {
    auto summary = programme_in_route(context);
    if (!summary)
        return;
    if (auto activity = live_session_in_route(context, summary->programme))
        show(context, *summary, *activity, "", 200);
}

void recording_attach(http::RequestContext& context) {
    auto programme = kept_programme_in_route(context);
    if (!programme)
        return;
    auto activity = live_session_in_route(context, *programme);
    if (!activity)
        return;
    try {
        context.app.recordings.attach(context.signed_in(), *programme, *activity,
                                      {context.form("link"), file_of(context, "video"),
                                       file_of(context, "captions"), file_of(context, "slides")});
    } catch (const std::invalid_argument& error) {
        auto summary = context.app.programmes.find_visible(context.signed_in(), programme->id);
        return show(context, *summary, *activity, error.what(), 400);
    }
    http::redirect(context, activity_path(*activity) + "/recording?saved=1");
}

void recording_video(http::RequestContext& context) {
    auto summary = programme_in_route(context);
    if (!summary)
        return;
    auto activity = live_session_in_route(context, summary->programme);
    if (!activity)
        return;
    const auto recording = context.app.recordings.of(*activity);
    const std::string& path = context.request.path;
    std::string name, type;
    if (recording && path.ends_with(".vtt"))
        name = recording->captions_name, type = "text/vtt; charset=utf-8";
    else if (recording && path.ends_with("/slides"))
        name = recording->slides_name, type = recording->slides_type;
    else if (recording)
        name = recording->stored_name, type = recording->content_type;
    if (name.empty())
        return http::render_error(context, 404, "This session has no such file.");
    context.response.set_header("Cache-Control", "private, max-age=3600");
    if (path.ends_with("/slides"))
        context.response.set_header("Content-Disposition", "attachment; filename=\"slides." +
                                                               name.substr(name.rfind('.') + 1) + "\"");
    http::send_stored_file(context, context.app.recordings.files(), Recordings::key_of(name), type);
}

void recording_catch_up(http::RequestContext& context) {
    auto summary = programme_in_route(context);
    if (!summary)
        return;
    auto activity = live_session_in_route(context, summary->programme);
    if (!activity)
        return;
    try {
        context.app.recordings.catch_up(context.signed_in(), *activity, context.form("watched") == "1",
                                        context.form("takeaway"));
    } catch (const std::invalid_argument& error) {
        return show(context, *summary, *activity, error.what(), 400);
    }
    http::redirect(context, activity_path(*activity) + "/recording");
}

} // namespace trellis::programmes::handlers
