-- The trust's library: one searchable place for its training materials. Items a lead adds (a file
-- or a link) and the files already kept elsewhere in Trellis (a workshop's or a programme
-- activity's materials, 'material', reached through their owner's page) are all rows here.
CREATE TABLE library_items (
    id {{ID}},
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    school_id BIGINT NOT NULL DEFAULT 0, -- 0: for the whole trust; else only that school's staff
    kind TEXT NOT NULL,                  -- 'file', 'link' or 'material'
    material_id BIGINT REFERENCES materials(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '',       -- a link's address, or where a material is downloaded
    filename TEXT NOT NULL DEFAULT '',
    stored_name TEXT NOT NULL DEFAULT '',
    content_type TEXT NOT NULL DEFAULT '',
    bytes BIGINT NOT NULL DEFAULT 0,
    body TEXT NOT NULL DEFAULT '',       -- the words of a PDF, Markdown or text file, for search
    used_in_kind TEXT NOT NULL DEFAULT '', -- 'offer' or 'activity' for a material
    used_in_id BIGINT NOT NULL DEFAULT 0,
    used_in_title TEXT NOT NULL DEFAULT '',
    used_in_path TEXT NOT NULL DEFAULT '',
    added_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    added_at BIGINT NOT NULL
);
CREATE INDEX library_items_trust ON library_items (trust_id, added_at);
CREATE UNIQUE INDEX library_items_material ON library_items (material_id);

-- Each item's tags: dimension 'priority' (a priority's id), 'phase', 'staff_group' or 'mechanism'
-- (an EEF mechanism's code).
CREATE TABLE library_tags (
    item_id BIGINT NOT NULL REFERENCES library_items(id) ON DELETE CASCADE,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (item_id, dimension, value)
);
CREATE INDEX library_tags_value ON library_tags (trust_id, dimension, value, item_id);

-- Full-text search: SQLite keeps an FTS5 table whose rowid is the item's id (the store writes it
-- beside each item); PostgreSQL keeps a weighted tsvector column that it computes itself.
{{SQLITE}} CREATE VIRTUAL TABLE library_search USING fts5(title, description, body, tokenize = 'porter unicode61');
{{POSTGRESQL}} ALTER TABLE library_items ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'B') ||
    setweight(to_tsvector('english', body), 'C')) STORED;
{{POSTGRESQL}} CREATE INDEX library_items_search ON library_items USING GIN (search);

-- The materials already kept become library items, found by their file names (the words inside are
-- read from files uploaded from now on).
INSERT INTO library_items (trust_id, kind, material_id, title, filename, content_type, bytes, link,
                           used_in_kind, used_in_id, used_in_title, used_in_path, added_by, added_at)
SELECT m.trust_id, 'material', m.id, m.filename, m.filename, m.content_type, m.bytes,
       '/materials/' || m.id || '/download', 'offer', o.id, o.title, '/offers/' || o.id, m.uploaded_by,
       m.uploaded_at
FROM materials m JOIN workshop_offers o ON o.id = m.owner_id AND o.trust_id = m.trust_id
WHERE m.owner_kind = 'offer' ORDER BY m.id;
INSERT INTO library_items (trust_id, school_id, kind, material_id, title, filename, content_type, bytes, link,
                           used_in_kind, used_in_id, used_in_title, used_in_path, added_by, added_at)
SELECT m.trust_id, COALESCE(p.school_id, 0), 'material', m.id, m.filename, m.filename, m.content_type, m.bytes,
       '/programmes/' || p.id || '/activities/' || a.id || '/materials/' || m.id || '/download', 'activity',
       a.id, p.title || ': ' || a.title, '/programmes/' || p.id || '/activities/' || a.id || '/materials',
       m.uploaded_by, m.uploaded_at
FROM materials m JOIN programme_activities a ON a.id = m.owner_id AND a.trust_id = m.trust_id
JOIN programmes p ON p.id = a.programme_id
WHERE m.owner_kind = 'activity' ORDER BY m.id;
{{SQLITE}} INSERT INTO library_search (rowid, title, description, body)
SELECT id, title, description, body FROM library_items;
