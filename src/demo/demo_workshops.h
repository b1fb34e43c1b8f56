#pragma once

// The demo's training days in words: the trust's priorities for them, the workshops colleagues offer
// and the host school's rooms. Our own writing, in the voice of the colleagues who offer them.
namespace trellis::demo {

// A workshop as the colleague offering it describes it.
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

inline constexpr const char* kPriorities[] = {
    "Feedback that moves learning on",
    "Adaptive teaching so that every pupil takes part",
    "Reading and vocabulary in every subject",
    "Calm, safe and kind: behaviour and relationships",
    "Every role matters: support staff at their best",
};

inline constexpr DemoWorkshop kWorkshops[] = {
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

// The day the trust held before half-term, now over: fewer, larger workshops, each run twice, and
// rated by those who came, so that colleagues who presented well show in "Who can help with …".
inline constexpr DemoWorkshop kPastWorkshops[] = {
    {"Questioning so that everyone thinks: cold calling and wait time",
     "Asking first and naming second, waiting three seconds longer than feels comfortable, and what that "
     "does to who answers.",
     "A questioning routine practised on colleagues; ways to keep it kind.", "teacher,ect,leader", "", 1, 110,
     true},
    {"Five-minute quizzes that make learning stick",
     "Low-stakes questions on last week, last month and last term at the start of a lesson, and keeping "
     "the marking to nothing.",
     "A term's quiz plan for one class; question stems that work in any subject.", "teacher,ect,leader", "",
     0, 110, true},
    {"Phonics catch-up groups that stay short and lively",
     "Ten minutes a day for the children who need it most: the routine, the resources, and how to tell "
     "the class teacher what you saw.",
     "A session plan you can run tomorrow; a one-line record for each child.", "support,teacher,ect",
     "primary", 2, 60, true},
    {"Praise and consequences that mean the same in every room",
     "What pupils hear when adults respond differently to the same thing, and how a school agrees a few "
     "shared phrases.",
     "The trust's five phrases, rehearsed; a way to agree them with your team.", "", "", 3, 120, true},
    {"Teaching assistants leading small-group maths",
     "Using concrete objects and pictures with a group of four, and handing the learning back to the "
     "class teacher.",
     "A group session planned with the resources it needs.", "support,teacher", "primary", 4, 60, true},
    {"Supporting pupils with SEND in secondary lessons",
     "Teaching assistants and teachers plan one lesson together: where the pupil sits, what is pre-taught, "
     "and when the adult steps back.",
     "A one-page pupil profile you can share; three ways to step back without stepping away.",
     "support,teacher,ect", "secondary", 1, 90, true},
    {"Corridors, queues and break: the calm between lessons",
     "Where trouble starts outside the classroom and what every adult on duty can do about it, from "
     "where to stand to what to say first.",
     "A duty routine for your school; phrases that settle a crowd.", "support,leader,teacher", "", 3, 90,
     true},
    {"Reading aloud to a class: fluency you can hear",
     "Modelling expression and pace, then pupils echo and choral reading, for any adult who reads with a "
     "class.",
     "A short text marked up for performance; a routine for echo reading.", "teacher,ect,support", "", 2, 100,
     true},
};

// The host school's rooms.
struct DemoRoom {
    const char* name;
    int capacity;
    const char* notes;
};
inline constexpr DemoRoom kRooms[] = {
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

} // namespace trellis::demo
