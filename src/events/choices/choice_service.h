#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "events/choices/choice_model.h"
#include "events/model.h"
#include "events/schedule/schedule_model.h"

namespace trellis::events {

// A workshop suggested to a person, with why.
struct Suggestion {
    const Workshop* workshop = nullptr;
    std::vector<std::string> reasons;
};

// What the catalogue of an event shows one person: the scheduled workshops open to them (every
// workshop for the lead), where each runs, and those suggested for them.
struct Catalogue {
    EventLayout layout;
    std::vector<Workshop> workshops;
    std::vector<WorkshopSession> sessions;
    std::vector<Choice> my_choices;
    std::optional<Participant> me; // nullopt when the person does not take part
};

// Narrows the catalogue: 0 / "" mean any.
struct CatalogueFilter {
    long long priority_id = 0;
    std::string phase;
};

// The lead's view of choosing: demand per workshop and who has not chosen yet.
struct DemandReport {
    std::vector<Demand> demand;
    long long participants = 0;
    long long chosen = 0;
    std::vector<Participant> not_chosen; // of the school asked for, or everyone
};

// Rules for choosing workshops. Saving choices is one transaction; a broken rule throws
// std::invalid_argument with a message for the person, and nothing is saved.
class ChoiceService {
  public:
    explicit ChoiceService(db::Database& database) : m_database(database) {}

    // The catalogue as this person may see it; nullopt when there is no such event in their trust.
    std::optional<Catalogue> catalogue(const accounts::Actor& actor, long long event_id, bool every_workshop);
    // Replaces the person's choices with `picks`: offer ids as typed, one per rank (blank for none),
    // the ranks the event wants first and then the reserves.
    void choose(const accounts::Actor& actor, long long event_id, const std::vector<std::string>& picks);
    // Demand and who has not chosen; `school_id` -1 lists everyone, 0 the central team.
    DemandReport demand(const Event& event, long long school_id);
    // A notice for everyone taking part who has not chosen yet; returns how many were sent.
    long long remind(const Event& event);

  private:
    db::Database& m_database;
};

// The workshops of the catalogue that pass the filter.
std::vector<const Workshop*> filtered(const Catalogue& catalogue, const CatalogueFilter& filter);
// Up to `limit` workshops suggested for this person, best first, each with its reasons.
std::vector<Suggestion> suggestions_for(const Catalogue& catalogue, const Participant& person,
                                        std::size_t limit);
// "1st", "2nd", "3rd", "4th".
std::string ordinal(int number);

} // namespace trellis::events
