// A programme's attendance report for its lead: each live session held so far, and who came by
// school and staff group, for the whole programme or one session.
#include "attendance/handlers/report_view.h"
#include "calendar/london_time.h"
#include "db/database.h"
#include "http/response.h"
#include "programmes/handlers/handlers.h"
#include "programmes/handlers/programme_in_route.h"
#include "text/dates.h"

namespace trellis::programmes::handlers {

namespace {

// The programme's live sessions that have started, in order.
std::vector<Activity> sessions_held(http::RequestContext& context, const Programme& programme) {
    const std::string now = calendar::london_moment(db::now_seconds());
    std::vector<Activity> held;
    for (Activity& activity : context.app.activities.activities(programme))
        if (activity.kind == ActivityKind::Live &&
            calendar::shifted_moment(activity.starts_on, activity.starts_at, 0) <= now)
            held.push_back(std::move(activity));
    return held;
}

} // namespace

void attendance_report_show(http::RequestContext& context) {
    auto programme = kept_programme_in_route(context);
    if (!programme)
        return;
    const std::vector<Activity> held = sessions_held(context, *programme);
    const int smallest = context.signed_in().smallest_group;
    const std::string chosen = context.query("session");
    std::vector<std::vector<attendance::RegisterEntry>> registers, reported;
    mstch::array sessions;
    std::string caption = "Every live session so far";
    for (const Activity& activity : held) {
        registers.push_back(context.app.session_attendance.register_of(*programme, activity));
        const attendance::AttendanceReport one = attendance::attendance_report({registers.back()}, smallest);
        const bool selected = chosen == std::to_string(activity.id);
        if (selected) {
            reported = {registers.back()};
            caption = activity.title;
        }
        sessions.push_back(mstch::map{{"id", std::to_string(activity.id)},
                                      {"programme_id", std::to_string(programme->id)},
                                      {"title", activity.title},
                                      {"day", text::long_date(activity.starts_on)},
                                      {"selected", selected},
                                      {"hidden", one.hidden.total},
                                      {"smallest", std::to_string(smallest)},
                                      {"present", std::to_string(one.total.present)},
                                      {"caught_up", std::to_string(one.total.caught_up)},
                                      {"absent", std::to_string(one.total.absent)},
                                      {"unmarked", std::to_string(one.total.unmarked)},
                                      {"register_href", activity_path(activity) + "/register"}});
    }
    if (reported.empty())
        reported = std::move(registers);
    mstch::map report = attendance::handlers::report_view(attendance::attendance_report(reported, smallest));
    report["caption"] = caption;
    http::render_page(context, "programmes/attendance", "Attendance: " + programme->title,
                      mstch::map{{"id", std::to_string(programme->id)},
                                 {"title", programme->title},
                                 {"any_sessions", !held.empty()},
                                 {"sessions", sessions},
                                 {"report", report}});
}

} // namespace trellis::programmes::handlers
