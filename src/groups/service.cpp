#include "groups/service.h"

#include <map>
#include <stdexcept>

#include "groups/store.h"
#include "text/words.h"

namespace trellis::groups {

namespace {

constexpr std::size_t kLongestRecord = 2000;

void check_people(const std::vector<long long>& people, const std::set<long long>& allowed) {
    for (long long person_id : people)
        if (!allowed.count(person_id))
            throw std::invalid_argument("A group can only hold people this activity is for.");
}

} // namespace

std::vector<Group> GroupService::groups_of(long long trust_id, long long activity_id) {
    auto session = m_database.lease();
    return store::groups_of(*session, trust_id, activity_id);
}

void GroupService::replace(long long trust_id, long long activity_id, const std::vector<NewGroup>& groups,
                           const std::set<long long>& allowed) {
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    for (const Group& group : store::groups_of(sql, trust_id, activity_id)) {
        if (!group.what_we_did.empty())
            throw std::invalid_argument("“" + group.name +
                                        "” has recorded what it did, so the groups stay as they are. Move "
                                        "people between groups by hand instead.");
        store::delete_group(sql, trust_id, group.id);
    }
    for (const NewGroup& group : groups) {
        check_people(group.people, allowed);
        store::set_members(sql, trust_id,
                           store::insert_group(sql, trust_id, activity_id, group.name, group.why),
                           group.people);
    }
    transaction.commit();
}

void GroupService::arrange(long long trust_id, long long activity_id,
                           const std::map<long long, int>& group_of, const std::set<long long>& allowed) {
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const std::vector<Group> existing = store::groups_of(sql, trust_id, activity_id);
    std::map<int, std::vector<long long>> people_in; // by position, from 1
    for (const auto& [person_id, position] : group_of) {
        if (position < 0 || position > static_cast<int>(existing.size()) + 1)
            throw std::invalid_argument("Choose one of the groups listed for each person.");
        if (position > 0)
            people_in[position].push_back(person_id);
    }
    for (const auto& [position, people] : people_in)
        check_people(people, allowed);
    for (std::size_t index = 0; index < existing.size(); ++index) {
        const auto& people = people_in[static_cast<int>(index) + 1];
        if (people.empty() && existing[index].what_we_did.empty())
            store::delete_group(sql, trust_id, existing[index].id);
        else
            store::set_members(sql, trust_id, existing[index].id, people);
    }
    if (const auto added = people_in.find(static_cast<int>(existing.size()) + 1); added != people_in.end())
        store::set_members(sql, trust_id,
                           store::insert_group(sql, trust_id, activity_id,
                                               "Group " + std::to_string(existing.size() + 1),
                                               "Made by hand"),
                           added->second);
    transaction.commit();
}

void GroupService::record(const accounts::Actor& person, long long activity_id, long long group_id,
                          const std::string& text, bool lead) {
    const std::string record = text::trimmed(text);
    if (record.empty())
        throw std::invalid_argument("Say in a few lines what the group did.");
    if (record.size() > kLongestRecord)
        throw std::invalid_argument("Keep it under 2,000 characters: a few lines are enough.");
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto group = store::find_group(sql, person.trust_id, group_id);
    if (!group || group->activity_id != activity_id)
        throw std::invalid_argument("There is no such group in this activity.");
    if (!lead && !group->has(person.person_id))
        throw std::invalid_argument("Only the group's members record what it did.");
    store::save_what_we_did(sql, person.trust_id, group_id, person.person_id, record);
    transaction.commit();
}

std::vector<KeptApart> GroupService::kept_apart(long long trust_id, long long programme_id) {
    auto session = m_database.lease();
    return store::kept_apart(*session, trust_id, programme_id);
}

void GroupService::keep_apart(long long trust_id, long long programme_id, long long first_id,
                              long long second_id, const std::set<long long>& allowed, long long lead_id) {
    if (!allowed.count(first_id) || !allowed.count(second_id))
        throw std::invalid_argument("Choose two of the people this time is for.");
    if (first_id == second_id)
        throw std::invalid_argument("Choose two different people to keep apart.");
    db::Transaction transaction(m_database);
    store::add_apart(transaction.session(), trust_id, programme_id, first_id, second_id, lead_id);
    transaction.commit();
}

void GroupService::stop_keeping_apart(long long trust_id, long long programme_id, long long first_id,
                                      long long second_id) {
    db::Transaction transaction(m_database);
    store::remove_apart(transaction.session(), trust_id, programme_id, first_id, second_id);
    transaction.commit();
}

} // namespace trellis::groups
