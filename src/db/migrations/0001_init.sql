-- Organisations, people, sign-in. Timestamps are seconds since the epoch on both engines.
CREATE TABLE trusts (
    id {{ID}},
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE schools (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    name TEXT NOT NULL,
    phase TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (trust_id, name)
);

-- An email address identifies one person across the whole service, so sign-in needs no trust name.
CREATE TABLE people (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    school_id BIGINT REFERENCES schools(id),
    email TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    staff_group TEXT NOT NULL,
    job_title TEXT NOT NULL DEFAULT '',
    phase TEXT NOT NULL DEFAULT '',
    subjects TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'staff',
    password_hash TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX people_trust_name ON people (trust_id, last_name, first_name);
CREATE INDEX people_trust_school ON people (trust_id, school_id);

CREATE TABLE sessions (
    id {{ID}},
    token_hash TEXT NOT NULL UNIQUE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_person ON sessions (person_id);

CREATE TABLE password_resets (
    id {{ID}},
    token_hash TEXT NOT NULL UNIQUE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    created_by BIGINT NOT NULL REFERENCES people(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT NOT NULL DEFAULT 0
);

-- An uploaded staff file waits here between its preview and its commit.
CREATE TABLE staff_imports (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    created_by BIGINT NOT NULL REFERENCES people(id),
    created_at BIGINT NOT NULL,
    filename TEXT NOT NULL,
    content TEXT NOT NULL,
    status TEXT NOT NULL,
    rows_total BIGINT NOT NULL DEFAULT 0,
    rows_created BIGINT NOT NULL DEFAULT 0,
    rows_updated BIGINT NOT NULL DEFAULT 0
);
