#include "events/schedule/schedule_service.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "events/choices/choice_store.h"
#include "events/event_store.h"
#include "events/schedule/schedule_store.h"

namespace trellis::events {

namespace {

template <typename Row> const Row* by_id(const std::vector<Row>& rows, long long id) {
    for (const Row& row : rows)
        if (row.id == id)
            return &row;
    return nullptr;
}

// The weight of a choice in the expected demand: a first choice counts most.
double weight_of_rank(int rank, int ranks) {
    return std::max(1, ranks + 1 - rank);
}

} // namespace

bool open_to(const Workshop& workshop, people::StaffGroup group) {
    return workshop.audience.empty() ||
           std::find(workshop.audience.begin(), workshop.audience.end(), group) != workshop.audience.end();
}

bool schedule_is_open(Stage stage) {
    return stage == Stage::Scheduling || stage == Stage::Choices;
}

void check_schedule(const ScheduleView& view, const std::vector<Placement>& cells) {
    std::set<std::pair<long long, long long>> rooms_used, workshops_in_slot;
    std::map<long long, std::set<long long>> slots_of_workshop;
    std::map<std::pair<long long, long long>, const Workshop*> presenting; // (slot, presenter)
    for (const Placement& cell : cells) {
        const Slot* slot = by_id(view.layout.slots, cell.slot_id);
        const Room* room = by_id(view.layout.rooms, cell.room_id);
        const Workshop* workshop = by_id(view.workshops, cell.offer_id);
        if (!slot || !room)
            throw std::invalid_argument("A slot or room in the form is not one of this event's.");
        if (!workshop)
            throw std::invalid_argument("Only approved workshops of this event can be scheduled.");
        if (!rooms_used.insert({cell.slot_id, cell.room_id}).second)
            throw std::invalid_argument(room->name + " has two workshops at " + slot->label() + ".");
        if (!workshops_in_slot.insert({cell.slot_id, cell.offer_id}).second)
            throw std::invalid_argument("\"" + workshop->title + "\" is placed twice at " + slot->label() +
                                        "; a workshop runs once in a slot.");
        if (room->capacity < workshop->max_group)
            throw std::invalid_argument("\"" + workshop->title + "\" is for up to " +
                                        std::to_string(workshop->max_group) + " people but " + room->name +
                                        " holds " + std::to_string(room->capacity) +
                                        ": choose a larger room.");
        const Workshop*& other = presenting[{cell.slot_id, workshop->presenter_id}];
        if (other && other->id != workshop->id)
            throw std::invalid_argument(workshop->presenter_name + " presents both \"" + other->title +
                                        "\" and \"" + workshop->title + "\" at " + slot->label() +
                                        ": a presenter can run one workshop at a time.");
        other = workshop;
        slots_of_workshop[cell.offer_id].insert(cell.slot_id);
        if (!workshop->can_repeat && slots_of_workshop[cell.offer_id].size() > 1)
            throw std::invalid_argument("\"" + workshop->title +
                                        "\" runs only once: its presenter did not offer to repeat it.");
    }
}

std::vector<Placement> suggest_schedule(const ScheduleView& view, const std::vector<double>& demand,
                                        long long participants) {
    const auto& slots = view.layout.slots;
    const auto& rooms = view.layout.rooms;
    const auto& workshops = view.workshops;
    const std::size_t cells = slots.size() * rooms.size();

    // How many sessions each workshop gets: one each, most wanted first, then repeats for the
    // workshops with the most demand per session until the places cover everyone with some to spare.
    std::vector<std::size_t> order(workshops.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return demand[a] > demand[b]; });
    std::vector<int> sessions(workshops.size(), 0);
    std::size_t used = 0;
    double places = 0;
    for (std::size_t index : order)
        if (used < cells) {
            sessions[index] = 1;
            ++used;
            places += workshops[index].max_group;
        }
    // A presenter runs one session per slot, so repeats stop when their slots are all taken.
    std::map<long long, int> presenting;
    for (std::size_t index = 0; index < workshops.size(); ++index)
        presenting[workshops[index].presenter_id] += sessions[index];
    const int slot_count = static_cast<int>(slots.size());
    const double wanted_places = 1.15 * static_cast<double>(participants) * static_cast<double>(slots.size());
    while (used < cells && places < wanted_places) {
        std::optional<std::size_t> best;
        for (std::size_t index : order)
            if (workshops[index].can_repeat && sessions[index] > 0 && sessions[index] < slot_count &&
                presenting[workshops[index].presenter_id] < slot_count &&
                (!best || demand[index] / sessions[index] > demand[*best] / sessions[*best]))
                best = index;
        if (!best)
            break;
        ++sessions[*best];
        ++presenting[workshops[*best].presenter_id];
        ++used;
        places += workshops[*best].max_group;
    }

    // Where: each session goes to the least loaded slot that lacks the workshop and has a free room
    // large enough, in the smallest such room, so large rooms stay for large groups. Every
    // workshop's first session is placed before any repeat.
    std::vector<double> load(slots.size(), 0);
    std::set<std::pair<std::size_t, std::size_t>> taken; // (slot, room)
    std::vector<Placement> placed;
    for (int copy = 0; copy < slot_count; ++copy)
        for (std::size_t index : order) {
            if (copy >= sessions[index])
                continue;
            const Workshop& workshop = workshops[index];
            std::optional<std::pair<std::size_t, std::size_t>> best;
            for (std::size_t slot = 0; slot < slots.size(); ++slot) {
                // Not twice in a slot, and not while its presenter runs another workshop.
                const bool already = std::any_of(placed.begin(), placed.end(), [&](const Placement& cell) {
                    return cell.slot_id == slots[slot].id &&
                           (cell.offer_id == workshop.id ||
                            by_id(workshops, cell.offer_id)->presenter_id == workshop.presenter_id);
                });
                if (already)
                    continue;
                std::optional<std::size_t> room_found;
                for (std::size_t room = 0; room < rooms.size(); ++room)
                    if (!taken.count({slot, room}) && rooms[room].capacity >= workshop.max_group &&
                        (!room_found || rooms[room].capacity < rooms[*room_found].capacity))
                        room_found = room;
                if (room_found && (!best || load[slot] < load[best->first]))
                    best = std::make_pair(slot, *room_found);
            }
            if (!best)
                continue;
            taken.insert(*best);
            load[best->first] += demand[index] / sessions[index];
            placed.push_back({slots[best->first].id, rooms[best->second].id, workshop.id});
        }
    return placed;
}

std::optional<ScheduleView> ScheduleService::view(long long trust_id, long long event_id) {
    db::Database::Lease session(m_database);
    auto event = store::find_event(*session, trust_id, event_id);
    if (!event)
        return std::nullopt;
    ScheduleView view;
    view.layout = EventLayout{*event, store::slots_of(*session, trust_id, event_id),
                              store::rooms_of(*session, trust_id, event_id),
                              store::priorities_of(*session, trust_id, event_id)};
    view.workshops = store::approved_workshops(*session, trust_id, event_id);
    view.sessions = store::sessions_of(*session, trust_id, event_id);
    return view;
}

void ScheduleService::save(const accounts::Actor& lead, long long event_id,
                           const std::vector<Placement>& cells) {
    auto current = view(lead.trust_id, event_id);
    if (!current)
        throw std::invalid_argument("There is no such event.");
    if (!schedule_is_open(current->layout.event.stage))
        throw std::invalid_argument(
            "The schedule can change only while scheduling or while choices are open.");
    std::vector<Placement> filled;
    for (const Placement& cell : cells)
        if (cell.offer_id != 0)
            filled.push_back(cell);
    check_schedule(*current, filled);
    db::Transaction transaction(m_database);
    store::replace_sessions(transaction.session(), lead.trust_id, event_id, filled);
    transaction.commit();
}

std::vector<Placement> ScheduleService::suggest(long long trust_id, long long event_id) {
    auto current = view(trust_id, event_id);
    if (!current)
        return {};
    std::vector<Choice> choices;
    long long participants = 0;
    {
        db::Database::Lease session(m_database);
        choices = store::choices_of_event(*session, trust_id, event_id);
        participants = store::count_participants(*session, current->layout.event);
    }
    const int ranks = current->layout.event.choices_wanted + current->layout.event.reserves_wanted;
    std::vector<double> demand(current->workshops.size(), choices.empty() ? 1.0 : 0.0);
    for (const Choice& choice : choices)
        for (std::size_t index = 0; index < current->workshops.size(); ++index)
            if (current->workshops[index].id == choice.offer_id)
                demand[index] += weight_of_rank(choice.rank, ranks);
    return suggest_schedule(*current, demand, participants);
}

} // namespace trellis::events
