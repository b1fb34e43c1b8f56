-- Attendance for every kind of session in one place: training days' workshop sessions ('workshop')
-- and programmes' live sessions ('activity'). status: present, absent, caught_up (watched the
-- recording afterwards); how: register (ticked by the presenter or lead), code (typed in during an
-- online session), qr (scanned in the room), recording.
CREATE TABLE attendance_marks (
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    session_kind TEXT NOT NULL,
    session_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    how TEXT NOT NULL,
    marked_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    marked_at BIGINT NOT NULL,
    PRIMARY KEY (session_kind, session_id, person_id)
);
CREATE INDEX attendance_marks_person ON attendance_marks (trust_id, person_id);

INSERT INTO attendance_marks (trust_id, session_kind, session_id, person_id, status, how, marked_by, marked_at)
SELECT trust_id, 'workshop', session_id, person_id, CASE WHEN present = 1 THEN 'present' ELSE 'absent' END,
       'register', marked_by, marked_at FROM attendance;
DROP TABLE attendance;

-- The code a live session's participants type in to check themselves in while it runs.
ALTER TABLE programme_activities ADD COLUMN check_in_code TEXT NOT NULL DEFAULT '';
