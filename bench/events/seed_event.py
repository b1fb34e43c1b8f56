#!/usr/bin/env python3
"""Seeds a training day in the demo trust's SQLite database for the choices benchmark.

Usage: seed_event.py DB ROOMS CAPACITY [--premade-sessions FILE]
Creates an event open to every school with 3 slots and ROOMS rooms of CAPACITY places, one approved
workshop per room that repeats in every slot, and moves it to the choices stage. Gives every member
of staff the demo password (copied from the teacher's hash) so they can sign in. With
--premade-sessions, also signs everyone in directly (a session row each, as sign-in would make) and
writes "person_id token csrf staff_group" lines to FILE and "offer_id audience" lines to FILE.offers, so a large run need not pay Argon2 for each sign-in.
Prints the event id.
"""
import hashlib
import secrets
import sqlite3
import sys
import time

db_path, rooms, capacity = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
premade = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--premade-sessions" else None
db = sqlite3.connect(db_path, timeout=30)
now = int(time.time())
trust_id, lead_id = db.execute(
    "SELECT trust_id, id FROM people WHERE email = 'pdlead@oakfield.example'").fetchone()
hash_ = db.execute("SELECT password_hash FROM people WHERE email = 'teacher@oakfield.example'").fetchone()[0]
db.execute("UPDATE people SET password_hash = ? WHERE trust_id = ? AND password_hash = ''", (hash_, trust_id))

event_id = db.execute(
    "INSERT INTO events (trust_id, title, event_date, stage, choices_wanted, reserves_wanted, created_by, "
    "created_at, updated_at) VALUES (?, 'Benchmark training day', '2027-03-05', 'choices', 3, 2, ?, ?, ?)",
    (trust_id, lead_id, now, now)).lastrowid
db.execute("INSERT INTO event_schools (event_id, trust_id, school_id) SELECT ?, ?, id FROM schools WHERE trust_id = ?",
           (event_id, trust_id, trust_id))
slots = [db.execute("INSERT INTO event_slots (event_id, trust_id, position, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)",
                    (event_id, trust_id, i + 1, f"{9 + i}:00".rjust(5, "0"), f"{9 + i}:50".rjust(5, "0"))).lastrowid
         for i in range(3)]
priority = db.execute("INSERT INTO event_priorities (event_id, trust_id, position, title) VALUES (?, ?, 1, 'Reading')",
                      (event_id, trust_id)).lastrowid
for r in range(rooms):
    room = db.execute("INSERT INTO event_rooms (event_id, trust_id, name, capacity) VALUES (?, ?, ?, ?)",
                      (event_id, trust_id, f"Room {r + 1}", capacity)).lastrowid
    audience = "support" if r % 7 == 6 else ""
    offer = db.execute(
        "INSERT INTO workshop_offers (event_id, trust_id, presenter_id, title, summary, audience, priority_id, "
        "max_group, can_repeat, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'A workshop', ?, ?, ?, 1, "
        "'approved', ?, ?)",
        (event_id, trust_id, lead_id, f"Workshop {r + 1:02d}", audience, priority, capacity, now, now)).lastrowid
    for slot in slots:
        db.execute("INSERT INTO workshop_sessions (event_id, trust_id, offer_id, slot_id, room_id) VALUES (?, ?, ?, ?, ?)",
                   (event_id, trust_id, offer, slot, room))
if premade:
    with open(premade + ".offers", "w") as out:
        for offer_id, audience in db.execute("SELECT id, audience FROM workshop_offers WHERE event_id = ?",
                                             (event_id,)).fetchall():
            out.write(f"{offer_id} {audience or '-'}\n")
    with open(premade, "w") as out:
        for (person_id, group) in db.execute("SELECT id, staff_group FROM people WHERE trust_id = ?",
                                             (trust_id,)).fetchall():
            token, csrf = secrets.token_urlsafe(32)[:43], secrets.token_urlsafe(32)[:43]
            db.execute("INSERT INTO sessions (token_hash, person_id, trust_id, csrf_token, created_at, expires_at) "
                       "VALUES (?, ?, ?, ?, ?, ?)",
                       (hashlib.sha256(token.encode()).hexdigest(), person_id, trust_id, csrf, now, now + 3600))
            out.write(f"{person_id} {token} {csrf} {group}\n")
db.commit()
print(event_id)
