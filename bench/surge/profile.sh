#!/usr/bin/env bash
# A quick loop for working on the surge hot paths (docs/performance.md, "After the hot-path work"):
# one Recall server on a fresh SQLite file, a published petition, 2 s of signing to warm up, then
#
#   MODE=sign   signing alone, wrk -t1 -c$SIGN_CONNECTIONS on the JSON API
#   MODE=count  count.json reads alone, wrk -t$COUNT_THREADS -c64 (1 thread unless set)
#   MODE=both   both at once, each with its own wrk
#
# for SECONDS_OF_LOAD seconds. It prints wrk's RESULT lines (bench/wrk/report.lua), the CPU seconds
# each server thread used during the load, largest first (the intake's writer is the first when
# signing), and when signing the CPU per signature of the writer, the other threads and (on
# PostgreSQL) the backends.
# Much faster to iterate with than scripts/bench-surge.sh, and not a substitute for it.
#
#   bench/surge/profile.sh                       # MODE=sign with build/bench/recall (the preset scripts/bench-surge.sh builds)
#   RECALL_BIN=/tmp/recall-before MODE=both bench/surge/profile.sh
#   PERF=1 bench/surge/profile.sh                # also perf record -a -g for 8 s, 2 s in (kept)
#   OFFCPU=1 bench/surge/profile.sh              # where the writer thread sleeps (sched_switch, kept)
#   PG_STATE=/tmp/pg.state bench/surge/profile.sh # on PostgreSQL: a fresh database in the cluster of
#                                                # scripts/pg-test-cluster.sh (started with that state
#                                                # file)
#   SQL="DROP INDEX …" bench/surge/profile.sh    # a schema experiment: SQL run on the database before
#                                                # serving (on SQLite with the sqlite3 command)
#   MODE=both SIGN_RATE=2000 bench/surge/profile.sh  # signing held to 2,000 a second (bench/wrk/sign_paced.lua)
#
# PostgreSQL's figures are only comparable with durability on: pg-test-cluster.sh turns fsync off,
# and scripts/bench-surge.sh shows how to restart the cluster without that.
#
# Environment: RECALL_BIN, MODE, SECONDS_OF_LOAD (12), SIGN_CONNECTIONS (64), SIGN_RATE (none: as fast as
# answered), COUNT_THREADS (1), SERVE_ARGS, PG_STATE, SQL, KEEP=1.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$here"
bin=${RECALL_BIN:-build/bench/recall}
mode=${MODE:-sign}
seconds=${SECONDS_OF_LOAD:-12}
sign_connections=${SIGN_CONNECTIONS:-64}
count_threads=${COUNT_THREADS:-1}
[[ -x $bin ]] || { echo "profile.sh: $bin is missing (scripts/bench-surge.sh builds it, or: cmake --preset bench -B build/bench && cmake --build build/bench --target recall)" >&2; exit 1; }
case $mode in sign|count|both) ;; *) echo "profile.sh: MODE is sign, count or both (got '$mode')" >&2; exit 1 ;; esac

work=$(mktemp -d "${TMPDIR:-/tmp}/recall-profile.XXXXXX")
pid=""
cleanup() {
  [[ -n $pid ]] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  if [[ ${KEEP:-0} == 1 || ${PERF:-0} == 1 || ${OFFCPU:-0} == 1 ]]; then
    echo "kept $work${dbname:+ and the database $dbname}" >&2
  else
    rm -rf -- "$work"
    [[ -n ${dbname:-} ]] && pg_admin -c "DROP DATABASE IF EXISTS $dbname WITH (FORCE)"
  fi
}
trap cleanup EXIT

db=$work/recall.db
pg_value() { sed -n "s/^$1=//p" "$PG_STATE"; }
pg_admin() { runuser -u "$(pg_value owner)" -- psql -X -q -h "$(pg_value dir)" -p "$(pg_value port)" -U postgres -d postgres "$@"; }
if [[ -n ${PG_STATE:-} ]]; then
  pg_url=$(pg_value url)
  dbname=profile_${RANDOM}${RANDOM}
  pg_admin -c "CREATE DATABASE $dbname OWNER $(printf '%s' "$pg_url" | sed 's|^postgresql://\([^:@]*\).*|\1|')"
  db=${pg_url%/*}/$dbname
fi
created=$(RECALL_HOME="$here" "$bin" --db "$db" public-petition create --action "Call a by-election in the profiling loop" \
  --background "A petition for bench/surge/profile.sh." --creator-name "Bench Creator" --creator-email creator@example.org \
  --creator-postcode "SW1A 1AA" --creator-uk-resident --json)
id=$(printf '%s' "$created" | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
RECALL_HOME="$here" "$bin" --db "$db" public-petition publish "$id" --force >/dev/null 2>&1
if [[ -n ${SQL:-} ]]; then
  if [[ -n ${PG_STATE:-} ]]; then psql -X -q -v ON_ERROR_STOP=1 "$db" -c "$SQL"; else sqlite3 "$db" "$SQL"; fi
fi
# Port 0, read back from the log (as scripts/bench-surge.sh does): a port picked beforehand can be taken.
# shellcheck disable=SC2086  # SERVE_ARGS is a list of options
RECALL_HOME="$here" "$bin" --db "$db" serve --port 0 ${SERVE_ARGS:-} >"$work/serve.log" 2>&1 &
pid=$!
port=""
for _ in $(seq 1 600); do
  port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$work/serve.log" | head -n 1)
  [[ -n $port ]] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n $port ]] || { cat "$work/serve.log" >&2; echo "profile.sh: the server did not start" >&2; exit 1; }
sed -n 's/^[EWSN][0-9]\{8\}: *\([A-Z0-9]*\) *$/\1/p' data/example-postcodes.yml | sort -u >"$work/postcodes"
sign_url=http://127.0.0.1:$port/api/public/petitions/$id/signatures
count_url=http://127.0.0.1:$port/public/petitions/$id/count.json
wrk -t1 -c64 -d2s -s bench/wrk/sign.lua "$sign_url" -- "$work/postcodes" warm >/dev/null 2>&1

# CPU ticks (1/100 s) so far: "TID ticks" for each server thread, and "backends ticks" for the
# PostgreSQL backends serving this database, summed.
cpu_ticks() {
  for task in /proc/"$pid"/task/*; do awk -v tid="${task##*/}" '{print tid, $14 + $15}' "$task/stat"; done
  if [[ -n ${PG_STATE:-} ]]; then
    for backend in $(pgrep -f "postgres: [^ ]* $dbname "); do awk '{print $14 + $15}' "/proc/$backend/stat"; done |
      awk '{ticks += $1} END {print "backends", ticks + 0}'
  fi
}
writer_thread() {  # the thread with the most CPU so far
  for task in /proc/"$pid"/task/*; do echo "$(awk '{print $14 + $15}' "$task/stat") ${task##*/}"; done | sort -rn | head -n 1 | cut -d' ' -f2
}
helpers=()  # everything started beside the load, waited for before the report
if [[ ${PERF:-0} == 1 ]]; then
  (sleep 2; perf record -F 1999 -a -g -o "$work/perf.data" -- sleep 8 >/dev/null 2>&1) &
  helpers+=($!)
fi
if [[ ${OFFCPU:-0} == 1 ]]; then
  (sleep 3; perf record -e sched:sched_switch --call-graph dwarf,8192 -t "$(writer_thread)" -o "$work/offcpu.data" -- sleep 3 >/dev/null 2>&1) &
  helpers+=($!)
fi
cpu_ticks >"$work/cpu.before"
if [[ $mode != sign ]]; then
  wrk -t"$count_threads" -c64 -d"${seconds}s" --latency -s bench/wrk/static.lua "$count_url" >"$work/count.wrk" 2>&1 &
  helpers+=($!)
fi
if [[ $mode != count ]]; then
  if [[ -n ${SIGN_RATE:-} ]]; then
    wrk -t1 -c"$sign_connections" -d"${seconds}s" --latency -s bench/wrk/sign_paced.lua "$sign_url" -- "$work/postcodes" run "$SIGN_RATE" >"$work/sign.wrk" 2>&1
  else
    wrk -t1 -c"$sign_connections" -d"${seconds}s" --latency -s bench/wrk/sign.lua "$sign_url" -- "$work/postcodes" run >"$work/sign.wrk" 2>&1
  fi
fi
for helper in "${helpers[@]}"; do wait "$helper" || true; done
cpu_ticks >"$work/cpu.after"
grep -h '^RESULT' "$work"/*.wrk
# CPU used during the timed load only (not the warm-up): per thread, and per signature when signing,
# a much steadier figure than the rate. The writer is the busiest thread when signing.
signed=$(grep -h '^RESULT label=sign' "$work"/*.wrk | grep -o ' ok=[0-9]*' | cut -d= -f2 || true)
awk 'FNR == NR { before[$1] = $2; next } { print $2 - before[$1], $1 }' "$work/cpu.before" "$work/cpu.after" |
  sort -k1,1nr | awk -v signed="${signed:-0}" '
    $2 == "backends" { backends = $1; next }
    { ticks[++n] = $1; all += $1 }
    END {
      line = "server thread CPU seconds during the load:"
      for (i = 1; i <= n; i++) line = line sprintf(" %.2f", ticks[i] / 100)
      print line
      if (signed > 0) {
        printf "per signature: writer %.0f us, the other server threads %.0f us", ticks[1] * 1e4 / signed, (all - ticks[1]) * 1e4 / signed
        if (backends != "") printf ", PostgreSQL backends %.0f us", backends * 1e4 / signed
        printf "\n"
      }
    }'
