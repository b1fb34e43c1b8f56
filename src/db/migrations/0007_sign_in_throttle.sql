-- Sign-in throttling kept in the database, so several servers share it. One row per thing being
-- slowed down: an account and address together, an account alone, or an address alone. Rows hold
-- a hash of the key, never the email or address itself.
CREATE TABLE sign_in_failures (
    key_hash TEXT PRIMARY KEY,
    failures BIGINT NOT NULL DEFAULT 0,
    last_failure BIGINT NOT NULL DEFAULT 0,
    blocked_until BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX sign_in_failures_last ON sign_in_failures (last_failure);

-- Browsers a person has signed in from before. The right password from one of these passes a
-- lockout that others' wrong guesses put on the account, so nobody can lock a named person out.
CREATE TABLE known_devices (
    token_hash TEXT PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    last_used BIGINT NOT NULL
);
CREATE INDEX known_devices_person ON known_devices (person_id);
