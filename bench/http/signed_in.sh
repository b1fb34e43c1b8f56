#!/usr/bin/env bash
# Signed-in pages on SQLite and on PostgreSQL (issue 18, "PostgreSQL speed"): the demo trust with
# its training day, 32 of its people signed in (session rows, as sign-in makes them) and rotated by
# wrk -t2 -c16 -d8s, one page at a time. Goals: the home page at least 3,000 requests/s on SQLite
# and 2,000 on PostgreSQL; every signed-in page at least 2,000 on PostgreSQL; p99 under 50 ms.
# Then module-progress saves (a reflection's autosave, JSON answer) by 16 people at once, one
# connection and wrk thread each so each person's saves go one after another: goal at least 1,500
# saves/s on PostgreSQL, and none lost: each person's saved state must be the last save the server
# acknowledged to them. Everything runs on loopback and stops by itself. The PostgreSQL cluster is
# scripts/postgres.sh's throwaway one (fsync off, as in every bench and test here).
# SIGNED_IN_ENGINES=sqlite or postgresql runs one; SIGNED_IN_SECONDS changes the 8 s per page;
# SIGNED_IN_PAGE=/record (a path as listed below) measures that page alone, for profiling one page.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=18184
pg_port=25454
work=$(mktemp -d)
source bench/lib/engine_runs.sh
seconds=${SIGNED_IN_SECONDS:-8}

source bench/lib/rotating_sessions.sh

# Runs wrk on PATH and prints its figures against GOAL requests/s and p99 < 50 ms.
measure_page() { # ENGINE LABEL PATH GOAL
  local engine=$1 label=$2 path=$3 goal=$4
  [[ -z "${SIGNED_IN_PAGE:-}" || "$path" == "$SIGNED_IN_PAGE" ]] || return 0
  wrk_page "$path"
  printf '%-11s %-38s %-34s HTTP %s %6s req/s  p99 %6.1f ms' "$engine" "$label" "$path" "$page_code" "$page_rate" "$page_p99"
  if awk -v r="$page_rate" -v g="$goal" -v p="$page_p99" 'BEGIN { exit !(r >= g && p < 50) }'; then echo "  goal $goal/s, p99 < 50 ms: met"
  else echo "  goal $goal/s, p99 < 50 ms: MISSED"; fi
  [[ -z "$page_errors" ]] || echo "$page_errors"
}

# 16 people saving a reflection over and over, one connection (and wrk thread) each; then each
# person's last acknowledged save must be what the database holds.
measure_saves() { # ENGINE DATABASE_URL
  local engine=$1 url=$2 out rate p99 lost=0 person email last state held
  {
    echo "local people = {"
    head -n 16 "$work/sessions" | awk '{ printf "  { \"%s\", \"%s\" },\n", $1, $2 }'
    echo "}"
    cat <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread); thread:set("id", #threads) end
sent, acknowledged = 0, 0 -- globals, so done() can read them from each thread
function request()
  sent = sent + 1
  local person = people[id]
  return wrk.format("POST", nil, {
    ["Cookie"] = "trellis_session=" .. person[1], ["Accept"] = "application/json",
    ["Content-Type"] = "application/x-www-form-urlencoded" },
    "_csrf=" .. person[2] .. "&text=save-" .. id .. "-" .. sent)
end
function response(status) if status == 200 then acknowledged = sent end end
function done()
  for _, thread in ipairs(threads) do
    io.write(string.format("acknowledged %d %d\n", thread:get("id"), thread:get("acknowledged")))
  end
end
LUA
  } >"$work/saves.lua"
  out=$(wrk -t16 -c16 -d"${seconds}s" --latency -s "$work/saves.lua" "$base/learning/building-trust/blocks/reflect-starting-point")
  rate=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
  p99=$(p99_ms <<<"$out")
  while read -r _ person last; do
    email=$(awk -v n="$person" 'NR == n { print $3 }' "$work/sessions")
    state=$(saved_state "$url" "$email")
    # The save wrk sent last may have been committed after wrk stopped listening: newer is fine, older is lost.
    held=$(grep -o "save-$person-[0-9]*" <<<"$state" | sed 's/.*-//')
    (( ${held:-0} >= last )) || { lost=$((lost + 1)); echo "    $email: acknowledged save-$person-$last, holds $state"; }
  done < <(grep '^acknowledged' <<<"$out")
  printf '%-11s %-38s %-34s %11s saves/s  p99 %6.1f ms  lost: %d of 16 people' "$engine" "progress saves, 16 people at once" \
    "POST .../reflect-starting-point" "$rate" "$p99" "$lost"
  local goal=0
  [[ "$engine" == PostgreSQL ]] && goal=1500
  if awk -v r="$rate" -v g="$goal" -v p="$p99" -v l="$lost" 'BEGIN { exit !(r >= g && p < 50 && l == 0) }'; then
    echo "  goal $goal/s, p99 < 50 ms, none lost: met"
  else echo "  goal $goal/s, p99 < 50 ms, none lost: MISSED"; fi
  grep -E "Non-2xx|Socket errors" <<<"$out" | sed 's/^/    /' || true
}

# Gives each person their own programme and training day (columns 4 and 5 of the sessions file, for
# {programme} and {event}): the first of those the lead's lists link to that the person may open.
# One page for everyone would answer some of them 403 (a programme for one school, say), which wrk
# counts as errors, not pages served; a person who may open none has 0 (see measure_own_page).
assign_own_pages() {
  local list token csrf email id candidate own
  declare -A candidates
  for list in /programmes /events; do
    candidates[$list]=$(curl -fs -H "Cookie: trellis_session=$lead" "$base$list" | grep -o "href=\"$list/[0-9]*\"" |
      grep -o '[0-9]*' | awk '!seen[$0]++' | tr '\n' ' ' || true)
  done
  while read -r token csrf email _; do
    own=()
    for list in /programmes /events; do
      id=0
      for candidate in ${candidates[$list]}; do
        if [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: trellis_session=$token" "$base$list/$candidate") == 200 ]]; then
          id=$candidate
          break
        fi
      done
      own+=("$id")
    done
    echo "$token $csrf $email ${own[*]}"
  done <"$work/sessions" >"$work/sessions.own"
  mv "$work/sessions.own" "$work/sessions"
}

# measure_page for a page of each person's own (PATH holds {programme}, {event} or {item}, whose ids
# are in COLUMN of the sessions file), rotating only the people who have one.
measure_own_page() { # ENGINE LABEL PATH COLUMN GOAL
  local having
  [[ -z "${SIGNED_IN_PAGE:-}" || "$3" == "$SIGNED_IN_PAGE" ]] || return 0
  cp "$work/sessions" "$work/sessions.all"
  awk -v c="$4" '$c != 0' "$work/sessions.all" >"$work/sessions"
  having=$(wc -l <"$work/sessions")
  if (( having > 0 )); then
    measure_page "$1" "$2 ($having people)" "$3" "$5"
  else
    echo "$1 $2: nobody may open one, not measured"
  fi
  mv "$work/sessions.all" "$work/sessions"
}

saved_state() { # DATABASE_URL EMAIL
  local query="SELECT b.state FROM block_progress b JOIN people p ON p.id = b.person_id
    WHERE p.email = '$2' AND b.block_id = 'reflect-starting-point'"
  if [[ "$1" == sqlite:* ]]; then sqlite3 "${1#sqlite:}" "$query"; else psql -X -At "$1" -c "$query"; fi
}

run_engine() { # ENGINE DATA_DIR DATABASE_URL
  local engine=$1 data=$2 url=$3 lead
  mkdir -p "$data"
  TRELLIS_DATABASE="$url" "$bin" demo --training-day --data-dir "$data" >/dev/null
  python3 bench/http/open_sessions.py "$url" 32 >"$work/sessions"
  # A running service's autovacuum gathers statistics within a minute of a load this size; the bench
  # starts at once, so it gathers them itself (without them PostgreSQL guessed, and the home page
  # ran at a third of its speed).
  [[ "$url" == postgresql* ]] && psql -X -q "$url" -c "ANALYZE"
  serve "$data" "$url"
  lead=$(grep ' pdlead@' "$work/sessions" | awk '{ print $1 }')
  assign_own_pages
  if [[ "$engine" == SQLite ]]; then
    measure_page "$engine" "home page" / 3000
  else
    measure_page "$engine" "home page" / 2000
    measure_page "$engine" "online learning" /learning 2000
    measure_page "$engine" "module page" /learning/building-trust/2 2000
    measure_page "$engine" "my year" /my-year 2000
    measure_page "$engine" "programmes" /programmes 2000
    measure_own_page "$engine" "their programme" "/programmes/{programme}" 4 2000
    measure_page "$engine" "my record" /record 2000
    measure_page "$engine" "library" /library 2000
    measure_page "$engine" "training days" /events 2000
    measure_own_page "$engine" "their training day" "/events/{event}" 5 2000
    measure_page "$engine" "surveys" /surveys 2000
    measure_page "$engine" "groups" /groups 2000
    measure_page "$engine" "mentoring" /mentoring 2000
    measure_page "$engine" "observation" /observations 2000
  fi
  [[ -n "${SIGNED_IN_PAGE:-}" ]] || measure_saves "$engine" "$url"
  stop_server
}

echo "== signed-in pages, 32 people rotating, wrk -t2 -c16 -d${seconds}s each (loopback; figures depend on the machine's load)"
engines=${SIGNED_IN_ENGINES:-sqlite postgresql}
if [[ " $engines " == *" sqlite "* ]]; then
  run_engine SQLite "$work/sqlite" "sqlite:$work/sqlite/trellis.db"
fi
if [[ " $engines " == *" postgresql "* ]]; then
  pg_dir=$(mktemp -d /tmp/pg-bench-signed-in.XXXXXX)
  chmod 755 "$pg_dir"
  pg_url=$(scripts/postgres.sh start "$pg_dir" "$pg_port")
  run_engine PostgreSQL "$work/postgresql" "$pg_url"
  stop_postgres
fi
