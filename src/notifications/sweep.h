#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "notifications/service.h"

// The background sweep behind email: now and then it visits everyone still on the staff of every
// trust, so what their home page would owe them (choices open, a timetable out, feedback to give, a
// recording to catch up on) is written and emailed without waiting for their visit, and the tasks
// other areas add run for them (tomorrow's reminders, calendar invitations). Everything it writes is
// written once however often it runs, so several servers sweeping at once double nothing.
namespace trellis::notifications {

using PersonTask = std::function<void(const accounts::Actor&)>;

class Sweep {
  public:
    Sweep(db::Database& database, NotificationService& notices, std::vector<PersonTask> tasks,
          std::chrono::milliseconds interval);
    ~Sweep();
    Sweep(const Sweep&) = delete;
    Sweep& operator=(const Sweep&) = delete;

    void start();
    // Visits everyone once; returns how many people were visited.
    int sweep_once();

  private:
    std::vector<accounts::Actor> staff_of(long long trust_id);
    bool stopping();

    db::Database& m_database;
    NotificationService& m_notices;
    std::vector<PersonTask> m_tasks;
    std::chrono::milliseconds m_interval;
    std::mutex m_lock;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace trellis::notifications
