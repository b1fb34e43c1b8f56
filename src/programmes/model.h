#pragma once

#include <optional>
#include <string>
#include <vector>

#include "people/model.h"

// Programmes: a sustained sequence of connected activities across the school year, as plain data
// (schema: 0012_programmes.sql).
namespace trellis::programmes {

// Who a programme is for. Everyone: all staff matching its schools, staff groups and phases.
// Cohort: named people the lead adds (for example the early-career teachers). Open: staff matching
// the filters sign up while places last, then join a wait-list that is promoted as places free.
enum class Audience { Everyone, Cohort, Open };

enum class ActivityKind {
    Live,          // a session in person, online or both
    Module,        // a self-paced module from the learning catalogue, finished by a date
    Collaboration, // protected time in which groups meet on a prompt
    Practice,      // try something in the classroom or role, then reflect by a due date
    FollowUp,      // a short reflection some weeks later on what stuck
};

enum class Delivery { InPerson, Online, Both };

std::optional<Audience> audience_from_text(const std::string& text);
std::string text_of(Audience audience);
std::optional<ActivityKind> activity_kind_from_text(const std::string& text);
std::string text_of(ActivityKind kind);
// A label for people, e.g. "Live session".
std::string label_of(ActivityKind kind);
const std::vector<ActivityKind>& all_activity_kinds();
std::optional<Delivery> delivery_from_text(const std::string& text);
std::string text_of(Delivery delivery);
std::string label_of(Delivery delivery);

struct Programme {
    long long id = 0;
    long long trust_id = 0;
    long long school_id = 0; // 0: a trust programme
    std::string school_name;
    std::string title;
    std::string purpose;
    std::string pupil_outcome; // what it aims to change for pupils
    Audience audience = Audience::Everyone;
    std::vector<people::StaffGroup> staff_groups; // empty: every group
    std::vector<std::string> phases;              // empty: every phase
    std::vector<long long> school_ids;            // a trust programme's schools; empty: all
    int capacity = 0;                             // open sign-up only
    long long sponsor_id = 0;
    std::string sponsor_name;
    std::string starts_on; // YYYY-MM-DD
    std::string ends_on;
    std::vector<long long> priority_ids;
    long long created_by = 0;
};

struct Activity {
    long long id = 0;
    long long programme_id = 0;
    long long trust_id = 0;
    int position = 0;
    ActivityKind kind = ActivityKind::Live;
    std::string title;
    std::string details;
    std::string starts_on; // YYYY-MM-DD: the day it happens, or opens
    std::string starts_at; // HH:MM, live sessions and collaboration time
    std::string ends_at;
    std::string due_on;                           // modules, practice tasks and follow-ups
    std::vector<people::StaffGroup> staff_groups; // empty: the whole programme
    std::vector<std::string> mechanisms;          // codes from mechanisms.h
    Delivery delivery = Delivery::InPerson;       // live sessions
    std::string venue;
    std::string room;
    int capacity = 0;
    std::string meeting_url;
    std::string evidence; // the evidence or expert a live session draws on
    std::string module_slug;
    std::string prompt; // what collaboration groups work on
    long long revision = 0;

    // The day that counts as contact with the programme: the due date of work done alone, else
    // the day it happens.
    const std::string& contact_day() const { return due_on.empty() ? starts_on : due_on; }
};

// A person's place in a programme.
enum class Membership { None, Eligible, Member, Waiting };

// What a lead types into the programme form.
struct ProgrammeForm {
    std::string title;
    std::string purpose;
    std::string pupil_outcome;
    std::string audience = "everyone";
    std::vector<std::string> staff_groups;
    std::vector<std::string> phases;
    std::vector<std::string> school_ids;
    std::string capacity;
    std::string sponsor_id;
    std::string starts_on;
    std::string ends_on;
    std::vector<std::string> priority_ids;
};

struct ActivityForm {
    std::string kind;
    std::string title;
    std::string details;
    std::string starts_on;
    std::string starts_at;
    std::string ends_at;
    std::string due_on;
    std::vector<std::string> staff_groups;
    std::vector<std::string> mechanisms;
    std::string delivery;
    std::string venue;
    std::string room;
    std::string capacity;
    std::string meeting_url;
    std::string evidence;
    std::string module_slug;
    std::string prompt;
};

// A programme as one person sees it.
struct ProgrammeSummary {
    Programme programme;
    Membership membership = Membership::None;
    int members = 0; // open and cohort programmes: people in it
    int waiting = 0;
    int activities = 0;
};

// A programme someone takes part in, with the activities that are for them.
struct ProgrammeWithActivities {
    Programme programme;
    std::vector<Activity> activities;
};

} // namespace trellis::programmes
