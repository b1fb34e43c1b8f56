#!/usr/bin/env bash
# Installs the npm packages the tests use (Playwright, axe, the loopback OpenID provider, …) from the
# lockfile, when missing or older than it.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
