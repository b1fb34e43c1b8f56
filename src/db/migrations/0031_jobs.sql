-- Background work that any server may do: allocation runs, staff imports and each trust's notices
-- sweep. A job is claimed by one server at a time (FOR UPDATE SKIP LOCKED on PostgreSQL); the
-- server renews its claim while it works, so a claim gone quiet belongs to a server that died and
-- another takes the job over. Progress pages read the row, so any server can show them.

-- kind and subject_id name the work ('allocation' and the run, 'staff_import' and the import,
-- 'notices_sweep' and 0): unique per trust, so asking twice queues it once. The claiming columns are
-- the outbox's (src/outbox/store.*), shared with mail and learning records: status is 'queued',
-- 'sending' (a server is running it), 'sent' (done) or 'failed'. A recurring job (the sweep) goes
-- back to 'queued' with its next time when done.
CREATE TABLE jobs (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    kind TEXT NOT NULL,
    subject_id BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'queued',
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_by TEXT NOT NULL DEFAULT '',
    claimed_at BIGINT NOT NULL DEFAULT 0,
    sent_at BIGINT NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    done_count BIGINT NOT NULL DEFAULT 0,
    total_count BIGINT NOT NULL DEFAULT 0,
    phase TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    UNIQUE (trust_id, kind, subject_id)
);
CREATE INDEX jobs_due ON jobs (status, next_attempt_at);

-- Runs left running by a server before jobs were kept here have nobody to finish them.
UPDATE allocation_runs SET status = 'failed', message = 'The server stopped while this allocation ran. Start it again.'
WHERE status = 'running';
