#!/usr/bin/env bash
# Times `trellis import-staff` of a 20,000-row CSV into the demo trust on SQLite, fresh each run.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/people/make_staff_csv.py 20000 >"$work/staff.csv"
echo "== import-staff: 20,000 rows into a fresh SQLite database (demo trust loaded first)"
hyperfine --runs 3 --style basic \
  --prepare "rm -rf $work/data && ./build/trellis demo --data-dir $work/data >/dev/null" \
  "./build/trellis import-staff $work/staff.csv --trust oakfield --data-dir $work/data"

echo "== the same file through HTTP: upload and preview, then commit until done (what the browser does)"
port=18183
rm -rf "$work/web" && ./build/trellis demo --data-dir "$work/web" >/dev/null
./build/trellis serve --data-dir "$work/web" --port "$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.05; done
jar="$work/cookies"
token() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
csrf=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$port/sign-in" | token)
curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" \
  --data-urlencode "email=pdlead@oakfield.example" --data-urlencode "password=oakfield-demo-2026" \
  "http://127.0.0.1:$port/sign-in"
csrf=$(curl -fs -b "$jar" "http://127.0.0.1:$port/people/import" | token)
start=$(date +%s.%N)
location=$(curl -fs -b "$jar" -o /dev/null -w '%{redirect_url}' -F "_csrf=$csrf" -F "file=@$work/staff.csv" \
  "http://127.0.0.1:$port/people/import")
previewed=$(date +%s.%N)
# Another person signing in (a write: a new session row) while nothing else runs, then while the
# import commits in one transaction: the row cap keeps that wait short.
other_jar="$work/other"
sign_in_seconds() {
  local token
  rm -f "$other_jar" # a new browser each time, so the sign-in page is offered
  token=$(curl -fs -c "$other_jar" -b "$other_jar" "http://127.0.0.1:$port/sign-in" | token)
  curl -fs -c "$other_jar" -b "$other_jar" -o /dev/null -w '%{time_total}' --data-urlencode "_csrf=$token" \
    --data-urlencode "email=teacher@oakfield.example" --data-urlencode "password=oakfield-demo-2026" \
    "http://127.0.0.1:$port/sign-in"
}
idle=$(sign_in_seconds)
curl -fs -b "$jar" -o /dev/null -F "_csrf=$csrf" "$location/commit"
slowest=0
for _ in $(seq 600); do
  curl -fs -b "$jar" "$location/progress" | grep -q '"state":"done"' && break
  during=$(sign_in_seconds)
  slowest=$(echo "if ($during > $slowest) $during else $slowest" | bc)
done
finished=$(date +%s.%N)
printf "another person's sign-in: %.3f s when idle, at most %.3f s during the commit\n" "$idle" "$slowest"
printf "upload + preview: %.2f s; commit: %.2f s; total: %.2f s\n" \
  "$(echo "$previewed - $start" | bc)" "$(echo "$finished - $previewed" | bc)" "$(echo "$finished - $start" | bc)"
curl -fs -b "$jar" "$location" | grep -o 'Imported [0-9]* people: [0-9]* new and [0-9]* updated'
