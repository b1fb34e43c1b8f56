#pragma once

#include <string>
#include <vector>

// Small groups of staff who meet to work together, such as those meeting in a programme's
// collaboration time, as plain data (schema: 0016_programme_work.sql).
namespace trellis::groups {

struct GroupMember {
    long long person_id = 0;
    std::string name;
    std::string school_name;
};

struct Group {
    long long id = 0;
    long long activity_id = 0;
    std::string name;
    std::string how_made; // why these people are together, for a suggested group
    std::vector<GroupMember> members;
    std::string what_we_did; // a few lines the group records, or ""
    std::string written_by;  // who last wrote it
    long long written_at = 0;

    bool has(long long person_id) const {
        for (const GroupMember& member : members)
            if (member.person_id == person_id)
                return true;
        return false;
    }
};

// Two people of a programme kept out of the same group, as the lead sees them.
struct KeptApart {
    long long first_id = 0;
    std::string first_name;
    long long second_id = 0;
    std::string second_name;
};

// A group to be made: its name and its people.
struct NewGroup {
    std::string name;
    std::vector<long long> people;
    std::string why; // how it was put together, for a suggested group
};

} // namespace trellis::groups
