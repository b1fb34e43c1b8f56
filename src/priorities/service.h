#pragma once

#include <map>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "db/per_trust.h"
#include "priorities/model.h"

namespace trellis::priorities {

// Rules for priorities. The trust's are kept by its trust PD leads and administrators; a school's
// own, and which trust priorities it takes on, by its school PD lead. A broken rule throws
// std::invalid_argument with a message for the person, and nothing is saved.
class PrioritiesService {
  public:
    explicit PrioritiesService(db::Database& database) : m_database(database) {}

    PriorityView view(const accounts::Actor& actor);
    std::optional<Priority> find(long long trust_id, long long priority_id);
    // True when the actor may change this priority (or, with id 0, add one at this school: 0 for
    // the trust).
    static bool may_keep(const accounts::Actor& actor, long long school_id);
    // Adds a priority to the trust (for_school false) or to the actor's school; returns its id.
    long long add(const accounts::Actor& actor, bool for_school, const PriorityForm& form);
    void update(const accounts::Actor& actor, long long priority_id, const PriorityForm& form);
    // The school PD lead's choice of the trust priorities their school takes on.
    void adopt(const accounts::Actor& actor, const std::vector<long long>& priority_ids);

  private:
    // Every priority of the trust and its schools, and what each school takes on: kept by this
    // server (db/per_trust.h), as programme pages and forms show them.
    struct TrustPriorities {
        std::vector<Priority> priorities;
        std::map<long long, std::vector<long long>> adopted; // by school
    };
    Priority checked(const accounts::Actor& actor, const PriorityForm& form);

    db::Database& m_database;
    db::PerTrust<TrustPriorities> m_trust_priorities;
};

} // namespace trellis::priorities
