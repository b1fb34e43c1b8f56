-- The trust's priorities for professional development, and each school's own: what a programme
-- or a training day serves. school_id NULL: a trust priority.
CREATE TABLE priorities (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    school_id BIGINT REFERENCES schools(id),
    title TEXT NOT NULL,
    meaning TEXT NOT NULL DEFAULT '',
    staff_groups TEXT NOT NULL DEFAULT '',
    phases TEXT NOT NULL DEFAULT '',
    owner_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
    success TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX priorities_trust ON priorities (trust_id, school_id);

-- The trust priorities a school takes on.
CREATE TABLE school_priorities (
    school_id BIGINT NOT NULL REFERENCES schools(id),
    priority_id BIGINT NOT NULL REFERENCES priorities(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    PRIMARY KEY (school_id, priority_id)
);

-- A training day's brief names trust priorities; its rows keep their ids (offers point at them).
ALTER TABLE event_priorities ADD COLUMN priority_id BIGINT REFERENCES priorities(id) ON DELETE SET NULL;

-- Every priority a training day named so far becomes one of its trust's priorities, once per title.
INSERT INTO priorities (trust_id, title, created_at, updated_at)
SELECT trust_id, MIN(title), 0, 0 FROM event_priorities GROUP BY trust_id, LOWER(title);
UPDATE event_priorities SET priority_id = (
    SELECT MIN(p.id) FROM priorities p WHERE p.trust_id = event_priorities.trust_id AND p.school_id IS NULL
    AND LOWER(p.title) = LOWER(event_priorities.title));
