#pragma once

#include <optional>
#include <vector>

#include <soci/soci.h>

#include "groups/model.h"

// The only SQL for collaboration_groups and their members. Every function names the trust in its
// query.
namespace trellis::groups::store {

// The activity's groups in the order they were made, each with its members by name.
std::vector<Group> groups_of(soci::session& sql, long long trust_id, long long activity_id);
std::optional<Group> find_group(soci::session& sql, long long trust_id, long long group_id);
long long insert_group(soci::session& sql, long long trust_id, long long activity_id, const std::string& name,
                       const std::string& how_made);
void delete_group(soci::session& sql, long long trust_id, long long group_id);
void set_members(soci::session& sql, long long trust_id, long long group_id,
                 const std::vector<long long>& people);
void save_what_we_did(soci::session& sql, long long trust_id, long long group_id, long long person_id,
                      const std::string& text);

// The programme's people kept apart, by the first person's name.
std::vector<KeptApart> kept_apart(soci::session& sql, long long trust_id, long long programme_id);
// Keeps the two apart (nothing when already); `first_id` and `second_id` in either order.
void add_apart(soci::session& sql, long long trust_id, long long programme_id, long long first_id,
               long long second_id, long long created_by);
void remove_apart(soci::session& sql, long long trust_id, long long programme_id, long long first_id,
                  long long second_id);

} // namespace trellis::groups::store
