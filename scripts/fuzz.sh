#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang and runs each for SECONDS (default 60), starting
# from the seed corpora in fuzz/corpus/ (never written to: new inputs go to a scratch folder).
# Prints one line per target with its executions and whether it crashed; exits non-zero on a crash.
# `make fuzz` runs it for 5 minutes a target; `make test` for a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=build-fuzz
if [[ ! -f $build/build.ninja ]]; then
  cmake -S fuzz -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j2 >/dev/null
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
crashed=0
for target in staff_csv module_page allocation_json form_fields; do
  mkdir -p "$scratch/$target"
  log="$scratch/$target.log"
  if (cd "$scratch" && "$OLDPWD/$build/fuzz_$target" -max_total_time="$seconds" -print_final_stats=1 \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$scratch/$target-" \
        "$scratch/$target" "$OLDPWD/fuzz/corpus/$target" >"$log" 2>&1); then
    outcome="no crash"
  else
    outcome="CRASH (see the input below)"
    crashed=1
  fi
  runs=$(grep -E "stat::number_of_executed_units" "$log" | awk '{print $2}')
  echo "fuzz_$target: ${runs:-0} executions in ${seconds} s, $outcome"
  if [[ $outcome != "no crash" ]]; then
    grep -E "ERROR|SUMMARY|abort|Test unit written" "$log" | head -n 8
    for artifact in "$scratch/$target"-*; do [[ -f $artifact ]] && cp "$artifact" . && echo "kept ./$(basename "$artifact")"; done
  fi
done
exit $crashed
