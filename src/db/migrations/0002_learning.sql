-- Online learning: where each person is in each module, what they did in each block, and the
-- certificates they earned. Modules live in files, so they are named here by slug and block id.
CREATE TABLE module_progress (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    module_slug TEXT NOT NULL,
    current_page BIGINT NOT NULL DEFAULT 1,
    current_block TEXT NOT NULL DEFAULT '',
    blocks_done BIGINT NOT NULL DEFAULT 0,
    blocks_required BIGINT NOT NULL DEFAULT 0,
    started_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    completed_at BIGINT NOT NULL DEFAULT 0,
    UNIQUE (person_id, module_slug)
);
CREATE INDEX module_progress_trust_person ON module_progress (trust_id, person_id);

-- One row per block a person has touched. `state` is the block's saved answer as JSON.
CREATE TABLE block_progress (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    module_slug TEXT NOT NULL,
    block_id TEXT NOT NULL,
    state TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL,
    UNIQUE (person_id, module_slug, block_id)
);

-- What was certified is copied in, so that a certificate stays true if the module is later edited.
CREATE TABLE certificates (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    module_slug TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    person_name TEXT NOT NULL,
    module_title TEXT NOT NULL,
    hours DOUBLE PRECISION NOT NULL,
    issued_at BIGINT NOT NULL,
    UNIQUE (person_id, module_slug)
);
