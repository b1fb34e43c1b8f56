#!/usr/bin/env python3
"""Signs in the first COUNT people of the demo trust still in post, as sign-in would, for the HTTP
benchmarks: a session row each (the SHA-256 of a random token kept, a CSRF token beside it, eight
hours to live), so that many people can be rotated without paying Argon2id for each.

Usage: open_sessions.py sqlite:PATH|postgresql://URL COUNT
Prints "TOKEN CSRF EMAIL" per line. SQLite through the sqlite3 module, PostgreSQL through psql.
"""
import hashlib
import secrets
import sqlite3
import subprocess
import sys
import time

SESSION_SECONDS = 480 * 60  # the default TRELLIS_SESSION_MINUTES, so no request extends a session
PEOPLE = ("SELECT id, trust_id, email FROM people WHERE left_at = 0 AND trust_id = "
          "(SELECT MIN(id) FROM trusts) ORDER BY id LIMIT {count}")


def psql(url, sql):
    done = subprocess.run(["psql", "-X", "-q", "-At", "-F", " ", url, "-c", sql], check=True,
                          capture_output=True, text=True)
    return [line.split(" ") for line in done.stdout.splitlines() if line]


def main():
    target, count = sys.argv[1], int(sys.argv[2])
    now = int(time.time())
    if target.startswith("sqlite:"):
        db = sqlite3.connect(target[len("sqlite:"):])
        people = db.execute(PEOPLE.format(count=count)).fetchall()
    else:
        people = [(int(i), int(t), e) for i, t, e in psql(target, PEOPLE.format(count=count))]
    rows = []
    for person_id, trust_id, email in people:
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        rows.append((hashlib.sha256(token.encode()).hexdigest(), person_id, trust_id, csrf, now,
                     now + SESSION_SECONDS, token, email))
    insert = ("INSERT INTO sessions (token_hash, person_id, trust_id, csrf_token, created_at, expires_at) "
              "VALUES ")
    if target.startswith("sqlite:"):
        db.executemany(insert + "(?, ?, ?, ?, ?, ?)", [row[:6] for row in rows])
        db.commit()
    else:
        values = ", ".join(f"('{h}', {p}, {t}, '{c}', {n}, {e})" for h, p, t, c, n, e, _, _ in rows)
        psql(target, insert + values)
    for row in rows:
        print(row[6], row[3], row[7])


if __name__ == "__main__":
    main()
