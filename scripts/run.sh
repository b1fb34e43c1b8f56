#!/usr/bin/env bash
# `make run`: migrate, load the demo trust and its training day into an empty database, and serve.
set -euo pipefail
cd "$(dirname "$0")/.."
./build/trellis migrate
./build/trellis demo --if-empty --training-day
echo
echo "Open http://localhost:${PORT:-8080}/ and sign in with one of the logins above. Stop with Ctrl+C."
exec ./build/trellis serve
