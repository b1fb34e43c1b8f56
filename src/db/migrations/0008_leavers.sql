-- A person who has left the trust keeps their record and certificates but can no longer sign in;
-- left_at is when an administrator marked them (0: still here).
ALTER TABLE people ADD COLUMN left_at BIGINT NOT NULL DEFAULT 0;
