#!/usr/bin/env python3
"""Signs in the first COUNT people of the demo trust still in post, as sign-in would, for the HTTP
benchmarks: a session row each (the SHA-256 of a random token kept, a CSRF token beside it, eight
hours to live), so that many people can be rotated without paying Argon2id for each.

Usage: open_sessions.py sqlite:PATH|postgresql://URL COUNT [TRUSTS]
With TRUSTS, the COUNT people are spread over that many trusts, picked evenly from first to last
(the hosted-scale benchmark): the first COUNT places in post, each place taken from the next
trust in turn.
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
# The same people, place by place, as without TRUSTS, but each from another trust in turn: the
# i-th person in post (by id) of the ((i - 1) mod TRUSTS)-th chosen trust, so trusts made alike
# (the hosted benchmark's copies of the demo trust) give the same mix of roles as one trust does.
PEOPLE_ACROSS_TRUSTS = """
SELECT id, trust_id, email FROM (
  SELECT p.id, p.trust_id, p.email, chosen.turn,
         ROW_NUMBER() OVER (PARTITION BY p.trust_id ORDER BY p.id) AS place
  FROM people p JOIN (
    -- the n-th of all trusts (from 0) is chosen when n * TRUSTS / total steps up to a whole number
    SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS turn FROM (
      SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n, COUNT(*) OVER () AS total FROM trusts) t
    WHERE (n * {trusts}) % total < {trusts}) chosen ON chosen.id = p.trust_id
  WHERE p.left_at = 0) ranked
WHERE place <= {count} AND (place - 1) % {trusts} = turn
ORDER BY place"""


def psql(url, sql):
    done = subprocess.run(["psql", "-X", "-q", "-At", "-F", " ", url, "-c", sql], check=True,
                          capture_output=True, text=True)
    return [line.split(" ") for line in done.stdout.splitlines() if line]


def main():
    target, count = sys.argv[1], int(sys.argv[2])
    query = PEOPLE.format(count=count)
    if len(sys.argv) > 3:
        query = PEOPLE_ACROSS_TRUSTS.format(count=count, trusts=int(sys.argv[3]))
    now = int(time.time())
    if target.startswith("sqlite:"):
        db = sqlite3.connect(target[len("sqlite:"):])
        people = db.execute(query).fetchall()
    else:
        people = [(int(i), int(t), e) for i, t, e in psql(target, query)]
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
