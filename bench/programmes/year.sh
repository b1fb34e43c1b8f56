#!/usr/bin/env bash
# "My year" and a programme's page for the demo trust with a full year of programme data (the demo's
# programmes plus 32 more activities: 48 in all, 850 people), under wrk -c 16 on SQLite, on loopback,
# 10 seconds each. The goal: p99 under 50 ms.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib/demo_server.sh
start_demo_server 18182

# A fortnightly rhythm of extra sessions and tasks across the year in the teachers' programme.
python3 - "$work/trellis.db" <<'PY'
import sqlite3, sys, datetime
db = sqlite3.connect(sys.argv[1])
programme, trust = db.execute("SELECT id, trust_id FROM programmes WHERE title LIKE 'Questioning%'").fetchone()
day = datetime.date(2026, 9, 7)
for n in range(32):
    kind = ["live", "practice", "collaboration", "follow_up"][n % 4]
    timed = kind in ("live", "collaboration")
    due = "" if timed else (day + datetime.timedelta(days=9)).isoformat()
    db.execute("""INSERT INTO programme_activities (programme_id, trust_id, position, kind, title, details, starts_on,
                  starts_at, ends_at, due_on, mechanisms, delivery, venue, evidence, prompt, created_at, updated_at)
                  VALUES (?, ?, ?, ?, ?, 'A step in the year.', ?, ?, ?, ?, 'rehearse,feedback', 'in_person',
                  'Oakfield Academy', 'The trust''s own research summary', 'Bring an example.', 0, 0)""",
               (programme, trust, 100 + n, kind, f"Fortnight {n + 1}", day.isoformat(),
                "15:45" if timed else "", "17:00" if timed else "", due))
    day += datetime.timedelta(days=14 if n % 3 else 7)
db.commit()
print("activities:", db.execute("SELECT COUNT(*) FROM programme_activities").fetchone()[0])
PY

sign_in teacher@oakfield.example
teacher=$session
sign_in pdlead@oakfield.example
lead=$session
programme=$(curl -fs -H "Cookie: trellis_session=$lead" "$base/programmes" | grep -o '/programmes/[0-9]*">Questioning' | grep -o '[0-9]*')

for page in "teacher /my-year $teacher" "teacher /programmes/$programme $teacher" "lead /programmes/$programme $lead"; do
  set -- $page
  echo "== wrk -t2 -c16 -d10s: $2 as the $1, SQLite"
  wrk -t2 -c16 -d10s --latency -H "Cookie: trellis_session=$3" "$base$2" | \
    grep -E "Requests/sec|Latency|50%|99%|requests in|Non-2xx|Socket errors"
done
