#include "events/service.h"

#include <algorithm>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "events/choices/choice_store.h"
#include "events/event_store.h"
#include "events/model.h"
#include "priorities/store.h"
#include "text/form_values.h"
#include "text/words.h"

namespace trellis::events {

namespace {

bool is_date(const std::string& text) {
    static const std::regex pattern(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
    return std::regex_match(text, pattern);
}

Event event_from(const accounts::Actor& lead, const EventForm& form) {
    Event event;
    event.trust_id = lead.trust_id;
    event.created_by = lead.person_id;
    event.title = trimmed(form.title);
    if (event.title.empty() || event.title.size() > 200)
        throw std::invalid_argument("Give the event a title (up to 200 characters).");
    event.event_date = trimmed(form.event_date);
    if (!is_date(event.event_date))
        throw std::invalid_argument("The date of the event must be a date such as 2027-02-15.");
    for (auto [value, name] :
         {std::pair{&form.offers_close, "Offers close"}, std::pair{&form.choices_open, "Choices open"},
          std::pair{&form.choices_close, "Choices close"}})
        if (!trimmed(*value).empty() && !is_date(trimmed(*value)))
            throw std::invalid_argument(std::string(name) +
                                        " must be a date such as 2027-01-20, or left empty.");
    event.venue = trimmed(form.venue);
    event.choices_wanted = text::whole_number_in(form.choices_wanted, "Choices each person ranks", 1, 6);
    event.reserves_wanted = text::whole_number_in(form.reserves_wanted, "Reserve choices", 0, 3);
    event.offers_close = trimmed(form.offers_close);
    event.choices_open = trimmed(form.choices_open);
    event.choices_close = trimmed(form.choices_close);
    for (const auto& name : form.staff_groups)
        if (auto group = people::staff_group_from_text(name))
            event.staff_groups.push_back(*group);
    for (const auto& id : form.school_ids)
        try {
            event.school_ids.push_back(std::stoll(id));
        } catch (const std::exception&) {
            throw std::invalid_argument("One of the schools ticked is not a school of this trust.");
        }
    if (event.school_ids.empty())
        throw std::invalid_argument("Tick at least one school taking part.");
    event.brief_purpose = trimmed(form.brief_purpose);
    event.brief_audiences = trimmed(form.brief_audiences);
    event.brief_format = trimmed(form.brief_format);
    event.brief_length = trimmed(form.brief_length);
    event.brief_quality = trimmed(form.brief_quality);
    return event;
}

// Gives parsed rows the ids of the rows they replace, so what was placed in them stays: slots and
// priorities by position, rooms by name.
void keep_ids(std::vector<Slot>& slots, const std::vector<Slot>& existing) {
    for (std::size_t i = 0; i < slots.size() && i < existing.size(); ++i)
        slots[i].id = existing[i].id;
}
void keep_ids(std::vector<Priority>& priorities, const std::vector<Priority>& existing) {
    for (std::size_t i = 0; i < priorities.size() && i < existing.size(); ++i)
        priorities[i].id = existing[i].id;
}
void keep_ids(std::vector<Room>& rooms, const std::vector<Room>& existing) {
    for (Room& room : rooms)
        for (const Room& old : existing)
            if (old.name == room.name)
                room.id = old.id;
}

template <typename Row, typename Join> std::string lines_from(const std::vector<Row>& rows, Join join) {
    std::string text;
    for (const Row& row : rows)
        text += join(row) + "\n";
    return text;
}

} // namespace

std::vector<Slot> slots_from_text(const std::string& text) {
    std::vector<Slot> slots;
    for (const auto& line : text::lines_of(text)) {
        const auto dash = line.find('-');
        Slot slot;
        slot.position = static_cast<int>(slots.size()) + 1;
        if (dash != std::string::npos) {
            slot.starts_at = trimmed(line.substr(0, dash));
            slot.ends_at = trimmed(line.substr(dash + 1));
        }
        if (!text::is_time(slot.starts_at) || !text::is_time(slot.ends_at) || slot.ends_at <= slot.starts_at)
            throw std::invalid_argument("Time slot \"" + line +
                                        "\" must be a start and an end time, such as 09:30-10:30.");
        if (!slots.empty() && slot.starts_at < slots.back().ends_at)
            throw std::invalid_argument("Time slot \"" + line + "\" starts before the slot above it ends.");
        slots.push_back(slot);
    }
    if (slots.empty() || slots.size() > 8)
        throw std::invalid_argument("List between 1 and 8 time slots, one per line.");
    return slots;
}

std::vector<Room> rooms_from_text(const std::string& text) {
    std::vector<Room> rooms;
    for (const auto& line : text::lines_of(text)) {
        std::vector<std::string> parts;
        std::stringstream stream(line);
        std::string part;
        while (std::getline(stream, part, ','))
            parts.push_back(trimmed(part));
        Room room;
        room.name = parts.empty() ? "" : parts[0];
        if (room.name.empty() || parts.size() < 2)
            throw std::invalid_argument("Room \"" + line +
                                        "\" must be a name and a capacity, such as Library, 30.");
        room.capacity =
            text::whole_number_in(parts[1], "The capacity of room \"" + room.name + "\"", 1, 2000);
        for (std::size_t i = 2; i < parts.size(); ++i)
            room.notes += (i > 2 ? ", " : "") + parts[i];
        for (const Room& other : rooms)
            if (other.name == room.name)
                throw std::invalid_argument("Room \"" + room.name + "\" is listed twice.");
        rooms.push_back(room);
    }
    if (rooms.empty())
        throw std::invalid_argument("List at least one room, one per line, such as Library, 30.");
    return rooms;
}

std::vector<Priority> priorities_from_text(const std::string& text) {
    std::vector<Priority> priorities;
    for (const auto& line : text::lines_of(text)) {
        if (line.size() > 200)
            throw std::invalid_argument("Priority \"" + line.substr(0, 40) +
                                        "…\" is longer than 200 characters.");
        Priority priority;
        priority.position = static_cast<int>(priorities.size()) + 1;
        priority.title = line;
        priorities.push_back(priority);
    }
    if (priorities.empty())
        throw std::invalid_argument(
            "List at least one of the trust's priorities for the brief, one per line.");
    return priorities;
}

long long EventService::create(const accounts::Actor& lead, const EventForm& form) {
    Event event = event_from(lead, form);
    auto slots = slots_from_text(form.slots);
    auto rooms = rooms_from_text(form.rooms);
    auto priorities = priorities_from_text(form.priorities);
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const long long id = store::insert_event(sql, event);
    store::replace_slots(sql, lead.trust_id, id, slots);
    store::replace_rooms(sql, lead.trust_id, id, rooms);
    store::replace_priorities(sql, lead.trust_id, id, priorities);
    ::trellis::priorities::store::link_event_priorities(sql, lead.trust_id, id);
    transaction.commit();
    return id;
}

void EventService::update(const accounts::Actor& lead, long long event_id, const EventForm& form) {
    Event event = event_from(lead, form);
    event.id = event_id;
    auto slots = slots_from_text(form.slots);
    auto rooms = rooms_from_text(form.rooms);
    auto priorities = priorities_from_text(form.priorities);
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    if (!store::find_event(sql, lead.trust_id, event_id))
        throw std::invalid_argument("There is no such event.");
    keep_ids(slots, store::slots_of(sql, lead.trust_id, event_id));
    keep_ids(rooms, store::rooms_of(sql, lead.trust_id, event_id));
    keep_ids(priorities, store::priorities_of(sql, lead.trust_id, event_id));
    store::update_event(sql, event);
    store::replace_slots(sql, lead.trust_id, event_id, slots);
    store::replace_rooms(sql, lead.trust_id, event_id, rooms);
    store::replace_priorities(sql, lead.trust_id, event_id, priorities);
    ::trellis::priorities::store::link_event_priorities(sql, lead.trust_id, event_id);
    transaction.commit();
}

EventForm EventService::form_of(const EventLayout& layout) const {
    const Event& event = layout.event;
    EventForm form{event.title,
                   event.event_date,
                   event.venue,
                   std::to_string(event.choices_wanted),
                   std::to_string(event.reserves_wanted),
                   event.offers_close,
                   event.choices_open,
                   event.choices_close,
                   {},
                   {},
                   event.brief_purpose,
                   event.brief_audiences,
                   event.brief_format,
                   event.brief_length,
                   event.brief_quality,
                   "",
                   "",
                   ""};
    for (const auto group : event.staff_groups)
        form.staff_groups.push_back(people::text_of(group));
    for (const long long id : event.school_ids)
        form.school_ids.push_back(std::to_string(id));
    form.slots =
        lines_from(layout.slots, [](const Slot& slot) { return slot.starts_at + "-" + slot.ends_at; });
    form.rooms = lines_from(layout.rooms, [](const Room& room) {
        return room.name + ", " + std::to_string(room.capacity) +
               (room.notes.empty() ? "" : ", " + room.notes);
    });
    form.priorities = lines_from(layout.priorities, [](const Priority& priority) { return priority.title; });
    return form;
}

std::optional<Event> EventService::find(long long trust_id, long long event_id) {
    auto session = m_database.lease();
    return store::find_event(*session, trust_id, event_id);
}

std::optional<EventLayout> EventService::layout(long long trust_id, long long event_id) {
    auto session = m_database.lease();
    auto event = store::find_event(*session, trust_id, event_id);
    if (!event)
        return std::nullopt;
    return EventLayout{*event, store::slots_of(*session, trust_id, event_id),
                       store::rooms_of(*session, trust_id, event_id),
                       store::priorities_of(*session, trust_id, event_id)};
}

std::optional<EventLayout> EventService::layout(const accounts::Actor& actor, long long event_id) {
    const auto days = trust_days(actor, nullptr);
    for (const EventLayout& layout : *days)
        if (layout.event.id == event_id)
            return layout;
    return std::nullopt;
}

std::vector<Event> EventService::events(const accounts::Actor& actor) {
    return events_in(*trust_days(actor, nullptr));
}

std::vector<Event> EventService::events(const accounts::Actor& actor, soci::session& sql) {
    return events_in(*trust_days(actor, &sql));
}

std::shared_ptr<const std::vector<EventLayout>> EventService::trust_days(const accounts::Actor& actor,
                                                                         soci::session* sql) {
    return m_days.at(actor.trust_id, actor.shared_version, [&] {
        if (sql)
            return store::layouts_of(*sql, actor.trust_id);
        auto session = m_database.lease();
        return store::layouts_of(*session, actor.trust_id);
    });
}

std::vector<Event> EventService::events_in(const std::vector<EventLayout>& days) {
    std::vector<Event> events;
    events.reserve(days.size());
    for (const EventLayout& layout : days)
        events.push_back(layout.event);
    return events;
}

std::vector<Event> EventService::events_for(const accounts::Actor& actor) {
    auto all = events(actor);
    std::erase_if(all, [&](const Event& event) {
        return event.stage == Stage::Draft || !takes_part(event, actor.staff_group, actor.school_id);
    });
    return all;
}

void EventService::set_stage(long long trust_id, long long event_id, Stage stage) {
    db::Transaction transaction(m_database);
    store::set_stage(transaction.session(), trust_id, event_id, stage);
    transaction.commit();
}

DayCounts EventService::counts(const Event& event) {
    auto session = m_database.lease();
    DayCounts counts = store::day_counts(*session, event.trust_id, event.id);
    counts.taking_part = store::count_participants(*session, event);
    return counts;
}

DayCounts EventService::stage_counts(const Event& event) {
    auto session = m_database.lease();
    DayCounts counts = store::day_counts(*session, event.trust_id, event.id, event.stage);
    if (event.stage == Stage::Choices)
        counts.taking_part = store::count_participants(*session, event);
    return counts;
}

std::vector<long long> EventService::reviewers(long long trust_id, long long event_id) {
    auto session = m_database.lease();
    return store::reviewers_of(*session, trust_id, event_id);
}

void EventService::set_reviewers(long long trust_id, long long event_id,
                                 const std::vector<long long>& person_ids) {
    db::Transaction transaction(m_database);
    store::set_reviewers(transaction.session(), trust_id, event_id, person_ids);
    transaction.commit();
}

bool EventService::is_reviewer(long long trust_id, long long event_id, long long person_id) {
    auto session = m_database.lease();
    return store::is_reviewer(*session, trust_id, event_id, person_id);
}

} // namespace trellis::events
