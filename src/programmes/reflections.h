#pragma once

#include <optional>
#include <set>
#include <string>

#include "accounts/model.h"
#include "db/database.h"
#include "programmes/model.h"
#include "programmes/reflection_store.h"

namespace trellis::programmes {

// What people write between sessions: a practice task's reflection on what they tried, or a
// follow-up on what stuck. Private to the writer; the lead sees only who has written. A broken rule
// throws std::invalid_argument with a message for the person, and nothing is saved.
class Reflections {
  public:
    explicit Reflections(db::Database& database) : m_database(database) {}

    static bool takes_reflection(const Activity& activity) {
        return activity.kind == ActivityKind::Practice || activity.kind == ActivityKind::FollowUp;
    }
    std::optional<reflection_store::Reflection> of(const accounts::Actor& person, const Activity& activity);
    // Writes or rewrites the person's reflection: only someone the activity is for, once it opens.
    void write(const accounts::Actor& person, const Programme& programme, const Activity& activity,
               const std::string& body);

    // How many of those an activity is for have written on it, for its lead.
    struct Progress {
        int written = 0;
        int expected = 0;
    };
    Progress progress(const Programme& programme, const Activity& activity);

  private:
    db::Database& m_database;
};

} // namespace trellis::programmes
