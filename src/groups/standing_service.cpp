#include "groups/standing_service.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "accounts/permissions.h"
#include "calendar/school_year.h"
#include "groups/standing_store.h"
#include "people/colleagues.h"
#include "text/form_values.h"
#include "text/words.h"

namespace trellis::groups {

namespace {

constexpr std::size_t kLongestName = 120, kLongestPurpose = 1000, kLongestNote = 1000, kLongestRecord = 2000;
constexpr std::size_t kLargestGroup = 40;
// How far back a meeting in a programme's collaboration time may be recorded.
constexpr int kDaysBackForProtectedTime = 365;

void require(bool holds, const std::string& problem) {
    if (!holds)
        throw std::invalid_argument(problem);
}

// The people named by email (separated by commas or new lines), each a current member of staff.
std::vector<long long> colleagues_named(soci::session& sql, long long trust_id, const std::string& emails) {
    std::vector<long long> found;
    for (const std::string& line : text::lines_of(emails))
        for (const std::string& item : text::split_commas(line))
            if (const std::string email = text::trimmed(item); !email.empty()) {
                const long long id =
                    people::colleague_by_email(sql, trust_id, email,
                                               "There is no member of staff with the email " + email + ".")
                        .id;
                if (std::find(found.begin(), found.end(), id) == found.end())
                    found.push_back(id);
            }
    return found;
}

StandingGroup group_from(const accounts::Actor& actor, const GroupForm& form) {
    StandingGroup group;
    group.name = text::trimmed(form.name);
    require(!group.name.empty() && group.name.size() <= kLongestName,
            "Name the group in up to 120 characters.");
    const auto kind = group_kind_from_text(form.kind);
    require(kind && *kind != GroupKind::Session,
            "Say what kind of group it is: a department, a phase group, lesson study or a working group.");
    group.kind = *kind;
    group.purpose = text::trimmed(form.purpose);
    require(group.purpose.size() <= kLongestPurpose, "Keep what the group is for to 1,000 characters.");
    const std::string school = text::trimmed(form.school);
    if (!school.empty()) {
        const auto id = text::positive_id(school);
        require(id.has_value(), "Choose one of the trust's schools, or across schools.");
        group.school_id = *id;
    }
    require(group.school_id == 0 || group.school_id == actor.school_id || accounts::leads_at(actor, 0),
            "A group belongs to your own school, or is across schools.");
    return group;
}

std::string days_before(const std::string& day, int days) {
    return calendar::text_of(*calendar::parse_day(day) - std::chrono::days(days));
}

} // namespace

std::shared_ptr<const std::vector<StandingGroup>>
StandingGroupService::trust_groups(const accounts::Actor& actor, soci::session& sql) {
    return m_trust_groups.at(actor.trust_id, actor.shared_version,
                             [&] { return standing_store::groups(sql, actor.trust_id); });
}

std::vector<StandingGroup> StandingGroupService::groups_of(const accounts::Actor& actor) {
    auto session = m_database.lease();
    std::vector<StandingGroup> theirs;
    // Held for the loop: in `for (x : *trust_groups(...))` the pointer dies before the loop runs, and a
    // newer version kept by another request would free the list under it.
    const auto shared = trust_groups(actor, *session);
    for (const StandingGroup& group : *shared)
        if (group.has(actor.person_id))
            theirs.push_back(group);
    return theirs;
}

std::optional<std::vector<StandingGroup>> StandingGroupService::overseen(const accounts::Actor& actor) {
    long long scope = -1;
    if (!accounts::oversees_peer_learning(actor, 0)) {
        if (actor.school_id == 0 || !accounts::oversees_peer_learning(actor, actor.school_id))
            return std::nullopt;
        scope = actor.school_id;
    }
    auto session = m_database.lease();
    std::vector<StandingGroup> overseen;
    // Held for the loop: in `for (x : *trust_groups(...))` the pointer dies before the loop runs, and a
    // newer version kept by another request would free the list under it.
    const auto shared = trust_groups(actor, *session);
    for (const StandingGroup& group : *shared)
        if (scope < 0 || group.school_id == scope)
            overseen.push_back(group);
    return overseen;
}

std::optional<GroupPage> StandingGroupService::page_for(const accounts::Actor& actor, long long group_id) {
    auto session = m_database.lease();
    auto group = standing_store::find(*session, actor.trust_id, group_id);
    if (!group)
        return std::nullopt;
    GroupPage page;
    page.group = *group;
    page.members_view = group->has(actor.person_id);
    if (!page.members_view && !accounts::oversees_peer_learning(actor, group->school_id))
        return std::nullopt;
    page.meetings = standing_store::meetings(*session, actor.trust_id, group_id);
    if (!page.members_view) {
        // A lead sees that the group met and who came; what it did is the members' own.
        for (GroupMeeting& meeting : page.meetings)
            meeting.what_we_did.clear();
        return page;
    }
    page.notes = standing_store::notes(*session, actor.trust_id, group_id);
    page.resources = standing_store::resources(*session, actor.trust_id, group_id);
    return page;
}

long long StandingGroupService::start(const accounts::Actor& actor, const GroupForm& form) {
    StandingGroup group = group_from(actor, form);
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    std::vector<long long> members = colleagues_named(sql, actor.trust_id, form.members);
    // Anyone but a lead is in the group they start; a lead may start one for others.
    const bool lead = accounts::oversees_peer_learning(actor, group.school_id);
    if ((form.include_me || !lead) &&
        std::find(members.begin(), members.end(), actor.person_id) == members.end())
        members.insert(members.begin(), actor.person_id);
    require(members.size() >= 2, "A group needs at least two people: add your colleagues' email addresses.");
    require(members.size() <= kLargestGroup, "A group can have up to 40 people.");
    const long long id = standing_store::insert_group(sql, actor.trust_id, group, actor.person_id);
    require(id != 0, "Choose one of the trust's schools, or across schools.");
    standing_store::add_members(sql, actor.trust_id, id, members);
    transaction.commit();
    return id;
}

int StandingGroupService::add_members(const accounts::Actor& actor, long long group_id,
                                      const std::string& emails) {
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto group = standing_store::find(sql, actor.trust_id, group_id);
    require(group &&
                (group->has(actor.person_id) || accounts::oversees_peer_learning(actor, group->school_id)),
            "There is no such group for you.");
    std::vector<long long> adding;
    for (long long id : colleagues_named(sql, actor.trust_id, emails))
        if (!group->has(id))
            adding.push_back(id);
    require(!adding.empty() || !text::trimmed(emails).empty(),
            "Give the email address of a colleague to add.");
    require(group->members.size() + adding.size() <= kLargestGroup, "A group can have up to 40 people.");
    standing_store::add_members(sql, actor.trust_id, group_id, adding);
    transaction.commit();
    return static_cast<int>(adding.size());
}

void StandingGroupService::remove_member(const accounts::Actor& actor, long long group_id,
                                         long long person_id) {
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto group = standing_store::find(sql, actor.trust_id, group_id);
    const bool leaving = person_id == actor.person_id;
    require(group && ((leaving && group->has(person_id)) ||
                      (group->has(person_id) && accounts::oversees_peer_learning(actor, group->school_id))),
            "There is no such member of the group for you to remove.");
    standing_store::remove_member(sql, actor.trust_id, group_id, person_id);
    transaction.commit();
}

std::vector<ProtectedTime> StandingGroupService::protected_times(const accounts::Actor& actor,
                                                                 const StandingGroup& group,
                                                                 const std::string& today) {
    auto session = m_database.lease();
    return standing_store::protected_times(*session, actor.trust_id, group.school_id,
                                           days_before(today, kDaysBackForProtectedTime), today);
}

long long StandingGroupService::keep_meeting(const accounts::Actor& actor, long long group_id,
                                             const MeetingForm& form, const std::string& today) {
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto group = standing_store::find(sql, actor.trust_id, group_id);
    require(group && group->has(actor.person_id), "Only the group's members keep its meetings.");
    GroupMeeting meeting;
    if (!text::trimmed(form.time).empty()) {
        const auto id = text::positive_id(text::trimmed(form.time));
        const auto times = standing_store::protected_times(
            sql, actor.trust_id, group->school_id, days_before(today, kDaysBackForProtectedTime), today);
        const auto time = std::find_if(times.begin(), times.end(), [&](const ProtectedTime& candidate) {
            return id && candidate.activity_id == *id;
        });
        require(time != times.end(), "Choose a collaboration time from the list, or your own time.");
        meeting.activity_id = time->activity_id;
        meeting.day = time->day;
        meeting.minutes = time->minutes;
    } else {
        meeting.day = text::trimmed(form.day);
        require(calendar::parse_day(meeting.day) && meeting.day <= today,
                "Give the day you met, today or before.");
        meeting.minutes = text::whole_number_in(form.minutes, "How long you met, in minutes,", 5, 480);
    }
    meeting.what_we_did = text::trimmed(form.what_we_did);
    require(meeting.what_we_did.size() <= kLongestRecord, "Keep what you did to 2,000 characters.");
    std::set<long long> came(form.came.begin(), form.came.end());
    require(!came.empty(), "Tick who came.");
    for (long long person_id : came)
        require(group->has(person_id), "Tick only the group's members.");
    const long long id = standing_store::insert_meeting(sql, actor.trust_id, group_id, meeting,
                                                        {came.begin(), came.end()}, actor.person_id);
    transaction.commit();
    return id;
}

void StandingGroupService::add_note(const accounts::Actor& actor, long long group_id,
                                    const std::string& body) {
    const std::string kept = text::trimmed(body);
    require(!kept.empty() && kept.size() <= kLongestNote, "Write the note in up to 1,000 characters.");
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto group = standing_store::find(sql, actor.trust_id, group_id);
    require(group && group->has(actor.person_id), "Only the group's members write its notes.");
    standing_store::insert_note(sql, actor.trust_id, group_id, actor.person_id, kept);
    transaction.commit();
}

void StandingGroupService::add_resource(const accounts::Actor& actor, long long group_id,
                                        const GroupResource& resource) {
    GroupResource kept = resource;
    if (!kept.library_item_id) {
        kept.title = text::trimmed(kept.title);
        kept.url = text::trimmed(kept.url);
        require(!kept.title.empty() && kept.title.size() <= 200,
                "Give the link a title of up to 200 characters.");
        require(
            text::is_web_address(kept.url),
            "Give a web address starting with https://, or the address of an item in the trust's library.");
    }
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto group = standing_store::find(sql, actor.trust_id, group_id);
    require(group && group->has(actor.person_id), "Only the group's members add its resources.");
    standing_store::insert_resource(sql, actor.trust_id, group_id, kept, actor.person_id);
    transaction.commit();
}

} // namespace trellis::groups
