#!/usr/bin/env bash
# The trust's library searched over 20,000 items, on SQLite and then on PostgreSQL: the demo trust
# with 20,000 seeded items (seed_library.py: titles, descriptions, a handout's text each, tags), and
# the library page as a teacher under wrk -t2 -c4 -d8s for: a word in most items, a subject word
# (the seed's small vocabulary puts it in most items too), two words, a word with a phase and a
# mechanism, a rarer word, two rarer words (in few enough items, under 500, to rank them all), and
# no words (the newest). Past 500 matches the newest come first (see src/library/item_store.cpp).
# Goal: p99 < 100 ms for each. Everything runs on loopback and stops by itself. TRELLIS_BIN names the
# binary (default: a copy of build/trellis); LIBRARY_ENGINES=sqlite or postgresql runs one.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=18197
pg_port=25451
work=$(mktemp -d)
source bench/lib/engine_runs.sh

measure() { # ENGINE LABEL PATH
  local engine=$1 label=$2 path=$3 body found
  body=$(curl -fs -H "Cookie: trellis_session=$teacher" "$base$path")
  found=$(grep -o '<p role="status">[^<.]*' <<<"$body" | sed 's/<p role="status">//' | head -n 1)
  echo "== wrk -t2 -c4 -d8s: $label ($path), $engine: $found"
  wrk_against_goal "$path"
}

run_engine() { # ENGINE DATA_DIR DATABASE_URL
  local engine=$1 data=$2 url=$3
  echo "== library search on $engine: seeding (demo trust, then 20,000 items)"
  mkdir -p "$data"
  TRELLIS_DATABASE="$url" "$bin" demo --training-day --data-dir "$data" >/dev/null
  python3 bench/library/seed_library.py "$url" 20000
  serve "$data" "$url"
  sign_in_teacher "$data"
  measure "$engine" "a word in most items" "/library?q=pupils"
  measure "$engine" "a subject word, in most items too" "/library?q=metacognition"
  measure "$engine" "two words" "/library?q=retrieval+practice"
  measure "$engine" "a word, a phase and a mechanism" "/library?q=feedback&phase=primary&mechanism=model"
  measure "$engine" "a rarer word, in about one item in twelve" "/library?q=zorith"
  measure "$engine" "two rarer words, in few enough items to rank them all" "/library?q=zorith+velane"
  measure "$engine" "no words: the newest" "/library"
  stop_server
}

engines=${LIBRARY_ENGINES:-sqlite postgresql}
if [[ " $engines " == *" sqlite "* ]]; then
  run_engine SQLite "$work/sqlite" "sqlite:$work/sqlite/trellis.db"
fi
if [[ " $engines " == *" postgresql "* ]]; then
  pg_dir=$(mktemp -d /tmp/pg-bench-library.XXXXXX)
  chmod 755 "$pg_dir"
  pg_url=$(scripts/postgres.sh start "$pg_dir" "$pg_port")
  run_engine PostgreSQL "$work/postgresql" "$pg_url"
  stop_postgres
fi
