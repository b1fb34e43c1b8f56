#include "notifications/sweep.h"

#include <spdlog/spdlog.h>

#include "organisations/store.h"
#include "people/store.h"

namespace trellis::notifications {

Sweep::Sweep(db::Database& database, NotificationService& notices, std::vector<PersonTask> tasks,
             std::chrono::milliseconds interval)
    : m_database(database), m_notices(notices), m_tasks(std::move(tasks)), m_interval(interval) {}

Sweep::~Sweep() {
    {
        std::lock_guard lock(m_lock);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void Sweep::start() {
    m_thread = std::thread([this] {
        std::unique_lock lock(m_lock);
        while (!m_stopping) {
            lock.unlock();
            try {
                sweep_once();
            } catch (const std::exception& problem) {
                spdlog::error("notices sweep: {}", problem.what());
            }
            lock.lock();
            m_wake.wait_for(lock, m_interval, [this] { return m_stopping; });
        }
    });
}

bool Sweep::stopping() {
    std::lock_guard lock(m_lock);
    return m_stopping;
}

std::vector<accounts::Actor> Sweep::staff_of(long long trust_id) {
    db::Database::Lease session(m_database);
    const auto trust = organisations::store::find_trust(*session, trust_id);
    std::vector<accounts::Actor> staff;
    people::store::for_each_person(*session, trust_id, [&](const people::Person& person) {
        if (person.has_left() || person.erased_at != 0)
            return;
        staff.push_back(accounts::Actor{.person_id = person.id,
                                        .trust_id = trust_id,
                                        .school_id = person.school_id,
                                        .role = person.role,
                                        .staff_group = person.staff_group,
                                        .display_name = person.full_name(),
                                        .email = person.email,
                                        .trust_name = trust ? trust->name : "",
                                        .smallest_group = trust ? trust->smallest_group : 5,
                                        .csrf_token = ""});
    });
    return staff;
}

int Sweep::sweep_once() {
    std::vector<long long> trusts;
    {
        db::Database::Lease session(m_database);
        trusts = organisations::store::trust_ids(*session);
    }
    int visited = 0;
    for (long long trust_id : trusts)
        for (const accounts::Actor& person : staff_of(trust_id)) {
            if (stopping())
                return visited;
            // One person's trouble (a row another server wrote first, say) does not stop the rest.
            try {
                m_notices.write_owed(person, /*by_email=*/true);
                for (const PersonTask& task : m_tasks)
                    task(person);
            } catch (const std::exception& problem) {
                spdlog::warn("notices sweep: person {} of trust {}: {}", person.person_id, trust_id,
                             problem.what());
            }
            ++visited;
        }
    return visited;
}

} // namespace trellis::notifications
