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
work=$(mktemp -d)
source bench/lib/engine_runs.sh

measure() { # ENGINE LABEL PATH
  local engine=$1 label=$2 path=$3 bytes
  bytes=$(curl -fs -H "Cookie: trellis_session=$teacher" "$base$path" | wc -c)
  echo "== wrk -t2 -c4 -d8s: $label ($path), $engine: $bytes bytes"
  wrk_against_goal "$path"
}

# The PDF drawn afresh each time: a made document is kept and sent again while the record is unchanged,
# so wrk above measures that; here each request chooses another range (another document), one at a time.
measure_fresh_pdfs() { # ENGINE
  local times=() day
  for day in $(seq 1 30); do
    times+=("$(curl -fs -o /dev/null -w '%{time_total}' -H "Cookie: trellis_session=$teacher" \
      "$base/record.pdf?from=2025-09-01&to=2026-06-$(printf %02d "$day")")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v engine="$1" '{ t[NR] = $1 * 1000 }
    END { printf "== the record as a PDF drawn afresh (30 ranges, one at a time), %s: p50 %.0f ms, slowest %.0f ms\n",
          engine, t[int(NR * 0.5)], t[NR] }'
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
  measure_fresh_pdfs "$engine"
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
