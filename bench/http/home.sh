#!/usr/bin/env bash
# Requests per second of a signed-in home page under wrk -c 64 on SQLite, on loopback, 15 seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
port=18181
./build/trellis demo --data-dir "$work" >/dev/null
./build/trellis serve --data-dir "$work" --port "$port" --threads 16 >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.05; done

jar="$work/cookies"
page=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$port/sign-in")
csrf=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$page" | head -n 1 | sed 's/.*value="//; s/"$//')
curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" \
  --data-urlencode "email=pdlead@oakfield.example" --data-urlencode "password=oakfield-demo-2026" \
  "http://127.0.0.1:$port/sign-in"
session=$(awk '$6 == "trellis_session" {print $7}' "$jar")
[[ -n "$session" ]] || { echo "could not sign in"; exit 1; }

echo "== wrk -t2 -c64 -d15s: signed-in home page (trust PD lead), SQLite"
wrk -t2 -c64 -d15s --latency -H "Cookie: trellis_session=$session" "http://127.0.0.1:$port/" | \
  grep -E "Requests/sec|Latency|50%|99%|requests in|Non-2xx"
