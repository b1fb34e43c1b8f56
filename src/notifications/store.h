#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

#include "db/person_batch.h"
#include "notifications/model.h"

// The only SQL for notices: messages on a person's home page in place of email. Every function
// names the trust in its query.
namespace trellis::notifications::store {

// What the person has had: the link of every notice, dismissed or not (so none is given twice), and
// those still on their home page, newest first.
struct NoticesHeld {
    std::vector<std::string> links;
    std::vector<Notice> active;
};
// The person's notices as a read of a db::PersonBatch, and what its rows hold.
extern const char* const kNoticesRows;
NoticesHeld held_from(const std::vector<db::BatchRow>& rows);
NoticesHeld notices_held(soci::session& sql, long long trust_id, long long person_id);

// Puts the same notice on each person's home page, in one statement, except for people who still
// have one with the same link on it; and queues it by email for each (mail::store::queue_notices).
void add_to_each(soci::session& sql, long long trust_id, const std::vector<long long>& person_ids,
                 const std::string& text, const std::string& link);
// Adds a notice unless the person has ever had one with the same link, and queues it by email
// unless `by_email` is false (the person is looking at their home page as it is added).
void add_once(soci::session& sql, long long trust_id, long long person_id, const std::string& text,
              const std::string& link, bool by_email = true);
// Marks the person's notices with this link dismissed.
void dismiss_link(soci::session& sql, long long trust_id, long long person_id, const std::string& link);
// Marks the notice dismissed; returns false when the person has no such notice.
bool dismiss(soci::session& sql, long long trust_id, long long person_id, long long notice_id);

} // namespace trellis::notifications::store
