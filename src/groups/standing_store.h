#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "groups/model.h"

// The only SQL for standing groups (collaboration_groups of a kind other than session) and their
// meetings, notes and resources. Every function names the trust in its query.
namespace trellis::groups::standing_store {

// Every standing group of the trust by name, each with its members and how often it has met.
std::vector<StandingGroup> groups(soci::session& sql, long long trust_id);
std::optional<StandingGroup> find(soci::session& sql, long long trust_id, long long group_id);

long long insert_group(soci::session& sql, long long trust_id, const StandingGroup& group,
                       long long created_by);
// Adds people to the group (those already in it stay once); only the trust's people are added.
void add_members(soci::session& sql, long long trust_id, long long group_id,
                 const std::vector<long long>& people);
void remove_member(soci::session& sql, long long trust_id, long long group_id, long long person_id);

// Meetings newest first, each with who came; notes newest first; resources in the order added.
std::vector<GroupMeeting> meetings(soci::session& sql, long long trust_id, long long group_id);
std::vector<GroupNote> notes(soci::session& sql, long long trust_id, long long group_id);
std::vector<GroupResource> resources(soci::session& sql, long long trust_id, long long group_id);

long long insert_meeting(soci::session& sql, long long trust_id, long long group_id,
                         const GroupMeeting& meeting, const std::vector<long long>& came,
                         long long written_by);
void insert_note(soci::session& sql, long long trust_id, long long group_id, long long person_id,
                 const std::string& body);
void insert_resource(soci::session& sql, long long trust_id, long long group_id,
                     const GroupResource& resource, long long added_by);

// The collaboration times of programmes a group of this school (0: across schools) may meet in, between
// two days, by day: the trust's programmes, and the school's own for a school's group.
std::vector<ProtectedTime> protected_times(soci::session& sql, long long trust_id, long long school_id,
                                           const std::string& from, const std::string& to);

} // namespace trellis::groups::standing_store
