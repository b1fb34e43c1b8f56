-- Feedback and materials become one capability each, used by training days and programmes alike.

-- A rating (1..5) and comment from one person on one item of something they took part in:
-- about_kind 'event' (item_id a workshop offer, or 0 for the day as a whole) or 'activity' (a
-- programme's live session; item_id the activity).
CREATE TABLE feedback (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    about_kind TEXT NOT NULL,
    about_id BIGINT NOT NULL,
    item_id BIGINT NOT NULL DEFAULT 0,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    rating BIGINT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    UNIQUE (trust_id, about_kind, about_id, person_id, item_id)
);
CREATE INDEX feedback_person ON feedback (trust_id, person_id);

INSERT INTO feedback (trust_id, about_kind, about_id, item_id, person_id, rating, comment, created_at)
SELECT trust_id, 'event', event_id, offer_id, person_id, rating, comment, created_at FROM event_feedback
ORDER BY id;
DROP TABLE event_feedback;

-- Slides, handouts and readings attached to a workshop offer ('offer') or a programme activity
-- ('activity'); the file is kept under TRELLIS_DATA/materials/.
CREATE TABLE materials (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    owner_kind TEXT NOT NULL,
    owner_id BIGINT NOT NULL,
    filename TEXT NOT NULL,
    stored_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    uploaded_by BIGINT NOT NULL REFERENCES people(id),
    uploaded_at BIGINT NOT NULL
);
CREATE INDEX materials_owner ON materials (trust_id, owner_kind, owner_id);

INSERT INTO materials (trust_id, owner_kind, owner_id, filename, stored_name, content_type, bytes, uploaded_by,
                       uploaded_at)
SELECT trust_id, 'offer', offer_id, filename, stored_name, content_type, bytes, uploaded_by, uploaded_at
FROM workshop_materials ORDER BY id;
DROP TABLE workshop_materials;
