#include "events/handlers/schedule.h"

#include <map>
#include <stdexcept>

#include "events/schedule/schedule_service.h"
#include "http/response.h"

namespace trellis::events::handlers {

namespace {

using Cells = std::map<std::pair<long long, long long>, long long>; // (slot, room) -> offer

std::string cell_name(long long slot_id, long long room_id) {
    return "cell_" + std::to_string(slot_id) + "_" + std::to_string(room_id);
}

Cells cells_of(const std::vector<WorkshopSession>& sessions) {
    Cells cells;
    for (const WorkshopSession& session : sessions)
        cells[{session.slot_id, session.room_id}] = session.offer_id;
    return cells;
}

Cells cells_of(const std::vector<Placement>& placements) {
    Cells cells;
    for (const Placement& placement : placements)
        cells[{placement.slot_id, placement.room_id}] = placement.offer_id;
    return cells;
}

// The grid as posted: one select per slot and room, named cell_SLOT_ROOM.
std::vector<Placement> posted_cells(http::RequestContext& context, const ScheduleView& view) {
    std::vector<Placement> cells;
    for (const Slot& slot : view.layout.slots)
        for (const Room& room : view.layout.rooms) {
            const std::string value = context.form(cell_name(slot.id, room.id));
            if (value.empty())
                continue;
            auto offer = http::parse_id(value);
            if (!offer)
                throw std::invalid_argument("One of the cells does not name a workshop.");
            cells.push_back({slot.id, room.id, *offer});
        }
    return cells;
}

mstch::array slot_headers(const ScheduleView& view) {
    mstch::array slots;
    for (const Slot& slot : view.layout.slots)
        slots.push_back(mstch::map{{"label", slot.label()}});
    return slots;
}

mstch::array grid_rows(const ScheduleView& view, const Cells& cells, bool editable) {
    mstch::array rows;
    for (const Room& room : view.layout.rooms) {
        mstch::array row_cells;
        for (const Slot& slot : view.layout.slots) {
            const auto found = cells.find({slot.id, room.id});
            const long long chosen = found == cells.end() ? 0 : found->second;
            mstch::array options;
            std::string chosen_title;
            for (const Workshop& workshop : view.workshops) {
                const bool fits = room.capacity >= workshop.max_group;
                options.push_back(
                    mstch::map{{"id", std::to_string(workshop.id)},
                               {"label", workshop.title + " (up to " + std::to_string(workshop.max_group) +
                                             ")" + (fits ? "" : " — room too small")},
                               {"selected", workshop.id == chosen}});
                if (workshop.id == chosen)
                    chosen_title = workshop.title;
            }
            row_cells.push_back(
                mstch::map{{"name", cell_name(slot.id, room.id)},
                           {"label", "Workshop in " + room.name + " at " + slot.label()},
                           {"options", options},
                           {"editable", editable},
                           {"chosen_title", chosen_title.empty() ? std::string("—") : chosen_title}});
        }
        rows.push_back(mstch::map{
            {"room", room.name}, {"capacity", std::to_string(room.capacity)}, {"cells", row_cells}});
    }
    return rows;
}

mstch::array workshop_rows(const ScheduleView& view, const Cells& cells) {
    mstch::array rows;
    for (const Workshop& workshop : view.workshops) {
        int placed = 0;
        for (const auto& [where, offer] : cells)
            placed += offer == workshop.id ? 1 : 0;
        rows.push_back(
            mstch::map{{"title", workshop.title},
                       {"presenter", workshop.presenter_name},
                       {"max_group", std::to_string(workshop.max_group)},
                       {"repeats", std::string(workshop.can_repeat ? "Yes" : "No")},
                       {"room_needs", workshop.room_needs.empty() ? std::string("—") : workshop.room_needs},
                       {"sessions", std::to_string(placed)},
                       {"unplaced", placed == 0}});
    }
    return rows;
}

void render_schedule(http::RequestContext& context, const ScheduleView& view, const Cells& cells,
                     mstch::map extra = {}, int status = 200) {
    const Event& event = view.layout.event;
    const bool editable = schedule_is_open(event.stage);
    extra["event_id"] = std::to_string(event.id);
    extra["event_title"] = event.title;
    extra["stage_label"] = label_of(event.stage);
    extra["editable"] = editable;
    extra["slots"] = slot_headers(view);
    extra["rows"] = grid_rows(view, cells, editable);
    extra["workshops"] = workshop_rows(view, cells);
    extra["has_workshops"] = !view.workshops.empty();
    http::render_page(context, "events/schedule_grid", "Schedule: " + event.title, extra, status);
}

std::optional<ScheduleView> view_for(http::RequestContext& context) {
    auto event_id = context.id_capture(1);
    if (!event_id)
        return std::nullopt;
    return context.app.schedule.view(context.signed_in().trust_id, *event_id);
}

} // namespace

void schedule_show(http::RequestContext& context) {
    auto view = view_for(context);
    if (!view)
        return http::render_error(context, 404, "There is no such event.");
    mstch::map extra;
    if (context.query("saved") == "1")
        extra["saved"] = true;
    render_schedule(context, *view, cells_of(view->sessions), extra);
}

void schedule_save(http::RequestContext& context) {
    auto view = view_for(context);
    if (!view)
        return http::render_error(context, 404, "There is no such event.");
    std::vector<Placement> cells;
    try {
        cells = posted_cells(context, *view);
        context.app.schedule.save(context.signed_in(), view->layout.event.id, cells);
    } catch (const std::invalid_argument& error) {
        return render_schedule(context, *view, cells.empty() ? cells_of(view->sessions) : cells_of(cells),
                               mstch::map{{"error", std::string(error.what())}}, 400);
    }
    http::redirect(context, "/events/" + std::to_string(view->layout.event.id) + "/schedule?saved=1");
}

void schedule_suggest(http::RequestContext& context) {
    auto view = view_for(context);
    if (!view)
        return http::render_error(context, 404, "There is no such event.");
    const auto suggested = context.app.schedule.suggest(view->layout.event.trust_id, view->layout.event.id);
    render_schedule(context, *view, cells_of(suggested), mstch::map{{"suggested", true}});
}

} // namespace trellis::events::handlers
