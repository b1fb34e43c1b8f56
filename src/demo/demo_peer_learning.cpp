#include "demo/demo_peer_learning.h"

#include <chrono>
#include <map>
#include <span>
#include <vector>

#include "calendar/school_year.h"
#include "db/rows.h"
#include "demo/demo_people.h"
#include "demo/demo_trust.h"
#include "mentoring/store.h"
#include "observations/store.h"
#include "priorities/store.h"
#include "text/words.h"

namespace trellis::demo {

namespace {

using mentoring::Meeting;
using mentoring::Tried;

struct DemoStep {
    const char* title;
    const char* description;
    const char* done_well;
    const char* priority; // a demo priority's title, or ""
    const char* phase;
};

// Our own steps: one technique each, small enough to try next week.
const DemoStep kSteps[] = {
    {"Meet the class at the door",
     "Stand at the door as pupils arrive, greet them by name and point them to a task already on the board.",
     "Pupils are writing within a minute of sitting down, and the teacher has spoken to most of them.", "",
     ""},
    {"Wait after asking",
     "After a question, wait three to five seconds before taking an answer, and say that you are waiting.",
     "More hands go up, answers are longer, and the same few pupils no longer answer everything.",
     "Adaptive teaching so that every pupil takes part", ""},
    {"Everyone shows on mini-whiteboards",
     "Ask a question, everyone writes, and on your signal everyone shows at once. Scan the room before you "
     "move on.",
     "The teacher names what they saw (\"most of you wrote…\") and changes the next step because of it.",
     "Adaptive teaching so that every pupil takes part", ""},
    {"Say what the group should do by the end",
     "Before the lesson, the teaching assistant and teacher agree in one sentence what the small group "
     "should "
     "be able to do by the end.",
     "The assistant can say the sentence, and checks it with the group before they rejoin the class.",
     "Every role matters: support staff at their best", ""},
    {"Model it, then fade the help",
     "Show one worked example thinking aloud, do a second together, then let pupils do the third alone.",
     "Pupils can say what the teacher did at each step; the third one is done without hands up for help.",
     "Adaptive teaching so that every pupil takes part", "primary"},
    {"Name one routine for after lunch",
     "Choose one routine for the first two minutes after lunch and practise it until it runs without words.",
     "The class settles in the same way every day, with the teacher free to watch rather than direct.", "",
     "secondary"},
};

struct DemoMeeting {
    int days_ago;
    int minutes;
    const char* focus;
    const char* discussed;
    const char* next_step;
    Tried tried; // the step agreed last time
};

// An early-career teacher's first half-term with their mentor.
const DemoMeeting kEctMeetings[] = {
    {40, 45, "Starting lessons calmly",
     "Two classes arrive unsettled after break; we looked at the first five "
     "minutes of each.",
     "Meet the class at the door", Tried::NotReviewed},
    {26, 30, "Starting lessons calmly, again",
     "Door greeting worked with Year 7; Year 9 still slow to settle because the task was unclear.",
     "Put a task on the board that every pupil can start without help", Tried::Partly},
    {12, 30, "Questioning", "Starts are better. Most answers come from the same four pupils.",
     "Wait after asking", Tried::Yes},
};

// The demo teaching assistant's coaching with the school PD lead.
const DemoMeeting kCoachingMeetings[] = {
    {20, 30, "Working with a small group in maths",
     "The group often does not know what the lesson is for by the time they join.",
     "Say what the group should do by the end", Tried::NotReviewed},
    {6, 20, "Working with a small group in maths",
     "Agreed the sentence with the teacher twice this week; the group finished the task both times.",
     "Ask the group to say the sentence back before they start", Tried::Yes},
};

void keep_meetings(soci::session& sql, long long trust_id, long long pair_id, long long written_by,
                   std::span<const DemoMeeting> meetings, std::chrono::sys_days today) {
    for (const DemoMeeting& demo : meetings) {
        Meeting meeting;
        meeting.day = school_day_before(today, demo.days_ago);
        meeting.minutes = demo.minutes;
        meeting.focus = demo.focus;
        meeting.discussed = demo.discussed;
        meeting.next_step = demo.next_step;
        meeting.next_step_by = school_day_before(today, demo.days_ago - 14);
        meeting.last_step_tried = demo.tried;
        for (const mentoring::Step& step : mentoring::store::steps(sql, trust_id))
            if (step.title == demo.next_step)
                meeting.step_id = step.id;
        mentoring::store::insert_meeting(sql, trust_id, pair_id, written_by, meeting);
    }
}

long long add_pair(soci::session& sql, long long trust_id, long long lead_id, mentoring::PairKind kind,
                   mentoring::PairStatus status, long long mentor_id, long long mentee_id,
                   const char* focus) {
    mentoring::Pair pair;
    pair.kind = kind;
    pair.status = status;
    pair.mentor_id = mentor_id;
    pair.mentee_id = mentee_id;
    pair.focus = focus;
    return mentoring::store::insert_pair(sql, trust_id, lead_id, pair);
}

void add_steps(soci::session& sql, long long trust_id, long long lead_id) {
    const auto priorities = priorities::store::priorities_of(sql, trust_id, 0);
    for (const DemoStep& demo : kSteps) {
        mentoring::Step step{0, demo.title, demo.description, demo.done_well, 0, "", demo.phase};
        for (const auto& priority : priorities)
            if (text::lowered(priority.title) == text::lowered(demo.priority))
                step.priority_id = priority.id;
        mentoring::store::insert_step(sql, trust_id, lead_id, step);
    }
}

// Each early-career teacher with a teacher of their own school as mentor: the demo teacher mentors
// the first at her school, so her login shows a pair.
void add_ect_mentoring(soci::session& sql, long long trust_id, long long lead_id, long long teacher_id,
                       std::chrono::sys_days today) {
    const auto teachers = staff_in(sql, trust_id, "teacher");
    long long teacher_school = 0;
    for (const auto& [id, school] : teachers)
        if (id == teacher_id)
            teacher_school = school;
    bool demo_teacher_mentors = false;
    int made = 0;
    std::map<long long, int> per_school; // two a school, so every school's lead sees some
    for (const auto& [ect, school] : staff_in(sql, trust_id, "ect")) {
        if (made == 8)
            break;
        if (per_school[school] == 2)
            continue;
        long long mentor = 0;
        if (!demo_teacher_mentors && school == teacher_school) {
            mentor = teacher_id;
            demo_teacher_mentors = true;
        } else {
            for (const auto& [id, their_school] : teachers)
                if (their_school == school && id != teacher_id && (id + ect) % 3 == 0)
                    mentor = id;
        }
        if (!mentor)
            continue;
        ++per_school[school];
        const long long pair =
            add_pair(sql, trust_id, lead_id, mentoring::PairKind::Mentoring, mentoring::PairStatus::Active,
                     mentor, ect, "the first year of teaching");
        // Most pairs have met three times; a few only once so far.
        const std::span<const DemoMeeting> meetings(kEctMeetings);
        keep_meetings(sql, trust_id, pair, mentor, made % 3 == 2 ? meetings.first(1) : meetings, today);
        ++made;
    }
}

void add_observation(soci::session& sql, long long trust_id, long long host, long long observer,
                     const std::string& day, int minutes, const char* what, const char* focus,
                     const char* saw, const char* wondered, const char* to_try) {
    observations::Observation observation;
    observation.host_id = host;
    observation.observer_id = observer;
    observation.day = day;
    observation.minutes = minutes;
    observation.what_to_watch = what;
    observation.focus = focus;
    observation.status = observations::Status::Invited;
    const long long id = observations::store::insert(sql, trust_id, observation);
    if (*saw)
        observations::store::write_note(sql, trust_id, id, {saw, wondered, to_try});
}

} // namespace

void load_demo_peer_learning(db::Database& database, long long trust_id, const std::string& today) {
    const auto day = calendar::parse_day(today);
    if (!day)
        return;
    const auto logins = demo_logins();
    db::Transaction transaction(database);
    auto& sql = transaction.session();
    const long long lead = id_of(sql, trust_id, logins[1].email),
                    school_lead = id_of(sql, trust_id, logins[2].email),
                    teacher = id_of(sql, trust_id, logins[3].email),
                    support = id_of(sql, trust_id, logins[4].email);
    if (!lead || !school_lead || !teacher || !support)
        return;
    add_steps(sql, trust_id, lead);
    add_ect_mentoring(sql, trust_id, lead, teacher, *day);

    const long long coaching =
        add_pair(sql, trust_id, school_lead, mentoring::PairKind::Coaching, mentoring::PairStatus::Active,
                 school_lead, support, "Working with small groups in maths");
    keep_meetings(sql, trust_id, coaching, school_lead, kCoachingMeetings, *day);
    // Another assistant at the school PD lead's school has asked for a coach.
    long long school_lead_school = 0;
    db::read_one(sql, "SELECT COALESCE(school_id, 0) FROM people WHERE id = :id", soci::use(school_lead),
                 soci::into(school_lead_school));
    for (const auto& [id, school] : staff_in(sql, trust_id, "support"))
        if (school == school_lead_school && id != support) {
            add_pair(sql, trust_id, id, mentoring::PairKind::Coaching, mentoring::PairStatus::Requested, 0,
                     id, "Supporting pupils who find reading aloud hard");
            break;
        }

    // The demo teacher's observations: one she received, one she gave, and one to come.
    const auto teachers = staff_in(sql, trust_id, "teacher");
    long long colleague = 0;
    for (const auto& [id, school] : teachers)
        if (id != teacher)
            colleague = colleague ? colleague : id;
    if (colleague) {
        add_observation(sql, trust_id, teacher, colleague, school_day_before(*day, 18), 20,
                        "Year 8 science, the first 20 minutes", "Wait after asking",
                        "You asked eleven questions; after the third you waited, and five new hands went up.",
                        "Whether the pupils at the back table could see the board when you pointed to it.",
                        "Say \"I'm waiting for ten hands\" once, early, so they know the wait is coming.");
        add_observation(
            sql, trust_id, colleague, teacher, school_day_before(*day, 9), 25,
            "Year 10 geography, the practice task", "Everyone shows on mini-whiteboards",
            "Every pupil showed at once; you moved two pupils' answers to the board without names.",
            "What you would have done if half the boards had been wrong.",
            "Plan the one question you would ask next if most get it wrong.");
        add_observation(sql, trust_id, teacher, colleague, school_day_before(*day, -5), 15,
                        "Year 7 science, the plenary", "Exit questions that show who needs more", "", "", "");
    }
    transaction.commit();
}

} // namespace trellis::demo
