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

void show_register(http::RequestContext& context, const Programme& programme, const Activity& activity,
                   bool saved) {
    const std::string path = activity_path(activity);
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
    context.app.session_attendance.take_register(context.signed_in(), *programme, *activity,
                                                 attendance::handlers::ticked_ids(context));
    http::redirect(context, activity_path(*activity) + "/register?saved=1");
}

namespace {

void show_check_in(http::RequestContext& context, const Programme& programme, const Activity& activity,
                   bool open, const std::string& code, bool from_qr, const std::string& error) {
    mstch::map data{{"programme_id", std::to_string(programme.id)},
                    {"programme_title", programme.title},
                    {"title", activity.title},
                    {"when", views::when_of(activity)},
                    {"open", open},
                    {"code", code},
                    {"from_qr", from_qr},
                    {"action", activity_path(activity) + "/check-in"}};
    if (!error.empty())
        data["error"] = error;
    http::render_page(context, "programmes/check_in", "Check in: " + activity.title, data,
                      error.empty() ? 200 : 400);
}

} // namespace

void check_in_show(http::RequestContext& context) {
    auto summary = programme_in_route(context);
    if (!summary)
        return;
    auto activity = live_session_in_route(context, summary->programme);
    if (!activity)
        return;
    const bool open = SessionAttendance::check_in_open(*activity, calendar::london_moment(db::now_seconds()));
    show_check_in(context, summary->programme, *activity, open, context.query("code"),
                  !context.query("code").empty(), "");
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
        return show_check_in(context, summary->programme, *activity, true, context.form("code"),
                             context.form("from_qr") == "1", error.what());
    }
    http::redirect(context, "/programmes/" + std::to_string(summary->programme.id) +
                                "?checked_in=1#activity-" + std::to_string(activity->id));
}

} // namespace trellis::programmes::handlers
