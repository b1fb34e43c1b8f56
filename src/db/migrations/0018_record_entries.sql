-- What a person logs in their own CPD record beside what Trellis already knows: professional
-- reading, a podcast or webinar, a visit to another school, an external course, classroom research.
-- category: reading, podcast, visit, course, research, other. The reflection is private to the
-- person; shared (1) is kept for when they choose to show it to their lead.
CREATE TABLE record_entries (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    category TEXT NOT NULL,
    title TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    link TEXT NOT NULL DEFAULT '',
    reflection TEXT NOT NULL DEFAULT '',
    shared BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX record_entries_person ON record_entries (trust_id, person_id, day);
