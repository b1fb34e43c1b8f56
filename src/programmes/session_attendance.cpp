#include "programmes/session_attendance.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "accounts/permissions.h"
#include "accounts/secrets.h"
#include "attendance/register.h"
#include "attendance/store.h"
#include "calendar/london_time.h"
#include "organisations/store.h"
#include "people/store.h"
#include "programmes/activity_store.h"
#include "programmes/audience.h"
#include "programmes/store.h"
#include "text/words.h"

namespace trellis::programmes {

namespace {

constexpr std::string_view kCodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O or 1/I

attendance::SessionRef ref_of(const Activity& activity) {
    return {attendance::SessionKind::Activity, activity.id};
}

attendance::RegisterEntry entry_of(const people::Person& person) {
    return {person.id,
            person.full_name(),
            person.school_name.empty() ? "Central team" : person.school_name,
            person.staff_group,
            std::nullopt,
            false};
}

// The people a session is for, by surname then first name.
std::vector<attendance::RegisterEntry> expected_at(soci::session& sql, const Programme& programme,
                                                   const Activity& activity) {
    std::map<long long, std::string> phases;
    for (const auto& school : organisations::store::list_schools(sql, programme.trust_id))
        phases[school.id] = school.phase;
    std::vector<long long> named;
    if (programme.audience != Audience::Everyone)
        for (const auto& member : store::members_of(sql, programme.trust_id, programme.id))
            if (!member.waiting)
                named.push_back(member.person_id);
    std::vector<std::pair<std::string, attendance::RegisterEntry>> found;
    people::store::for_each_person(sql, programme.trust_id, [&](const people::Person& person) {
        if (person.has_left() || !activity_is_for(activity, person.staff_group))
            return;
        const bool in =
            programme.audience == Audience::Everyone
                ? within_filters(programme, {person.id, person.school_id, person.staff_group,
                                             person.phase.empty() ? phases[person.school_id] : person.phase})
                : std::find(named.begin(), named.end(), person.id) != named.end();
        if (in)
            found.emplace_back(text::lowered(person.last_name + " " + person.first_name), entry_of(person));
    });
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<attendance::RegisterEntry> entries;
    for (auto& [key, entry] : found)
        entries.push_back(std::move(entry));
    return entries;
}

} // namespace

std::vector<attendance::RegisterEntry> SessionAttendance::register_of(const Programme& programme,
                                                                      const Activity& activity) {
    auto session = m_database.lease();
    auto entries = expected_at(*session, programme, activity);
    attendance::apply_marks(entries,
                            attendance::store::marks_of(*session, programme.trust_id, ref_of(activity)));
    return entries;
}

void SessionAttendance::take_register(const accounts::Actor& lead, const Programme& programme,
                                      const Activity& activity, const std::vector<long long>& present_ids) {
    if (!accounts::leads_at(lead, programme.school_id))
        throw std::invalid_argument("Only the programme's lead keeps its registers.");
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    auto entries = expected_at(sql, programme, activity);
    attendance::tick(entries, present_ids);
    attendance::store::save_register(sql, programme.trust_id, ref_of(activity), lead.person_id, entries);
    transaction.commit();
}

std::vector<Activity> SessionAttendance::without_register(long long trust_id) {
    auto session = m_database.lease();
    return activity_store::sessions_without_register(
        *session, trust_id, calendar::london_moment(db::now_seconds()).substr(0, 10));
}

std::string SessionAttendance::check_in_code(const Activity& activity) {
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    std::string code = activity_store::check_in_code_of(sql, activity.trust_id, activity.id);
    if (code.empty()) {
        code = accounts::random_characters(kCodeAlphabet, 6);
        activity_store::set_check_in_code(sql, activity.trust_id, activity.id, code);
    }
    transaction.commit();
    return code;
}

bool SessionAttendance::check_in_open(const Activity& activity, const std::string& now) {
    return activity.kind == ActivityKind::Live &&
           now >= calendar::shifted_moment(activity.starts_on, activity.starts_at, -15) &&
           now <= calendar::shifted_moment(activity.starts_on, activity.ends_at, 0);
}

void SessionAttendance::check_in(const accounts::Actor& person, const Programme& programme,
                                 const Activity& activity, const std::string& code, attendance::How how) {
    if (!check_in_open(activity, calendar::london_moment(db::now_seconds())))
        throw std::invalid_argument(
            "Check-in is open only while the session runs, from 15 minutes before it starts.");
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const std::string expected = activity_store::check_in_code_of(sql, programme.trust_id, activity.id);
    std::string typed;
    for (char c : text::trimmed(code))
        if (c != ' ' && c != '-')
            typed += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    if (expected.empty() || !accounts::equal_in_constant_time(typed, expected))
        throw std::invalid_argument("That is not this session's code: check it with the presenter.");
    const auto entries = expected_at(sql, programme, activity);
    if (std::none_of(entries.begin(), entries.end(), [&](const attendance::RegisterEntry& entry) {
            return entry.person_id == person.person_id;
        }))
        throw std::invalid_argument("This session is not one you are expected at.");
    attendance::store::check_in(sql, programme.trust_id, ref_of(activity), person.person_id, how);
    transaction.commit();
}

} // namespace trellis::programmes
