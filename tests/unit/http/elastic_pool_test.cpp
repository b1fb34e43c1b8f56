#include "http/elastic_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <latch>

namespace trellis::http {
namespace {

TEST(ElasticPool, grows_so_that_every_waiting_job_runs_at_once) {
    ElasticPool pool(2, 64);
    constexpr int kJobs = 20;
    // Each job waits for all the others: the test ends only if all twenty run at the same time.
    std::latch all_running(kJobs);
    std::atomic<int> finished = 0;
    for (int i = 0; i < kJobs; ++i)
        pool.enqueue([&] {
            all_running.arrive_and_wait();
            ++finished;
        });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (finished < kJobs && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_EQ(finished, kJobs);
    EXPECT_GE(pool.threads(), static_cast<std::size_t>(kJobs));
    pool.shutdown();
}

TEST(ElasticPool, never_starts_more_threads_than_its_limit_and_still_runs_every_job) {
    ElasticPool pool(1, 3);
    std::atomic<int> running = 0, most_at_once = 0, finished = 0;
    for (int i = 0; i < 12; ++i)
        pool.enqueue([&] {
            const int now = ++running;
            int seen = most_at_once.load();
            while (now > seen && !most_at_once.compare_exchange_weak(seen, now)) {
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            --running;
            ++finished;
        });
    EXPECT_EQ(pool.threads(), 3u);
    pool.shutdown(); // finishes the queued jobs first
    EXPECT_EQ(finished, 12);
    EXPECT_LE(most_at_once, 3);
}

} // namespace
} // namespace trellis::http
