#!/usr/bin/env bash
# Requests per second of a signed-in home page under wrk -c 64 on SQLite, on loopback, 15 seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib/demo_server.sh
start_demo_server 18181
sign_in pdlead@oakfield.example

echo "== wrk -t2 -c64 -d15s: signed-in home page (trust PD lead), SQLite"
wrk -t2 -c64 -d15s --latency -H "Cookie: trellis_session=$session" "$base/" | \
  grep -E "Requests/sec|Latency|50%|99%|requests in|Non-2xx|Socket errors"
