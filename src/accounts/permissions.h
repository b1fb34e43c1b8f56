#pragma once

#include "accounts/model.h"
#include "events/model.h"
#include "people/model.h"

// Every permission decision in Trellis is made here, so that one file says who may do what.
namespace trellis::accounts {

enum class Permission {
    ViewDirectory,   // search the people directory
    ImportStaff,     // upload and commit staff files
    ExportStaff,     // download the people list
    CreateResetLink, // generate a password-reset link for someone else
    ManageEvents,    // create training days, run their stages, allocate and publish
    ManagePeople,    // edit people and their roles, record leavers, add and rename schools
};

// True when the actor's role grants the permission within their own trust.
bool allows(const Actor& actor, Permission permission);
// The permission's name as written in code, e.g. "ManageEvents" (for `trellis routes`).
std::string name_of(Permission permission);

// True when the actor may see this person's page: themselves, anyone in their school for a
// school PD lead, anyone in their trust for trust PD leads and administrators.
bool may_view_person(const Actor& actor, const people::Person& person);
// True when the actor may download everything held about the person: the person themselves, or an
// administrator of their trust.
bool may_export_person_data(const Actor& actor, const people::Person& person);

// True when the actor leads at this level, and so keeps its priorities and programmes: the trust's
// own (school 0) for trust PD leads and administrators, a school's for that school's PD lead.
bool leads_at(const Actor& actor, long long school_id);
// True when the actor sees every programme at this level whether or not they take part: those who
// lead at it, trust PD leads and administrators for every school's, and school PD leads the trust's
// (their staff take part in them).
bool oversees(const Actor& actor, long long school_id);

// True when the actor sees needs against provision and CPD hours by group: for the whole trust its
// PD leads and administrators, for one school its PD lead.
bool may_see_provision(const Actor& actor);

// True when the actor oversees staff learning from each other at this school (mentoring pairs, standing
// groups; 0: the central team, or across schools): trust PD leads and administrators everywhere, a
// school's PD lead at their own school. They see that pairs and groups meet, never what they write.
bool oversees_peer_learning(const Actor& actor, long long school_id);

// True when the actor may add to the trust's library at this level (school 0: the whole trust) and
// change or remove what is there: trust PD leads and administrators anywhere, a school PD lead for
// their own school.
bool may_keep_library(const Actor& actor, long long school_id);
// The school whose own library items the actor finds beside the trust's (-1: every school's, for
// trust PD leads and administrators; 0 for the central team: the trust's only).
long long library_scope(const Actor& actor);

// The school a directory search is limited to for this actor (-1: the whole trust).
long long directory_school_scope(const Actor& actor);

// --- Training days: schedule, catalogue, choices, allocation ---
// True when the actor may rank workshops in this event: they take part and choices are open.
bool may_choose_workshops(const Actor& actor, const events::Event& event);
// True when the actor may read the event's workshop catalogue: the lead always, and those taking
// part once choices open.
bool may_see_workshops(const Actor& actor, const events::Event& event);
// --- Training days: call for offers, quality assurance, materials (offers branch) ---
// Each takes what the caller has already read from the database, so this file stays free of queries.

// True when the actor may review an event's offers: the trust PD lead and administrators, and the
// people the lead listed as the event's reviewers (`listed_as_reviewer`).
bool may_review_offers(const Actor& actor, bool listed_as_reviewer);
// True when the actor may change an offer: only the member of staff who made it.
bool may_edit_offer(const Actor& actor, long long presenter_id);
// True when the actor may see an offer and its materials: anyone in the trust once it is approved;
// before that its presenter and those who may review it.
bool may_view_offer(const Actor& actor, long long presenter_id, bool approved, bool may_review);
// True when the actor may upload and delete a workshop's materials: its presenter, and the trust
// PD lead and administrators.
bool may_manage_materials(const Actor& actor, long long presenter_id);
// --- end of training days: offers ---
// --- Training days: on the day and feedback (registers, room sheets, results) ---

// True when the actor may see and mark the register of a session this person presents: the
// presenter themselves, or the trust PD lead or an administrator.
bool may_keep_register(const Actor& actor, long long presenter_id);
// True when the actor may keep every session's register (the trust PD lead, an administrator).
bool may_keep_every_register(const Actor& actor);

// True when the actor reads the feedback on every workshop, the day, schools and staff groups;
// anyone else reads only the workshops they present.
bool may_see_all_feedback(const Actor& actor);

} // namespace trellis::accounts
