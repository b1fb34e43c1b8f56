#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "organisations/model.h"

// The only SQL for the trusts and schools tables.
namespace trellis::organisations::store {

// Inserts a trust and returns its id.
long long insert_trust(soci::session& sql, const std::string& slug, const std::string& name);
// The trust with this slug, if any.
std::optional<Trust> find_trust_by_slug(soci::session& sql, const std::string& slug);
// The trust with this id, if any.
std::optional<Trust> find_trust(soci::session& sql, long long trust_id);
// How many trusts exist: zero means the service has never been set up.
long long count_trusts(soci::session& sql);
// Every trust, for work done across all of them in the background.
std::vector<long long> trust_ids(soci::session& sql);
// Sets the fewest people the trust's reports may describe.
void set_smallest_group(soci::session& sql, long long trust_id, int smallest_group);
// Inserts a school in a trust and returns its id.
long long insert_school(soci::session& sql, long long trust_id, const std::string& name,
                        const std::string& phase);
// Gives one of the trust's schools a new name.
void rename_school(soci::session& sql, long long trust_id, long long school_id, const std::string& name);
// The trust's schools, by name.
std::vector<School> list_schools(soci::session& sql, long long trust_id);

} // namespace trellis::organisations::store
