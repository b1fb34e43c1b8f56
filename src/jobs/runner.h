#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "db/database.h"
#include "jobs/model.h"

// Runs the jobs table's work in the background of any server (or of `trellis worker`). A few threads
// each claim one due job at a time and run it; a heartbeat renews this server's claims and writes
// each running job's progress to its row, so progress pages on any server can read it and a claim
// that goes quiet (the server died) is taken over by another server after `claim_seconds`. Work must
// be idempotent: a job taken over runs again from its start.
namespace trellis::jobs {

// What a running job tells the runner: how far it has got, and whether to stop early.
class Progress {
  public:
    void count(long long done, long long total);
    void phase(const std::string& words);
    // True once the server is stopping: long work may throw Stopped to be put back for later.
    bool stopping() const;

  private:
    friend class Runner;
    struct Reading {
        long long done = 0;
        long long total = 0;
        std::string phase;
    };
    explicit Progress(const std::atomic<bool>& stopping) : m_stopping(stopping) {}
    Reading read() const;

    mutable std::mutex m_lock;
    Reading m_reading;
    const std::atomic<bool>& m_stopping;
};

// Thrown by work that sees Progress::stopping(): the job goes back to the queue unfinished.
struct Stopped : std::exception {
    const char* what() const noexcept override { return "stopped with the server"; }
};

// A kind of work the runner can do.
struct Kind {
    std::string name; // one of model.h's kinds
    std::function<void(const Job&, Progress&)> run;
    // Leaves the subject tidy when the job is given up because the servers running it kept dying.
    std::function<void(const Job&, const std::string& why)> given_up;
    // A recurring kind: queued for every trust, and due again this long after each run.
    std::chrono::milliseconds every{0};
};

struct RunnerSettings {
    int threads = 2;
    std::chrono::milliseconds poll{1000};
    int claim_seconds = 60;
};

class Runner {
  public:
    Runner(db::Database& database, RunnerSettings settings);
    // Stops: jobs running now finish first.
    ~Runner();
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    void add(Kind kind); // before start()
    void start();
    // Work was queued: look for it now rather than at the next poll.
    void wake();
    // Runs every due job on the calling thread until none is left; returns how many ran.
    int run_due();
    const std::string& name() const { return m_name; }

  private:
    void work_loop();
    void heartbeat_loop();
    void queue_recurring();
    std::optional<Job> claim();
    void run(const Job& job);

    db::Database& m_database;
    RunnerSettings m_settings;
    std::string m_name;
    std::string m_kinds_condition;
    std::map<std::string, Kind> m_kinds;
    std::mutex m_lock;
    std::condition_variable m_wake;
    std::atomic<bool> m_stopping = false;
    bool m_woken = false;
    long long m_recurring_queued_at = 0;
    std::map<long long, Progress*> m_running; // by job id
    std::vector<std::thread> m_threads;
};

} // namespace trellis::jobs
