#include "programmes/audience.h"

#include <algorithm>
#include <map>

#include "organisations/store.h"
#include "people/store.h"
#include "programmes/store.h"
#include "text/words.h"

namespace trellis::programmes {

namespace {

template <typename T> bool empty_or_has(const std::vector<T>& values, const T& value) {
    return values.empty() || std::find(values.begin(), values.end(), value) != values.end();
}

} // namespace

std::map<long long, std::string> school_phases(soci::session& sql, long long trust_id) {
    std::map<long long, std::string> phases;
    for (const auto& school : organisations::store::list_schools(sql, trust_id))
        phases[school.id] = school.phase;
    return phases;
}

std::string phase_of(const std::string& own, long long school_id,
                     const std::map<long long, std::string>& phases) {
    if (!own.empty())
        return own;
    const auto found = phases.find(school_id);
    return found == phases.end() ? "" : found->second;
}

StaffProfile profile_of(const people::Person& person, const std::map<long long, std::string>& phases) {
    return {person.id, person.school_id, person.staff_group,
            phase_of(person.phase, person.school_id, phases)};
}

std::optional<people::Person> audience_person(soci::session& sql, const accounts::Actor& actor) {
    if (auto person = accounts::audience_person(actor))
        return person;
    return people::store::find_person(sql, actor.trust_id, actor.person_id);
}

bool within_filters(const Programme& programme, const StaffProfile& profile) {
    if (programme.school_id != 0 && profile.school_id != programme.school_id)
        return false;
    if (programme.school_id == 0 && profile.school_id != 0 &&
        !empty_or_has(programme.school_ids, profile.school_id))
        return false;
    return empty_or_has(programme.staff_groups, profile.staff_group) &&
           empty_or_has(programme.phases, profile.phase);
}

bool activity_is_for(const Activity& activity, people::StaffGroup group) {
    return empty_or_has(activity.staff_groups, group);
}

std::vector<people::Person> people_expected(soci::session& sql, const Programme& programme,
                                            const Activity& activity) {
    const auto phases = school_phases(sql, programme.trust_id);
    std::vector<long long> named;
    if (programme.audience != Audience::Everyone)
        for (const auto& member : store::members_of(sql, programme.trust_id, programme.id))
            if (!member.waiting)
                named.push_back(member.person_id);
    std::vector<std::pair<std::string, people::Person>> found;
    people::store::for_each_person(sql, programme.trust_id, [&](const people::Person& person) {
        if (person.has_left() || !activity_is_for(activity, person.staff_group))
            return;
        const StaffProfile profile = profile_of(person, phases);
        const bool in = programme.audience == Audience::Everyone
                            ? within_filters(programme, profile)
                            : std::find(named.begin(), named.end(), person.id) != named.end();
        if (!in)
            return;
        people::Person expected = person;
        expected.phase = profile.phase;
        found.emplace_back(text::lowered(person.last_name + " " + person.first_name), std::move(expected));
    });
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<people::Person> expected;
    for (auto& [key, person] : found)
        expected.push_back(std::move(person));
    return expected;
}

} // namespace trellis::programmes
