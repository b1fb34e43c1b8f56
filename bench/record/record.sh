#!/usr/bin/env bash
# A person's CPD record with 500 entries, on SQLite and then on PostgreSQL: the demo trust, and the
# demo teacher given 500 logged entries over two school years (beside what the demo already records
# for her: sessions, mentoring, observations), then her record page and its PDF under
# wrk -t2 -c4 -d8s. Goal: p99 < 100 ms for each. Everything runs on loopback and stops by itself.
# TRELLIS_BIN names the binary (default: a copy of build/trellis); RECORD_ENGINES=sqlite or
# postgresql runs one.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=18198
pg_port=25452
base="http://127.0.0.1:$port"
work=$(mktemp -d)
pg_dir=""
server=""
stop_server() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi
}
stop_postgres() {
  if [[ -n "$pg_dir" ]]; then scripts/postgres.sh stop "$pg_dir"; pg_dir=""; fi
}
trap 'stop_server; stop_postgres; rm -rf "$work"' EXIT

bin=${TRELLIS_BIN:-}
if [[ -z "$bin" ]]; then
  cp build/trellis "$work/trellis"
  bin="$work/trellis"
fi

serve() { # DATA_DIR DATABASE_URL
  TRELLIS_DATABASE="$2" "$bin" serve --data-dir "$1" --port "$port" >"$1/server.log" 2>&1 &
  server=$!
  for _ in $(seq 600); do curl -fs "$base/healthz" >/dev/null && return; sleep 0.05; done
  echo "the server did not start:"; tail -n 20 "$1/server.log"; exit 1
}

token() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }

sign_in_teacher() { # DATA_DIR
  local jar="$1/teacher.cookies" csrf
  csrf=$(curl -fs -c "$jar" -b "$jar" "$base/sign-in" | token)
  curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" \
    --data-urlencode "email=teacher@oakfield.example" --data-urlencode "password=oakfield-demo-2026" "$base/sign-in"
  teacher=$(awk '$6 == "trellis_session" {print $7}' "$jar")
  [[ -n "$teacher" ]] || { echo "could not sign in as the teacher"; exit 1; }
}

p99_ms() {
  awk '$1 == "99%" { v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v);
       print (u == "us" ? v / 1000 : u == "s" ? v * 1000 : u == "m" ? v * 60000 : v) }'
}

measure() { # ENGINE LABEL PATH
  local engine=$1 label=$2 path=$3 bytes out p99
  bytes=$(curl -fs -H "Cookie: trellis_session=$teacher" "$base$path" | wc -c)
  echo "== wrk -t2 -c4 -d8s: $label ($path), $engine: $bytes bytes"
  out=$(wrk -t2 -c4 -d8s --latency -H "Cookie: trellis_session=$teacher" "$base$path")
  grep -E "Requests/sec|50%|99%|requests in|Non-2xx|Socket errors" <<<"$out"
  p99=$(p99_ms <<<"$out")
  if awk -v p="$p99" 'BEGIN { exit !(p < 100) }'; then echo "  goal p99 < 100 ms: met ($p99 ms)"
  else echo "  goal p99 < 100 ms: MISSED ($p99 ms)"; fi
}

# 500 logged entries for the teacher, one every day or so back from today, each with a reflection.
seed_sqlite() { # DATABASE_FILE
  sqlite3 "$1" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
    INSERT INTO record_entries (trust_id, person_id, day, category, title, minutes, link, reflection, shared,
      created_at, updated_at)
    SELECT p.trust_id, p.id, date('now', '-' || (i * 7 / 5) || ' days'),
      CASE i % 5 WHEN 0 THEN 'reading' WHEN 1 THEN 'podcast' WHEN 2 THEN 'visit' WHEN 3 THEN 'course'
        ELSE 'research' END,
      'Learning entry number ' || i || ': a chapter, an episode or a visit', 20 + i % 100, '',
      'What I will try next with my classes, entry ' || i, 0, 0, 0
    FROM n, people p WHERE p.email = 'teacher@oakfield.example';
    SELECT COUNT(*) || ' entries logged' FROM record_entries r JOIN people p ON p.id = r.person_id
      WHERE p.email = 'teacher@oakfield.example';"
}
seed_postgresql() { # DATABASE_URL
  psql -q -At "$1" -c "INSERT INTO record_entries (trust_id, person_id, day, category, title, minutes, link,
      reflection, shared, created_at, updated_at)
    SELECT p.trust_id, p.id, to_char(current_date - (i * 7 / 5), 'YYYY-MM-DD'),
      CASE i % 5 WHEN 0 THEN 'reading' WHEN 1 THEN 'podcast' WHEN 2 THEN 'visit' WHEN 3 THEN 'course'
        ELSE 'research' END,
      'Learning entry number ' || i || ': a chapter, an episode or a visit', 20 + i % 100, '',
      'What I will try next with my classes, entry ' || i, 0, 0, 0
    FROM generate_series(1, 500) i, people p WHERE p.email = 'teacher@oakfield.example'" \
    -c "SELECT COUNT(*) || ' entries logged' FROM record_entries r JOIN people p ON p.id = r.person_id
      WHERE p.email = 'teacher@oakfield.example'"
}

run_engine() { # ENGINE DATA_DIR DATABASE_URL
  local engine=$1 data=$2 url=$3
  echo "== the CPD record on $engine: the demo trust, then 500 entries for the teacher"
  mkdir -p "$data"
  TRELLIS_DATABASE="$url" "$bin" demo --training-day --data-dir "$data" >/dev/null
  if [[ "$engine" == SQLite ]]; then seed_sqlite "$data/trellis.db"; else seed_postgresql "$url"; fi
  serve "$data" "$url"
  sign_in_teacher "$data"
  measure "$engine" "the record page" "/record"
  measure "$engine" "the record page with a chosen range" "/record?from=2026-01-01&to=2026-06-30"
  measure "$engine" "the record as a PDF" "/record.pdf"
  measure "$engine" "the record as CSV" "/record.csv"
  stop_server
}

engines=${RECORD_ENGINES:-sqlite postgresql}
if [[ " $engines " == *" sqlite "* ]]; then
  run_engine SQLite "$work/sqlite" "sqlite:$work/sqlite/trellis.db"
fi
if [[ " $engines " == *" postgresql "* ]]; then
  pg_dir=$(mktemp -d /tmp/pg-bench-record.XXXXXX)
  chmod 755 "$pg_dir"
  pg_url=$(scripts/postgres.sh start "$pg_dir" "$pg_port")
  run_engine PostgreSQL "$work/postgresql" "$pg_url"
  stop_postgres
fi
