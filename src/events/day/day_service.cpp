#include "events/day/day_service.h"

#include <algorithm>

#include "attendance/register.h"
#include "attendance/store.h"
#include "events/day/day_store.h"
#include "events/event_store.h"

namespace trellis::events {

std::optional<Event> DayService::event(long long trust_id, long long event_id) {
    db::Database::Lease session(m_database);
    return store::find_event(*session, trust_id, event_id);
}

Timetable DayService::timetable(const accounts::Actor& actor, const Event& event) {
    db::Database::Lease session(m_database);
    Timetable timetable{event, {}};
    const auto sessions = day_store::sessions_of(*session, actor.trust_id, event.id);
    const auto placed = day_store::placed_sessions(*session, actor.trust_id, event.id, actor.person_id);
    for (const Slot& slot : store::slots_of(*session, actor.trust_id, event.id)) {
        TimetableLine line{slot, std::nullopt, false};
        for (const SessionView& view : sessions) {
            if (view.slot.id != slot.id)
                continue;
            // Running a session comes first: a presenter is in their own room whatever they chose.
            if (view.presenter_id == actor.person_id) {
                line.session = view;
                line.presenting = true;
                break;
            }
            if (std::find(placed.begin(), placed.end(), view.id) != placed.end())
                line.session = view;
        }
        timetable.lines.push_back(line);
    }
    return timetable;
}

std::vector<SessionView> DayService::sessions_run_by(const accounts::Actor& actor, const Event& event) {
    auto all = sessions(event);
    std::erase_if(all, [&](const SessionView& view) { return view.presenter_id != actor.person_id; });
    return all;
}

std::vector<SessionView> DayService::sessions(const Event& event) {
    db::Database::Lease session(m_database);
    return day_store::sessions_of(*session, event.trust_id, event.id);
}

std::optional<Register> DayService::register_of(const Event& event, long long session_id) {
    db::Database::Lease session(m_database);
    for (const SessionView& view : day_store::sessions_of(*session, event.trust_id, event.id)) {
        if (view.id != session_id)
            continue;
        Register result{event, view, day_store::register_of(*session, event.trust_id, session_id), false};
        result.taken = std::any_of(result.entries.begin(), result.entries.end(),
                                   [](const RegisterEntry& entry) { return entry.present.has_value(); });
        return result;
    }
    return std::nullopt;
}

void DayService::take_register(const accounts::Actor& marker, const Event& event, long long session_id,
                               const std::vector<long long>& present_ids) {
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    auto entries = day_store::register_of(sql, event.trust_id, session_id);
    attendance::tick(entries, present_ids);
    attendance::store::save_register(sql, event.trust_id, {attendance::SessionKind::Workshop, session_id},
                                     marker.person_id, entries);
    transaction.commit();
}

std::vector<RoomSheet> DayService::room_sheets(const Event& event) {
    db::Database::Lease session(m_database);
    const auto sessions = day_store::sessions_of(*session, event.trust_id, event.id);
    const auto slots = store::slots_of(*session, event.trust_id, event.id);
    std::vector<RoomSheet> sheets;
    for (const Room& room : store::rooms_of(*session, event.trust_id, event.id)) {
        RoomSheet sheet{room, {}};
        for (const Slot& slot : slots) {
            RoomSheetLine line{slot, std::nullopt};
            for (const SessionView& view : sessions)
                if (view.room.id == room.id && view.slot.id == slot.id)
                    line.session = view;
            sheet.lines.push_back(line);
        }
        sheets.push_back(sheet);
    }
    std::sort(sheets.begin(), sheets.end(),
              [](const RoomSheet& a, const RoomSheet& b) { return a.room.name < b.room.name; });
    return sheets;
}

} // namespace trellis::events
