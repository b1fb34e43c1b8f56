#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "events/allocation_service.h"

namespace trellis::events {

// What a running allocation is doing, for its progress page.
struct AllocationProgress {
    bool running = true;
    std::string phase;
    long long started_ms = 0;
};

// Runs allocations in the background so the lead's browser can poll a progress page meanwhile.
class AllocationJobs {
  public:
    explicit AllocationJobs(AllocationService& allocation) : m_allocation(allocation) {}
    // Waits for running allocations to finish, so none is cut off half-way at shutdown.
    ~AllocationJobs();
    AllocationJobs(const AllocationJobs&) = delete;
    AllocationJobs& operator=(const AllocationJobs&) = delete;

    // Starts the run in a thread of its own; returns at once.
    void start(long long trust_id, long long event_id, long long run_id);
    // The run's progress, if this process started it.
    std::optional<AllocationProgress> progress(long long trust_id, long long run_id);
    // True while any run of this event started by this process is still running; gives its id.
    std::optional<long long> running_run(long long trust_id, long long event_id);

  private:
    struct Job {
        long long event_id = 0;
        AllocationProgress progress;
    };

    AllocationService& m_allocation;
    std::mutex m_mutex;
    std::map<std::pair<long long, long long>, Job> m_jobs; // by (trust, run)
    std::vector<std::thread> m_threads;
};

} // namespace trellis::events
