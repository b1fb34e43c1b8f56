-- Training days: a trust's event built from workshops that its own staff offer against a brief,
-- that reviewers check, that staff choose, that the allocation engine places people in, and that
-- people attend and give feedback on. Every table carries trust_id so every query can name it.
CREATE TABLE events (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    title TEXT NOT NULL,
    event_date TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '',
    -- offers, scheduling, choices, allocating, published, feedback: see events/model.h
    stage TEXT NOT NULL DEFAULT 'offers',
    choices_wanted BIGINT NOT NULL DEFAULT 3,
    reserves_wanted BIGINT NOT NULL DEFAULT 2,
    offers_close TEXT NOT NULL DEFAULT '',
    choices_open TEXT NOT NULL DEFAULT '',
    choices_close TEXT NOT NULL DEFAULT '',
    -- Comma-separated staff groups taking part; '' means every group.
    staff_groups TEXT NOT NULL DEFAULT '',
    -- The brief that offers are written and reviewed against.
    brief_purpose TEXT NOT NULL DEFAULT '',
    brief_audiences TEXT NOT NULL DEFAULT '',
    brief_format TEXT NOT NULL DEFAULT '',
    brief_length TEXT NOT NULL DEFAULT '',
    brief_quality TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL REFERENCES people(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX events_trust_date ON events (trust_id, event_date);

-- The schools whose staff take part. The trust's central team always does.
CREATE TABLE event_schools (
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    school_id BIGINT NOT NULL REFERENCES schools(id),
    PRIMARY KEY (event_id, school_id)
);

CREATE TABLE event_slots (
    id {{ID}},
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    position BIGINT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL
);
CREATE INDEX event_slots_event ON event_slots (event_id, position);

CREATE TABLE event_rooms (
    id {{ID}},
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    name TEXT NOT NULL,
    capacity BIGINT NOT NULL,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX event_rooms_event ON event_rooms (event_id);

-- The trust's priorities that the brief asks workshops to serve.
CREATE TABLE event_priorities (
    id {{ID}},
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    position BIGINT NOT NULL,
    title TEXT NOT NULL
);
CREATE INDEX event_priorities_event ON event_priorities (event_id, position);

CREATE TABLE event_reviewers (
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, person_id)
);

-- A workshop a member of staff offers to run. `audience` is comma-separated staff groups ('' means
-- everyone); `phase` is a school phase or '' for any.
CREATE TABLE workshop_offers (
    id {{ID}},
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    presenter_id BIGINT NOT NULL REFERENCES people(id),
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    audience TEXT NOT NULL DEFAULT '',
    phase TEXT NOT NULL DEFAULT '',
    outcomes TEXT NOT NULL DEFAULT '',
    priority_id BIGINT REFERENCES event_priorities(id) ON DELETE SET NULL,
    max_group BIGINT NOT NULL,
    room_needs TEXT NOT NULL DEFAULT '',
    can_repeat INTEGER NOT NULL DEFAULT 0,
    -- submitted, changes_requested, approved, declined
    status TEXT NOT NULL DEFAULT 'submitted',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX workshop_offers_event ON workshop_offers (event_id, status);
CREATE INDEX workshop_offers_presenter ON workshop_offers (trust_id, presenter_id);

-- One reviewer's scores against the rubric (JSON: criterion -> 1..4), comment and decision
-- (approve, changes, decline). Each review is kept, so the history of an offer stays readable.
CREATE TABLE offer_reviews (
    id {{ID}},
    offer_id BIGINT NOT NULL REFERENCES workshop_offers(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    reviewer_id BIGINT NOT NULL REFERENCES people(id),
    scores TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX offer_reviews_offer ON offer_reviews (offer_id);

-- An approved workshop placed in a slot and a room; a workshop may run in several slots.
CREATE TABLE workshop_sessions (
    id {{ID}},
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    offer_id BIGINT NOT NULL REFERENCES workshop_offers(id) ON DELETE CASCADE,
    slot_id BIGINT NOT NULL REFERENCES event_slots(id) ON DELETE CASCADE,
    room_id BIGINT NOT NULL REFERENCES event_rooms(id) ON DELETE CASCADE,
    UNIQUE (slot_id, room_id),
    UNIQUE (offer_id, slot_id)
);
CREATE INDEX workshop_sessions_event ON workshop_sessions (event_id);

-- A person's ranked choices: ranks 1..choices_wanted, then reserves after them.
CREATE TABLE workshop_choices (
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    choice_rank BIGINT NOT NULL,
    offer_id BIGINT NOT NULL REFERENCES workshop_offers(id) ON DELETE CASCADE,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (event_id, person_id, choice_rank),
    UNIQUE (event_id, person_id, offer_id)
);

-- Each run of the allocation engine for an event; `stats` is the engine's stats as JSON.
CREATE TABLE allocation_runs (
    id {{ID}},
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    status TEXT NOT NULL,
    stats TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT '',
    started_by BIGINT NOT NULL REFERENCES people(id),
    started_at BIGINT NOT NULL,
    finished_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX allocation_runs_event ON allocation_runs (event_id);

-- Where each person is in each slot; session_id is NULL when they have no workshop in it.
CREATE TABLE placements (
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    slot_id BIGINT NOT NULL REFERENCES event_slots(id) ON DELETE CASCADE,
    session_id BIGINT REFERENCES workshop_sessions(id) ON DELETE SET NULL,
    moved_by_hand INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, person_id, slot_id)
);
CREATE INDEX placements_session ON placements (session_id);

CREATE TABLE attendance (
    session_id BIGINT NOT NULL REFERENCES workshop_sessions(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    present INTEGER NOT NULL,
    marked_by BIGINT NOT NULL REFERENCES people(id),
    marked_at BIGINT NOT NULL,
    PRIMARY KEY (session_id, person_id)
);

-- A rating (1..5) and comment on one workshop, or on the day as a whole when offer_id is 0.
CREATE TABLE event_feedback (
    id {{ID}},
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    offer_id BIGINT NOT NULL DEFAULT 0,
    rating BIGINT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    UNIQUE (event_id, person_id, offer_id)
);

-- Slides and handouts a presenter uploads; the file is kept under TRELLIS_DATA/materials/.
CREATE TABLE workshop_materials (
    id {{ID}},
    offer_id BIGINT NOT NULL REFERENCES workshop_offers(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    filename TEXT NOT NULL,
    stored_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    uploaded_by BIGINT NOT NULL REFERENCES people(id),
    uploaded_at BIGINT NOT NULL
);
CREATE INDEX workshop_materials_offer ON workshop_materials (trust_id, offer_id);

-- Messages on a person's home page in place of email (a reminder to choose, a published timetable).
CREATE TABLE notices (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    link TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    dismissed_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX notices_person ON notices (trust_id, person_id, dismissed_at);
