#include "programmes/sessions/session_attendance.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "accounts/permissions.h"
#include "accounts/secrets.h"
#include "attendance/register.h"
#include "attendance/store.h"
#include "calendar/london_time.h"
#include "programmes/activity_store.h"
#include "programmes/audience.h"
#include "programmes/store.h"

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

std::vector<attendance::RegisterEntry> expected_at(soci::session& sql, const Programme& programme,
                                                   const Activity& activity) {
    std::vector<attendance::RegisterEntry> entries;
    for (const people::Person& person : people_expected(sql, programme, activity))
        entries.push_back(entry_of(person));
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
