#!/usr/bin/env python3
"""Seeds the hosted-scale benchmark's PostgreSQL database (bench/http/hosted.sh).

  hosted_seed.py progress URL CONTENT_DIR
      Gives the demo trust (trust 1) a year of online learning: each person in post has started
      some of the modules, with block progress as far as they got (reflections written, quizzes
      and scenarios done, videos watched, resources opened), module progress, a certificate for each
      module finished, and a year of CPD record entries.
  hosted_seed.py copy URL TRUSTS
      Copies trust 1, everything it holds, into trusts 2..TRUSTS, so each trust is as big as the
      demo trust (about 850 staff). Ids are remapped per trust, so every row points only at rows of
      its own trust: ids from sequences move up by (trust - 1) * STRIDE, the random ids of survey
      responses have their top bits XORed with the trust number. E-mail addresses become
      local@trustN.example so they stay unique. Prints a check that no row points across trusts.

Everything goes through psql; the tables and their references are read from PostgreSQL's
catalogue, so a new table holding trust_id is copied without changing this file.
"""
import json
import os
import re
import subprocess
import sys

# Rows a copied trust must not have: sign-in secrets and sessions (each token is unique and
# belongs to one person), identity links, and queued work (a queued job or mail per trust would
# make the servers work through the backlog while being measured).
NOT_COPIED = {"sessions", "known_devices", "password_resets", "calendar_feeds", "openid_identities",
              "openid_providers", "openid_sign_ins", "jobs", "mail_outbox", "xapi_outbox",
              "staff_imports", "trusts"}


def psql(url, sql):
    done = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-F", "\t", url],
                          input=sql, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("psql failed: " + done.stderr)
    return [line.split("\t") for line in done.stdout.splitlines() if line]


def quoted(text):
    return "'" + text.replace("'", "''") + "'"


# --- a year of online learning for trust 1 -------------------------------------------------------

# The block kinds whose saved state this writes, and the state that marks each one done, as the
# activities save it (src/learning/activities.cpp). Sorts and action plans are left unanswered.
DONE_STATE = {
    "reflection": lambda block: {"text": "What I noticed in " + block + ", and what I will try next term."},
    "quiz": lambda block: {"chosen": [0], "correct": True, "attempts": 1, "done": True},
    "scenario": lambda block: {"path": ["start"], "done": True},
    "video": lambda block: {"watched": True},
    "resource": lambda block: {"opened": True},
}


def module_blocks(content_dir):
    """(slug, [(page, block id, kind)]) per module, in the order a person meets them."""
    modules = []
    root = os.path.join(content_dir, "modules")
    for slug in sorted(os.listdir(root)):
        with open(os.path.join(root, slug, "module.json")) as f:
            pages = json.load(f)["pages"]
        blocks = []
        for number, page in enumerate(pages, start=1):
            with open(os.path.join(root, slug, page)) as f:
                for kind, block in re.findall(r"^```trellis-([a-z]+) id=([a-z0-9-]+)", f.read(), re.M):
                    blocks.append((number, block, kind))
        modules.append((slug, blocks))
    return modules


def seed_progress(url, content_dir):
    rows = []
    for slug, blocks in module_blocks(content_dir):
        required = sum(1 for _, _, kind in blocks if kind != "further")
        for position, (page, block, kind) in enumerate(blocks, start=1):
            state = json.dumps(DONE_STATE[kind](block)) if kind in DONE_STATE else ""
            rows.append(f"({quoted(slug)}, {position}, {page}, {quoted(block)}, {quoted(state)}, "
                        f"{len(blocks)}, {required})")
    # Over the year (the last 330 days), a person in post has started between none and all of the
    # modules; in each, they got through a share of its blocks that the person and module decide,
    # so about a quarter finish and the rest stop part way. Their record holds about one entry a month.
    sql = f"""
BEGIN;
CREATE TEMP TABLE blocks (module_slug text, position int, page int, block_id text, state text,
                          blocks_total int, blocks_required int) ON COMMIT DROP;
INSERT INTO blocks VALUES {", ".join(rows)};
CREATE TEMP TABLE reached ON COMMIT DROP AS
  SELECT p.id AS person_id, p.trust_id, m.module_slug, m.blocks_total, m.blocks_required,
         LEAST(m.blocks_total, GREATEST(1, m.blocks_total * ((p.id * 37 + m.salt * 11) % 131) / 100))::int AS last_position,
         EXTRACT(EPOCH FROM now())::bigint - ((p.id * 7919 + m.salt * 104729) % (330 * 86400)) AS started_at
  FROM people p
  JOIN (SELECT module_slug, MAX(blocks_total) AS blocks_total, MAX(blocks_required) AS blocks_required,
               ROW_NUMBER() OVER (ORDER BY module_slug) AS salt
        FROM blocks GROUP BY module_slug) m ON (p.id + m.salt) % 5 <> 0 AND (p.id * m.salt) % 3 <> 0
  WHERE p.trust_id = 1 AND p.left_at = 0;
INSERT INTO block_progress (trust_id, person_id, module_slug, block_id, state, done, updated_at)
  SELECT r.trust_id, r.person_id, b.module_slug, b.block_id, b.state, 1, r.started_at + b.position * 3600
  FROM reached r JOIN blocks b ON b.module_slug = r.module_slug
  WHERE b.position <= r.last_position AND b.state <> '';
INSERT INTO module_progress (trust_id, person_id, module_slug, current_page, current_block, blocks_done,
                             blocks_required, started_at, updated_at, completed_at)
  SELECT r.trust_id, r.person_id, r.module_slug, b.page, b.block_id,
         (SELECT COUNT(*) FROM blocks d WHERE d.module_slug = r.module_slug AND d.position <= r.last_position
            AND d.state <> ''),
         r.blocks_required, r.started_at, r.started_at + r.last_position * 3600,
         CASE WHEN r.last_position = r.blocks_total THEN r.started_at + r.last_position * 3600 ELSE 0 END
  FROM reached r JOIN blocks b ON b.module_slug = r.module_slug AND b.position = r.last_position;
INSERT INTO certificates (trust_id, person_id, module_slug, code, person_name, module_title, hours, issued_at)
  SELECT m.trust_id, m.person_id, m.module_slug, md5(m.trust_id || '/' || m.person_id || '/' || m.module_slug),
         p.first_name || ' ' || p.last_name, initcap(replace(m.module_slug, '-', ' ')), 1.5, m.completed_at
  FROM module_progress m JOIN people p ON p.id = m.person_id
  WHERE m.trust_id = 1 AND m.completed_at > 0;
INSERT INTO record_entries (trust_id, person_id, day, category, title, minutes, reflection, shared,
                            created_at, updated_at)
  SELECT p.trust_id, p.id, to_char(current_date - ((p.id * 13 + month * 29) % 30 + month * 30)::int, 'YYYY-MM-DD'),
         (ARRAY['course', 'reading', 'visit', 'research'])[1 + (p.id + month) % 4],
         'Professional learning, month ' || month, 30 + (p.id * month) % 8 * 30,
         'What I took from it for my classroom.', (p.id + month) % 2,
         EXTRACT(EPOCH FROM now())::bigint - month * 30 * 86400, EXTRACT(EPOCH FROM now())::bigint - month * 30 * 86400
  FROM people p CROSS JOIN generate_series(0, 11) AS month
  WHERE p.trust_id = 1 AND p.left_at = 0 AND (p.id + month) % 4 <> 0;
COMMIT;
"""
    psql(url, sql)


# --- trust 1 copied into trusts 2..N --------------------------------------------------------------

def copy_trusts(url, trusts):
    columns = {}  # table -> [(column, type)]
    for table, column, kind in psql(url, """
        SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position"""):
        columns.setdefault(table, []).append((column, kind))
    references = {}  # (table, column) -> referenced table
    for table, column, target in psql(url, """
        SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text
        FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND array_length(c.conkey, 1) = 1"""):
        references[(table, column)] = target
    sequenced = {table for table, in psql(url, """
        SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'id' AND column_default LIKE 'nextval%'""")}
    tenant_tables = sorted(t for t, cols in columns.items() if any(c == "trust_id" for c, _ in cols)
                           and t not in NOT_COPIED)
    # Every sequenced id of trust k moves up by (k - 1) * stride: a power of ten above the largest id.
    largest = int(psql(url, "SELECT GREATEST(" + ", ".join(
        f"(SELECT COALESCE(MAX(id), 0) FROM {table})" for table in sorted(sequenced)) + ");")[0][0])
    stride = 10 ** len(str(largest))

    def moved(table, column, kind):
        """The expression for trust k's value of table.column (the source row is s)."""
        if column == "trust_id":
            return "k"
        if kind != "bigint":
            if (table, column) == ("people", "email"):
                return "split_part(s.email, '@', 1) || '@trust' || k || '.example'"
            if (table, column) == ("certificates", "code"):
                return "md5(s.code || '/' || k)"
            return f"s.{column}"
        target = references.get((table, column))
        if target is None and column == "id":
            target = table
        if target is None and column.endswith("_id"):
            # Ids the schema does not declare (an attendance mark's session, feedback's subject,
            # a material's owner): all point at sequenced tables; 0 means none.
            target = "*sequenced*"
        if target is None or target == "trusts":
            return f"s.{column}"
        if target in sequenced or target == "*sequenced*":
            return f"CASE WHEN s.{column} > 0 THEN s.{column} + (k - 1) * {stride}::bigint ELSE s.{column} END"
        # Random ids (survey responses, kept unguessable): the trust number XORed into the top bits.
        return f"s.{column} # (k::bigint << 56)"

    statements = [
        "BEGIN;",
        # References are checked by the tenant check below, not row by row while loading.
        "SET LOCAL session_replication_role = replica;",
        f"""INSERT INTO trusts (id, slug, name, created_at, smallest_group, password_sign_in)
            SELECT k, s.slug || '-' || k, s.name || ' ' || k, s.created_at, s.smallest_group, s.password_sign_in
            FROM trusts s CROSS JOIN generate_series(2, {trusts}) AS k WHERE s.id = 1;""",
    ]
    for table in tenant_tables:
        names = [c for c, _ in columns[table]]
        values = [moved(table, c, kind) for c, kind in columns[table]]
        statements.append(f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(values)} "
                          f"FROM {table} s CROSS JOIN generate_series(2, {trusts}) AS k WHERE s.trust_id = 1;")
    for table in sorted(sequenced):
        statements.append(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                          f"GREATEST((SELECT MAX(id) FROM {table}), 1));")
    statements.append("COMMIT;")
    # Vacuumed as well as analysed, as autovacuum leaves a database in use: otherwise autovacuum
    # works through the million-row tables just loaded while the pages are being measured.
    statements.append("VACUUM ANALYZE;")
    psql(url, "\n".join(statements))

    # Tenant check: a row and every row it references (by a declared single-column reference) hold
    # the same trust_id.
    checks = []
    for (table, column), target in sorted(references.items()):
        if target == "trusts" or table not in columns or target not in columns:
            continue
        if not any(c == "trust_id" for c, _ in columns[target]) or not any(c == "trust_id" for c, _ in columns[table]):
            continue
        checks.append(f"SELECT COUNT(*) FROM {table} c JOIN {target} t ON t.id = c.{column} "
                      f"WHERE c.trust_id <> t.trust_id")
    crossing = psql(url, "SELECT " + " + ".join(f"({check})" for check in checks) + ";")[0][0]
    print(f"tenant check: {crossing} rows reference another trust's rows ({len(checks)} references checked)")


def main():
    if sys.argv[1] == "progress":
        seed_progress(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "copy":
        copy_trusts(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
