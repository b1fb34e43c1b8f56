-- Two people of a programme its lead has been asked not to put in the same collaboration group
-- (either may have asked, in confidence). first_id is the smaller id, so each pair is kept once.
CREATE TABLE group_apart_requests (
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    first_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    second_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    created_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (programme_id, first_id, second_id)
);
CREATE INDEX group_apart_requests_trust ON group_apart_requests (trust_id, programme_id);
