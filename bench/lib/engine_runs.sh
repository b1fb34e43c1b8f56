# Sourced by the benchmarks that run the demo trust on SQLite and then on PostgreSQL (the library
# search, the CPD record, survey results). Before sourcing, set $port and $pg_port (loopback ports of
# the bench's own) and $work (a temporary folder, removed on exit). Gives: $bin (TRELLIS_BIN, or a
# copy of build/trellis), `serve DATA_DIR DATABASE_URL` and `stop_server`, $pg_dir with
# `stop_postgres`, `token` (a page's CSRF token), `p99_ms` (wrk's 99th percentile in milliseconds),
# `sign_in_teacher DATA_DIR` (sets $teacher, the session cookie), and `wrk_against_goal PATH`: the
# path under wrk -t2 -c4 -d8s (WRK_THREADS, WRK_CONNECTIONS) as the teacher, its figures, and
# whether p99 met 100 ms.
base="http://127.0.0.1:$port"
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

# wrk's 99th percentile line in milliseconds.
p99_ms() {
  awk '$1 == "99%" { v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v);
       print (u == "us" ? v / 1000 : u == "s" ? v * 1000 : u == "m" ? v * 60000 : v) }'
}

wrk_against_goal() { # PATH
  local out p99
  out=$(wrk -t${WRK_THREADS:-2} -c${WRK_CONNECTIONS:-4} -d8s --latency -H "Cookie: trellis_session=$teacher" "$base$1")
  grep -E "Requests/sec|50%|99%|requests in|Non-2xx|Socket errors" <<<"$out"
  p99=$(p99_ms <<<"$out")
  if awk -v p="$p99" 'BEGIN { exit !(p < 100) }'; then echo "  goal p99 < 100 ms: met ($p99 ms)"
  else echo "  goal p99 < 100 ms: MISSED ($p99 ms)"; fi
}
