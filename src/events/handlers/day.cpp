// On the day: each person's timetable (page and calendar file), presenters' registers (page and
// PDF), the site team's room sheets (page and PDF), and dismissing a home-page notice.
#include "events/handlers/day.h"

#include <ctime>

#include "accounts/permissions.h"
#include "attendance/handlers/register_view.h"
#include "calendar/ics.h"
#include "events/day/day_calendar.h"
#include "http/response.h"
#include "pdf/pdf.h"

namespace trellis::events::handlers {

namespace {

bool is_out(const Event& event) {
    return event.stage == Stage::Published || event.stage == Stage::Feedback;
}

// The event, once its timetables are out; renders the refusal otherwise.
std::optional<Event> published_event(http::RequestContext& context) {
    auto event = event_in(context);
    if (event && !is_out(*event)) {
        http::render_error(context, 404, "Timetables for " + event->title + " are not out yet.");
        return std::nullopt;
    }
    return event;
}

std::string event_path(const Event& event) {
    return "/events/" + std::to_string(event.id);
}

std::string register_path(const Event& event, long long session_id) {
    return event_path(event) + "/sessions/" + std::to_string(session_id) + "/register";
}

void send_file(http::RequestContext& context, const std::string& bytes, const std::string& type,
               const std::string& filename) {
    context.response.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    context.response.set_header("Cache-Control", "private, no-store");
    context.response.set_content(bytes, type);
}

mstch::map timetable_line(const TimetableLine& line, const Event& event) {
    mstch::map row{{"time", line.slot.label()}, {"has_session", line.session.has_value()}};
    if (line.session) {
        row["title"] = line.session->title;
        row["summary"] = line.session->summary;
        row["room"] = line.session->room.name;
        row["presenter"] = line.session->presenter_name;
        row["presenting"] = line.presenting;
        if (line.presenting)
            row["register_href"] = register_path(event, line.session->id);
    }
    return row;
}

// The session of the event named by the route's second capture, which the signed-in person may keep
// the register of; renders 404 or 403 and returns nullopt otherwise.
std::optional<Register> register_in(http::RequestContext& context, const Event& event) {
    const auto session_id = context.id_capture(2);
    auto found = session_id ? context.app.day.register_of(event, *session_id) : std::nullopt;
    if (!found) {
        http::render_error(context, 404, "This event has no such workshop session.");
        return std::nullopt;
    }
    if (!accounts::may_keep_register(context.signed_in(), found->session.presenter_id)) {
        http::render_error(
            context, 403,
            "Only the presenter of this workshop and the trust's PD lead can see its register.");
        return std::nullopt;
    }
    return found;
}

void render_register(http::RequestContext& context, const Register& sheet, bool saved) {
    const std::string path = register_path(sheet.event, sheet.session.id);
    mstch::map data = attendance::handlers::register_view(sheet.entries, path, saved);
    data["breadcrumbs"] = mstch::array{
        mstch::map{{"href", event_path(sheet.event)}, {"label", sheet.event.title}},
        mstch::map{{"href", event_path(sheet.event) + "/registers"}, {"label", std::string("Registers")}}};
    data["title"] = sheet.session.title;
    data["lead_line"] = sheet.event.title + " · " + sheet.session.slot.label() + " · " +
                        sheet.session.room.name + " · run by " + sheet.session.presenter_name;
    data["pdf_href"] = path + ".pdf";
    http::render_page(context, "attendance/register", "Register: " + sheet.session.title, data);
}

} // namespace

std::optional<Event> event_in(http::RequestContext& context) {
    const auto event_id = context.id_capture(1);
    auto event = event_id ? context.app.day.event(context.signed_in().trust_id, *event_id) : std::nullopt;
    if (!event)
        http::render_error(context, 404, "There is no such event.");
    return event;
}

std::string day_label(const std::string& iso_date) {
    return long_date(iso_date);
}

void timetable_show(http::RequestContext& context) {
    auto event = published_event(context);
    if (!event)
        return;
    const accounts::Actor& actor = context.signed_in();
    const Timetable timetable = context.app.day.timetable(actor, *event);
    mstch::array lines, running;
    for (const TimetableLine& line : timetable.lines)
        lines.push_back(timetable_line(line, *event));
    for (const SessionView& view : context.app.day.sessions_run_by(actor, *event))
        running.push_back(mstch::map{{"title", view.title},
                                     {"time", view.slot.label()},
                                     {"room", view.room.name},
                                     {"placed", std::to_string(view.placed)},
                                     {"register_href", register_path(*event, view.id)},
                                     {"pdf_href", register_path(*event, view.id) + ".pdf"}});
    const bool lead = accounts::allows(actor, accounts::Permission::ManageEvents);
    http::render_page(context, "events/timetable_show", "My timetable: " + event->title,
                      mstch::map{{"title", event->title},
                                 {"date", day_label(event->event_date)},
                                 {"venue", event->venue},
                                 {"lines", lines},
                                 {"any_workshop", timetable.any_workshop()},
                                 {"ics_href", event_path(*event) + "/timetable.ics"},
                                 {"running", running},
                                 {"any_running", !running.empty()},
                                 {"lead", lead},
                                 {"rooms_href", event_path(*event) + "/room-sheets"},
                                 {"feedback_open", event->stage == Stage::Feedback},
                                 {"feedback_href", event_path(*event) + "/feedback"},
                                 {"results_href", event_path(*event) + "/results"}});
}

void timetable_download(http::RequestContext& context) {
    auto event = published_event(context);
    if (!event)
        return;
    const accounts::Actor& actor = context.signed_in();
    const auto entries = workshop_entries(context.app.day.timetable(actor, *event), actor.person_id);
    send_file(context, calendar::ics::calendar(event->title, entries, db::now_seconds()),
              "text/calendar; charset=utf-8", "timetable-" + std::to_string(event->id) + ".ics");
}

void registers_list(http::RequestContext& context) {
    auto event = published_event(context);
    if (!event)
        return;
    const accounts::Actor& actor = context.signed_in();
    // The lead sees every register; a presenter those of the sessions they run.
    const bool every = accounts::may_keep_every_register(actor);
    const auto sessions =
        every ? context.app.day.sessions(*event) : context.app.day.sessions_run_by(actor, *event);
    mstch::array rows;
    for (const SessionView& view : sessions)
        rows.push_back(mstch::map{{"title", view.title},
                                  {"time", view.slot.label()},
                                  {"room", view.room.name},
                                  {"presenter", view.presenter_name},
                                  {"placed", std::to_string(view.placed)},
                                  {"href", register_path(*event, view.id)},
                                  {"pdf_href", register_path(*event, view.id) + ".pdf"}});
    http::render_page(context, "events/register_list", "Registers: " + event->title,
                      mstch::map{{"title", event->title},
                                 {"date", day_label(event->event_date)},
                                 {"rows", rows},
                                 {"any", !rows.empty()},
                                 {"every", every},
                                 {"event_href", event_path(*event)}});
}

void register_show(http::RequestContext& context) {
    auto event = published_event(context);
    if (!event)
        return;
    if (auto sheet = register_in(context, *event))
        render_register(context, *sheet, context.query("saved") == "1");
}

void register_submit(http::RequestContext& context) {
    auto event = published_event(context);
    if (!event)
        return;
    auto sheet = register_in(context, *event);
    if (!sheet)
        return;
    context.app.day.take_register(context.signed_in(), *event, sheet->session.id,
                                  attendance::handlers::ticked_ids(context));
    http::redirect(context, register_path(*event, sheet->session.id) + "?saved=1");
}

void register_download(http::RequestContext& context) {
    auto event = published_event(context);
    if (!event)
        return;
    auto sheet = register_in(context, *event);
    if (!sheet)
        return;
    pdf::RegisterSheet document{event->title,
                                day_label(event->event_date),
                                sheet->session.title,
                                sheet->session.presenter_name,
                                sheet->session.slot.label(),
                                sheet->session.room.name,
                                {}};
    for (const RegisterEntry& entry : sheet->entries)
        document.rows.push_back({entry.name, entry.school_name, people::label_of(entry.staff_group)});
    send_file(context, pdf::register_sheet(document), "application/pdf",
              "register-" + std::to_string(sheet->session.id) + ".pdf");
}

void room_sheets_show(http::RequestContext& context) {
    auto event = event_in(context);
    if (!event)
        return;
    mstch::array rooms;
    for (const RoomSheet& sheet : context.app.day.room_sheets(*event)) {
        mstch::array lines;
        for (const RoomSheetLine& line : sheet.lines) {
            mstch::map row{{"time", line.slot.label()}, {"has_session", line.session.has_value()}};
            if (line.session) {
                row["title"] = line.session->title;
                row["presenter"] = line.session->presenter_name;
                row["placed"] = std::to_string(line.session->placed);
                row["over"] = line.session->placed > sheet.room.capacity;
            }
            lines.push_back(row);
        }
        rooms.push_back(mstch::map{{"id", std::to_string(sheet.room.id)},
                                   {"name", sheet.room.name},
                                   {"capacity", std::to_string(sheet.room.capacity)},
                                   {"notes", sheet.room.notes},
                                   {"lines", lines}});
    }
    http::render_page(context, "events/room_sheets_show", "Room sheets: " + event->title,
                      mstch::map{{"title", event->title},
                                 {"date", day_label(event->event_date)},
                                 {"venue", event->venue},
                                 {"rooms", rooms},
                                 {"any", !rooms.empty()},
                                 {"pdf_href", event_path(*event) + "/room-sheets.pdf"}});
}

void room_sheets_download(http::RequestContext& context) {
    auto event = event_in(context);
    if (!event)
        return;
    pdf::RoomSheets document{event->title, day_label(event->event_date), event->venue, {}};
    for (const RoomSheet& sheet : context.app.day.room_sheets(*event)) {
        pdf::RoomSheets::Room room{sheet.room.name, sheet.room.capacity, sheet.room.notes, {}};
        for (const RoomSheetLine& line : sheet.lines)
            room.lines.push_back(line.session ? pdf::RoomSheets::Line{line.slot.label(), line.session->title,
                                                                      line.session->presenter_name,
                                                                      line.session->placed}
                                              : pdf::RoomSheets::Line{line.slot.label(), "", "", 0});
        document.rooms.push_back(room);
    }
    if (document.rooms.empty())
        return http::render_error(context, 404, "This event has no rooms yet.");
    send_file(context, pdf::room_sheets(document), "application/pdf",
              "room-sheets-" + std::to_string(event->id) + ".pdf");
}

} // namespace trellis::events::handlers
