#include "notifications/sweep.h"

#include <spdlog/spdlog.h>

#include "organisations/store.h"
#include "people/store.h"

namespace trellis::notifications {

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
                                        .csrf_token = "",
                                        .own_phase = std::nullopt});
    });
    return staff;
}

int Sweep::sweep_trust(long long trust_id, jobs::Progress& progress) {
    const std::vector<accounts::Actor> staff = staff_of(trust_id);
    const long long total = static_cast<long long>(staff.size());
    int visited = 0;
    for (const accounts::Actor& person : staff) {
        if (progress.stopping())
            throw jobs::Stopped();
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
        if (visited % 50 == 0 || visited == total)
            progress.count(visited, total);
    }
    return visited;
}

} // namespace trellis::notifications
