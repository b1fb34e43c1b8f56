#!/usr/bin/env bash
# Runs the browser tests: Playwright (playwright-core) driving Debian's Chromium, with axe-core.
# Needs a built server (TRELLIS_BINARY, default build/trellis) and /usr/bin/chromium.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi
export TRELLIS_BINARY="${TRELLIS_BINARY:-$here/../../build/trellis}"
export TRELLIS_ROOT="${TRELLIS_ROOT:-$(cd "$here/../.." && pwd)}"
status=0
node --test --test-concurrency=1 ./*.test.js || status=$?
exit "$status"
