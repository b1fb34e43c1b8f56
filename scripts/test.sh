#!/usr/bin/env bash
# `make test`: unit tests, integration tests on SQLite and on a throwaway PostgreSQL, browser
# tests in headless Chromium, a short fuzzing run, and the format check. Ends with one line: "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
log_dir=$(mktemp -d)
passed=0
failed=0

# Adds a ctest run's counts to the totals.
count_ctest() {
  local log=$1 line total bad
  line=$(grep -E "tests passed, [0-9]+ tests? failed out of [0-9]+" "$log" | tail -n 1)
  if [[ -z "$line" ]]; then failed=$((failed + 1)); return; fi
  total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")
  bad=$(sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/' <<<"$line")
  passed=$((passed + total - bad))
  failed=$((failed + bad))
  show_failures "$log"
}

# Prints what each failing test said (the tail alone names it only), so a failure on a machine
# nobody can log into explains itself.
show_failures() {
  grep -q "The following tests FAILED" "$1" || return 0
  echo "-- what the failing tests printed:"
  grep -E -B 2 -A 12 ": Failure$|Test timeout|\*\*\*Exception|Segmentation|terminate called|what\(\)" "$1" |
    head -n 200
}

echo "== unit tests"
ctest --test-dir build -LE "sqlite|postgresql" -j2 --output-on-failure 2>&1 | tee "$log_dir/unit.log" | tail -n 3
count_ctest "$log_dir/unit.log"

# Integration tests start test servers from npm (the OpenID provider) too.
tests/browser/install.sh >/dev/null || echo "npm ci in tests/browser failed"

echo "== integration tests on SQLite"
ctest --test-dir build -L sqlite -j2 --output-on-failure 2>&1 | tee "$log_dir/sqlite.log" | tail -n 3
count_ctest "$log_dir/sqlite.log"

echo "== integration tests on PostgreSQL"
# A random port can be taken by something else: try three before giving up, showing why.
pg_started=""
for _ in 1 2 3; do
  pg_dir=$(mktemp -d /tmp/trellis-pg.XXXXXX)
  pg_port=$((20000 + RANDOM % 20000))
  if TRELLIS_TEST_POSTGRES=$(scripts/postgres.sh start "$pg_dir" "$pg_port"); then pg_started=1; break; fi
  tail -n 5 "$pg_dir/server.log" 2>/dev/null || true
  scripts/postgres.sh stop "$pg_dir"
done
if [[ -n "$pg_started" ]]; then
  export TRELLIS_TEST_POSTGRES
  ctest --test-dir build -L postgresql -j2 --output-on-failure 2>&1 | tee "$log_dir/postgresql.log" | tail -n 3
  count_ctest "$log_dir/postgresql.log"
else
  echo "could not start PostgreSQL"; failed=$((failed + 1))
fi
scripts/postgres.sh stop "$pg_dir"

if [[ -x tests/browser/run.sh ]]; then
  echo "== browser tests (headless Chromium)"
  TRELLIS_BINARY="$PWD/build/trellis" TRELLIS_ROOT="$PWD" tests/browser/run.sh 2>&1 | tee "$log_dir/browser.log" | tail -n 12
  browser_pass=$(grep -E "^# pass [0-9]+" "$log_dir/browser.log" | tail -n 1 | awk '{print $3}')
  browser_fail=$(grep -E "^# fail [0-9]+" "$log_dir/browser.log" | tail -n 1 | awk '{print $3}')
  if [[ -z "$browser_pass" ]]; then failed=$((failed + 1)); else
    passed=$((passed + browser_pass)); failed=$((failed + ${browser_fail:-0})); fi
fi

echo "== fuzzing, briefly (make fuzz runs longer)"
bash scripts/fuzz.sh 15 2>&1 | tee "$log_dir/fuzz.log"
fuzz_ok=$(grep -c "no crash$" "$log_dir/fuzz.log" || true)
passed=$((passed + fuzz_ok)); failed=$((failed + 4 - fuzz_ok))

echo "== deployment files (nginx -t)"
if bash scripts/check-deploy.sh 2>&1 | tee "$log_dir/deploy.log" | tail -n 3; [[ ${PIPESTATUS[0]} -eq 0 ]]; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

echo "== format check (clang-format)"
if git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' | xargs clang-format --dry-run --Werror 2>"$log_dir/format.log"; then
  passed=$((passed + 1))
else
  head -n 20 "$log_dir/format.log"; failed=$((failed + 1))
fi

echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
