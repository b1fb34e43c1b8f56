-- When a person's data was erased at an administrator's request (0: never). The row stays, with
-- nothing that names them, so that counts over schools and staff groups still add up.
ALTER TABLE people ADD COLUMN erased_at BIGINT NOT NULL DEFAULT 0;
