#include "jobs/store.h"

#include "db/rows.h"
#include "outbox/store.h"

namespace trellis::jobs::store {

namespace {

JobState state_of(const std::string& status) {
    if (status == "sending")
        return JobState::Running;
    if (status == "sent")
        return JobState::Done;
    if (status == "failed")
        return JobState::Failed;
    return JobState::Queued;
}

const std::string kColumns = "id, trust_id, kind, subject_id, status, attempts, claimed_by, claimed_at, "
                             "last_error, done_count, total_count, phase";

template <typename... Uses>
std::optional<Job> one_job(soci::session& sql, const std::string& where, Uses&&... uses) {
    Job job;
    std::string status;
    auto rows = db::run_once(sql, "SELECT " + kColumns + " FROM jobs WHERE " + where, soci::into(job.id),
                             soci::into(job.trust_id), soci::into(job.kind), soci::into(job.subject_id),
                             soci::into(status), soci::into(job.attempts), soci::into(job.held_by),
                             soci::into(job.held_since), soci::into(job.error), soci::into(job.done),
                             soci::into(job.total), soci::into(job.phase), std::forward<Uses>(uses)...);
    if (!rows.fetch())
        return std::nullopt;
    job.state = state_of(status);
    return job;
}

} // namespace

long long enqueue(soci::session& sql, long long trust_id, const std::string& kind, long long subject_id,
                  long long now) {
    sql << "INSERT INTO jobs (trust_id, kind, subject_id, status, next_attempt_at, created_at) "
           "VALUES (:trust, :kind, :subject, 'queued', :due, :now) "
           "ON CONFLICT (trust_id, kind, subject_id) DO NOTHING",
        soci::use(trust_id), soci::use(kind), soci::use(subject_id), soci::use(now), soci::use(now);
    sql << "UPDATE jobs SET status = 'queued', attempts = 0, next_attempt_at = :now, claimed_by = '', "
           "last_error = '', done_count = 0, total_count = 0, phase = '' "
           "WHERE trust_id = :trust AND kind = :kind AND subject_id = :subject AND status = 'failed'",
        soci::use(now), soci::use(trust_id), soci::use(kind), soci::use(subject_id);
    long long id = 0;
    db::read_one(sql,
                 "SELECT id FROM jobs WHERE trust_id = :trust AND kind = :kind AND subject_id = :subject",
                 soci::into(id), soci::use(trust_id), soci::use(kind), soci::use(subject_id));
    return id;
}

void ensure_for_every_trust(soci::session& sql, const std::string& kind, long long now) {
    sql << "INSERT INTO jobs (trust_id, kind, subject_id, status, next_attempt_at, created_at) "
           "SELECT trusts.id, :kind, 0, 'queued', :due, :now FROM trusts WHERE NOT EXISTS "
           "(SELECT 1 FROM jobs WHERE jobs.trust_id = trusts.id AND jobs.kind = :same_kind) "
           "ON CONFLICT (trust_id, kind, subject_id) DO NOTHING",
        soci::use(kind), soci::use(now), soci::use(now), soci::use(kind);
}

std::optional<Job> find(soci::session& sql, long long trust_id, const std::string& kind,
                        long long subject_id) {
    return one_job(sql, "trust_id = :trust AND kind = :kind AND subject_id = :subject", soci::use(trust_id),
                   soci::use(kind), soci::use(subject_id));
}

std::optional<Job> load(soci::session& sql, long long id) {
    return one_job(sql, "id = :id", soci::use(id));
}

void report(soci::session& sql, long long id, const std::string& worker, long long done, long long total,
            const std::string& phase) {
    sql << "UPDATE jobs SET done_count = :done, total_count = :total, phase = :phase "
           "WHERE id = :id AND status = 'sending' AND claimed_by = :worker",
        soci::use(done), soci::use(total), soci::use(phase), soci::use(id), soci::use(worker);
}

void finish(soci::session& sql, long long id, long long now, std::optional<long long> next_at) {
    if (!next_at)
        return outbox::store::mark_sent(sql, kTable, {id}, now);
    // Each run of a recurring job starts its count of attempts afresh.
    sql << "UPDATE jobs SET status = 'queued', attempts = 0, next_attempt_at = :next, claimed_by = '', "
           "sent_at = :now, last_error = '' WHERE id = :id",
        soci::use(*next_at), soci::use(now), soci::use(id);
}

void fail(soci::session& sql, long long id, const std::string& error) {
    outbox::store::mark_unsent(sql, kTable, {id}, error, 0, /*for_good=*/true);
}

void put_back(soci::session& sql, long long id, long long now) {
    outbox::store::mark_unsent(sql, kTable, {id}, "", now, /*for_good=*/false);
}

} // namespace trellis::jobs::store
