#!/usr/bin/env bash
# Staff choosing their workshops over HTTP all at once, then the allocation of their event started
# and followed as the lead's browser does: first the demo trust's 850 staff (each signs in), then
# 15,000 (the demo trust plus an imported staff file; already signed in, so the run measures
# choosing rather than Argon2). Everything runs on loopback against SQLite and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=18191
base="http://127.0.0.1:$port"
work=$(mktemp -d)
server=""
stop_server() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi
}
trap 'stop_server; rm -rf "$work"' EXIT

serve() { # DATA_DIR
  ./build/trellis serve --data-dir "$1" --port "$port" >"$1/server.log" 2>&1 &
  server=$!
  for _ in $(seq 200); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.05; done
}

# Runs one SQL statement on a SQLite file and prints the rows, one value per line.
sql() {
  python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=30)
for row in db.execute(sys.argv[2]): print(*row)
db.commit()' "$1" "$2"
}

token() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }

# Signs the lead in, starts the allocation as the browser does and polls its progress until it ends.
allocate() { # DATA_DIR EVENT_ID
  local jar="$1/lead.cookies" csrf start run finished state=""
  csrf=$(curl -fs -c "$jar" -b "$jar" "$base/sign-in" | token)
  curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" \
    --data-urlencode "email=pdlead@oakfield.example" --data-urlencode "password=oakfield-demo-2026" "$base/sign-in"
  sql "$1/trellis.db" "UPDATE events SET stage = 'allocating' WHERE id = $2"
  csrf=$(curl -fs -b "$jar" "$base/events/$2/allocation" | token)
  start=$(date +%s.%N)
  run=$(curl -fs -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "_csrf=$csrf" "$base/events/$2/allocation")
  for _ in $(seq 6000); do
    state=$(curl -fs -b "$jar" "$run/progress")
    [[ "$state" == *'"running"'* ]] || break
    sleep 0.01
  done
  finished=$(date +%s.%N)
  printf "allocation over HTTP, from the click to done: %.2f s (%s)\n" "$(echo "$finished - $start" | bc)" "$state"
  curl -fs -b "$jar" "$base/events/$2/allocation" |
    grep -o '<td>Got [^<]*</td><td>[0-9]*</td>\|<td>Made no choices[^<]*</td><td>[0-9]*</td>\|Proven gap</dt><dd>[^<]*\|Time taken</dt><dd>[^<]*' |
    sed 's/<\/td><td>/: /; s/<\/dt><dd>/: /; s/<[^>]*>//g; s/^/  /'
}

echo "== choices: the demo trust's 850 staff sign in and choose at once, then the allocation"
small="$work/small"
./build/trellis demo --data-dir "$small" >/dev/null
event=$(python3 bench/events/seed_event.py "$small/trellis.db" 20 50)
sql "$small/trellis.db" "SELECT email FROM people WHERE trust_id = (SELECT trust_id FROM events WHERE id = $event)" \
  >"$small/emails"
serve "$small"
timeout 120 python3 bench/events/choosers.py "$base" "$event" 16 --emails "$small/emails"
allocate "$small" "$event"
stop_server

echo "== choices: 15,000 staff (demo trust + imported file) choose at once, then the allocation"
large="$work/large"
./build/trellis demo --data-dir "$large" >/dev/null
python3 bench/people/make_staff_csv.py 14150 >"$work/staff.csv"
./build/trellis import-staff "$work/staff.csv" --trust oakfield --data-dir "$large" >/dev/null 2>&1
event=$(python3 bench/events/seed_event.py "$large/trellis.db" 50 320 --premade-sessions "$large/sessions")
serve "$large"
timeout 300 python3 bench/events/choosers.py "$base" "$event" 16 --sessions "$large/sessions"
allocate "$large" "$event"
stop_server
