-- What administrators and leads did that changes who may do what, or tells many people: role and
-- detail changes, leavers, sign-in links, staff imports, schools, published places. Written in the
-- same transaction as the change itself, so there is no change without its record.
CREATE TABLE audit_events (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    actor_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    summary TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX audit_events_trust_at ON audit_events (trust_id, at);
