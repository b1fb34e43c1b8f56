#include "demo/demo_training_day.h"

#include <algorithm>
#include <map>
#include <set>
#include <span>
#include <stdexcept>

#include "attendance/store.h"
#include "demo/demo_names.h"
#include "demo/demo_workshops.h"
#include "events/allocation/allocation_service.h"
#include "events/allocation/allocation_store.h"
#include "events/choices/choice_store.h"
#include "events/day/feedback_store.h"
#include "events/model.h"
#include "events/schedule/schedule_service.h"
#include "events/schedule/schedule_store.h"
#include "events/service.h"
#include "feedback/store.h"

namespace trellis::demo {

namespace {

using people::StaffGroup;

// The schools taking part: two schools and the special school with the central team, so that the
// demo logins Grace (Oakfield Academy), Tom and Dan (Meadowbank) are among them.
constexpr const char* kSchoolsTakingPart[] = {"Oakfield Academy", "Meadowbank Primary School",
                                              "Kestrel Fields School"};
constexpr const char* kTitle = "Spring training day";
// Out of a hundred, how many people have made their choices so far.
constexpr unsigned kChosenPercent = 80;

std::string lines_of_rooms() {
    std::string text;
    for (const DemoRoom& room : kRooms)
        text += std::string(room.name) + ", " + std::to_string(room.capacity) +
                (room.notes[0] ? std::string(", ") + room.notes : "") + "\n";
    return text;
}

events::EventForm event_form(const std::vector<long long>& school_ids) {
    events::EventForm form;
    form.title = kTitle;
    form.event_date = "2027-02-15";
    form.venue = "Oakfield Academy, Station Road";
    form.offers_close = "2026-12-11";
    form.choices_open = "2027-01-11";
    form.choices_close = "2027-02-01";
    form.staff_groups = {"teacher", "ect", "support", "leader"};
    for (long long id : school_ids)
        form.school_ids.push_back(std::to_string(id));
    form.brief_purpose = "One day, led by our own colleagues, on the trust's five priorities for this year.";
    form.brief_audiences = "Everyone: teachers, early career teachers, support staff and leaders.";
    form.brief_format = "Practical workshops with something to try the next week; no lectures.";
    form.brief_length = "Sixty minutes.";
    form.brief_quality =
        "Grounded in what has worked in our schools, with evidence of impact where there is some.";
    form.slots = "09:15-10:15\n10:45-11:45\n13:00-14:00";
    form.rooms = lines_of_rooms();
    for (const char* priority : kPriorities)
        form.priorities += std::string(priority) + "\n";
    return form;
}

// The next two days, so each stage shows: a call for offers staff can answer now, and a draft the
// leads are still preparing (staff do not see it).
void load_later_days(events::EventService& events, const accounts::Actor& lead,
                     const std::vector<long long>& school_ids) {
    events::EventForm summer = event_form(school_ids);
    summer.title = "Summer training day";
    summer.event_date = "2027-06-25";
    summer.venue = "Riverside High School";
    summer.offers_close = "2027-03-26";
    summer.choices_open = "2027-04-19";
    summer.choices_close = "2027-05-21";
    summer.brief_purpose =
        "What we have learned this year, shared by the colleagues who tried it: bring something "
        "that worked, or something that did not and why.";
    events.set_stage(lead.trust_id, events.create(lead, summer), events::Stage::Offers);

    events::EventForm autumn = event_form(school_ids);
    autumn.title = "Autumn inset day";
    autumn.event_date = "2027-09-03";
    autumn.venue = "Oakfield Academy, Station Road";
    autumn.offers_close = autumn.choices_open = autumn.choices_close = "";
    autumn.brief_purpose =
        "The first day of the new year: induction for new staff, and the trust's priorities for "
        "the year ahead.";
    events.create(lead, autumn); // a new day starts as a draft
}

// Presenters are colleagues from the schools taking part, never the demo logins, and never two
// workshops each. A workshop for support staff only is led by a member of support staff.
std::vector<long long> presenters(std::span<const DemoWorkshop> workshops,
                                  const std::vector<events::Participant>& people,
                                  const std::set<std::string>& logins) {
    std::vector<long long> chosen;
    std::set<long long> taken;
    for (const DemoWorkshop& workshop : workshops) {
        const bool support_only = std::string(workshop.audience) == "support";
        for (const events::Participant& person : people) {
            const bool support = person.group == StaffGroup::Support;
            if (logins.count(person.email) || taken.count(person.id) || support != support_only ||
                person.school_id == 0)
                continue;
            chosen.push_back(person.id);
            taken.insert(person.id);
            break;
        }
    }
    if (chosen.size() != workshops.size())
        throw std::runtime_error("The demo trust has too few staff to present the demo workshops.");
    return chosen;
}

// Up to the event's choices and reserves, among the workshops open to the person: the earlier
// workshops in the list are wanted more, as a few workshops are in any real event.
std::vector<long long> choices_for(std::span<const DemoWorkshop> workshops, const events::Participant& person,
                                   const std::vector<long long>& offers, int wanted, Sequence& sequence) {
    std::vector<std::size_t> open;
    for (std::size_t index = 0; index < workshops.size(); ++index) {
        const auto audience = people::staff_groups_from_text(workshops[index].audience);
        const std::string phase = workshops[index].phase;
        if ((audience.empty() || std::count(audience.begin(), audience.end(), person.group)) &&
            (phase.empty() || phase == person.phase))
            open.push_back(index);
    }
    std::vector<long long> chosen;
    while (static_cast<int>(chosen.size()) < wanted && !open.empty()) {
        unsigned total = 0;
        for (std::size_t position = 0; position < open.size(); ++position)
            total += static_cast<unsigned>(2 * workshops.size() - open[position]);
        unsigned roll = sequence.next(total);
        std::size_t position = 0;
        for (; position + 1 < open.size(); ++position) {
            const unsigned weight = static_cast<unsigned>(2 * workshops.size() - open[position]);
            if (roll < weight)
                break;
            roll -= weight;
        }
        chosen.push_back(offers[open[position]]);
        open.erase(open.begin() + static_cast<std::ptrdiff_t>(position));
    }
    return chosen;
}

// Offers each workshop on the event, approved, from the colleagues chosen to present it. Returns the
// offers' ids, in the catalogue's order.
std::vector<long long> offer_workshops(db::Database& database, const accounts::Actor& lead,
                                       const events::EventLayout& layout,
                                       std::span<const DemoWorkshop> workshops,
                                       const std::vector<long long>& presenter_ids) {
    std::vector<long long> offers;
    {
        db::Transaction transaction(database);
        auto& sql = transaction.session();
        for (std::size_t index = 0; index < workshops.size(); ++index) {
            const DemoWorkshop& demo = workshops[index];
            events::Workshop workshop;
            workshop.presenter_id = presenter_ids[index];
            workshop.title = demo.title;
            workshop.summary = demo.summary;
            workshop.outcomes = demo.outcomes;
            workshop.phase = demo.phase;
            workshop.audience = people::staff_groups_from_text(demo.audience);
            workshop.priority_id = layout.priorities[static_cast<std::size_t>(demo.priority)].id;
            workshop.max_group = demo.max_group;
            workshop.can_repeat = demo.can_repeat;
            offers.push_back(
                events::store::insert_approved_offer(sql, lead.trust_id, layout.event.id, workshop));
        }
        transaction.commit();
    }
    return offers;
}

// The past day's timetable as the lead made it: in each slot, the workshops (by their place in
// kPastWorkshops) in the largest rooms first, with a seat for everyone in each slot.
constexpr std::size_t kPastTimetable[2][5] = {{3, 0, 7, 5, 2}, {0, 1, 7, 6, 4}};

std::vector<events::Placement> past_timetable(const events::EventLayout& layout,
                                              const std::vector<long long>& offers) {
    std::vector<events::Placement> cells;
    for (std::size_t slot = 0; slot < std::size(kPastTimetable); ++slot)
        for (std::size_t room = 0; room < std::size(kPastTimetable[slot]); ++room)
            cells.push_back(
                {layout.slots.at(slot).id, layout.rooms.at(room).id, offers.at(kPastTimetable[slot][room])});
    return cells;
}

std::vector<events::Participant> participants_of(db::Database& database, const events::Event& event) {
    db::Database::Lease session(database);
    return events::store::participants(*session, event);
}

std::vector<long long> school_ids_taking_part(const std::vector<std::pair<long long, std::string>>& schools) {
    std::vector<long long> school_ids;
    for (const char* name : kSchoolsTakingPart)
        for (const auto& [id, school_name] : schools)
            if (school_name == name)
                school_ids.push_back(id);
    return school_ids;
}

// A rating out of 5 from someone who came: most workshops are liked, the first two of the past day's
// catalogue most of all, and one in four people leaves nothing.
int rating_for(std::size_t workshop_index, Sequence& sequence) {
    static const int kRatings[][5] = {{5, 5, 5, 4, 5}, {5, 4, 5, 4, 4}, {4, 3, 4, 5, 3}};
    const std::size_t band = std::min<std::size_t>(workshop_index, 2);
    return kRatings[band][sequence.next(5)];
}

// Registers taken on the day (nearly everyone placed came) and the feedback those who came gave. The
// demo logins came but have not answered, so that they can try the survey.
void keep_the_day(db::Database& database, const accounts::Actor& lead, const events::Event& event,
                  const std::vector<long long>& offers, const std::set<long long>& login_ids) {
    db::Transaction transaction(database);
    auto& sql = transaction.session();
    std::map<long long, std::vector<attendance::RegisterEntry>> registers;
    Sequence sequence;
    for (const events::store::PlacementRow& row :
         events::store::placements_of_event(sql, lead.trust_id, event.id))
        if (row.session_id) {
            attendance::RegisterEntry entry;
            entry.person_id = row.person_id;
            entry.present = login_ids.count(row.person_id) || sequence.next(20) != 0;
            registers[row.session_id].push_back(entry);
        }
    for (const auto& [session_id, entries] : registers)
        attendance::store::save_register(sql, lead.trust_id, {attendance::SessionKind::Workshop, session_id},
                                         lead.person_id, entries);

    std::map<long long, std::size_t> index_of_offer;
    for (std::size_t index = 0; index < offers.size(); ++index)
        index_of_offer[offers[index]] = index;
    for (const events::Participant& person : participants_of(database, event)) {
        if (login_ids.count(person.id) || sequence.next(4) == 0)
            continue;
        std::vector<feedback::Answer> answers;
        for (const auto& [offer_id, title] :
             events::feedback_store::attended_workshops(sql, lead.trust_id, event.id, person.id))
            answers.push_back({offer_id, rating_for(index_of_offer[offer_id], sequence), ""});
        if (answers.empty())
            continue;
        answers.push_back({0, 4 + static_cast<int>(sequence.next(2)), ""}); // the day as a whole
        feedback::store::save_answers(sql, lead.trust_id, {feedback::AboutKind::Event, event.id}, person.id,
                                      answers);
    }
    transaction.commit();
}

// The day before half-term, from offers to feedback, allocated by the engine like any other.
void load_past_day(db::Database& database, const accounts::Actor& lead,
                   const std::vector<long long>& school_ids, const std::set<std::string>& logins,
                   const std::vector<long long>& presenting_later) {
    events::EventForm form = event_form(school_ids);
    form.title = "November inset day";
    form.event_date = "2026-11-02";
    form.offers_close = "2026-09-25";
    form.choices_open = "2026-10-05";
    form.choices_close = "2026-10-16";
    form.slots = "09:15-10:30\n11:00-12:15";
    form.brief_purpose = "Two workshops each, led by our own colleagues, on the habits that make the biggest "
                         "difference in every classroom.";
    events::EventService events(database);
    const long long event_id = events.create(lead, form);
    const auto layout = *events.layout(lead.trust_id, event_id);
    events.set_stage(lead.trust_id, event_id, events::Stage::Scheduling);

    const auto people = participants_of(database, layout.event);
    std::set<long long> login_ids;
    for (const events::Participant& person : people)
        if (logins.count(person.email))
            login_ids.insert(person.id);
    // Other colleagues than the spring day's present, so that more people have presented something;
    // taken in a shuffled order rather than the first in the alphabet.
    std::vector<events::Participant> others;
    for (const events::Participant& person : people)
        if (std::find(presenting_later.begin(), presenting_later.end(), person.id) == presenting_later.end())
            others.push_back(person);
    Sequence shuffle;
    for (std::size_t index = others.size(); index > 1; --index)
        std::swap(others[index - 1], others[shuffle.next(static_cast<unsigned>(index))]);
    const auto offers =
        offer_workshops(database, lead, layout, kPastWorkshops, presenters(kPastWorkshops, others, logins));
    events::ScheduleService(database).save(lead, event_id, past_timetable(layout, offers));
    events.set_stage(lead.trust_id, event_id, events::Stage::Choices);
    {
        db::Transaction transaction(database);
        Sequence sequence;
        const int wanted = layout.event.choices_wanted + layout.event.reserves_wanted;
        for (const events::Participant& person : people)
            events::store::replace_choices(transaction.session(), lead.trust_id, event_id, person.id,
                                           choices_for(kPastWorkshops, person, offers, wanted, sequence));
        transaction.commit();
    }
    events.set_stage(lead.trust_id, event_id, events::Stage::Allocating);
    events::AllocationService allocation(database);
    // Run here, not left to a server: its job then finds the run ended and does nothing.
    allocation.run(lead.trust_id, allocation.start(lead, event_id), [](const std::string&) {});
    // Straight to feedback: timetables went out at the time, so nobody is told of them again now.
    keep_the_day(database, lead, layout.event, offers, login_ids);
    events.set_stage(lead.trust_id, event_id, events::Stage::Feedback);
}

} // namespace

long long load_demo_training_day(db::Database& database, const accounts::Actor& lead,
                                 const std::vector<std::pair<long long, std::string>>& schools,
                                 const std::set<std::string>& logins) {
    const std::vector<long long> school_ids = school_ids_taking_part(schools);
    events::EventService events(database);
    const long long event_id = events.create(lead, event_form(school_ids));
    const auto layout = *events.layout(lead.trust_id, event_id);
    events.set_stage(lead.trust_id, event_id, events::Stage::Scheduling);

    const auto people = participants_of(database, layout.event);
    const auto presenter_ids = presenters(kWorkshops, people, logins);
    const auto offers = offer_workshops(database, lead, layout, kWorkshops, presenter_ids);
    events::ScheduleService schedule(database);
    schedule.save(lead, event_id, schedule.suggest(lead.trust_id, event_id));
    events.set_stage(lead.trust_id, event_id, events::Stage::Choices);
    load_later_days(events, lead, school_ids);
    load_past_day(database, lead, school_ids, logins, presenter_ids);

    db::Transaction transaction(database);
    auto& sql = transaction.session();
    Sequence sequence;
    const int wanted = layout.event.choices_wanted + layout.event.reserves_wanted;
    for (const events::Participant& person : people)
        if (!logins.count(person.email) && sequence.next(100) < kChosenPercent)
            events::store::replace_choices(sql, lead.trust_id, event_id, person.id,
                                           choices_for(kWorkshops, person, offers, wanted, sequence));
    transaction.commit();
    return event_id;
}

} // namespace trellis::demo
