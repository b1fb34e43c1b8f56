-- Standing groups: a department, a cross-school phase group, a lesson-study trio. They live beside the
-- groups made for one collaboration time of a programme, in the same table: a standing group has no
-- activity, a kind, a purpose, and (for a school's own group) a school. They keep meetings (in a
-- programme's protected time or their own), short shared notes and resources.

-- SQLite cannot drop NOT NULL from a column, so it copies the table. The members are set aside first:
-- dropping the groups would otherwise delete them by their foreign key.
{{SQLITE}} CREATE TABLE collaboration_group_members_kept AS SELECT trust_id, group_id, person_id FROM collaboration_group_members;
{{SQLITE}} DROP TABLE collaboration_group_members;
{{SQLITE}} CREATE TABLE collaboration_groups_copy (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    activity_id BIGINT REFERENCES programme_activities(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    how_made TEXT NOT NULL DEFAULT '',
    what_we_did TEXT NOT NULL DEFAULT '',
    written_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    written_at BIGINT NOT NULL DEFAULT 0
);
{{SQLITE}} INSERT INTO collaboration_groups_copy (id, trust_id, activity_id, name, how_made, what_we_did, written_by, written_at)
    SELECT id, trust_id, activity_id, name, how_made, what_we_did, written_by, written_at FROM collaboration_groups;
{{SQLITE}} DROP TABLE collaboration_groups;
{{SQLITE}} ALTER TABLE collaboration_groups_copy RENAME TO collaboration_groups;
{{SQLITE}} CREATE INDEX collaboration_groups_activity ON collaboration_groups (trust_id, activity_id);
{{SQLITE}} CREATE TABLE collaboration_group_members (
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    group_id BIGINT NOT NULL REFERENCES collaboration_groups(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, person_id)
);
{{SQLITE}} INSERT INTO collaboration_group_members (trust_id, group_id, person_id)
    SELECT trust_id, group_id, person_id FROM collaboration_group_members_kept;
{{SQLITE}} DROP TABLE collaboration_group_members_kept;
{{SQLITE}} CREATE INDEX collaboration_group_members_person ON collaboration_group_members (trust_id, person_id);
{{POSTGRESQL}} ALTER TABLE collaboration_groups ALTER COLUMN activity_id DROP NOT NULL;

-- kind: session (one collaboration time's group), department, phase, lesson_study, other.
-- school_id: the school a standing group belongs to, or empty for one across schools.
ALTER TABLE collaboration_groups ADD COLUMN kind TEXT NOT NULL DEFAULT 'session';
ALTER TABLE collaboration_groups ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
ALTER TABLE collaboration_groups ADD COLUMN school_id BIGINT REFERENCES schools(id) ON DELETE CASCADE;
ALTER TABLE collaboration_groups ADD COLUMN created_by BIGINT REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE collaboration_groups ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX collaboration_groups_kind ON collaboration_groups (trust_id, kind, school_id);

-- A meeting of a standing group: the day, how long, the programme collaboration time it used (or
-- empty for the group's own time), and a few lines on what the group did. Who came is kept per person,
-- since each person's record counts the meetings they were at.
CREATE TABLE group_meetings (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    group_id BIGINT NOT NULL REFERENCES collaboration_groups(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    activity_id BIGINT REFERENCES programme_activities(id) ON DELETE SET NULL,
    what_we_did TEXT NOT NULL DEFAULT '',
    written_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX group_meetings_group ON group_meetings (trust_id, group_id, day);

CREATE TABLE group_meeting_people (
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    meeting_id BIGINT NOT NULL REFERENCES group_meetings(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, person_id)
);
CREATE INDEX group_meeting_people_person ON group_meeting_people (trust_id, person_id);

-- Short notes the members share, newest first on the page. Only the members read them.
CREATE TABLE group_notes (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    group_id BIGINT NOT NULL REFERENCES collaboration_groups(id) ON DELETE CASCADE,
    person_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    written_at BIGINT NOT NULL
);
CREATE INDEX group_notes_group ON group_notes (trust_id, group_id, written_at);
CREATE INDEX group_notes_person ON group_notes (trust_id, person_id);

-- What the group works from: an item of the trust's library, or a link.
CREATE TABLE group_resources (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    group_id BIGINT NOT NULL REFERENCES collaboration_groups(id) ON DELETE CASCADE,
    library_item_id BIGINT REFERENCES library_items(id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    added_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    added_at BIGINT NOT NULL
);
CREATE INDEX group_resources_group ON group_resources (trust_id, group_id);
