-- A live session's recording, for those who could not come: a video kept under
-- TRELLIS_DATA/recordings/ with its WebVTT captions, or a link to where it is hosted.
CREATE TABLE recordings (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    activity_id BIGINT NOT NULL UNIQUE REFERENCES programme_activities(id) ON DELETE CASCADE,
    link TEXT NOT NULL DEFAULT '',
    stored_name TEXT NOT NULL DEFAULT '',
    content_type TEXT NOT NULL DEFAULT '',
    bytes BIGINT NOT NULL DEFAULT 0,
    captions_name TEXT NOT NULL DEFAULT '',
    added_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    added_at BIGINT NOT NULL
);
CREATE INDEX recordings_trust ON recordings (trust_id, activity_id);

-- What someone took from a recording when they caught up, in a line.
ALTER TABLE attendance_marks ADD COLUMN note TEXT NOT NULL DEFAULT '';
