#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "jobs/model.h"

// The jobs table. Claiming, renewing and marking are the outbox's (src/outbox/store.h): a job is a row
// whose "delivery" is running it.
namespace trellis::jobs::store {

inline constexpr const char* kTable = "jobs";

// Queues the work unless it is queued, running or done already; work that failed is queued again.
// Returns the job's id.
long long enqueue(soci::session& sql, long long trust_id, const std::string& kind, long long subject_id,
                  long long now);
// Queues a recurring job for every trust that has none of this kind yet, due now.
void ensure_for_every_trust(soci::session& sql, const std::string& kind, long long now);

std::optional<Job> find(soci::session& sql, long long trust_id, const std::string& kind,
                        long long subject_id);
std::optional<Job> load(soci::session& sql, long long id);

// Writes progress while `worker` still holds the job.
void report(soci::session& sql, long long id, const std::string& worker, long long done, long long total,
            const std::string& phase);
// Done; a recurring job instead goes back to the queue, due at `next_at`.
void finish(soci::session& sql, long long id, long long now, std::optional<long long> next_at = std::nullopt);
// Failed for good, with why in words.
void fail(soci::session& sql, long long id, const std::string& error);
// Back to the queue, due at `now`: a server stopping put it down unfinished.
void put_back(soci::session& sql, long long id, long long now);

} // namespace trellis::jobs::store
