#pragma once

#include <optional>
#include <string>

#include "events/model.h"
#include "http/request_context.h"

// Training days on the day: timetables and their calendar files, registers, room sheets, feedback
// (notices live in src/notifications/). Each handler parses, checks, calls a service and renders.
namespace trellis::events::handlers {

void timetable_show(http::RequestContext& context);       // GET /events/N/timetable
void timetable_download(http::RequestContext& context);   // GET /events/N/timetable.ics
void registers_list(http::RequestContext& context);       // GET /events/N/registers
void register_show(http::RequestContext& context);        // GET /events/N/sessions/M/register
void register_submit(http::RequestContext& context);      // POST /events/N/sessions/M/register
void register_download(http::RequestContext& context);    // GET /events/N/sessions/M/register.pdf
void room_sheets_show(http::RequestContext& context);     // GET /events/N/room-sheets
void room_sheets_download(http::RequestContext& context); // GET /events/N/room-sheets.pdf

// The event named by the route's first capture, within the signed-in person's trust; renders 404
// and returns nullopt when there is none.
std::optional<Event> event_in(http::RequestContext& context);
// "Monday 15 February 2027" from "2027-02-15" (the text itself when it is not such a date).
std::string day_label(const std::string& iso_date);

} // namespace trellis::events::handlers
