-- Programmes: a sustained sequence of connected activities across the school year, kept by a trust
-- PD lead (school_id NULL) or a school PD lead for their school (schema notes: programmes/model.h).
CREATE TABLE programmes (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    school_id BIGINT REFERENCES schools(id),
    title TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    pupil_outcome TEXT NOT NULL DEFAULT '',
    -- everyone (all who match the filters), cohort (named people), open (sign-up with capacity)
    audience TEXT NOT NULL DEFAULT 'everyone',
    staff_groups TEXT NOT NULL DEFAULT '',
    phases TEXT NOT NULL DEFAULT '',
    capacity BIGINT NOT NULL DEFAULT 0,
    sponsor_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES people(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX programmes_trust ON programmes (trust_id, starts_on);

-- The schools a trust programme is for; none: every school and the central team.
CREATE TABLE programme_schools (
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    school_id BIGINT NOT NULL REFERENCES schools(id),
    PRIMARY KEY (programme_id, school_id)
);

CREATE TABLE programme_priorities (
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    priority_id BIGINT NOT NULL REFERENCES priorities(id) ON DELETE CASCADE,
    PRIMARY KEY (programme_id, priority_id)
);

-- A named cohort's people, or those who signed up to an open programme: status 'member' or
-- 'waiting' (the wait-list, first come first promoted).
CREATE TABLE programme_members (
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    joined_at BIGINT NOT NULL,
    PRIMARY KEY (programme_id, person_id)
);
CREATE INDEX programme_members_person ON programme_members (trust_id, person_id);

-- One step of a programme: live, module, collaboration, practice or follow_up.
CREATE TABLE programme_activities (
    id {{ID}},
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    position BIGINT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '',
    -- the day it happens (live, collaboration) or opens (module, practice, follow_up)
    starts_on TEXT NOT NULL,
    starts_at TEXT NOT NULL DEFAULT '',
    ends_at TEXT NOT NULL DEFAULT '',
    due_on TEXT NOT NULL DEFAULT '',
    -- a subset of the programme's audience; '' is the whole programme
    staff_groups TEXT NOT NULL DEFAULT '',
    mechanisms TEXT NOT NULL DEFAULT '',
    delivery TEXT NOT NULL DEFAULT '',
    venue TEXT NOT NULL DEFAULT '',
    room TEXT NOT NULL DEFAULT '',
    capacity BIGINT NOT NULL DEFAULT 0,
    meeting_url TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    module_slug TEXT NOT NULL DEFAULT '',
    prompt TEXT NOT NULL DEFAULT '',
    -- raised each time the date or time changes, for calendar feeds
    revision BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX programme_activities_programme ON programme_activities (trust_id, programme_id, position);
CREATE INDEX programme_activities_day ON programme_activities (trust_id, starts_on);
