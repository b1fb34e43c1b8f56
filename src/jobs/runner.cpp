#include "jobs/runner.h"

#include <spdlog/spdlog.h>

#include "jobs/store.h"
#include "outbox/sender.h"
#include "outbox/store.h"

namespace trellis::jobs {

namespace {

// A job whose servers died this many times is given up rather than tried again.
constexpr long long kMostRuns = 3;
// How often the queue of recurring jobs is topped up (a new trust gets its sweep within this).
constexpr long long kRecurringCheckSeconds = 60;

} // namespace

void Progress::count(long long done, long long total) {
    std::lock_guard lock(m_lock);
    m_reading.done = done;
    m_reading.total = total;
}

void Progress::phase(const std::string& words) {
    std::lock_guard lock(m_lock);
    m_reading.phase = words;
}

bool Progress::stopping() const {
    return m_stopping;
}

Progress::Reading Progress::read() const {
    std::lock_guard lock(m_lock);
    return m_reading;
}

Runner::Runner(db::Database& database, RunnerSettings settings)
    : m_database(database), m_settings(settings), m_name(outbox::worker_name()) {}

Runner::~Runner() {
    {
        std::lock_guard lock(m_lock);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread& thread : m_threads)
        thread.join();
}

void Runner::add(Kind kind) {
    // Kinds are our own constants; the condition below is built from them, never from a request.
    m_kinds_condition += std::string(m_kinds_condition.empty() ? "" : ", ") + "'" + kind.name + "'";
    m_kinds[kind.name] = std::move(kind);
}

void Runner::start() {
    for (int i = 0; i < m_settings.threads; ++i)
        m_threads.emplace_back([this] { work_loop(); });
    m_threads.emplace_back([this] { heartbeat_loop(); });
}

void Runner::wake() {
    {
        std::lock_guard lock(m_lock);
        m_woken = true;
    }
    m_wake.notify_all();
}

int Runner::run_due() {
    int ran = 0;
    while (!m_stopping) {
        auto job = claim();
        if (!job)
            return ran;
        run(*job);
        ++ran;
    }
    return ran;
}

void Runner::work_loop() {
    while (!m_stopping) {
        try {
            run_due();
        } catch (const std::exception& problem) {
            spdlog::error("jobs: {}", problem.what());
        }
        std::unique_lock lock(m_lock);
        m_wake.wait_for(lock, m_settings.poll, [this] { return m_stopping || m_woken; });
        m_woken = false;
    }
}

// Renews this server's claims and writes the progress of what it runs, often enough that a progress
// page moves and well inside the time after which a quiet claim is taken over.
void Runner::heartbeat_loop() {
    const auto beat = std::min(std::chrono::milliseconds(1000),
                               std::chrono::milliseconds(m_settings.claim_seconds * 1000 / 3));
    std::unique_lock lock(m_lock);
    while (!m_stopping) {
        m_wake.wait_for(lock, beat, [this] { return m_stopping.load(); });
        if (m_running.empty())
            continue;
        std::map<long long, Progress::Reading> readings;
        for (const auto& [id, progress] : m_running)
            readings[id] = progress->read();
        lock.unlock();
        try {
            db::Transaction transaction(m_database);
            outbox::store::renew_claims(transaction.session(), store::kTable, m_name, db::now_seconds());
            for (const auto& [id, reading] : readings)
                store::report(transaction.session(), id, m_name, reading.done, reading.total, reading.phase);
            transaction.commit();
        } catch (const std::exception& problem) {
            // On SQLite a long write (a staff import) holds the database; the next beat will do.
            spdlog::debug("jobs heartbeat: {}", problem.what());
        }
        lock.lock();
    }
}

void Runner::queue_recurring() {
    const long long now = db::now_seconds();
    {
        std::lock_guard lock(m_lock);
        if (now - m_recurring_queued_at < kRecurringCheckSeconds)
            return;
        m_recurring_queued_at = now;
    }
    for (const auto& [name, kind] : m_kinds)
        if (kind.every.count() > 0) {
            db::Transaction transaction(m_database);
            store::ensure_for_every_trust(transaction.session(), name, now);
            transaction.commit();
        }
}

std::optional<Job> Runner::claim() {
    if (m_kinds.empty())
        return std::nullopt;
    queue_recurring();
    const long long now = db::now_seconds();
    const long long stale_before = now - m_settings.claim_seconds;
    const std::string only_ours = "kind IN (" + m_kinds_condition + ")";
    {
        db::Database::Lease session(m_database);
        if (!outbox::store::has_due(*session, store::kTable, now, stale_before, only_ours))
            return std::nullopt;
    }
    db::Transaction transaction(m_database);
    const auto ids = outbox::store::claim_due(transaction.session(), store::kTable, m_name, now, stale_before,
                                              1, only_ours);
    auto job = ids.empty() ? std::nullopt : store::load(transaction.session(), ids.front());
    transaction.commit();
    return job;
}

void Runner::run(const Job& job) {
    const Kind& kind = m_kinds.at(job.kind);
    if (job.attempts > kMostRuns) {
        const std::string why = "The server running this stopped " + std::to_string(job.attempts - 1) +
                                " times before it finished. Start it again.";
        spdlog::warn("jobs: giving up {} {} of trust {}: {}", job.kind, job.subject_id, job.trust_id, why);
        if (kind.given_up)
            kind.given_up(job, why);
        db::Transaction transaction(m_database);
        store::fail(transaction.session(), job.id, why);
        transaction.commit();
        return;
    }
    if (job.attempts > 1)
        spdlog::info("jobs: taking over {} {} of trust {} from {}", job.kind, job.subject_id, job.trust_id,
                     job.held_by);
    Progress progress(m_stopping);
    {
        std::lock_guard lock(m_lock);
        m_running[job.id] = &progress;
    }
    std::function<void(soci::session&)> outcome;
    const long long now = db::now_seconds();
    try {
        kind.run(job, progress);
        std::optional<long long> next;
        if (kind.every.count() > 0)
            next = now + std::max<long long>(1, kind.every.count() / 1000);
        outcome = [&job, next](soci::session& sql) { store::finish(sql, job.id, db::now_seconds(), next); };
    } catch (const Stopped&) {
        outcome = [&job](soci::session& sql) { store::put_back(sql, job.id, db::now_seconds()); };
    } catch (const std::exception& problem) {
        spdlog::warn("jobs: {} {} of trust {} failed: {}", job.kind, job.subject_id, job.trust_id,
                     problem.what());
        outcome = [&job, why = std::string(problem.what())](soci::session& sql) {
            store::fail(sql, job.id, why);
        };
    }
    {
        std::lock_guard lock(m_lock);
        m_running.erase(job.id);
    }
    const auto last = progress.read();
    spdlog::debug("jobs: {} {} of trust {} ended at {} of {}", job.kind, job.subject_id, job.trust_id,
                  last.done, last.total);
    db::Transaction transaction(m_database);
    store::report(transaction.session(), job.id, m_name, last.done, last.total, last.phase);
    outcome(transaction.session());
    transaction.commit();
}

} // namespace trellis::jobs
