#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "groups/model.h"

namespace trellis::groups {

// Rules for the groups meeting in an activity's collaboration time. The caller says who may keep
// them (the programme's lead) and who they may hold (the people the activity is for); the groups
// keep what they did. A broken rule throws std::invalid_argument with a message for the person, and
// nothing is saved.
class GroupService {
  public:
    explicit GroupService(db::Database& database) : m_database(database) {}

    std::vector<Group> groups_of(long long trust_id, long long activity_id);
    // Replaces every group with the suggested ones; refused once a group has recorded what it did,
    // since that record would be lost.
    void replace(long long trust_id, long long activity_id, const std::vector<NewGroup>& groups,
                 const std::set<long long>& allowed);
    // Sets who is in each group from the lead's form: `group_of[person]` is a group's position
    // (1, 2, …; 0 for none); a position past the last group makes a new group. A group left empty
    // goes, unless it has recorded what it did.
    void arrange(long long trust_id, long long activity_id, const std::map<long long, int>& group_of,
                 const std::set<long long>& allowed);
    // Records in a few lines what the group did: its members, or the lead.
    void record(const accounts::Actor& person, long long activity_id, long long group_id,
                const std::string& text, bool lead);

    // The programme's people kept apart when groups are suggested.
    std::vector<KeptApart> kept_apart(long long trust_id, long long programme_id);
    // Keeps two of the programme's people (both in `allowed`) out of the same suggested group.
    void keep_apart(long long trust_id, long long programme_id, long long first_id, long long second_id,
                    const std::set<long long>& allowed, long long lead_id);
    void stop_keeping_apart(long long trust_id, long long programme_id, long long first_id,
                            long long second_id);

  private:
    db::Database& m_database;
};

} // namespace trellis::groups
