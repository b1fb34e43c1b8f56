// A programme's live sessions on the day: the lead's register with the check-in code and QR code,
// and participants checking themselves in.
#include <stdexcept>

#include "attendance/handlers/register_view.h"
#include "calendar/london_time.h"
#include "db/database.h"
#include "http/response.h"
#include "pdf/qr.h"
#include "programmes/handlers/handlers.h"
#include "programmes/handlers/programme_in_route.h"
#include "programmes/handlers/views.h"

namespace trellis::programmes::handlers {

namespace {

std::string activity_path(const Programme& programme, const Activity& activity) {
    return "/programmes/" + std::to_string(programme.id) + "/activities/" + std::to_string(activity.id);
}

void show_register(http::RequestContext& context, const Programme& programme, const Activity& activity,
                   bool saved) {
    const std::string path = activity_path(programme, activity);
    mstch::map data = attendance::handlers::register_view(
        context.app.session_attendance.register_of(programme, activity), path + "/register", saved);
    data["breadcrumbs"] = mstch::array{
        mstch::map{{"href", "/programmes/" + std::to_string(programme.id)}, {"label", programme.title}}};
    data["title"] = activity.title;
    data["lead_line"] = views::when_of(activity) + " · " + label_of(activity.delivery);
    const std::string code = context.app.session_attendance.check_in_code(activity);
    const std::string check_in = context.app.config.public_url + path + "/check-in";
    data["check_in"] = true;
    data["check_in_path"] = check_in;
    data["code"] = code;
    if (activity.delivery != Delivery::Online)
        data["qr_svg"] = pdf::qr_svg(check_in + "?code=" + code, "QR code to check in to " + activity.title);
    http::render_page(context, "attendance/register", "Register: " + activity.title, data);
}

} // namespace

void session_register_show(http::RequestContext& context) {
    auto programme = kept_programme_in_route(context);
    if (!programme)
        return;
    if (auto activity = live_session_in_route(context, *programme))
        show_register(context, *programme, *activity, context.query("saved") == "1");
}

void session_register_save(http::RequestContext& context) {
    auto programme = kept_programme_in_route(context);
    if (!programme)
        return;
    auto activity = live_session_in_route(context, *programme);
    if (!activity)
        return;
    std::vector<long long> present;
    for (const std::string& value : context.form_all("present"))
        if (auto id = http::parse_id(value))
            present.push_back(*id);
    context.app.session_attendance.take_register(context.signed_in(), *programme, *activity, present);
    http::redirect(context, activity_path(*programme, *activity) + "/register?saved=1");
}

void check_in_show(http::RequestContext& context) {
    auto summary = programme_in_route(context);
    if (!summary)
        return;
    auto activity = live_session_in_route(context, summary->programme);
    if (!activity)
        return;
    const bool open = SessionAttendance::check_in_open(*activity, calendar::london_moment(db::now_seconds()));
    http::render_page(context, "programmes/check_in", "Check in: " + activity->title,
                      mstch::map{{"programme_id", std::to_string(summary->programme.id)},
                                 {"programme_title", summary->programme.title},
                                 {"title", activity->title},
                                 {"when", views::when_of(*activity)},
                                 {"open", open},
                                 {"code", context.query("code")},
                                 {"from_qr", !context.query("code").empty()},
                                 {"action", activity_path(summary->programme, *activity) + "/check-in"}});
}

void check_in_submit(http::RequestContext& context) {
    auto summary = programme_in_route(context);
    if (!summary)
        return;
    auto activity = live_session_in_route(context, summary->programme);
    if (!activity)
        return;
    const auto how = context.form("from_qr") == "1" ? attendance::How::Qr : attendance::How::Code;
    try {
        context.app.session_attendance.check_in(context.signed_in(), summary->programme, *activity,
                                                context.form("code"), how);
    } catch (const std::invalid_argument& error) {
        return http::render_page(
            context, "programmes/check_in", "Check in: " + activity->title,
            mstch::map{{"programme_id", std::to_string(summary->programme.id)},
                       {"programme_title", summary->programme.title},
                       {"title", activity->title},
                       {"when", views::when_of(*activity)},
                       {"open", true},
                       {"error", std::string(error.what())},
                       {"code", context.form("code")},
                       {"action", activity_path(summary->programme, *activity) + "/check-in"}},
            400);
    }
    http::redirect(context, "/programmes/" + std::to_string(summary->programme.id) +
                                "?checked_in=1#activity-" + std::to_string(activity->id));
}

} // namespace trellis::programmes::handlers
