# Sourced by the HTTP benchmarks: a demo-trust server (with its training day, as `make run`) on SQLite on loopback, stopped on exit, and
# a sign-in. After `start_demo_server PORT`: $work (a temporary folder) and $base (the address).
# After `sign_in EMAIL`: $jar (the cookie file) and $session (the session cookie's value).

start_demo_server() {
  work=$(mktemp -d)
  base="http://127.0.0.1:$1"
  ./build/trellis demo --training-day --data-dir "$work" >/dev/null
  ./build/trellis serve --data-dir "$work" --port "$1" >"$work/server.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
  for _ in $(seq 100); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.05; done
}

# The first CSRF token in the page at $1, read with the cookies in $jar.
csrf_of() {
  curl -fs -c "$jar" -b "$jar" "$1" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'
}

sign_in() {
  jar="$work/cookies"
  rm -f "$jar" # a fresh browser: the sign-in page sends a signed-in visitor away
  local csrf
  csrf=$(csrf_of "$base/sign-in")
  curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" \
    --data-urlencode "email=$1" --data-urlencode "password=oakfield-demo-2026" "$base/sign-in"
  session=$(awk '$6 == "trellis_session" {print $7}' "$jar")
  [[ -n "$session" ]] || { echo "could not sign in as $1"; exit 1; }
}
