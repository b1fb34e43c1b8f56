#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "events/allocation/allocation_store.h"
#include "events/choices/choice_model.h"
#include "events/model.h"

namespace trellis::events {

// How full one session is after allocation.
struct SessionFill {
    long long session_id = 0;
    long long slot_id = 0;
    std::string title;
    std::string slot_label;
    std::string room_name;
    long long placed = 0;
    int capacity = 0;
};

// Someone who received none of their choices, and the engine's reason.
struct UnhappyPerson {
    long long person_id = 0;
    std::string name;
    std::string email;
    std::string reason;
};

// What an allocation gave people, counted from the placements as they now stand (hand moves
// included) and from the engine's figures for the run.
struct AllocationOutcome {
    store::AllocationRun run;
    long long objective = 0;
    long long lower_bound = 0;
    double gap = 0;
    bool proven_optimal = false;
    double seconds = 0;
    long long slots = 0;
    // People, each counted once: these add up to `people`.
    long long people = 0;
    long long all_chosen = 0;            // every slot they attend is one of their choices or reserves
    long long some_chosen = 0;           // some slots from their list, others not
    long long none_of_their_choices = 0; // chose, but got nothing from their list
    long long made_no_choices = 0;
    long long presenting_all_day = 0; // chose, but present in every slot
    long long not_in_run = 0;         // joined after the allocation ran: no placements
    // Places, one per person in each slot: these add up to `places`.
    long long places = 0;
    std::vector<long long> got_rank; // got_rank[k]: places in someone's (k+1)-th choice
    long long reserve_places = 0;
    long long unchosen_places = 0;   // a workshop not on the person's list
    long long empty_places = 0;      // no workshop, not presenting
    long long presenting_places = 0; // spent presenting
    long long moved_by_hand = 0;
    double average_rank = 0; // over places in a ranked choice; 1 is everyone's first choice
    std::vector<SessionFill> sessions;
    std::vector<UnhappyPerson> unhappy;
};

// Someone who would get no timetable if the allocation were published now, and why.
struct LeftOut {
    Participant person;
    std::string reason;
};

// What publishing would do: who is told and who is left out.
struct PublishPlan {
    std::vector<long long> told; // placed in a workshop or presenting in at least one slot
    long long placed = 0;        // of those told, placed in at least one workshop
    std::vector<LeftOut> left_out;
};

// A person's place in each slot, for moving them by hand.
struct PersonPlacements {
    Participant person;
    std::vector<store::PlacementRow> rows; // one per slot, in slot order
};

// Runs the allocation engine on an event and lets the lead adjust and publish the result.
class AllocationService {
  public:
    explicit AllocationService(db::Database& database) : m_database(database) {}

    // Records a new run for the event and queues it as a job (jobs::kAllocation), in one transaction;
    // throws std::invalid_argument unless the event is allocating.
    long long start(const accounts::Actor& lead, long long event_id);
    // Runs the engine for a started run and stores its placements; the run ends done or failed. A
    // run already ended is left alone, so a job taken over after its server died runs it once.
    // `on_phase` hears what the engine is doing.
    void run(long long trust_id, long long run_id, const std::function<void(const std::string&)>& on_phase);
    std::optional<store::AllocationRun> find_run(long long trust_id, long long event_id, long long run_id);
    std::optional<store::AllocationRun> latest_run(long long trust_id, long long event_id);
    // The outcome of the run as the placements now stand.
    AllocationOutcome outcome(const Event& event, const store::AllocationRun& run);
    // Participants whose name or email contains the text (at most `limit`), with their placements.
    std::vector<PersonPlacements> find_people(const Event& event, const std::string& text, std::size_t limit);
    // Moves a person to another session of the same slot (0: none); refuses a full session.
    void move(const Event& event, long long person_id, long long slot_id, long long session_id);
    // Who publishing now would tell, and who it would leave out with the reason; throws
    // std::invalid_argument when the event cannot be published.
    PublishPlan plan_publish(const Event& event);
    // Publishes timetables: the stage moves on and everyone with a timetable gets a notice. Returns
    // how many were told.
    long long publish(const accounts::Actor& lead, const Event& event);
    // Marks a run failed because the servers running it kept stopping.
    void fail_interrupted(long long trust_id, long long run_id, const std::string& why);

  private:
    db::Database& m_database;
};

} // namespace trellis::events
