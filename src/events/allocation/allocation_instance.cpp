#include "events/allocation/allocation_instance.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

namespace trellis::events {

namespace {

// The engine names groups by position; these are the staff groups in enum order.
const std::vector<people::StaffGroup> kGroups = {people::StaffGroup::Teacher, people::StaffGroup::Ect,
                                                 people::StaffGroup::Support, people::StaffGroup::Leader};

int group_index(people::StaffGroup group) {
    return static_cast<int>(std::find(kGroups.begin(), kGroups.end(), group) - kGroups.begin());
}

// A presenter is busy in each slot where their workshop runs. The engine knows only workshops
// and compulsory ones, so each of those slots gets a one-seat "presenting" workshop that only runs
// then and that the presenter must attend; it maps back to no session, so their placement there is
// empty and their timetable shows the session they run.
void keep_presenters_free(EventInstance& result, const std::vector<Workshop>& workshops,
                          const std::vector<WorkshopSession>& sessions,
                          const std::unordered_map<long long, int>& slot_index) {
    allocation::Instance& instance = result.instance;
    std::unordered_map<long long, int> person_index;
    for (std::size_t i = 0; i < result.person_ids.size(); ++i)
        person_index[result.person_ids[i]] = static_cast<int>(i);
    std::unordered_map<long long, long long> presenter_of;
    for (const Workshop& workshop : workshops)
        presenter_of[workshop.id] = workshop.presenter_id;
    std::set<std::pair<int, int>> busy; // (person, slot): a double-booked presenter is busy once
    for (const WorkshopSession& session : sessions) {
        const auto person = person_index.find(presenter_of[session.offer_id]);
        const auto slot = slot_index.find(session.slot_id);
        if (person == person_index.end() || slot == slot_index.end() ||
            !busy.emplace(person->second, slot->second).second)
            continue;
        allocation::Workshop presenting;
        presenting.id = "presenting-" + std::to_string(session.id);
        presenting.title = "Presenting";
        presenting.session_in_slot.assign(instance.slots.size(), allocation::kNone);
        presenting.session_in_slot[slot->second] = static_cast<int>(instance.sessions.size());
        instance.sessions.push_back({static_cast<int>(instance.workshops.size()), slot->second, 1});
        result.session_ids.push_back(0);
        instance.people[person->second].must.push_back(static_cast<int>(instance.workshops.size()));
        instance.workshops.push_back(std::move(presenting));
    }
    // Someone presenting in every slot attends nothing, so their choices cannot be met or missed.
    for (auto& person : instance.people)
        if (person.must.size() >= instance.slots.size())
            person.choices.clear();
}

} // namespace

EventInstance instance_of(const EventLayout& layout, const std::vector<Workshop>& workshops,
                          const std::vector<WorkshopSession>& sessions,
                          const std::vector<Participant>& participants, const std::vector<Choice>& choices) {
    EventInstance result;
    allocation::Instance& instance = result.instance;
    std::unordered_map<long long, int> slot_index, workshop_index;
    for (const Slot& slot : layout.slots) {
        slot_index[slot.id] = static_cast<int>(instance.slots.size());
        instance.slots.push_back("slot-" + std::to_string(slot.id));
        result.slot_ids.push_back(slot.id);
        result.slot_labels.push_back(slot.label());
    }
    for (const auto group : kGroups)
        instance.groups.push_back(people::text_of(group));

    for (const Workshop& workshop : workshops) {
        const bool runs = std::any_of(sessions.begin(), sessions.end(), [&](const WorkshopSession& session) {
            return session.offer_id == workshop.id;
        });
        if (!runs)
            continue;
        allocation::Workshop engine_workshop;
        engine_workshop.id = "workshop-" + std::to_string(workshop.id);
        engine_workshop.title = workshop.title;
        for (const auto group : workshop.audience)
            engine_workshop.audience.push_back(group_index(group));
        engine_workshop.session_in_slot.assign(instance.slots.size(), allocation::kNone);
        workshop_index[workshop.id] = static_cast<int>(instance.workshops.size());
        instance.workshops.push_back(engine_workshop);
    }
    for (const WorkshopSession& session : sessions) {
        auto workshop = workshop_index.find(session.offer_id);
        auto slot = slot_index.find(session.slot_id);
        if (workshop == workshop_index.end() || slot == slot_index.end())
            continue;
        instance.workshops[workshop->second].session_in_slot[slot->second] =
            static_cast<int>(instance.sessions.size());
        instance.sessions.push_back({workshop->second, slot->second, session.capacity});
        result.session_ids.push_back(session.id);
    }

    std::unordered_map<long long, std::vector<const Choice*>> choices_of;
    for (const Choice& choice : choices)
        choices_of[choice.person_id].push_back(&choice);
    for (const Participant& participant : participants) {
        allocation::Person person;
        person.id = "person-" + std::to_string(participant.id);
        person.group = group_index(participant.group);
        auto& ranked = choices_of[participant.id];
        std::sort(ranked.begin(), ranked.end(),
                  [](const Choice* a, const Choice* b) { return a->rank < b->rank; });
        for (const Choice* choice : ranked) {
            auto workshop = workshop_index.find(choice->offer_id);
            if (workshop == workshop_index.end())
                continue;
            const auto& audience = instance.workshops[workshop->second].audience;
            const bool open = audience.empty() ||
                              std::find(audience.begin(), audience.end(), person.group) != audience.end();
            if (open && std::find(person.choices.begin(), person.choices.end(), workshop->second) ==
                            person.choices.end())
                person.choices.push_back(workshop->second);
        }
        instance.people.push_back(std::move(person));
        result.person_ids.push_back(participant.id);
    }
    keep_presenters_free(result, workshops, sessions, slot_index);
    return result;
}

std::string readable(const std::string& reason, const EventInstance& built) {
    std::unordered_map<std::string, std::string> names;
    for (const auto& workshop : built.instance.workshops)
        names[workshop.id] = workshop.title;
    for (std::size_t slot = 0; slot < built.slot_labels.size(); ++slot)
        names[built.instance.slots[slot]] = built.slot_labels[slot];
    // Engine ids are a word, a hyphen and a number ("workshop-12", "slot-3"); anything else is kept.
    std::string text;
    std::size_t at = 0;
    while (at < reason.size()) {
        std::size_t end = at;
        while (end < reason.size() &&
               (std::isalnum(static_cast<unsigned char>(reason[end])) || reason[end] == '-'))
            ++end;
        if (end == at) {
            text += reason[at++];
            continue;
        }
        const std::string word = reason.substr(at, end - at);
        const auto name = names.find(word);
        text += name == names.end() ? word : name->second;
        at = end;
    }
    return text;
}

std::vector<store::PlacementRow> placements_of(const EventInstance& instance,
                                               const allocation::Allocation& allocation) {
    std::vector<store::PlacementRow> rows;
    rows.reserve(instance.person_ids.size() * instance.slot_ids.size());
    for (std::size_t person = 0; person < instance.person_ids.size(); ++person)
        for (std::size_t slot = 0; slot < instance.slot_ids.size(); ++slot) {
            int session = allocation::kNone;
            if (person < allocation.session_of.size() && slot < allocation.session_of[person].size())
                session = allocation.session_of[person][slot];
            rows.push_back(
                {instance.person_ids[person], instance.slot_ids[slot],
                 session == allocation::kNone ? 0 : instance.session_ids[static_cast<std::size_t>(session)],
                 false});
        }
    return rows;
}

} // namespace trellis::events
