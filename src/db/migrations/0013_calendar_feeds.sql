-- A person's calendar subscription: the address carries a secret token, of which only the hash is
-- kept. Making a new one replaces the old, so the old address stops working.
CREATE TABLE calendar_feeds (
    person_id BIGINT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
