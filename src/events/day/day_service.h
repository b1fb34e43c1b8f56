#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "events/day/day_model.h"

namespace trellis::events {

// The day itself: each person's timetable, presenters' registers and the site team's room sheets.
// Everything is read within the actor's trust; an event or session of another trust is not found.
class DayService {
  public:
    explicit DayService(db::Database& database) : m_database(database) {}

    // The event, or nullopt when the trust has no such event.
    std::optional<Event> event(long long trust_id, long long event_id);
    // Every slot of the event with what the person attends or runs in it.
    Timetable timetable(const accounts::Actor& actor, const Event& event);
    // The sessions this person runs at the event.
    std::vector<SessionView> sessions_run_by(const accounts::Actor& actor, const Event& event);
    // Every session of the event, in slot order.
    std::vector<SessionView> sessions(const Event& event);
    // Every room of the event with what is in it in each slot, rooms by name.
    std::vector<RoomSheet> room_sheets(const Event& event);
    // One session's register, or nullopt when the event has no such session.
    std::optional<Register> register_of(const Event& event, long long session_id);
    // Marks everyone on the register: present when their id is in `present_ids`, absent otherwise.
    // One transaction; ids of people not on the register are ignored.
    void take_register(const accounts::Actor& marker, const Event& event, long long session_id,
                       const std::vector<long long>& present_ids);

  private:
    db::Database& m_database;
};

} // namespace trellis::events
