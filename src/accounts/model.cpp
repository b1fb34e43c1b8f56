#include "accounts/model.h"

namespace trellis::accounts {

std::optional<people::Person> audience_person(const Actor& actor) {
    if (!actor.own_phase)
        return std::nullopt;
    people::Person person;
    person.id = actor.person_id;
    person.trust_id = actor.trust_id;
    person.school_id = actor.school_id;
    person.staff_group = actor.staff_group;
    person.role = actor.role;
    person.phase = *actor.own_phase;
    person.email = actor.email;
    return person;
}

} // namespace trellis::accounts
