-- Learning records (xAPI 1.0.3) sent to a trust's learning record store, when one is configured:
-- module completed, workshop or session attended, session caught up from its recording, survey
-- completed. Each is a fact Trellis already holds; the sender turns new facts into statements here
-- and sends them through this outbox like email.

-- fact_key names the fact ("attended workshop 12 person 7"): unique, so a fact becomes one
-- statement however many servers look for new facts at once. statement_id is the statement's UUID,
-- drawn from the fact, so a statement sent twice (a server dying between sending and marking) is the
-- same statement to the store, which keeps it once. The other columns are the outbox's.
CREATE TABLE xapi_outbox (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    fact_key TEXT NOT NULL UNIQUE,
    statement_id TEXT NOT NULL,
    statement TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'queued',
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_by TEXT NOT NULL DEFAULT '',
    claimed_at BIGINT NOT NULL DEFAULT 0,
    sent_at BIGINT NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX xapi_outbox_due ON xapi_outbox (status, next_attempt_at);

-- How far facts have been looked through: those from before facts_until (less a margin for
-- transactions still open then) have their statements.
CREATE TABLE xapi_progress (
    id BIGINT PRIMARY KEY,
    facts_until BIGINT NOT NULL
);
INSERT INTO xapi_progress (id, facts_until) VALUES (1, 0);
