#include "events/allocation/allocation_service.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "allocation/engine.h"
#include "audit/store.h"
#include "events/allocation/allocation_instance.h"
#include "events/choices/choice_store.h"
#include "events/event_store.h"
#include "events/schedule/schedule_store.h"
#include "jobs/model.h"
#include "jobs/store.h"
#include "notifications/store.h"

namespace trellis::events {

namespace {

// The engine's reasons are kept for this many people; the page lists fewer.
constexpr std::size_t kUnhappyKept = 500;

using text::lowered;

nlohmann::json stats_json(const allocation::Result& result, const EventInstance& built) {
    const auto& statistics = result.statistics;
    nlohmann::json unhappy = nlohmann::json::array();
    for (const auto& explanation : result.unhappy) {
        if (unhappy.size() >= kUnhappyKept || explanation.person < 0)
            break;
        unhappy.push_back({{"person", built.person_ids[static_cast<std::size_t>(explanation.person)]},
                           {"reason", readable(explanation.reason, built)}});
    }
    return {{"objective", statistics.objective},
            {"lower_bound", statistics.lower_bound},
            {"gap", statistics.gap},
            {"seconds", statistics.seconds},
            {"people", statistics.people},
            {"rank_counts", statistics.rank_counts},
            {"unranked", statistics.unranked},
            {"unassigned", statistics.unassigned},
            {"people_with_none_of_their_choices", statistics.people_with_none_of_their_choices},
            {"proven_optimal", statistics.proven_optimal},
            {"method", statistics.method},
            {"unhappy", unhappy}};
}

void read_stats(AllocationOutcome& outcome, const std::string& text) {
    const auto stats = nlohmann::json::parse(text.empty() ? "{}" : text, nullptr, false);
    if (!stats.is_object())
        return;
    outcome.objective = stats.value("objective", 0LL);
    outcome.lower_bound = stats.value("lower_bound", 0LL);
    outcome.gap = stats.value("gap", 0.0);
    outcome.proven_optimal = stats.value("proven_optimal", false);
    outcome.seconds = stats.value("seconds", 0.0);
    if (stats.contains("unhappy") && stats["unhappy"].is_array())
        for (const auto& entry : stats["unhappy"])
            outcome.unhappy.push_back(
                {entry.value("person", 0LL), "", "", entry.value("reason", std::string())});
}

template <typename Row> const Row* by_id(const std::vector<Row>& rows, long long id) {
    for (const Row& row : rows)
        if (row.id == id)
            return &row;
    return nullptr;
}

} // namespace

long long AllocationService::start(const accounts::Actor& lead, long long event_id) {
    db::Transaction transaction(m_database);
    auto event = store::find_event(transaction.session(), lead.trust_id, event_id);
    if (!event)
        throw std::invalid_argument("There is no such event.");
    if (event->stage != Stage::Allocating)
        throw std::invalid_argument("Move the event to \"Allocating places\" first: choices must be closed.");
    const long long id = store::insert_run(transaction.session(), lead.trust_id, event_id, lead.person_id);
    jobs::store::enqueue(transaction.session(), lead.trust_id, jobs::kAllocation, id, db::now_seconds());
    transaction.commit();
    return id;
}

void AllocationService::run(long long trust_id, long long run_id,
                            const std::function<void(const std::string&)>& on_phase) {
    std::optional<long long> event_of_run;
    {
        db::Database::Lease session(m_database);
        event_of_run = store::event_of_run(*session, trust_id, run_id);
        if (!event_of_run)
            return;
        const auto run = store::find_run(*session, trust_id, *event_of_run, run_id);
        if (!run || run->status != "running")
            return;
    }
    const long long event_id = *event_of_run;
    try {
        on_phase("Reading the choices");
        EventInstance built;
        {
            db::Database::Lease session(m_database);
            auto event = store::find_event(*session, trust_id, event_id);
            if (!event)
                throw std::runtime_error("the event no longer exists");
            const EventLayout layout{*event, store::slots_of(*session, trust_id, event_id), {}, {}};
            built = instance_of(layout, store::approved_workshops(*session, trust_id, event_id),
                                store::sessions_of(*session, trust_id, event_id),
                                store::participants(*session, *event),
                                store::choices_of_event(*session, trust_id, event_id));
        }
        allocation::Options options;
        // No time limit: the engine then stops on iteration counts, so the same choices give the
        // same allocation. (With a limit it currently spends the whole limit even on easy events.)
        options.on_progress = [&](const allocation::Progress& progress) { on_phase(progress.phase); };
        const allocation::Result result = allocation::allocate(built.instance, options);
        on_phase("Saving the placements");
        const auto rows = placements_of(built, result.allocation);
        db::Transaction transaction(m_database);
        store::replace_placements(transaction.session(), trust_id, event_id, rows);
        store::finish_run(transaction.session(), trust_id, run_id, "done", stats_json(result, built).dump(),
                          "");
        transaction.commit();
    } catch (const std::exception& error) {
        db::Transaction transaction(m_database);
        store::finish_run(transaction.session(), trust_id, run_id, "failed", "",
                          std::string("The allocation could not finish: ") + error.what());
        transaction.commit();
    }
}

void AllocationService::fail_interrupted(long long trust_id, long long run_id, const std::string& why) {
    db::Transaction transaction(m_database);
    store::finish_run(transaction.session(), trust_id, run_id, "failed", "", why);
    transaction.commit();
}

std::optional<store::AllocationRun> AllocationService::find_run(long long trust_id, long long event_id,
                                                                long long run_id) {
    db::Database::Lease session(m_database);
    return store::find_run(*session, trust_id, event_id, run_id);
}

std::optional<store::AllocationRun> AllocationService::latest_run(long long trust_id, long long event_id) {
    db::Database::Lease session(m_database);
    return store::latest_run(*session, trust_id, event_id);
}

namespace {

// Each person's placements read against their list: one pass over the rows, shared by the outcome
// and by publishing.
struct PersonTally {
    std::size_t rows = 0;          // slots they have a row in
    std::size_t presenting = 0;    // slots they present in
    std::vector<long long> offers; // the workshops they are placed in, one per slot
};

struct Tallies {
    std::unordered_map<long long, PersonTally> of_person;
    std::unordered_map<long long, long long> filled; // session -> people placed
    long long empty = 0, presenting = 0, moved_by_hand = 0;
};

Tallies tally(const std::vector<store::PlacementRow>& placements,
              const std::vector<WorkshopSession>& sessions, const std::vector<Workshop>& workshops) {
    std::unordered_map<long long, long long> offer_of_session;
    // Presenters have no workshop in the slots they present: those are not empty places.
    std::set<std::pair<long long, long long>> presenting; // (person, slot)
    for (const WorkshopSession& placed : sessions) {
        offer_of_session[placed.id] = placed.offer_id;
        if (const Workshop* workshop = by_id(workshops, placed.offer_id))
            presenting.emplace(workshop->presenter_id, placed.slot_id);
    }
    Tallies tallies;
    for (const auto& [person, slot] : presenting)
        ++tallies.of_person[person].presenting;
    for (const store::PlacementRow& row : placements) {
        PersonTally& person = tallies.of_person[row.person_id];
        ++person.rows;
        if (row.session_id == 0) {
            ++(presenting.count({row.person_id, row.slot_id}) ? tallies.presenting : tallies.empty);
            continue;
        }
        ++tallies.filled[row.session_id];
        person.offers.push_back(offer_of_session[row.session_id]);
        tallies.moved_by_hand += row.moved_by_hand ? 1 : 0;
    }
    return tallies;
}

// Counts one person who made choices into the outcome, people and places alike.
void count_chooser(AllocationOutcome& outcome, const Event& event, const std::vector<Choice>& ranked,
                   const PersonTally& tally, long long& rank_sum) {
    std::size_t chosen = 0;
    for (const long long offer : tally.offers) {
        const auto choice = std::find_if(ranked.begin(), ranked.end(), [&](const Choice& candidate) {
            return candidate.offer_id == offer;
        });
        if (choice == ranked.end()) {
            ++outcome.unchosen_places;
            continue;
        }
        ++chosen;
        if (choice->rank <= event.choices_wanted) {
            ++outcome.got_rank[static_cast<std::size_t>(choice->rank - 1)];
            rank_sum += choice->rank;
        } else {
            ++outcome.reserve_places;
        }
    }
    const std::size_t attending = tally.rows - std::min(tally.rows, tally.presenting);
    if (chosen == 0)
        ++outcome.none_of_their_choices;
    else if (chosen >= attending)
        ++outcome.all_chosen;
    else
        ++outcome.some_chosen;
}

} // namespace

AllocationOutcome AllocationService::outcome(const Event& event, const store::AllocationRun& run) {
    AllocationOutcome outcome;
    outcome.run = run;
    read_stats(outcome, run.stats);
    db::Database::Lease session(m_database);
    const long long trust_id = event.trust_id, event_id = event.id;
    const auto participants = store::participants(*session, event);
    const auto choices = store::choices_of_event(*session, trust_id, event_id);
    const auto placements = store::placements_of_event(*session, trust_id, event_id);
    const auto sessions = store::sessions_of(*session, trust_id, event_id);
    const auto workshops = store::approved_workshops(*session, trust_id, event_id);
    const auto slots = store::slots_of(*session, trust_id, event_id);
    const auto rooms = store::rooms_of(*session, trust_id, event_id);

    Tallies tallies = tally(placements, sessions, workshops);
    outcome.slots = static_cast<long long>(slots.size());
    outcome.places = static_cast<long long>(placements.size());
    outcome.empty_places = tallies.empty;
    outcome.presenting_places = tallies.presenting;
    outcome.moved_by_hand = tallies.moved_by_hand;
    std::unordered_map<long long, std::vector<Choice>> choices_of;
    for (const Choice& choice : choices)
        choices_of[choice.person_id].push_back(choice);
    outcome.got_rank.assign(static_cast<std::size_t>(event.choices_wanted), 0);
    outcome.people = static_cast<long long>(participants.size());
    long long rank_sum = 0;
    for (const Participant& person : participants) {
        const PersonTally& tally = tallies.of_person[person.id];
        const auto& ranked = choices_of[person.id];
        if (tally.rows == 0)
            ++outcome.not_in_run;
        else if (ranked.empty()) {
            ++outcome.made_no_choices;
            outcome.unchosen_places += static_cast<long long>(tally.offers.size());
        } else if (tally.presenting >= slots.size())
            ++outcome.presenting_all_day;
        else
            count_chooser(outcome, event, ranked, tally, rank_sum);
    }
    long long ranked_places = 0;
    for (const long long count : outcome.got_rank)
        ranked_places += count;
    outcome.average_rank =
        ranked_places ? static_cast<double>(rank_sum) / static_cast<double>(ranked_places) : 0;
    for (const WorkshopSession& placed : sessions) {
        const Workshop* workshop = by_id(workshops, placed.offer_id);
        const Slot* slot = by_id(slots, placed.slot_id);
        const Room* room = by_id(rooms, placed.room_id);
        outcome.sessions.push_back({placed.id, placed.slot_id, workshop ? workshop->title : "",
                                    slot ? slot->label() : "", room ? room->name : "",
                                    tallies.filled[placed.id], placed.capacity});
    }
    for (UnhappyPerson& person : outcome.unhappy)
        if (const Participant* found = by_id(participants, person.person_id)) {
            person.name = found->full_name();
            person.email = found->email;
        }
    return outcome;
}

std::vector<PersonPlacements> AllocationService::find_people(const Event& event, const std::string& text,
                                                             std::size_t limit) {
    const std::string wanted = lowered(text);
    if (wanted.empty())
        return {};
    db::Database::Lease session(m_database);
    std::vector<PersonPlacements> found;
    for (const Participant& person : store::participants(*session, event)) {
        if (found.size() >= limit)
            break;
        if (lowered(person.full_name()).find(wanted) != std::string::npos ||
            lowered(person.email).find(wanted) != std::string::npos)
            found.push_back({person, {}});
    }
    if (found.empty())
        return found;
    const auto placements = store::placements_of_event(*session, event.trust_id, event.id);
    for (PersonPlacements& entry : found)
        for (const store::PlacementRow& row : placements)
            if (row.person_id == entry.person.id)
                entry.rows.push_back(row);
    return found;
}

void AllocationService::move(const Event& event, long long person_id, long long slot_id,
                             long long session_id) {
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto placements = store::placements_of_event(sql, event.trust_id, event.id);
    const auto sessions = store::sessions_of(sql, event.trust_id, event.id);
    const auto person = store::participant(sql, event, person_id);
    const auto mine = std::find_if(placements.begin(), placements.end(), [&](const store::PlacementRow& row) {
        return row.person_id == person_id && row.slot_id == slot_id;
    });
    if (person.empty() || mine == placements.end())
        throw std::invalid_argument("That person has no place in that slot yet: run the allocation first.");
    if (session_id != 0) {
        const WorkshopSession* target = by_id(sessions, session_id);
        if (!target || target->slot_id != slot_id)
            throw std::invalid_argument("Choose a session in the same time slot.");
        for (const store::PlacementRow& row : placements)
            if (row.person_id == person_id && row.slot_id != slot_id && row.session_id != 0)
                if (const WorkshopSession* other = by_id(sessions, row.session_id);
                    other && other->offer_id == target->offer_id)
                    throw std::invalid_argument(person.front().full_name() +
                                                " already has that workshop in another slot.");
        store::lock_session(sql, event.trust_id, session_id);
        const long long taken = store::count_in_session(sql, event.trust_id, session_id);
        if (mine->session_id != session_id && taken >= target->capacity)
            throw std::invalid_argument("That session is full: " + std::to_string(taken) + " of " +
                                        std::to_string(target->capacity) + " places are taken. " +
                                        person.front().full_name() + " was not moved.");
    }
    store::move_person(sql, event.trust_id, event.id, person_id, slot_id, session_id);
    transaction.commit();
}

namespace {

PublishPlan plan_of(soci::session& sql, const Event& event) {
    if (event.stage != Stage::Allocating)
        throw std::invalid_argument("Only an event that is allocating places can be published.");
    auto run = store::latest_run(sql, event.trust_id, event.id);
    if (!run || run->status != "done")
        throw std::invalid_argument("Run the allocation before publishing timetables.");
    const Tallies tallies = tally(store::placements_of_event(sql, event.trust_id, event.id),
                                  store::sessions_of(sql, event.trust_id, event.id),
                                  store::approved_workshops(sql, event.trust_id, event.id));
    AllocationOutcome reasons;
    read_stats(reasons, run->stats);
    PublishPlan plan;
    for (const Participant& person : store::participants(sql, event)) {
        const auto found = tallies.of_person.find(person.id);
        const bool placed = found != tallies.of_person.end() && !found->second.offers.empty();
        if (placed || (found != tallies.of_person.end() && found->second.presenting > 0)) {
            plan.told.push_back(person.id);
            plan.placed += placed ? 1 : 0;
            continue;
        }
        std::string reason = found == tallies.of_person.end() || found->second.rows == 0
                                 ? "Joined after the allocation ran: run it again to place them."
                                 : "No workshop open to them had a place in any slot.";
        for (const UnhappyPerson& unhappy : reasons.unhappy)
            if (unhappy.person_id == person.id && !unhappy.reason.empty() && found != tallies.of_person.end())
                reason = unhappy.reason;
        plan.left_out.push_back({person, reason});
    }
    return plan;
}

} // namespace

PublishPlan AllocationService::plan_publish(const Event& event) {
    db::Database::Lease session(m_database);
    return plan_of(*session, event);
}

long long AllocationService::publish(const accounts::Actor& lead, const Event& event) {
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const PublishPlan plan = plan_of(sql, event);
    store::set_stage(sql, event.trust_id, event.id, Stage::Published);
    notifications::store::add_to_each(sql, event.trust_id, plan.told,
                                      "Your timetable for " + event.title + " is ready",
                                      "/events/" + std::to_string(event.id) + "/timetable");
    audit::store::record(sql, event.trust_id, lead.person_id, "places_published",
                         "Published timetables for " + event.title + ": " + std::to_string(plan.told.size()) +
                             " told, " + std::to_string(plan.left_out.size()) + " left out");
    transaction.commit();
    return static_cast<long long>(plan.told.size());
}

} // namespace trellis::events
