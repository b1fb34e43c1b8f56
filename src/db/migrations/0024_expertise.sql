-- Who can help with …: a directory of the trust's own expertise that a person opts into. Leaving it
-- deletes the entry; what Trellis knows of their work (workshops presented, programmes completed,
-- steps coached) is read from where it is kept, never copied here.

-- A person's entry: in a sentence, what they can help with. Only people with an entry are listed.
-- show_work: whether colleagues see what Trellis knows of their work beside it (1) or not (0).
CREATE TABLE expertise_entries (
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    offer TEXT NOT NULL,
    show_work BIGINT NOT NULL DEFAULT 1,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (trust_id, person_id)
);

-- What the entry is about: free tags in the person's words (kind 'tag', value the tag in lower
-- case) and the trust's priorities (kind 'priority', value the priority's id).
CREATE TABLE expertise_topics (
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (trust_id, person_id, kind, value)
);

-- A colleague asking an expert for help; it lands on the expert's home page. answered_at is 0
-- until the expert marks it answered.
CREATE TABLE expertise_requests (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    expert_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    asker_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    about TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    answered_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX expertise_requests_expert ON expertise_requests (trust_id, expert_id, answered_at);
CREATE INDEX expertise_requests_asker ON expertise_requests (trust_id, asker_id);
