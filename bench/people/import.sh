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
