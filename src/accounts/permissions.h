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
};

// True when the actor's role grants the permission within their own trust.
bool allows(const Actor& actor, Permission permission);

// True when the actor may see this person's page: themselves, anyone in their school for a
// school PD lead, anyone in their trust for trust PD leads and administrators.
bool may_view_person(const Actor& actor, const people::Person& person);

// The school a directory search is limited to for this actor (-1: the whole trust).
long long directory_school_scope(const Actor& actor);

// --- Training days: schedule, catalogue, choices, allocation ---
// True when the actor may rank workshops in this event: they take part and choices are open.
bool may_choose_workshops(const Actor& actor, const events::Event& event);
// True when the actor may read the event's workshop catalogue: the lead always, and those taking
// part once choices open.
bool may_see_workshops(const Actor& actor, const events::Event& event);

} // namespace trellis::accounts
