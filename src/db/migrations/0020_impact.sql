-- Impact over time (impact/): surveys asked for a programme's impact plan are for the programme's
-- people only. purpose: '' for any other survey; before and after (the same confidence grid either
-- side of the programme), follow_up_6 and follow_up_12 (check-ins on use, weeks after its last session).
ALTER TABLE surveys ADD COLUMN programme_id BIGINT REFERENCES programmes(id) ON DELETE CASCADE;
ALTER TABLE surveys ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
CREATE INDEX surveys_programme ON surveys (trust_id, programme_id);

-- So a person's before and after answers can be matched without their name: a hash of a code the
-- person keeps. '' when none was given (and on every named response, matched by person_id).
ALTER TABLE survey_responses ADD COLUMN match_code TEXT NOT NULL DEFAULT '';

-- What a programme's impact plan measures beyond its surveys: reactions (level 1, the feedback after
-- each session), and the pupil outcomes (level 5) it will report, one per line.
CREATE TABLE impact_plans (
    programme_id BIGINT PRIMARY KEY REFERENCES programmes(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    reactions BIGINT NOT NULL DEFAULT 1,
    measures TEXT NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL
);

-- Level 5: aggregate pupil figures the lead enters per school and term, never pupil-level data.
-- term: "2026-autumn", "2027-spring", "2027-summer".
CREATE TABLE pupil_outcomes (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    school_id BIGINT NOT NULL REFERENCES schools(id),
    term TEXT NOT NULL,
    measure TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    entered_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    entered_at BIGINT NOT NULL,
    UNIQUE (programme_id, school_id, term, measure)
);
CREATE INDEX pupil_outcomes_programme ON pupil_outcomes (trust_id, programme_id);
