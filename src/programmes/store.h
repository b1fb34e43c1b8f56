#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "db/person_batch.h"
#include "programmes/model.h"

// The only SQL for programmes, their schools, priorities and members. Every function names the
// trust in its query.
namespace trellis::programmes::store {

// The trust's programmes, soonest first, each with its schools and priorities.
std::vector<Programme> programmes_of(soci::session& sql, long long trust_id);
std::optional<Programme> find_programme(soci::session& sql, long long trust_id, long long programme_id);
long long insert_programme(soci::session& sql, const Programme& programme);
// Updates the programme and replaces its schools and priorities.
void update_programme(soci::session& sql, const Programme& programme);

struct Member {
    long long person_id = 0;
    std::string name;
    std::string school_name;
    people::StaffGroup staff_group = people::StaffGroup::Teacher;
    bool waiting = false;
};

// A cohort's or an open programme's people: members by name, then the wait-list in order.
std::vector<Member> members_of(soci::session& sql, long long trust_id, long long programme_id);
// The person's status in each programme they joined or wait for ("member" or "waiting"), by
// programme: as a read of a db::PersonBatch (for pages that read it beside others), what its rows
// hold, and read alone.
extern const char* const kStatusRows;
std::map<long long, std::string> statuses_from(const std::vector<db::BatchRow>& rows);
std::map<long long, std::string> statuses_of(soci::session& sql, long long trust_id, long long person_id);
std::optional<std::string> status_in(soci::session& sql, long long trust_id, long long programme_id,
                                     long long person_id);
int count_with_status(soci::session& sql, long long trust_id, long long programme_id,
                      const std::string& status);
// Members and those waiting, by programme, for every programme of the trust in one read.
struct MemberCounts {
    int members = 0;
    int waiting = 0;
};
std::map<long long, MemberCounts> member_counts(soci::session& sql, long long trust_id);
// Adds the person (with status "member" or "waiting"); nothing when already there.
void add_member(soci::session& sql, long long trust_id, long long programme_id, long long person_id,
                const std::string& status);
void remove_member(soci::session& sql, long long trust_id, long long programme_id, long long person_id);
// The person waiting longest, if any.
std::optional<long long> first_waiting(soci::session& sql, long long trust_id, long long programme_id);
void set_status(soci::session& sql, long long trust_id, long long programme_id, long long person_id,
                const std::string& status);

} // namespace trellis::programmes::store
