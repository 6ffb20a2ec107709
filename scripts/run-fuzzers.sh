#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` CMake preset, clang) and runs each for FUZZ_SECONDS
# (default 20) seconds. Seeds come from tests/fuzz/corpus/<target>/ and are only read; new inputs go
# to build/fuzz/corpus/<target>/ and crash reproducers to build/fuzz/artifacts/. Exits non-zero if
# any target crashes, leaks, times out or fails to build.
#
#   scripts/run-fuzzers.sh                # every target
#   FUZZ_SECONDS=300 scripts/run-fuzzers.sh query_fuzz form_fuzz
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${FUZZ_SECONDS:-20}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "run-fuzzers: FUZZ_SECONDS must be a positive whole number of seconds, not '$seconds'" >&2
  exit 2
fi
build="$repo/build/fuzz"

cd "$repo"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzzers

if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for source in "$repo"/tests/fuzz/*_fuzz.cpp; do
    targets+=("$(basename "$source" .cpp)")
  done
fi

failed=()
for target in "${targets[@]}"; do
  binary="$build/tests/fuzz/$target"
  if [ ! -x "$binary" ]; then
    echo "run-fuzzers: no fuzz target '$target' (expected $binary)" >&2
    failed+=("$target")
    continue
  fi
  work="$build/corpus/$target"
  seeds="$repo/tests/fuzz/corpus/$target"
  artifacts="$build/artifacts"
  mkdir -p "$work" "$artifacts"
  corpus_dirs=("$work")
  [ -d "$seeds" ] && corpus_dirs+=("$seeds")
  echo "== $target: ${seconds}s"
  if "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$artifacts/$target-" "${corpus_dirs[@]}" >"$build/$target.log" 2>&1; then
    tail -n 12 "$build/$target.log" | grep -E '^(stat::number_of_executed_units|stat::new_units_added|Done)' || true
  else
    echo "run-fuzzers: $target FAILED; log: $build/$target.log" >&2
    grep -E 'ERROR|SUMMARY|Test unit written' "$build/$target.log" | head -n 20 >&2 || true
    failed+=("$target")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "run-fuzzers: failed: ${failed[*]}" >&2
  exit 1
fi
echo "run-fuzzers: all ${#targets[@]} target(s) ran ${seconds}s without a crash"
