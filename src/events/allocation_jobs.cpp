#include "events/allocation_jobs.h"

#include <chrono>

namespace trellis::events {

namespace {

long long now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace

AllocationJobs::~AllocationJobs() {
    for (std::thread& thread : m_threads)
        thread.join();
}

void AllocationJobs::start(long long trust_id, long long event_id, long long run_id) {
    std::lock_guard lock(m_mutex);
    const auto key = std::make_pair(trust_id, run_id);
    m_jobs[key] = Job{event_id, AllocationProgress{true, "Starting", now_ms()}};
    m_threads.emplace_back([this, key, event_id] {
        m_allocation.run(key.first, event_id, key.second, [&](const std::string& phase) {
            std::lock_guard inner(m_mutex);
            m_jobs[key].progress.phase = phase;
        });
        std::lock_guard inner(m_mutex);
        m_jobs[key].progress.running = false;
    });
}

std::optional<AllocationProgress> AllocationJobs::progress(long long trust_id, long long run_id) {
    std::lock_guard lock(m_mutex);
    auto found = m_jobs.find({trust_id, run_id});
    if (found == m_jobs.end())
        return std::nullopt;
    return found->second.progress;
}

std::optional<long long> AllocationJobs::running_run(long long trust_id, long long event_id) {
    std::lock_guard lock(m_mutex);
    for (const auto& [key, job] : m_jobs)
        if (key.first == trust_id && job.event_id == event_id && job.progress.running)
            return key.second;
    return std::nullopt;
}

} // namespace trellis::events
