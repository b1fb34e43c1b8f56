#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "expertise/model.h"

namespace trellis::expertise {

// Who can help with …: a person opts into the trust's directory with what they can help with (a
// sentence, free tags, the trust's priorities); what Trellis knows of their work is read beside it
// unless they hide it. Any member of staff of the trust searches it and asks an expert for help,
// which lands on the expert's home page. A broken rule throws std::invalid_argument with a message
// for the person, and nothing is saved.
class ExpertiseService {
  public:
    explicit ExpertiseService(db::Database& database) : m_database(database) {}

    // Everyone listed whose entry, topics or shown work hold every word of `typed` and serve
    // `priority_id` (0: any), by surname, each with their shown work.
    std::vector<Expert> search(const accounts::Actor& actor, const std::string& typed, long long priority_id,
                               const std::string& today);
    // One listed expert of the actor's trust; nullopt for anyone not listed, or of another trust.
    std::optional<Expert> find_listed(const accounts::Actor& actor, long long person_id);
    // The actor's own entry, if they have one.
    std::optional<Expert> entry_of(const accounts::Actor& actor);
    // What Trellis knows of the actor's work, whether or not they are listed.
    std::vector<Work> work_of(const accounts::Actor& actor, const std::string& today);
    // Lists the actor, or updates their entry.
    void save(const accounts::Actor& actor, const EntryForm& form);
    // Takes the actor out of the directory; their topics go with the entry.
    void leave(const accounts::Actor& actor);

    // Asks a listed colleague for help; one open request to each expert at a time.
    long long ask(const accounts::Actor& asker, long long expert_id, const std::string& about);
    // Requests to the actor, open ones first.
    std::vector<Request> requests_to(const accounts::Actor& actor);
    // Marks one of the actor's requests answered; false when they have no such request.
    bool mark_answered(const accounts::Actor& actor, long long request_id);

  private:
    db::Database& m_database;
};

} // namespace trellis::expertise
