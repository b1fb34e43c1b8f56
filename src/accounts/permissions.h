#pragma once

#include "accounts/model.h"
#include "people/model.h"

// Every permission decision in Trellis is made here, so that one file says who may do what.
namespace trellis::accounts {

enum class Permission {
    ViewDirectory,   // search the people directory
    ImportStaff,     // upload and commit staff files
    ExportStaff,     // download the people list
    CreateResetLink, // generate a password-reset link for someone else
    ManageEvents,    // create training days, run their stages, allocate and publish
};

// True when the actor's role grants the permission within their own trust.
bool allows(const Actor& actor, Permission permission);

// True when the actor may see this person's page: themselves, anyone in their school for a
// school PD lead, anyone in their trust for trust PD leads and administrators.
bool may_view_person(const Actor& actor, const people::Person& person);

// The school a directory search is limited to for this actor (-1: the whole trust).
long long directory_school_scope(const Actor& actor);

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
