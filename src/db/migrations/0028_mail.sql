-- Email behind the home page's notices: each notice that matters also goes by email, through this
-- outbox, written in the same transaction as the notice and sent by a background sender over SMTP.

-- One email per notice (notice_id is unique: a notice is never mailed twice). status: 'queued'
-- (waiting for next_attempt_at), 'sending' (claimed by claimed_by at claimed_at), 'sent' or
-- 'failed' (last_error says why; the administrator sees it). digest: 1 when the person takes a daily
-- digest, so it waits for the next one.
CREATE TABLE mail_outbox (
    id {{ID}},
    notice_id BIGINT NOT NULL UNIQUE REFERENCES notices(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    digest BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'queued',
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_by TEXT NOT NULL DEFAULT '',
    claimed_at BIGINT NOT NULL DEFAULT 0,
    sent_at BIGINT NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_trust ON mail_outbox (trust_id, status);

-- The kinds of email a person has turned off (from a message's unsubscribe link or their settings).
CREATE TABLE mail_opt_outs (
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    PRIMARY KEY (trust_id, person_id, kind)
);

-- People who take one email a day listing their new notices, in place of one email each.
CREATE TABLE mail_digests (
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (trust_id, person_id)
);
