#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "db/database.h"
#include "jobs/model.h"

// What pages ask of the jobs table: queue work, and read how it is going (from any server).
namespace trellis::jobs {

class JobQueue {
  public:
    explicit JobQueue(db::Database& database) : m_database(database) {}

    // Queues the work (once; failed work again) and wakes this server's runner, if it has one.
    long long queue(long long trust_id, const std::string& kind, long long subject_id);
    // Work queued inside another area's transaction is now committed: look for it now.
    void wake();
    std::optional<Job> find(long long trust_id, const std::string& kind, long long subject_id);
    // The runner of this server (none under `serve --no-jobs`).
    void on_queued(std::function<void()> wake);

  private:
    db::Database& m_database;
    std::mutex m_lock;
    std::function<void()> m_wake;
};

} // namespace trellis::jobs
