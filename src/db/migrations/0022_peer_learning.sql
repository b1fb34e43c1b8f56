-- Learning from each other: mentoring and coaching pairs with their meetings, the trust's library of
-- short concrete steps pairs pick from, and developmental peer observation. What a pair or an
-- observer writes is private to the two people; leads see only that meetings happen and how often.

-- One technique each: what it is and what it looks like done well, tagged by priority and phase.
CREATE TABLE coaching_steps (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    done_well TEXT NOT NULL DEFAULT '',
    priority_id BIGINT REFERENCES priorities(id) ON DELETE SET NULL,
    phase TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX coaching_steps_trust ON coaching_steps (trust_id, title);

-- kind: mentoring (a lead pairs them, e.g. each early-career teacher with a mentor) or coaching
-- (also when a person asks for a coach on a focus). mentor_id is empty while a request waits for
-- a coach. status: requested, active, ended.
CREATE TABLE mentoring_pairs (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    kind TEXT NOT NULL,
    mentor_id BIGINT REFERENCES people(id) ON DELETE CASCADE,
    mentee_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    focus TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    created_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX mentoring_pairs_mentor ON mentoring_pairs (trust_id, mentor_id);
CREATE INDEX mentoring_pairs_mentee ON mentoring_pairs (trust_id, mentee_id);

-- A meeting of a pair: what was discussed and one agreed next step with a date (from the steps
-- library or in the pair's own words), and whether the last meeting's step was tried
-- (last_step_tried: '' when there was none to review, yes, partly, not_yet).
CREATE TABLE mentoring_meetings (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    pair_id BIGINT NOT NULL REFERENCES mentoring_pairs(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    focus TEXT NOT NULL,
    discussed TEXT NOT NULL DEFAULT '',
    step_id BIGINT REFERENCES coaching_steps(id) ON DELETE SET NULL,
    next_step TEXT NOT NULL,
    next_step_by TEXT NOT NULL,
    last_step_tried TEXT NOT NULL DEFAULT '',
    written_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX mentoring_meetings_pair ON mentoring_meetings (trust_id, pair_id, day);

-- A person (the host) invites a colleague to watch part of a lesson or session with a chosen focus;
-- the observer writes a short note in a set shape. Developmental only: never for appraisal.
-- status: invited, declined, written.
CREATE TABLE peer_observations (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    host_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    observer_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    what_to_watch TEXT NOT NULL,
    focus TEXT NOT NULL,
    step_id BIGINT REFERENCES coaching_steps(id) ON DELETE SET NULL,
    status TEXT NOT NULL,
    what_i_saw TEXT NOT NULL DEFAULT '',
    what_i_wondered TEXT NOT NULL DEFAULT '',
    one_thing_to_try TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    written_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX peer_observations_host ON peer_observations (trust_id, host_id);
CREATE INDEX peer_observations_observer ON peer_observations (trust_id, observer_id);
