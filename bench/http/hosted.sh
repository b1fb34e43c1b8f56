#!/usr/bin/env bash
# Hosted scale (issue 18): one PostgreSQL holding 100 trusts of about 850 staff each (85,000
# people), each trust with the demo trust's year: its training day (offers, choices, placements,
# registers), programmes with attendance, surveys and their answers, groups, mentoring, the library,
# and a year of online learning (block and module progress, certificates) and CPD record entries.
# Two deployments run side by side on that one PostgreSQL, each two `trellis serve` behind nginx
# (deploy/nginx-trellis.conf on loopback, plain HTTP): one on a database holding the demo trust
# alone, one on a copy of it with the other 99 trusts added. 32 people are signed in on each (across
# 8 of the trusts when hosted, the same places in their trusts, so the same roles), rotated by
# wrk -t2 -c16 one signed-in page at a time. Each page is measured on both deployments back to back,
# which goes first alternating page by page, so that a slow stretch of this shared machine falls on
# both figures of a pair instead of on one half of the run. Goals: every page's p99 under 50 ms at
# hosted scale, and hosted requests/s within 20% of one trust's, i.e. a school does not feel the
# other 99 trusts. Prints the load time, rows per table and the database's size.
# Everything runs on loopback and stops by itself; the PostgreSQL cluster is scripts/postgres.sh's
# throwaway one (fsync off, as in every bench and test here). HOSTED_TRUSTS (100) and
# HOSTED_SECONDS (8 s per page) shrink the run; about 8 minutes at full scale on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Each deployment: its nginx port ($base while it is measured), its servers' ports and nginx's
# plain-HTTP listener, which only redirects.
declare -A nginx_port=([one]=18205 [hosted]=18211)
declare -A server_ports=([one]="18206 18207" [hosted]="18212 18213")
declare -A redirect_port=([one]=18208 [hosted]=18214)
port=${nginx_port[one]}
pg_port=25460
work=$(mktemp -d)
source bench/lib/engine_runs.sh
source bench/lib/rotating_sessions.sh
seconds=${HOSTED_SECONDS:-8}
trusts=${HOSTED_TRUSTS:-100}
signed_in_trusts=$((trusts < 8 ? trusts : 8))
# Run as root, nginx's workers are `nobody`: they keep request bodies in folders under $work.
chmod 755 "$work"

processes=()
stop_clusters() {
  local pid
  for pid in ${processes[@]+"${processes[@]}"}; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  processes=()
}
trap 'stop_clusters; stop_postgres; rm -rf "$work"' EXIT

wait_for() { # URL LOG
  for _ in $(seq 600); do curl -fs "$1" >/dev/null && return; sleep 0.05; done
  echo "nothing answered at $1:"; tail -n 20 "$2"; exit 1
}

# One deployment: two servers on one data folder (the same keys, as two servers of one deployment
# share them; both deployments' databases come from the same demo load) and one database, with
# nginx in front: the deploy site file with the servers' ports, listening on loopback in plain
# HTTP, the certificate lines left out.
start_cluster() { # NAME DATABASE_URL
  local name=$1 server_port ports
  read -ra ports <<<"${server_ports[$name]}"
  for server_port in "${ports[@]}"; do
    TRELLIS_DATABASE="$2" TRELLIS_TRUSTED_PROXIES=127.0.0.1 "$bin" serve --data-dir "$work/data" \
      --port "$server_port" >"$work/server-$server_port.log" 2>&1 &
    processes+=($!)
    wait_for "http://127.0.0.1:$server_port/healthz" "$work/server-$server_port.log"
  done
  local dir="$work/nginx-$name"
  mkdir -p "$dir"
  chmod 755 "$dir"
  sed -e "s/127\.0\.0\.1:8081/127.0.0.1:${ports[0]}/; s/127\.0\.0\.1:8082/127.0.0.1:${ports[1]}/" \
    -e '/listen \[::\]/d' -e "s/listen 80;/listen 127.0.0.1:${redirect_port[$name]};/" \
    -e "s/listen 443 ssl http2;/listen 127.0.0.1:${nginx_port[$name]};/" -e '/ssl_/d' deploy/nginx-trellis.conf \
    >"$dir/site.conf"
  {
    echo "daemon off;"
    echo "pid $dir/nginx.pid;"
    echo "error_log $dir/error.log;"
    echo "events {}"
    echo "http {"
    # Which server answered each request, to show both took a share.
    echo "  log_format answered '\$upstream_addr';"
    echo "  access_log $dir/access.log answered;"
    for temporary in client_body proxy fastcgi uwsgi scgi; do echo "  ${temporary}_temp_path $dir/$temporary;"; done
    echo "  include $dir/site.conf;"
    echo "}"
  } >"$dir/nginx.conf"
  /usr/sbin/nginx -c "$dir/nginx.conf" -p "$dir" >"$dir/output.log" 2>&1 &
  processes+=($!)
  wait_for "http://127.0.0.1:${nginx_port[$name]}/healthz" "$dir/error.log"
}

# Adds to each signed-in person's line the ids of their own trust's programme, training day and
# library item: the ones a signed-in PD lead sees first, found in each trust by title.
add_trust_ids() { # DATABASE_URL
  local lead programme event item
  lead=$(awk '$3 ~ /^pdlead@/ { print $1; exit }' "$work/sessions")
  page_of() { curl -fs -H "Cookie: trellis_session=$lead" "$base$1"; }
  programme=$(page_of /programmes | grep -o 'href="/programmes/[0-9]*"' | head -n 1 | grep -o '[0-9]*' || true)
  event=$(page_of /events | grep -o 'href="/events/[0-9]*"' | head -n 1 | grep -o '[0-9]*' || true)
  item=$(page_of /library | grep -o 'href="/library/[0-9]*"' | head -n 1 | grep -o '[0-9]*' || true)
  # The library's front page may list no items until searched: then the trust's first item.
  [[ -n "$item" ]] || item=$(psql -X -At "$1" -c "SELECT MIN(id) FROM library_items WHERE trust_id = 1")
  same_in_trust() { # TABLE ID: that row's namesake in the person's trust
    echo "COALESCE((SELECT MIN(id) FROM $1 WHERE trust_id = p.trust_id
      AND title = (SELECT title FROM $1 WHERE id = ${2:-0}))::text, '-')"
  }
  psql -X -At -F ' ' "$1" -c "SELECT p.email, $(same_in_trust programmes "$programme"),
    $(same_in_trust events "$event"), $(same_in_trust library_items "$item") FROM people p
    WHERE p.email IN ($(awk -v q="'" '{ print q $3 q }' "$work/sessions" | paste -sd ,))" >"$work/ids"
  awk 'NR == FNR { ids[$1] = $2 " " $3 " " $4; next } { print $1, $2, $3, ids[$3] }' "$work/ids" "$work/sessions" \
    >"$work/sessions.ids"
  mv "$work/sessions.ids" "$work/sessions"
}

# The signed-in pages of signed_in.sh's PostgreSQL list: "LABEL|PATH".
pages=(
  "home page|/" "online learning|/learning" "module page|/learning/building-trust/2" "my year|/my-year"
  "programmes|/programmes" "a programme|/programmes/{programme}" "my record|/record" "library|/library"
  "a library item|/library/{item}" "training days|/events" "the training day|/events/{event}"
  "surveys|/surveys" "groups|/groups" "mentoring|/mentoring" "observation|/observations"
)

# Keeps in $work/sessions only the people PATH answers with 200 (use_deployment brings the full list
# back): a programme for some schools answers the others 403, which wrk counts as pages served. Both
# deployments leave out the same places, so their figures compare.
keep_people_served() { # PATH
  local n total
  total=$(wc -l <"$work/sessions")
  for n in $(seq "$total"); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: trellis_session=$(awk -v n="$n" 'NR == n { print $1 }' \
      "$work/sessions")" "$base$(session_path "$n" "$1")") == 200 ]]; then sed -n "${n}p" "$work/sessions"; fi
  done >"$work/sessions.served"
  mv "$work/sessions.served" "$work/sessions"
}

# Points the rotating wrk script at deployment NAME: its nginx and its signed-in people.
use_deployment() { # NAME
  base="http://127.0.0.1:${nginx_port[$1]}"
  cp "$work/sessions-$1" "$work/sessions"
}

# Signs 32 people in on deployment NAME (across TRUSTS trusts when given) with their trusts' ids,
# into $work/sessions-NAME.
sign_in_people() { # NAME DATABASE_URL [TRUSTS]
  python3 bench/http/open_sessions.py "$2" 32 ${3:+"$3"} >"$work/sessions"
  # The sessions just opened analysed, as the sessions of a server in use would be: statistics
  # from before make the planner expect every session's person among the first trust's ids and
  # walk the whole of people to find the others.
  psql -X -q "$2" -c "ANALYZE sessions"
  base="http://127.0.0.1:${nginx_port[$1]}"
  add_trust_ids "$2"
  mv "$work/sessions" "$work/sessions-$1"
  echo "   $1: 32 people of $(awk '{ sub(/.*@/, "", $3); print $3 }' "$work/sessions-$1" | sort -u | wc -l) trust(s)"
}

# PATH on deployment NAME under wrk; a "LABEL|PATH|HTTP|REQ/S|P99" line into $work/results-NAME.
measure_on() { # NAME LABEL PATH
  use_deployment "$1"
  if [[ "$3" == *"{"* ]]; then keep_people_served "$3"; fi
  wrk_page "$3"
  [[ -z "$page_errors" ]] || echo "$page_errors"
  echo "$2|$3|$page_code|$page_rate|$page_p99" >>"$work/results-$1"
}

echo "== hosted scale: $trusts trusts of the demo trust's size on one PostgreSQL, two servers behind nginx"
echo "   load when starting: $(uptime | sed 's/.*load average/load average/')"
pg_dir=$(mktemp -d /tmp/pg-bench-hosted.XXXXXX)
chmod 755 "$pg_dir"
one_url=$(scripts/postgres.sh start "$pg_dir" "$pg_port")
hosted_url="${one_url%/*}/hosted"
mkdir -p "$work/data"

seconds_since() { awk -v from="$1" -v to="$(date +%s.%N)" 'BEGIN { printf "%.1f", to - from }'; }
started=$(date +%s.%N)
TRELLIS_DATABASE="$one_url" "$bin" demo --training-day --data-dir "$work/data" >/dev/null
python3 bench/http/hosted_seed.py progress "$one_url" content
psql -X -q "$one_url" -c "VACUUM ANALYZE"
one_trust_load=$(seconds_since "$started")
echo "   the demo trust with a year of learning: $one_trust_load s"

# The hosted database starts as a copy of the one-trust database (nothing is connected to it now).
copy_started=$(date +%s.%N)
psql -X -q "${one_url%/*}/template1" -c "CREATE DATABASE hosted TEMPLATE ${one_url##*/}"
python3 bench/http/hosted_seed.py copy "$hosted_url" "$trusts" | sed 's/^/   /'
copy_load=$(seconds_since "$copy_started")
echo "   load time: $copy_load s for trusts 2-$trusts (copied, checked, vacuumed and analysed)," \
  "$(awk -v a="$one_trust_load" -v b="$copy_load" 'BEGIN { printf "%.1f", a + b }') s in all with the demo trust"

echo "-- rows per table (the 20 largest) and the database's size, hosted"
psql -X -At -F ' ' "$hosted_url" -c "$(psql -X -At "$hosted_url" -c "
  SELECT string_agg(format('SELECT %L, COUNT(*) FROM %I', table_name, table_name), ' UNION ALL ')
  FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'") ORDER BY 2 DESC" \
  >"$work/rows"
head -n 20 "$work/rows" | awk '{ printf "   %-28s %10d\n", $1, $2 }'
awk '{ total += $2 } END { printf "   %-28s %10d rows in %d tables\n", "all tables", total, NR }' "$work/rows"
echo "   people: $(psql -X -At "$hosted_url" -c "SELECT COUNT(*) FROM people") in $(psql -X -At "$hosted_url" -c "SELECT COUNT(*) FROM trusts") trusts"
echo "   database size: $(psql -X -At "$hosted_url" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"

# The load leaves about two gigabytes the kernel has yet to write out (fsync is off), which it would
# otherwise write out while the first pages are measured: a running service has no such backlog.
psql -X -q "$one_url" -c "CHECKPOINT"
sync
echo "   written out before measuring: $(awk '/^Dirty:/ { print $2, $3 }' /proc/meminfo) left to write"

start_cluster one "$one_url"
start_cluster hosted "$hosted_url"
echo "-- signed in"
sign_in_people one "$one_url"
sign_in_people hosted "$hosted_url" "$signed_in_trusts"

echo "-- each page on one trust and on $trusts trusts, back to back, wrk -t2 -c16 -d${seconds}s each"
printf '   %-18s %-28s %9s %9s %6s %9s %9s  %s\n' page path "1 trust" hosted ratio "p99 1" "p99 host" goal
turn=0
for page in "${pages[@]}"; do
  label=${page%%|*}
  path=${page#*|}
  # A page whose id some signed-in person's trust lacks is left out, as signed_in.sh does.
  if [[ "$path" == *"{"* ]] && [[ "$(use_deployment one; session_path 1 "$path")$(use_deployment hosted
    session_path 1 "$path")" == *-* ]]; then continue; fi
  if ((turn++ % 2 == 0)); then order=(one hosted); else order=(hosted one); fi
  for name in "${order[@]}"; do measure_on "$name" "$label" "$path"; done
  IFS='|' read -r _ _ code rate p99 < <(grep -F "$label|$path|" "$work/results-one")
  IFS='|' read -r _ _ hosted_code hosted_rate hosted_p99 < <(grep -F "$label|$path|" "$work/results-hosted")
  ratio=$(awk -v h="$hosted_rate" -v o="$rate" 'BEGIN { printf "%.2f", (o > 0 ? h / o : 0) }')
  verdict=MISSED
  if [[ "$code" == 200 && "$hosted_code" == 200 ]] &&
    awk -v r="$ratio" -v p="$hosted_p99" 'BEGIN { exit !(r >= 0.8 && p < 50) }'; then verdict=met; fi
  [[ "$code" == 200 && "$hosted_code" == 200 ]] || verdict="$verdict (HTTP $code / $hosted_code)"
  printf '   %-18s %-28s %9s %9s %6s %6.1f ms %6.1f ms  %s\n' "$label" "$path" "$rate" "$hosted_rate" "$ratio" "$p99" "$hosted_p99" "$verdict"
done
for name in one hosted; do
  echo "   $name, answered by each server: $(sed 's/.*://' "$work/nginx-$name/access.log" 2>/dev/null | sort | uniq -c |
    awk '{ printf "%s: %s  ", $2, $1 }')"
done
echo "   load when done: $(uptime | sed 's/.*load average/load average/')"
stop_clusters
stop_postgres
