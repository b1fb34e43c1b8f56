#!/usr/bin/env bash
# Statements per request for each signed-in page on PostgreSQL, read from pg_stat_statements: a count
# that does not depend on how busy the machine is, so it shows what a change saves even while others
# build. The demo trust with its training day; each page is asked for once to warm up, then 20 times,
# and every statement PostgreSQL ran in between (BEGIN and COMMIT included) is counted.
# QUERIES_VERBOSE=1 lists each page's statements too, with their database time per request (planning and
# running, and planning alone), costliest first; QUERIES_VERBOSE_WIDTH=4000 shows each statement
# whole. Loopback only; stops by itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=18183
pg_port=25453
work=$(mktemp -d)
source bench/lib/engine_runs.sh
rounds=20

pg_dir=$(mktemp -d /tmp/pg-bench-queries.XXXXXX)
chmod 755 "$pg_dir"
pg_url=$(scripts/postgres.sh start "$pg_dir" "$pg_port")
# pg_stat_statements must be loaded when the server starts.
psql -X -q "$pg_url" -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if [[ $(id -u) -eq 0 ]]; then as_owner=(runuser -u postgres --); else as_owner=(); fi
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -w -l "$pg_dir/server.log" restart >/dev/null
psql -X -q "$pg_url" -c "ALTER SYSTEM SET pg_stat_statements.track = 'all'" \
  -c "ALTER SYSTEM SET pg_stat_statements.track_planning = on" -c "SELECT pg_reload_conf()" \
  -c "CREATE EXTENSION pg_stat_statements" >/dev/null

data="$work/postgresql"
mkdir -p "$data"
TRELLIS_DATABASE="$pg_url" "$bin" demo --training-day --data-dir "$data" >/dev/null
# As in signed_in.sh: the statistics a running service's autovacuum would have gathered by now.
psql -X -q "$pg_url" -c "ANALYZE"
serve "$data" "$pg_url"

declare -A cookie
for role in pdlead schoollead teacher support admin; do
  jar="$data/$role.cookies"
  csrf=$(curl -fs -c "$jar" -b "$jar" "$base/sign-in" | token)
  curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" \
    --data-urlencode "email=$role@oakfield.example" --data-urlencode "password=oakfield-demo-2026" "$base/sign-in"
  cookie[$role]=$(awk '$6 == "trellis_session" {print $7}' "$jar")
done

statements_so_far() {
  psql -X -At "$pg_url" -c "SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements
    WHERE query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%pg_catalog%'"
}

count() { # ROLE PATH [POST-BODY]
  local role=$1 path=$2 body=${3:-} args=()
  [[ -n "$body" ]] && args=(-H "Accept: application/json" --data "$body")
  curl -fs -o /dev/null -H "Cookie: trellis_session=${cookie[$role]}" "${args[@]}" "$base$path"
  psql -X -q "$pg_url" -c "SELECT pg_stat_statements_reset()" >/dev/null
  for _ in $(seq $rounds); do
    curl -fs -o /dev/null -H "Cookie: trellis_session=${cookie[$role]}" "${args[@]}" "$base$path"
  done
  printf '%-44s %-10s %6.1f statements per request\n' "${body:+POST }$path" "$role" \
    "$(awk -v n="$(statements_so_far)" -v r=$rounds 'BEGIN { print n / r }')"
  if [[ -n "${QUERIES_VERBOSE:-}" ]]; then
    psql -X -At "$pg_url" -c "SELECT calls / $rounds || ' x, ' || round(((total_plan_time + total_exec_time) / $rounds)::numeric, 3)
      || ' ms (planning ' || round((total_plan_time / $rounds)::numeric, 3) || '): '
      || left(regexp_replace(query, '\s+', ' ', 'g'), ${QUERIES_VERBOSE_WIDTH:-150})
      FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_plan_time + total_exec_time DESC" | sed 's/^/    /'
  fi
}

teacher_page() { curl -fs -H "Cookie: trellis_session=${cookie[teacher]}" "$base$1"; }
programme=$(teacher_page /programmes | grep -o 'href="/programmes/[0-9]*"' | head -n 1 | grep -o "[0-9]*" || true)
event=$(teacher_page /events | grep -o 'href="/events/[0-9]*"' | head -n 1 | grep -o "[0-9]*" || true)
library_item=$(teacher_page /library | grep -o 'href="/library/[0-9]*"' | head -n 1 | grep -o "[0-9]*" || true)
module_csrf=$(teacher_page /learning/building-trust/2 | token)

echo "== statements per signed-in request on PostgreSQL (pg_stat_statements, $rounds requests each)"
for role in pdlead schoollead teacher support admin; do count $role /; done
count teacher /learning
count teacher /learning/building-trust/2
count teacher /learning/building-trust/blocks/reflect-starting-point "_csrf=$module_csrf&text=Draft"
count teacher /my-year
count teacher /programmes
[[ -n "$programme" ]] && count teacher "/programmes/$programme"
count pdlead /programmes
[[ -n "$programme" ]] && count pdlead "/programmes/$programme"
count teacher /record
count teacher /library
[[ -n "$library_item" ]] && count teacher "/library/$library_item"
count teacher /events
[[ -n "$event" ]] && count teacher "/events/$event"
[[ -n "$event" ]] && count pdlead "/events/$event"
count teacher /surveys
count teacher /groups
count teacher /mentoring
count pdlead /people
stop_server
