#pragma once

#include <optional>
#include <string>

#include "people/model.h"

namespace trellis::accounts {

// The signed-in person making a request, as the session found them.
struct Actor {
    long long person_id = 0;
    long long trust_id = 0;
    long long school_id = 0; // 0: the trust's central team
    people::Role role = people::Role::Staff;
    people::StaffGroup staff_group = people::StaffGroup::Teacher;
    std::string display_name;
    std::string email;
    std::string trust_name;
    // The fewest people the trust's reports may describe (organisations::Trust::smallest_group),
    // read with the session so every report the actor sees follows it.
    int smallest_group = 5;
    // The trust's shared version (db/per_trust.h), read with the session: what this server keeps of
    // the trust serves the request when it was read at this version or later. -1: not known (an actor
    // made without a session), and kept reads are read afresh.
    long long shared_version = -1;
    std::string csrf_token;
    // The phase on the person's own record ("" when none), read with the session; unset for an
    // actor made without a session.
    std::optional<std::string> own_phase;
};

// The person behind the actor as the session read them: their id, trust, school, staff group and
// own phase, all that decides which programmes and surveys are for them, so a page need not read
// their row again. It has no school name, job title or subjects. Unset when the actor was made
// without a session (own_phase unknown); programmes::audience_person reads their row then.
std::optional<people::Person> audience_person(const Actor& actor);

// A new sign-in: the token goes in the cookie, only its hash is stored.
struct NewSession {
    std::string token;
    long long expires_at = 0;
    // Set when this browser is newly remembered as one the person signs in from: the caller keeps
    // it in a long-lived cookie (see sign_in_throttle.h).
    std::string new_device_token;
};

} // namespace trellis::accounts
