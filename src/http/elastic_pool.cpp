#include "http/elastic_pool.h"

#include <algorithm>

namespace trellis::http {

ElasticPool::ElasticPool(std::size_t ready, std::size_t most) : m_most(std::max(ready, most)) {
    std::lock_guard lock(m_mutex);
    for (std::size_t i = 0; i < ready; ++i)
        start_thread();
}

ElasticPool::~ElasticPool() {
    shutdown();
}

void ElasticPool::start_thread() {
    ++m_idle; // counted idle until it takes a job
    m_threads.emplace_back([this] { work(); });
}

void ElasticPool::enqueue(std::function<void()> job) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
        // Every job waiting needs an idle thread; start one when there are fewer.
        if (m_idle < m_jobs.size() && m_threads.size() < m_most)
            start_thread();
    }
    m_ready.notify_one();
}

void ElasticPool::shutdown() {
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_stopping = true;
        threads.swap(m_threads);
    }
    m_ready.notify_all();
    for (std::thread& thread : threads)
        thread.join();
}

std::size_t ElasticPool::threads() const {
    std::lock_guard lock(m_mutex);
    return m_threads.size();
}

void ElasticPool::work() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_ready.wait(lock, [&] { return !m_jobs.empty() || m_stopping; });
            if (m_jobs.empty())
                return; // stopping, and nothing left to do
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
            --m_idle;
        }
        job();
        std::lock_guard lock(m_mutex);
        ++m_idle;
    }
}

} // namespace trellis::http
