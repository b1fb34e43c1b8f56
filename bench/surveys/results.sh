#!/usr/bin/env bash
# Needs surveys at scale, on SQLite and then on PostgreSQL: the demo trust grown to 20 schools and
# 15,000 staff (seed_surveys.py), with a closed needs survey of every question kind answered by about
# 85% of them and an open one nobody has answered.
#   1. The closed survey's results page (with its needs by priority), and the same filtered by school,
#      by staff group and by both, as the trust PD lead under wrk -t2 -c4 -d10s. Goal: p99 < 200 ms.
#      The needs-versus-provision map (/provision) from the same survey, likewise.
#   2. All 15,000 answering the open survey over HTTP (GET the form, POST the answers), 16 at a time.
#      Goal: within one minute, without an error (the run goes on to 150 s at most, so the time is
#      known when the goal is missed); then the database must hold exactly 15,000 responses.
#      They are signed in by session rows the seed writes, as sign-in would, since 15,000 Argon2id
#      sign-ins would take far longer than the answering.
# Everything runs on loopback and stops by itself. TRELLIS_BIN names the binary (default: a copy of
# build/trellis, so a relink during the run changes nothing); SURVEYS_ENGINES=sqlite or postgresql runs one.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=18196
pg_port=25450
work=$(mktemp -d)
source bench/lib/engine_runs.sh

# Signs the trust PD lead in over HTTP (one Argon2id) and sets $lead to the session cookie.
sign_in_lead() { # DATA_DIR
  local jar="$1/lead.cookies" csrf started
  csrf=$(curl -fs -c "$jar" -b "$jar" "$base/sign-in" | token)
  started=$(date +%s%N)
  curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" \
    --data-urlencode "email=pdlead@oakfield.example" --data-urlencode "password=oakfield-demo-2026" "$base/sign-in"
  echo "  one sign-in over HTTP (Argon2id): $(( ($(date +%s%N) - started) / 1000000 )) ms"
  lead=$(awk '$6 == "trellis_session" {print $7}' "$jar")
  [[ -n "$lead" ]] || { echo "could not sign in as the trust PD lead"; exit 1; }
}

measure_page() { # ENGINE LABEL PATH [NOTE when it is not a page]
  local engine=$1 label=$2 path=$3 note=${4:-} code size seconds out p99
  read -r code size seconds < <(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' \
    -H "Cookie: trellis_session=$lead" "$base$path")
  echo "== wrk -t2 -c4 -d10s: $label ($path) as the trust PD lead, $engine"
  echo "  one request first: HTTP $code, $((size / 1024)) KiB, $(printf '%.0f' "$(echo "$seconds * 1000" | bc)") ms"
  if [[ "$code" != 200 ]]; then echo "  not a page: skipped. $note"; return; fi
  out=$(wrk -t2 -c4 -d10s --latency -H "Cookie: trellis_session=$lead" "$base$path")
  grep -E "Requests/sec|Latency|50%|99%|requests in|Non-2xx|Socket errors" <<<"$out"
  p99=$(p99_ms <<<"$out")
  if awk -v p="$p99" 'BEGIN { exit !(p < 200) }'; then echo "  goal p99 < 200 ms: met ($p99 ms)"
  else echo "  goal p99 < 200 ms: MISSED ($p99 ms)"; fi
}

run_engine() { # ENGINE DATA_DIR DATABASE_URL COUNT_COMMAND...
  local engine=$1 data=$2 url=$3 ids closed open school
  shift 3
  echo "== surveys at scale on $engine: seeding (demo trust, then 20 schools, 15,000 staff, two surveys)"
  mkdir -p "$data"
  TRELLIS_DATABASE="$url" "$bin" demo --training-day --data-dir "$data" >/dev/null
  ids=$(python3 bench/surveys/seed_surveys.py "$url" "$data/sessions")
  read -r closed open school <<<"$ids"
  serve "$data" "$url"
  sign_in_lead "$data"
  measure_page "$engine" "results with needs by priority, everyone" "/surveys/$closed/results"
  measure_page "$engine" "results, one school" "/surveys/$closed/results?school=$school"
  measure_page "$engine" "results, support staff" "/surveys/$closed/results?group=support"
  measure_page "$engine" "results, one school's teachers" "/surveys/$closed/results?school=$school&group=teacher"
  measure_page "$engine" "needs against provision and fairness" "/provision?survey=$closed"

  echo "== 15,000 staff answer the open survey over HTTP (GET the form, POST the answers), $engine"
  timeout 180 python3 bench/surveys/submitters.py "$base" "$open" 16 "$data/sessions" --goal 60 --deadline 150 ||
    echo "  the submission run had errors or left people unsent"
  local responses answerers
  responses=$("$@" "SELECT COUNT(*) FROM survey_responses WHERE survey_id = $open")
  answerers=$("$@" "SELECT COUNT(*) FROM survey_answerers WHERE survey_id = $open")
  echo "  in the database: $responses responses, $answerers answerers (expected 15000 each)"
  [[ "$responses" == 15000 && "$answerers" == 15000 ]] || { echo "  COUNT MISMATCH"; failed=1; }
  stop_server
}

sqlite_count() { python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$@"; }
postgres_count() { psql "$pg_url" -X -At -c "$1"; }

failed=0
engines=${SURVEYS_ENGINES:-sqlite postgresql}
if [[ " $engines " == *" sqlite "* ]]; then
  run_engine SQLite "$work/sqlite" "sqlite:$work/sqlite/trellis.db" sqlite_count "$work/sqlite/trellis.db"
fi
if [[ " $engines " == *" postgresql "* ]]; then
  pg_dir=$(mktemp -d /tmp/pg-bench-surveys.XXXXXX)
  chmod 755 "$pg_dir"
  pg_url=$(scripts/postgres.sh start "$pg_dir" "$pg_port")
  run_engine PostgreSQL "$work/postgresql" "$pg_url" postgres_count
  stop_postgres
fi
exit "$failed" # only for a wrong count in the database; missed time goals are printed
