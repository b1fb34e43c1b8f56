#include "accounts/permissions.h"

namespace trellis::accounts {

using people::Role;

bool allows(const Actor& actor, Permission permission) {
    switch (permission) {
    case Permission::ViewDirectory:
        return actor.role != Role::Staff;
    case Permission::ImportStaff:
    case Permission::ExportStaff:
    case Permission::ManageEvents:
        return actor.role == Role::TrustPdLead || actor.role == Role::Admin;
    case Permission::CreateResetLink:
    case Permission::ManagePeople:
        return actor.role == Role::Admin;
    }
    return false;
}

std::string name_of(Permission permission) {
    switch (permission) {
    case Permission::ViewDirectory:
        return "ViewDirectory";
    case Permission::ImportStaff:
        return "ImportStaff";
    case Permission::ExportStaff:
        return "ExportStaff";
    case Permission::CreateResetLink:
        return "CreateResetLink";
    case Permission::ManageEvents:
        return "ManageEvents";
    case Permission::ManagePeople:
        return "ManagePeople";
    }
    return "";
}

bool may_view_person(const Actor& actor, const people::Person& person) {
    if (person.trust_id != actor.trust_id)
        return false;
    if (person.id == actor.person_id)
        return true;
    switch (actor.role) {
    case Role::Staff:
        return false;
    case Role::SchoolPdLead:
        return actor.school_id != 0 && person.school_id == actor.school_id;
    case Role::TrustPdLead:
    case Role::Admin:
        return true;
    }
    return false;
}

bool may_export_person_data(const Actor& actor, const people::Person& person) {
    return person.trust_id == actor.trust_id &&
           (person.id == actor.person_id || allows(actor, Permission::ManagePeople));
}

bool leads_at(const Actor& actor, long long school_id) {
    if (school_id == 0)
        return actor.role == Role::TrustPdLead || actor.role == Role::Admin;
    return actor.role == Role::SchoolPdLead && actor.school_id == school_id;
}

bool oversees(const Actor& actor, long long school_id) {
    const bool school_lead_on_trust_work = school_id == 0 && actor.role == Role::SchoolPdLead;
    return leads_at(actor, school_id) || leads_at(actor, 0) || school_lead_on_trust_work;
}

bool oversees_peer_learning(const Actor& actor, long long school_id) {
    return leads_at(actor, 0) || (school_id != 0 && leads_at(actor, school_id));
}

bool may_keep_library(const Actor& actor, long long school_id) {
    return leads_at(actor, 0) || (school_id != 0 && leads_at(actor, school_id));
}

long long library_scope(const Actor& actor) {
    return leads_at(actor, 0) ? -1 : actor.school_id;
}

bool may_see_provision(const Actor& actor) {
    return leads_at(actor, 0) || (actor.school_id != 0 && leads_at(actor, actor.school_id));
}

long long directory_school_scope(const Actor& actor) {
    return actor.role == Role::SchoolPdLead ? actor.school_id : -1;
}

// --- Training days: schedule, catalogue, choices, allocation ---
bool may_choose_workshops(const Actor& actor, const events::Event& event) {
    return event.trust_id == actor.trust_id && event.stage == events::Stage::Choices &&
           events::takes_part(event, actor.staff_group, actor.school_id);
}

bool may_see_workshops(const Actor& actor, const events::Event& event) {
    if (event.trust_id != actor.trust_id)
        return false;
    if (allows(actor, Permission::ManageEvents))
        return true;
    return event.stage >= events::Stage::Choices &&
           events::takes_part(event, actor.staff_group, actor.school_id);
}

// --- Training days: call for offers, quality assurance, materials (offers branch) ---

bool may_review_offers(const Actor& actor, bool listed_as_reviewer) {
    return allows(actor, Permission::ManageEvents) || listed_as_reviewer;
}

bool may_edit_offer(const Actor& actor, long long presenter_id) {
    return actor.person_id == presenter_id;
}

bool may_view_offer(const Actor& actor, long long presenter_id, bool approved, bool may_review) {
    return approved || may_review || actor.person_id == presenter_id;
}

bool may_manage_materials(const Actor& actor, long long presenter_id) {
    return actor.person_id == presenter_id || allows(actor, Permission::ManageEvents);
}

// --- end of training days: offers ---

// --- Training days: on the day and feedback ---

bool may_keep_register(const Actor& actor, long long presenter_id) {
    return actor.person_id == presenter_id || may_keep_every_register(actor);
}

bool may_keep_every_register(const Actor& actor) {
    return allows(actor, Permission::ManageEvents);
}

bool may_see_all_feedback(const Actor& actor) {
    return allows(actor, Permission::ManageEvents);
}

} // namespace trellis::accounts
