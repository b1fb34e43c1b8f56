#pragma once

#include <string>
#include <vector>

#include "accounts/model.h"
#include "attendance/model.h"
#include "db/database.h"
#include "programmes/model.h"

namespace trellis::programmes {

// Who came to a programme's live sessions: the register the lead keeps, and participants checking
// themselves in with the session's code (typed in online, or from the QR code in the room) while it
// runs. Marks go to the one attendance store training days use too.
class SessionAttendance {
  public:
    explicit SessionAttendance(db::Database& database) : m_database(database) {}

    // Everyone the session is for (the programme's people in the activity's staff groups), by
    // surname, with what is known of their attendance.
    std::vector<attendance::RegisterEntry> register_of(const Programme& programme, const Activity& activity);
    void take_register(const accounts::Actor& lead, const Programme& programme, const Activity& activity,
                       const std::vector<long long>& present_ids);
    // The trust's live sessions already held whose register nobody has kept.
    std::vector<Activity> without_register(long long trust_id);
    // The session's check-in code, made the first time it is asked for.
    std::string check_in_code(const Activity& activity);
    // True from 15 minutes before a live session starts until it ends, London time.
    static bool check_in_open(const Activity& activity, const std::string& now);
    // Checks the person in; throws std::invalid_argument, saying why, when the code is wrong, the
    // session is not running, or the person is not expected at it.
    void check_in(const accounts::Actor& person, const Programme& programme, const Activity& activity,
                  const std::string& code, attendance::How how);

  private:
    db::Database& m_database;
};

} // namespace trellis::programmes
