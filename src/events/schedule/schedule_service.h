#pragma once

#include <optional>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "events/model.h"
#include "events/schedule/schedule_model.h"

namespace trellis::events {

// Everything the schedule grid shows: the event's slots and rooms, its approved workshops and where
// they run.
struct ScheduleView {
    EventLayout layout;
    std::vector<Workshop> workshops;
    std::vector<WorkshopSession> sessions;
};

// Rules for placing approved workshops in slots and rooms. Saving is one transaction; a rule
// broken throws std::invalid_argument naming the workshop, and nothing is saved.
class ScheduleService {
  public:
    explicit ScheduleService(db::Database& database) : m_database(database) {}

    std::optional<ScheduleView> view(long long trust_id, long long event_id);
    // Makes the event's schedule exactly these cells (a cell with offer_id 0 is left empty).
    void save(const accounts::Actor& lead, long long event_id, const std::vector<Placement>& cells);
    // A schedule proposed from expected demand: the choices made so far, or an even spread.
    std::vector<Placement> suggest(long long trust_id, long long event_id);

  private:
    db::Database& m_database;
};

// True while the schedule may still change: the lead schedules, and may add sessions while
// choices are open (choices are of workshops, not sessions).
bool schedule_is_open(Stage stage);

// Checks cells against the rules of a schedule, exposed for tests; throws std::invalid_argument.
void check_schedule(const ScheduleView& view, const std::vector<Placement>& cells);

// Proposes cells for these workshops, given each one's expected demand and how many people take
// part. Deterministic.
std::vector<Placement> suggest_schedule(const ScheduleView& view, const std::vector<double>& demand,
                                        long long participants);

} // namespace trellis::events
