#!/usr/bin/env bash
# Runs the browser tests: Playwright (playwright-core) driving Debian's Chromium, with axe-core.
# Needs a built server (TRELLIS_BINARY, default build/trellis) and /usr/bin/chromium.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  # A fresh machine (CI runs as root) gets Debian's Chromium; elsewhere say what is missing.
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "run.sh: no browser at $chromium: apt-get install chromium, or set CHROMIUM_PATH" >&2
    exit 1
  fi
fi
./install.sh
export TRELLIS_BINARY="${TRELLIS_BINARY:-$here/../../build/trellis}"
export TRELLIS_ROOT="${TRELLIS_ROOT:-$(cd "$here/../.." && pwd)}"
rm -rf screenshots  # only this run's pictures
status=0
node --test --test-concurrency=1 ./*.test.js || status=$?
exit "$status"
