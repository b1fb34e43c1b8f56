#!/usr/bin/env python3
"""Seeds the demo trust, already loaded by `trellis demo`, with a library of 20,000 items.

Usage: seed_library.py sqlite:PATH|postgresql://URL [COUNT]

Each item has a title, a description and the text of a handout (about 1,500 characters, as a PDF or
Markdown file would give), drawn from a teaching vocabulary so that some words are in most items and
some in few, and one to six tags (the trust's priorities, phases, staff groups and EEF mechanisms).
A tenth are links, the rest files (no file is written: search never reads them). Rows go in by SQL:
the sqlite3 module for SQLite (with the FTS5 rows the store would write), COPY through psql for
PostgreSQL (which computes its tsvector column itself); the tables are analysed at the end. A fixed
seed makes every run the same.
"""
import random
import sqlite3
import subprocess
import sys

COMMON = ("pupils lesson teacher practice learning question answer class time feedback reading "
          "lessons routine support plan school week task model explain check").split()
MIDDLE = ("retrieval vocabulary phonics fractions behaviour adaptive questioning modelling scaffold "
          "oracy writing algebra science history geography inclusion SEND assessment homework "
          "coaching mentoring observation curriculum sequencing metacognition spacing interleaving "
          "attendance wellbeing transition numeracy literacy disadvantaged").split()
RARE = [f"{a}{b}" for a in ("zor", "quin", "vel", "mar", "tal", "bex", "kor", "lum") for b in
        ("ith", "ova", "ane", "ury", "ock", "ell", "ist", "ope", "ade", "ume")]
PHASES = ("primary", "secondary", "special", "all-through")
GROUPS = ("teacher", "ect", "support", "leader")
MECHANISMS = ("cognitive-load", "revisit", "goals", "credible-source", "affirmation", "instruct",
              "social-support", "model", "feedback", "rehearse", "prompts", "action-planning",
              "self-monitoring", "repetition")


def words(rng, count):
    out = []
    for _ in range(count):
        r = rng.random()
        out.append(rng.choice(COMMON) if r < 0.6 else rng.choice(MIDDLE) if r < 0.97 else rng.choice(RARE))
    return " ".join(out)


def items(rng, count, trust_id, lead_id, priorities):
    for index in range(count):
        link = index % 10 == 0
        title = words(rng, rng.randint(3, 8)).capitalize()
        description = words(rng, rng.randint(10, 30)).capitalize() + "."
        body = "" if link else words(rng, rng.randint(150, 300))
        tags = set()
        for _ in range(rng.randint(1, 6)):
            kind = rng.random()
            if kind < 0.25 and priorities:
                tags.add(("priority", str(rng.choice(priorities))))
            elif kind < 0.5:
                tags.add(("phase", rng.choice(PHASES)))
            elif kind < 0.75:
                tags.add(("staff_group", rng.choice(GROUPS)))
            else:
                tags.add(("mechanism", rng.choice(MECHANISMS)))
        yield {"trust_id": trust_id, "kind": "link" if link else "file", "title": title,
               "description": description, "link": "https://example.org/%d" % index if link else "",
               "filename": "" if link else "handout-%d.md" % index, "stored_name": "" if link else "bench-%d" % index,
               "content_type": "" if link else "text/markdown; charset=utf-8", "bytes": len(body), "body": body,
               "added_by": lead_id, "added_at": 1767225600 + index, "tags": sorted(tags)}


COLUMNS = ("trust_id", "kind", "title", "description", "link", "filename", "stored_name", "content_type",
           "bytes", "body", "added_by", "added_at")


def seed_sqlite(path, count):
    db = sqlite3.connect(path)
    trust_id, lead_id = db.execute(
        "SELECT trust_id, id FROM people WHERE email = 'pdlead@oakfield.example'").fetchone()
    priorities = [row[0] for row in db.execute("SELECT id FROM priorities WHERE trust_id = ?", (trust_id,))]
    rng = random.Random(20261204)
    with db:
        for item in items(rng, count, trust_id, lead_id, priorities):
            cursor = db.execute("INSERT INTO library_items (%s) VALUES (%s)" % (", ".join(COLUMNS), ", ".join("?" * len(COLUMNS))),
                                [item[c] for c in COLUMNS])
            item_id = cursor.lastrowid
            db.execute("INSERT INTO library_search (rowid, title, description, body) VALUES (?, ?, ?, ?)",
                       (item_id, item["title"], item["description"], item["body"]))
            db.executemany("INSERT INTO library_tags (item_id, trust_id, dimension, value) VALUES (?, ?, ?, ?)",
                           [(item_id, trust_id, d, v) for d, v in item["tags"]])
    db.execute("ANALYZE")
    db.close()


def psql(url, sql, stdin=None):
    return subprocess.run(["psql", url, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql], input=stdin,
                          capture_output=True, text=True, check=True).stdout.strip()


def copy_text(value):
    return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def seed_postgres(url, count):
    trust_id, lead_id = psql(url, "SELECT trust_id, id FROM people WHERE email = 'pdlead@oakfield.example'").split("|")
    priorities = [int(v) for v in psql(url, "SELECT id FROM priorities WHERE trust_id = %s" % trust_id).split()]
    first = int(psql(url, "SELECT COALESCE(MAX(id), 0) + 1 FROM library_items"))
    rng = random.Random(20261204)
    rows, tag_rows = [], []
    for offset, item in enumerate(items(rng, count, int(trust_id), int(lead_id), priorities)):
        item_id = first + offset
        rows.append("\t".join([str(item_id)] + [copy_text(item[c]) for c in COLUMNS]))
        tag_rows += ["%d\t%s\t%s\t%s" % (item_id, trust_id, d, v) for d, v in item["tags"]]
    psql(url, "COPY library_items (id, %s) FROM STDIN" % ", ".join(COLUMNS), "\n".join(rows) + "\n")
    psql(url, "COPY library_tags (item_id, trust_id, dimension, value) FROM STDIN", "\n".join(tag_rows) + "\n")
    psql(url, "SELECT setval(pg_get_serial_sequence('library_items', 'id'), (SELECT MAX(id) FROM library_items))")
    psql(url, "ANALYZE library_items; ANALYZE library_tags")


def main():
    url = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    if url.startswith("sqlite:"):
        seed_sqlite(url[len("sqlite:"):], count)
    else:
        seed_postgres(url, count)


if __name__ == "__main__":
    main()
