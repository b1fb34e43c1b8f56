-- Surveys a lead sends to staff (needs, culture, anything asked of many at once). school_id NULL:
-- a survey of the whole trust. opens_on and closes_on are days (YYYY-MM-DD); '' while a draft.
-- staff_groups: comma-separated groups it is for; '' for everyone.
CREATE TABLE surveys (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    school_id BIGINT REFERENCES schools(id),
    title TEXT NOT NULL,
    intro TEXT NOT NULL DEFAULT '',
    anonymous BIGINT NOT NULL DEFAULT 1,
    opens_on TEXT NOT NULL DEFAULT '',
    closes_on TEXT NOT NULL DEFAULT '',
    staff_groups TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX surveys_trust ON surveys (trust_id, opens_on);

-- shape: the options (each with the priority it speaks to), statements and scale, as JSON.
-- staff_groups: asked of these groups only; '' for everyone.
CREATE TABLE survey_questions (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    survey_id BIGINT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    kind TEXT NOT NULL,
    prompt TEXT NOT NULL,
    help TEXT NOT NULL DEFAULT '',
    shape TEXT NOT NULL DEFAULT '{}',
    staff_groups TEXT NOT NULL DEFAULT '',
    priority_id BIGINT REFERENCES priorities(id) ON DELETE SET NULL
);
CREATE INDEX survey_questions_survey ON survey_questions (survey_id, position);

-- What a person has answered so far and not yet sent, kept with their name until they send it
-- (then moved into survey_answers, without it for an anonymous survey, and deleted).
CREATE TABLE survey_drafts (
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    survey_id BIGINT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    question_id BIGINT NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
    picks TEXT NOT NULL DEFAULT '',
    answer_text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (survey_id, person_id, question_id)
);

-- Who has sent a response, so nobody answers twice and reminders go to the rest. Never what they
-- said, nor when.
CREATE TABLE survey_answerers (
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    survey_id BIGINT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (survey_id, person_id)
);

-- A sent response. Its id is drawn at random, so its order says nothing of who sent it; person_id
-- is NULL for an anonymous survey, which keeps only the school, staff group and phase, and the day.
CREATE TABLE survey_responses (
    id BIGINT PRIMARY KEY,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    survey_id BIGINT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    person_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
    school_id BIGINT REFERENCES schools(id),
    staff_group TEXT NOT NULL,
    phase TEXT NOT NULL DEFAULT '',
    answered_on TEXT NOT NULL
);
CREATE INDEX survey_responses_survey ON survey_responses (survey_id);

CREATE TABLE survey_answers (
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    response_id BIGINT NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
    question_id BIGINT NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
    picks TEXT NOT NULL DEFAULT '',
    answer_text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (response_id, question_id)
);
CREATE INDEX survey_answers_question ON survey_answers (question_id);
