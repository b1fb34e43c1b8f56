#pragma once

#include <functional>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "jobs/runner.h"
#include "notifications/service.h"

// The background sweep behind email: now and then it visits everyone still on the staff of every
// trust, so what their home page would owe them (choices open, a timetable out, feedback to give, a
// recording to catch up on) is written and emailed without waiting for their visit, and the tasks
// other areas add run for them (tomorrow's reminders, calendar invitations). Each trust's sweep is a
// recurring job (jobs::kNoticesSweep), so one server at a time sweeps a trust; and everything it
// writes is written once however often it runs, so a sweep taken over half-way doubles nothing.
namespace trellis::notifications {

using PersonTask = std::function<void(const accounts::Actor&)>;

class Sweep {
  public:
    Sweep(db::Database& database, NotificationService& notices, std::vector<PersonTask> tasks)
        : m_database(database), m_notices(notices), m_tasks(std::move(tasks)) {}

    // Visits everyone on the trust's staff once, counting them off on `progress`; throws
    // jobs::Stopped when the server stops half-way. Returns how many people were visited.
    int sweep_trust(long long trust_id, jobs::Progress& progress);

  private:
    std::vector<accounts::Actor> staff_of(long long trust_id);

    db::Database& m_database;
    NotificationService& m_notices;
    std::vector<PersonTask> m_tasks;
};

} // namespace trellis::notifications
