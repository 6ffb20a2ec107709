#!/usr/bin/env bash
# Runs every test: installs what is missing, builds the debug preset (AddressSanitizer and
# UndefinedBehaviorSanitizer), starts a throwaway PostgreSQL 15 cluster, runs the unit, golden, contract
# (SQLite and PostgreSQL) and HTTP suites and the kill -9 durability test with ctest, the browser tests in
# headless Chromium against a real server, and each libFuzzer target briefly. Cleans up after itself, pass or fail.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"

"$here/scripts/install-deps.sh"
# The email tests start their own SMTP server with Debian's python3 (not a pyenv shim on PATH).
/usr/bin/python3 -c 'import aiosmtpd' || { echo "python3-aiosmtpd is missing: the email tests need it" >&2; exit 1; }
"$here/scripts/build.sh" debug

failures=0
step() { echo; echo "== $*"; }

step "PostgreSQL: throwaway cluster"
# A state file of this run's own, so a developer's cluster (or another run's) is neither reused nor stopped.
RECALL_PG_TEST_STATE="$(mktemp -d)/pg-test-cluster.state"
export RECALL_PG_TEST_STATE
RECALL_TEST_POSTGRES_URL="$("$here/scripts/pg-test-cluster.sh" start)"
export RECALL_TEST_POSTGRES_URL
trap '"$here/scripts/pg-test-cluster.sh" stop >/dev/null 2>&1 || true' EXIT

step "Unit, golden, contract, HTTP and durability suites (ctest)"
ctest --preset debug -j2 || failures=$((failures + 1))

step "Browser tests (headless Chromium)"
"$here/tests/browser/run.sh" "$here/build/debug/recall" || failures=$((failures + 1))

step "Fuzzers (${FUZZ_SECONDS:-15} s each)"
FUZZ_SECONDS="${FUZZ_SECONDS:-15}" "$here/scripts/run-fuzzers.sh" || failures=$((failures + 1))

echo
echo "stages: $((3 - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
