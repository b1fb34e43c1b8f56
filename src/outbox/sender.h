#pragma once

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "db/database.h"
#include "outbox/delivery.h"
#include "outbox/store.h"

// A background sender for one outbox: it claims due rows, hands each item to its courier and marks
// it sent in its own transaction straight after, so a server that dies mid-batch leaves the rest
// queued and another server takes its claims over once they go quiet. The other side refusing for
// good fails that item (the batch goes on); the other side away is tried again, waiting longer each
// time.
//
// A Courier has: kTable and kName (for logs); Item, with `ids` (the rows it carries), `trust_id` and
// `person_id`; load(session, ids) -> std::vector<Item>, in the claiming transaction; deliver(item) ->
// outbox::Delivery; and tidy(session, now), run with each claim for the courier's own housekeeping.
namespace trellis::outbox {

// Seconds to wait after `attempts` failed attempts: a minute, doubling, at most six hours.
long long backoff_seconds(long long attempts);
// A name for this server's claims: its process and a random part.
std::string worker_name();
inline constexpr long long kMostAttempts = 8;

template <class Courier> class Sender {
  public:
    // A claim not renewed for `claim_seconds` belongs to a server that stopped, and is taken over.
    Sender(db::Database& database, Courier courier, std::chrono::milliseconds interval, int claim_seconds)
        : m_database(database), m_courier(std::move(courier)), m_interval(interval),
          m_claim_seconds(claim_seconds), m_worker(worker_name()) {}
    ~Sender() {
        {
            std::lock_guard lock(m_lock);
            m_stopping = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }
    Sender(const Sender&) = delete;
    Sender& operator=(const Sender&) = delete;

    void start() {
        m_thread = std::thread([this] { run(); });
    }

    // Sends what is due now, in batches, until nothing is; returns how many items went.
    int send_due() {
        int sent = 0;
        for (;;) {
            std::vector<typename Courier::Item> batch;
            {
                const long long now = db::now_seconds();
                db::Transaction transaction(m_database);
                m_courier.tidy(transaction.session(), now);
                const auto ids = store::claim_due(transaction.session(), Courier::kTable, m_worker, now,
                                                  now - m_claim_seconds, kBatch);
                batch = m_courier.load(transaction.session(), ids);
                transaction.commit();
            }
            if (batch.empty())
                return sent;
            for (const auto& item : batch) {
                if (stopping())
                    return sent; // the claims lapse and another server, or this one again, takes them
                deliver(item);
                ++sent;
            }
        }
    }

  private:
    static constexpr int kBatch = 20;

    bool stopping() {
        std::lock_guard lock(m_lock);
        return m_stopping;
    }

    void run() {
        std::unique_lock lock(m_lock);
        while (!m_stopping) {
            lock.unlock();
            try {
                send_due();
            } catch (const std::exception& problem) {
                spdlog::error("{}: {}", Courier::kName, problem.what());
            }
            lock.lock();
            m_wake.wait_for(lock, m_interval, [this] { return m_stopping; });
        }
    }

    void deliver(const typename Courier::Item& item) {
        const Delivery delivery = m_courier.deliver(item);
        const long long now = db::now_seconds();
        db::Transaction transaction(m_database);
        auto& sql = transaction.session();
        // Still at work: the rest of this server's claims are renewed, so nobody takes them over.
        store::renew_claims(sql, Courier::kTable, m_worker, now);
        if (delivery.sent) {
            store::mark_sent(sql, Courier::kTable, item.ids, now);
        } else {
            const long long attempts = store::attempts_of(sql, Courier::kTable, item.ids);
            const bool for_good = delivery.permanent || attempts >= kMostAttempts;
            store::mark_unsent(sql, Courier::kTable, item.ids, delivery.error,
                               now + backoff_seconds(attempts), for_good);
            spdlog::warn("{}: for person {} of trust {}{}: {}", Courier::kName, item.person_id, item.trust_id,
                         for_good ? " (failed for good)" : " (will try again)", delivery.error);
        }
        transaction.commit();
    }

    db::Database& m_database;
    Courier m_courier;
    std::chrono::milliseconds m_interval;
    int m_claim_seconds;
    std::string m_worker;
    std::mutex m_lock;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace trellis::outbox
