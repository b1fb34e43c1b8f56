# Sourced by the benchmarks that rotate many signed-in people through one page (signed_in.sh,
# hosted.sh), after bench/lib/engine_runs.sh (for p99_ms). Needs $work (a temporary folder),
# $work/sessions ("TOKEN CSRF EMAIL [PROGRAMME EVENT ITEM]" per person, as open_sessions.py prints
# them, with that person's trust's ids after when the people are in different trusts), $base and
# $seconds. A page's path may hold {programme}, {event} and {item}: each person then asks for the
# page of their own trust.
# `wrk_page PATH` asks for the page for $warm_up_seconds (2 unless set) unmeasured, then sets
# $page_code (the first person's HTTP status), $page_rate (requests/s),
# $page_p99 (ms) and $page_errors (wrk's non-2xx and socket-error lines, if any).

# A path as the person on line N of the sessions file asks for it.
session_path() { # N PATH
  awk -v n="$1" -v path="$2" 'NR == n { gsub(/\{programme\}/, $4, path); gsub(/\{event\}/, $5, path);
    gsub(/\{item\}/, $6, path); print path }' "$work/sessions"
}

# Lua for wrk: each request as the next of the signed-in people, round and round.
rotating_script() { # PATH
  {
    echo "local people = {"
    awk -v path="$1" '{ p = path; gsub(/\{programme\}/, $4, p); gsub(/\{event\}/, $5, p); gsub(/\{item\}/, $6, p)
      printf "  { \"%s\", \"%s\" },\n", $1, p }' "$work/sessions"
    echo "}"
    cat <<'LUA'
local counter = 0
local offset = 0
local threads = 0
function setup(thread) thread:set("offset", threads * 7); threads = threads + 1 end
function request()
  counter = counter + 1
  local person = people[((counter + offset) % #people) + 1]
  return wrk.format("GET", person[2], { ["Cookie"] = "trellis_session=" .. person[1] })
end
LUA
  } >"$work/rotating.lua"
}

wrk_page() { # PATH
  local first out
  first=$(session_path 1 "$1")
  page_code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: trellis_session=$(awk 'NR == 1 { print $1 }' "$work/sessions")" "$base$first")
  rotating_script "$1"
  # Unmeasured first: a server just started (or a page not yet asked for) has each connection prepare
  # the page's statements, and each new PostgreSQL backend read its catalogue, on first use; the
  # figures are for a server that has been running, as a service's has.
  wrk -t2 -c16 -d"${warm_up_seconds:-2}s" -s "$work/rotating.lua" "$base$first" >/dev/null
  out=$(wrk -t2 -c16 -d"${seconds}s" --latency -s "$work/rotating.lua" "$base$first")
  page_rate=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
  page_p99=$(p99_ms <<<"$out")
  page_errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | sed 's/^/    /' || true)
}
