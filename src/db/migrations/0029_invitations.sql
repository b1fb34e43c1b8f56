-- Calendar invitations by email, and notices owed by where a person stands sent by email too.

-- The outbox carries invitations beside notices: an invitation has no notice, so notice_id becomes
-- optional. SQLite cannot drop NOT NULL from a column, so it copies the table (nothing refers to it).
{{SQLITE}} CREATE TABLE mail_outbox_copy (
    id {{ID}},
    notice_id BIGINT UNIQUE REFERENCES notices(id) ON DELETE CASCADE,
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
{{SQLITE}} INSERT INTO mail_outbox_copy SELECT id, notice_id, trust_id, person_id, kind, digest, status, attempts, next_attempt_at, claimed_by, claimed_at, sent_at, last_error, created_at FROM mail_outbox;
{{SQLITE}} DROP TABLE mail_outbox;
{{SQLITE}} ALTER TABLE mail_outbox_copy RENAME TO mail_outbox;
{{SQLITE}} CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
{{SQLITE}} CREATE INDEX mail_outbox_trust ON mail_outbox (trust_id, status);
{{POSTGRESQL}} ALTER TABLE mail_outbox ALTER COLUMN notice_id DROP NOT NULL;

-- What an invitation says, written when it is queued: its subject, a line of text and a link for the
-- text and HTML parts, the iCalendar object and its method (REQUEST or CANCEL). invitation_key
-- (person, UID and sequence) makes each version of an invitation go once.
ALTER TABLE mail_outbox ADD COLUMN subject TEXT NOT NULL DEFAULT '';
ALTER TABLE mail_outbox ADD COLUMN body TEXT NOT NULL DEFAULT '';
ALTER TABLE mail_outbox ADD COLUMN link TEXT NOT NULL DEFAULT '';
ALTER TABLE mail_outbox ADD COLUMN calendar TEXT NOT NULL DEFAULT '';
ALTER TABLE mail_outbox ADD COLUMN calendar_method TEXT NOT NULL DEFAULT '';
ALTER TABLE mail_outbox ADD COLUMN invitation_key TEXT;
CREATE UNIQUE INDEX mail_outbox_invitation ON mail_outbox (invitation_key);

-- Each invitation a person has been sent, as it was last sent: a workshop place or a programme
-- session. A change of day, times, place or title sends an update with the next sequence; cancelled:
-- 1 once a cancellation went (the place was taken away).
CREATE TABLE calendar_invitations (
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    uid TEXT NOT NULL,
    day TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    summary TEXT NOT NULL,
    location TEXT NOT NULL,
    link TEXT NOT NULL,
    sequence BIGINT NOT NULL DEFAULT 0,
    cancelled BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (trust_id, person_id, uid)
);
