#include "demo/demo_training_day.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "demo/demo_names.h"
#include "events/choice_store.h"
#include "events/model.h"
#include "events/schedule_service.h"
#include "events/schedule_store.h"
#include "events/service.h"

namespace trellis::demo {

namespace {

using people::StaffGroup;

// The demo training day's workshops: our own writing, in the voice of the colleagues who offer them.
struct DemoWorkshop {
    const char* title;
    const char* summary;
    const char* outcomes;
    const char* audience; // comma-separated staff groups, "" for everyone
    const char* phase;    // "" for any
    int priority;         // index into kPriorities
    int max_group;
    bool can_repeat;
};

constexpr const char* kPriorities[] = {
    "Feedback that moves learning on",
    "Adaptive teaching so that every pupil takes part",
    "Reading and vocabulary in every subject",
    "Calm, safe and kind: behaviour and relationships",
    "Every role matters: support staff at their best",
};

constexpr DemoWorkshop kWorkshops[] = {
    {"Whole-class feedback without the marking mountain",
     "How our English department replaced written comments with a weekly feedback lesson, and what "
     "happened to pupils' redrafts. Bring a set of books.",
     "A one-page feedback sheet you can use next week; a routine for pupils acting on feedback in lesson "
     "time.",
     "teacher,ect,leader", "secondary", 0, 40, true},
    {"Hinge questions: knowing who has got it before you move on",
     "Writing one multiple-choice question whose wrong answers tell you exactly what a pupil thinks.",
     "Three hinge questions for your next unit, tested on colleagues.", "teacher,ect", "", 0, 36, true},
    {"Feedback in the early years: talk, not ticks",
     "What feedback looks like when children cannot yet read it: noticing, naming and extending play.",
     "Phrases that extend a child's thinking; a way to record next steps that takes minutes.",
     "teacher,ect,support", "primary", 0, 24, false},
    {"Scaffolds that come down: adapting without dumbing down",
     "Keeping the same ambitious task for everyone and changing the support around it, then taking the "
     "support away on purpose.",
     "A planning grid for one lesson; examples from maths, history and science.", "teacher,ect,leader", "", 1,
     40, true},
    {"Working alongside a teaching assistant: the five-minute briefing",
     "A teacher and a teaching assistant show how a short, regular briefing changes what happens for the "
     "pupils they share.",
     "A briefing template you can agree together; clarity about who does what in the lesson.", "", "", 1, 60,
     true},
    {"Autism-friendly classrooms: small changes, large effects",
     "Colleagues from Kestrel Fields share the adjustments that cost nothing: predictable routines, clear "
     "language, and places to regulate.",
     "A checklist for your own room; how to plan a transition with a pupil and their family.", "", "", 1, 80,
     true},
    {"Teaching vocabulary explicitly in every subject",
     "Choosing the ten words that unlock a topic and teaching them so that they stick: etymology, examples "
     "and retrieval.",
     "A vocabulary list and plan for your next unit.", "teacher,ect,leader", "secondary", 2, 36, true},
    {"Reading with a child who is stuck",
     "For anyone who listens to readers: what to do when a child stops, guesses or gives up, and how to "
     "keep the book enjoyable.",
     "Prompts that help without taking over; signs that a child needs more phonics support.",
     "support,teacher,ect", "primary", 2, 50, true},
    {"Disciplinary reading: reading like a scientist, historian or mathematician",
     "How expert readers in each subject read differently, and how to teach that to pupils with complex "
     "texts.",
     "A sequence for introducing one challenging text.", "teacher,leader", "secondary", 2, 30, false},
    {"De-escalation: the first thirty seconds",
     "What to say, where to stand and what to avoid when a pupil is becoming distressed. Practical and "
     "rehearsed.",
     "Three scripts to use under pressure; how to repair the relationship afterwards.", "", "", 3, 100, true},
    {"Routines that run themselves",
     "Entry, transitions and endings that pupils learn once and follow every day, modelled by a primary "
     "and a secondary teacher.",
     "One routine planned, scripted and ready to teach.", "teacher,ect", "", 3, 36, true},
    {"Lunchtimes and playgrounds: calm beyond the classroom",
     "Midday supervisors and pastoral staff on structured play, zones and the conversations that prevent "
     "trouble.",
     "Ideas for games and zones; a shared language with class teachers.", "support,leader", "", 3, 50, true},
    {"Attendance conversations that bring children back",
     "How our attendance team talks with families when a child is missing school, and what changed when "
     "we started with listening.",
     "A conversation structure; knowing when and how to escalate.", "support,leader,teacher", "", 3, 30,
     false},
    {"Office and reception: the first face of the school",
     "Front-of-house colleagues share how they handle difficult calls, safeguarding concerns at the desk, "
     "and busy mornings.",
     "A safeguarding quick reference for reception; scripts for difficult calls.", "support", "", 4, 24,
     false},
    {"Spreadsheets that save an afternoon a week",
     "For business and admin staff: lookups, pivot tables and checks that catch mistakes before they "
     "leave the office.",
     "Three techniques practised on real-looking data you can take away.", "support,leader", "", 4, 20, true},
    {"Supporting pupils' mental health: what every adult can do",
     "Recognising early signs, listening well and knowing where to take a worry, for all staff who meet "
     "pupils.",
     "The trust's referral route in one page; a listening framework.", "", "", 4, 110, true},
    {"Coaching conversations for new teachers",
     "Mentors and ECTs practise short, focused coaching: one step at a time, modelled and rehearsed.",
     "A coaching cycle you can run in twenty minutes.", "ect,teacher,leader", "", 0, 24, false},
    {"Leading a department's professional development",
     "Middle leaders plan a term of department meetings around one priority, with time to practise and "
     "review.",
     "A draft plan for a term's meetings focused on one priority.", "leader,teacher", "", 1, 24, false},
};

// The host school's rooms.
struct DemoRoom {
    const char* name;
    int capacity;
    const char* notes;
};
constexpr DemoRoom kRooms[] = {
    {"Main hall", 120, "projector, microphone"},
    {"Sports hall", 110, ""},
    {"Dining hall", 100, "projector"},
    {"Lecture theatre", 90, "projector, microphone"},
    {"Library", 60, "projector"},
    {"Drama studio", 50, ""},
    {"Music room", 40, "piano"},
    {"Room S1", 36, "projector"},
    {"Room S2", 36, "projector"},
    {"Room S3", 36, "projector"},
    {"Room S4", 36, "projector"},
    {"Art studio", 34, "sinks"},
    {"IT suite", 32, "32 computers"},
    {"Room H1", 32, "projector"},
    {"Room H2", 32, "projector"},
    {"Science lab 1", 30, "gas taps"},
};

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
std::vector<long long> presenters(const std::vector<events::Participant>& people,
                                  const std::set<std::string>& logins) {
    std::vector<long long> chosen;
    std::set<long long> taken;
    for (const DemoWorkshop& workshop : kWorkshops) {
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
    if (chosen.size() != std::size(kWorkshops))
        throw std::runtime_error("The demo trust has too few staff to present the demo workshops.");
    return chosen;
}

// Up to the event's choices and reserves, among the workshops open to the person: the earlier
// workshops in the list are wanted more, as a few workshops are in any real event.
std::vector<long long> choices_for(const events::Participant& person, const std::vector<long long>& offers,
                                   int wanted, Sequence& sequence) {
    std::vector<std::size_t> open;
    for (std::size_t index = 0; index < std::size(kWorkshops); ++index) {
        const auto audience = people::staff_groups_from_text(kWorkshops[index].audience);
        const std::string phase = kWorkshops[index].phase;
        if ((audience.empty() || std::count(audience.begin(), audience.end(), person.group)) &&
            (phase.empty() || phase == person.phase))
            open.push_back(index);
    }
    std::vector<long long> chosen;
    while (static_cast<int>(chosen.size()) < wanted && !open.empty()) {
        unsigned total = 0;
        for (std::size_t position = 0; position < open.size(); ++position)
            total += static_cast<unsigned>(2 * std::size(kWorkshops) - open[position]);
        unsigned roll = sequence.next(total);
        std::size_t position = 0;
        for (; position + 1 < open.size(); ++position) {
            const unsigned weight = static_cast<unsigned>(2 * std::size(kWorkshops) - open[position]);
            if (roll < weight)
                break;
            roll -= weight;
        }
        chosen.push_back(offers[open[position]]);
        open.erase(open.begin() + static_cast<std::ptrdiff_t>(position));
    }
    return chosen;
}

} // namespace

long long load_demo_training_day(db::Database& database, const accounts::Actor& lead,
                                 const std::vector<std::pair<long long, std::string>>& schools,
                                 const std::set<std::string>& logins) {
    std::vector<long long> school_ids;
    for (const char* name : kSchoolsTakingPart)
        for (const auto& [id, school_name] : schools)
            if (school_name == name)
                school_ids.push_back(id);
    events::EventService events(database);
    const long long event_id = events.create(lead, event_form(school_ids));
    const auto layout = *events.layout(lead.trust_id, event_id);
    events.set_stage(lead.trust_id, event_id, events::Stage::Scheduling);

    std::vector<long long> offers;
    {
        db::Transaction transaction(database);
        auto& sql = transaction.session();
        const auto people = events::store::participants(sql, layout.event);
        const auto presenter_ids = presenters(people, logins);
        for (std::size_t index = 0; index < std::size(kWorkshops); ++index) {
            const DemoWorkshop& demo = kWorkshops[index];
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
            offers.push_back(events::store::insert_approved_offer(sql, lead.trust_id, event_id, workshop));
        }
        transaction.commit();
    }
    events::ScheduleService schedule(database);
    schedule.save(lead, event_id, schedule.suggest(lead.trust_id, event_id));
    events.set_stage(lead.trust_id, event_id, events::Stage::Choices);
    load_later_days(events, lead, school_ids);

    db::Transaction transaction(database);
    auto& sql = transaction.session();
    Sequence sequence;
    const int wanted = layout.event.choices_wanted + layout.event.reserves_wanted;
    for (const events::Participant& person : events::store::participants(sql, layout.event))
        if (!logins.count(person.email) && sequence.next(100) < kChosenPercent)
            events::store::replace_choices(sql, lead.trust_id, event_id, person.id,
                                           choices_for(person, offers, wanted, sequence));
    transaction.commit();
    return event_id;
}

} // namespace trellis::demo
