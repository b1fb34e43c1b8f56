#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace trellis::http {

// The HTTP library gives each connection a thread for as long as it stays open, so a fixed pool is
// used up by clients that send their headers a line every few seconds, and then nobody else is
// served. This pool starts with `ready` threads and adds one whenever a connection arrives with
// none idle, up to `most`: a waiting thread costs little memory, and a hundred slow clients no
// longer stop the service. (In production nginx buffers requests in front; see deploy/.)
class ElasticPool : public httplib::TaskQueue {
  public:
    ElasticPool(std::size_t ready, std::size_t most);
    ~ElasticPool() override;

    void enqueue(std::function<void()> job) override;
    void shutdown() override;

    // Threads started so far (they stay, idle, for the next burst).
    std::size_t threads() const;

  private:
    void work();
    void start_thread(); // with m_mutex held

    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::function<void()>> m_jobs;
    std::vector<std::thread> m_threads;
    std::size_t m_idle = 0;
    std::size_t m_most;
    bool m_stopping = false;
};

} // namespace trellis::http
