#pragma once

#include <optional>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "observations/model.h"

namespace trellis::observations {

// Peer observation, developmental only: a person invites a colleague to watch part of a lesson or
// session with a focus (a step from the library, or their own words); the observer accepts by
// writing a note in a set shape, or declines. Only the two of them ever see it: no lead, no report,
// no appraisal. A broken rule throws std::invalid_argument with a message for the person, and
// nothing is saved.
class ObservationService {
  public:
    explicit ObservationService(db::Database& database) : m_database(database) {}

    long long invite(const accounts::Actor& host, const Invitation& invitation, const std::string& today);
    // The person's observations, given and received, latest day first.
    std::vector<Observation> of(const accounts::Actor& person);
    // One observation for its two people; nullopt for anyone else.
    std::optional<Observation> find_for(const accounts::Actor& person, long long observation_id);
    // The observer writes the note once the day has come.
    void write_note(const accounts::Actor& observer, long long observation_id, const Note& note,
                    const std::string& today);
    void decline(const accounts::Actor& observer, long long observation_id);

  private:
    db::Database& m_database;
};

} // namespace trellis::observations
