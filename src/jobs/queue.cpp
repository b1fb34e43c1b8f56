#include "jobs/queue.h"

#include "jobs/store.h"

namespace trellis::jobs {

long long JobQueue::queue(long long trust_id, const std::string& kind, long long subject_id) {
    db::Transaction transaction(m_database);
    const long long id = store::enqueue(transaction.session(), trust_id, kind, subject_id, db::now_seconds());
    transaction.commit();
    wake();
    return id;
}

void JobQueue::wake() {
    std::lock_guard lock(m_lock);
    if (m_wake)
        m_wake();
}

std::optional<Job> JobQueue::find(long long trust_id, const std::string& kind, long long subject_id) {
    db::Database::Lease session(m_database);
    return store::find(*session, trust_id, kind, subject_id);
}

void JobQueue::on_queued(std::function<void()> wake) {
    std::lock_guard lock(m_lock);
    m_wake = std::move(wake);
}

} // namespace trellis::jobs
