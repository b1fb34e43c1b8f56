#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "library/model.h"

// The only SQL for materials. Every function names the trust in its query.
namespace trellis::library::store {

long long insert(soci::session& sql, const Material& material);
// What belongs to one owner, oldest first.
std::vector<Material> of_owner(soci::session& sql, long long trust_id, Owner owner);
std::optional<Material> find(soci::session& sql, long long trust_id, long long material_id);
// How many files each owner of this kind has, by owner id; owners without files are left out.
std::map<long long, int> counts_by_owner(soci::session& sql, long long trust_id, OwnerKind kind);
void remove(soci::session& sql, long long trust_id, long long material_id);
// The stored names of an owner's files, then their rows removed, when the owner itself goes.
std::vector<std::string> forget_owner(soci::session& sql, long long trust_id, Owner owner);

} // namespace trellis::library::store
