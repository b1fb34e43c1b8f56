#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "accounts/model.h"
#include "programmes/model.h"

// Who a programme, or one of its activities, is for.
namespace trellis::programmes {

// What a person is, for matching them against a programme's audience.
struct StaffProfile {
    long long person_id = 0;
    long long school_id = 0; // 0: the central team
    people::StaffGroup staff_group = people::StaffGroup::Teacher;
    std::string phase; // the person's own, else their school's
};

// Each of the trust's schools' phase, by school id.
std::map<long long, std::string> school_phases(soci::session& sql, long long trust_id);
// A person's phase: their own, else their school's (`phases` from school_phases), else "".
std::string phase_of(const std::string& own, long long school_id,
                     const std::map<long long, std::string>& phases);
// The person as an audience sees them, with phase_of their phase.
StaffProfile profile_of(const people::Person& person, const std::map<long long, std::string>& phases);
// The actor as an audience sees them: as their session read them (accounts::audience_person), else
// from their row; nullopt when they have none.
std::optional<people::Person> audience_person(soci::session& sql, const accounts::Actor& actor);

// True when the person falls within the programme's schools, staff groups and phases (a cohort's
// people must also be named; an open programme's must also sign up). A school's programme is for
// that school's staff; a trust programme with no schools listed is for every school and the central
// team, and one with schools listed also for the central team.
bool within_filters(const Programme& programme, const StaffProfile& profile);
// True when the activity is for this staff group: every activity with no groups of its own is.
bool activity_is_for(const Activity& activity, people::StaffGroup group);

// The people an activity is for, by surname then first name: the programme's people (its named
// members, or everyone within its filters) in the activity's staff groups, leavers left out. Each
// person's phase is their own, else their school's.
std::vector<people::Person> people_expected(soci::session& sql, const Programme& programme,
                                            const Activity& activity);

} // namespace trellis::programmes
