#!/usr/bin/env bash
# A signed-in module page (as first opened, and again with the person's answers) and the
# progress-save request (a reflection's autosave) under wrk -c 64 on SQLite, on loopback, 15 s each.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib/demo_server.sh
start_demo_server 18182
sign_in teacher@oakfield.example
module_page="$base/learning/building-trust/2"
csrf=$(csrf_of "$module_page")

echo "== wrk -t2 -c64 -d15s: signed-in module page (page 2 of Building trust: text, sort, quiz), SQLite"
wrk -t2 -c64 -d15s --latency -H "Cookie: trellis_session=$session" "$module_page" |
  grep -E "Requests/sec|Latency|50%|99%|requests in|Non-2xx|Socket errors"

# Each request saves a reflection as the page's autosave does: one committed transaction.
cat >"$work/save.lua" <<LUA
wrk.method = "POST"
wrk.headers["Cookie"] = "trellis_session=$session"
wrk.headers["Accept"] = "application/json"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, nil, nil, "_csrf=$csrf&text=Draft+reflection+number+" .. counter)
end
LUA
echo "== wrk -t2 -c64 -d15s: progress save (POST a reflection, JSON answer), SQLite"
wrk -t2 -c64 -d15s --latency -s "$work/save.lua" "$base/learning/building-trust/blocks/reflect-starting-point" |
  grep -E "Requests/sec|Latency|50%|99%|requests in|Non-2xx|Socket errors"
# The same page once the person has answered its quiz and sort: their own state is rendered.
curl -fs -b "$jar" -o /dev/null -H "Accept: application/json" --data "_csrf=$csrf&option=1" \
  "$base/learning/building-trust/blocks/quiz-facets"
curl -fs -b "$jar" -o /dev/null -H "Accept: application/json" \
  --data "_csrf=$csrf&group-0=0&group-1=1&group-2=2&group-3=3&group-4=0&group-5=1&group-6=2&group-7=3" \
  "$base/learning/building-trust/blocks/sort-facets"
echo "== wrk -t2 -c64 -d15s: the same module page with the person's answers and feedback shown, SQLite"
wrk -t2 -c64 -d15s --latency -H "Cookie: trellis_session=$session" "$module_page" |
  grep -E "Requests/sec|Latency|50%|99%|requests in|Non-2xx|Socket errors"
saved=$(sqlite3 "$work/trellis.db" "SELECT state FROM block_progress WHERE block_id = 'reflect-starting-point'" 2>/dev/null || true)
[[ -z "$saved" ]] || echo "last saved state: $saved"
