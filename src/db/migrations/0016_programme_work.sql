-- What people do between sessions: a practice task's reflection or a follow-up on what stuck, one
-- per person per activity, private to them (leads see who has written, not what).
CREATE TABLE activity_reflections (
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    activity_id BIGINT NOT NULL REFERENCES programme_activities(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    written_at BIGINT NOT NULL,
    PRIMARY KEY (activity_id, person_id)
);
CREATE INDEX activity_reflections_person ON activity_reflections (trust_id, person_id);

-- Groups meeting in a programme's collaboration time, made by hand or suggested, each with a few
-- lines on what it did.
CREATE TABLE collaboration_groups (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    activity_id BIGINT NOT NULL REFERENCES programme_activities(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    how_made TEXT NOT NULL DEFAULT '',
    what_we_did TEXT NOT NULL DEFAULT '',
    written_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    written_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX collaboration_groups_activity ON collaboration_groups (trust_id, activity_id);

CREATE TABLE collaboration_group_members (
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    group_id BIGINT NOT NULL REFERENCES collaboration_groups(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, person_id)
);
CREATE INDEX collaboration_group_members_person ON collaboration_group_members (trust_id, person_id);

-- The slides shown at a recorded session, beside its recording.
ALTER TABLE recordings ADD COLUMN slides_name TEXT NOT NULL DEFAULT '';
ALTER TABLE recordings ADD COLUMN slides_type TEXT NOT NULL DEFAULT '';

-- Sizing a programme's audience counts current staff by school, staff group and phase: this index
-- answers that in order, without reading each person's row.
CREATE INDEX people_audience ON people (trust_id, left_at, school_id, staff_group, phase);
