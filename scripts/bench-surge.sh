#!/usr/bin/env bash
# The surge benchmark (issue 5 item 6; docs/public-petitions.md section 7, results in docs/performance.md).
# One command, one machine, one run:
#
#   scripts/bench-surge.sh
#
# (a) a bare PostgreSQL loop of single-row INSERTs into a table with a unique index: pgbench, 32 clients,
#     autocommit, on a scratch cluster with durability on (fsync, synchronous_commit, full_page_writes)
# (b) nginx answering a static 200 (loopback, worker_processes auto, keep-alive), driven by wrk
#     (a) and (b) run before Recall's runs, between its two backends and after them; the ratios use
#     the median of the three
# (c) Recall signing a public petition on its own, durable and acknowledged (202 only after the
#     batch's COMMIT), with SQLite (a file on disk) and then with PostgreSQL (a fresh database on the
#     same cluster), 64 connections each; then confirmation throughput, with the tokens from the
#     confirmation emails that a local SMTP sink received
# (d) count.json reads while signing runs: signing held to a set rate (BENCH_BESIDE_SIGN_RATE, 150
#     times the 33 a second that brought e-petitions down in 2019) with a second wrk reading count.json
#     beside it; then, for the record, the same reads beside signing as fast as it is answered
# (e) memory per signature at 10 million signatures (bench/public_memory_bench.cpp)
#
# It prints each figure and its ratio to the target, "MISSED" beside any target missed, and as the last
# line one JSON object. It exits 0 whether or not targets are met, and non-zero only when something
# could not run. Everything it starts (PostgreSQL, nginx, recall, the SMTP sink, wrk) and its temporary
# folder are stopped and removed on exit.
#
# Environment:
#   BENCH_SECONDS       seconds of each measured load: pgbench, each signing run, (nginx: half)   (20)
#   BENCH_WARMUP        seconds of unmeasured signing before each measured run                    (2)
#   BENCH_CONNECTIONS   wrk connections for nginx, signing and count reads                        (64)
#   BENCH_BESIDE_SIGN_RATE  signatures a second while (d) reads count.json                      (5000)
#   BENCH_CONFIRMS      confirmations to time per backend (tokens taken from the emails)          (10000)
#   BENCH_SIGNATURES    signatures for the memory figure                                          (10000000)
#   BENCH_ONLY          comma-separated subset of: pgbench,nginx,sqlite,postgres,memory            (all)
#   BENCH_BUILD_DIR     where to build the release binaries (preset bench)                    (build/bench)
#   BENCH_SKIP_BUILD=1  use the binaries already built there
#   BENCH_KEEP=1        keep the temporary folder (logs, databases) and print where it is
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

seconds=${BENCH_SECONDS:-20}
warmup=${BENCH_WARMUP:-2}
connections=${BENCH_CONNECTIONS:-64}
beside_rate=${BENCH_BESIDE_SIGN_RATE:-5000}
confirms=${BENCH_CONFIRMS:-10000}
memory_signatures=${BENCH_SIGNATURES:-10000000}
only=${BENCH_ONLY:-pgbench,nginx,sqlite,postgres,memory}
build_dir=${BENCH_BUILD_DIR:-$here/build/bench}
[[ $build_dir == /* ]] || build_dir="$PWD/$build_dir"
pg_bin=${RECALL_PG_BIN:-/usr/lib/postgresql/15/bin}
# Debian's interpreter: `python3` on PATH may be one without aiosmtpd (tests/support/smtp_server.hpp).
python=/usr/bin/python3

die() { echo "bench-surge: $*" >&2; exit 1; }
step() { echo "== $*" >&2; }
wants() { [[ ",$only," == *",$1,"* ]]; }

for number in "$seconds" "$warmup" "$connections" "$beside_rate" "$confirms" "$memory_signatures"; do
  [[ $number =~ ^[0-9]+$ ]] || die "BENCH_SECONDS, BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_BESIDE_SIGN_RATE, BENCH_CONFIRMS and BENCH_SIGNATURES must be whole numbers (got '$number')"
done
(( beside_rate > 0 )) || die "BENCH_BESIDE_SIGN_RATE must be at least 1"
(( seconds >= 2 )) || die "BENCH_SECONDS must be at least 2"
for part in ${only//,/ }; do
  case $part in pgbench|nginx|sqlite|postgres|memory) ;; *) die "BENCH_ONLY: unknown part '$part' (pgbench,nginx,sqlite,postgres,memory)" ;; esac
done

# ---------------------------------------------------------------------------------------------------
# Tools: install only what is missing (Debian packages, as scripts/install-deps.sh does).
install_missing() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    [[ $(id -u) -eq 0 ]] || die "missing packages ${missing[*]}: install them (apt-get install ${missing[*]}) or run as root"
    step "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}
install_missing wrk nginx postgresql-15 postgresql-client-15 python3-aiosmtpd

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  step "building the release binaries (preset bench) in $build_dir"
  (cd "$here" && cmake --preset bench -B "$build_dir" >/dev/null && cmake --build "$build_dir" -j2 --target recall public_memory_bench) >&2
fi
recall_bin="$build_dir/recall"
memory_bin="$build_dir/bench/public_memory_bench"
[[ -x $recall_bin ]] || die "$recall_bin is missing: run without BENCH_SKIP_BUILD"

# ---------------------------------------------------------------------------------------------------
# Everything started is recorded here and stopped on exit, whatever the exit.
work=$(mktemp -d "${TMPDIR:-/tmp}/recall-bench-surge.XXXXXX")
chmod 0755 "$work"
results="$work/results"
: >"$results"
pids=()
pg_state="$work/pg.state"

cleanup() {
  local status=$? pid
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  RECALL_PG_TEST_STATE="$pg_state" "$here/scripts/pg-test-cluster.sh" stop >/dev/null 2>&1 || true
  if [[ ${BENCH_KEEP:-0} == 1 ]]; then
    echo "bench-surge: kept $work" >&2
  else
    rm -rf -- "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

forget_pid() {
  local gone=$1 kept=() pid
  for pid in "${pids[@]}"; do [[ $pid == "$gone" ]] || kept+=("$pid"); done
  pids=("${kept[@]}")
}

stop_pid() {
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  forget_pid "$1"
}

record() { echo "$1=$2" >>"$results"; }

# A port for a server that cannot listen on port 0 and say where (nginx, the SMTP sink), taken
# below the kernel's ephemeral range: the loads' many loopback connections take their local ports
# from that range, and one of them can take a port chosen there before the server binds it.
free_port() {
  local port low=32768 range
  range=$(cat /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null) && low=${range%%[[:space:]]*}
  (( low > 11000 )) || low=32768
  for _ in $(seq 1 50); do
    port=$((10000 + RANDOM % (low - 10000)))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  die "no free port found"
}

# Waits until URL answers with any HTTP status (the server is up), or fails after 60 s.
wait_for_http() {
  local url=$1 pid=$2 log=$3
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$log" >&2; die "the server for $url exited at start (log above)"; }
    curl -s -o /dev/null "$url" && return 0
    sleep 0.1
  done
  tail -n 30 "$log" >&2
  die "$url did not answer within 60 s"
}

# A wrk run's RESULT line (bench/wrk/report.lua) as key=value words; fails if there is none.
wrk_result() {
  local output=$1 line
  line=$(grep '^RESULT ' "$output" | tail -n 1) || { cat "$output" >&2; die "wrk printed no result (output above)"; }
  echo "${line#RESULT }"
}
field() {  # field NAME "key=value key=value"
  local word
  for word in $2; do [[ $word == "$1="* ]] && { echo "${word#*=}"; return 0; }; done
  die "no $1 in '$2'"
}

# ---------------------------------------------------------------------------------------------------
# The scratch PostgreSQL cluster, restarted with durability on: pg-test-cluster.sh turns fsync off for
# tests, and a benchmark of durable writes must pay for them.
pg_url=""
pg_state_value() { sed -n "s/^$1=//p" "$pg_state"; }  # dir, port or owner, from pg-test-cluster.sh's state file
pg_admin() {
  local dir port owner
  dir=$(pg_state_value dir); port=$(pg_state_value port); owner=$(pg_state_value owner)
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u "$owner" -- psql -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres "$@"
  else
    psql -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres "$@"
  fi
}
start_postgres() {
  step "starting a scratch PostgreSQL 15 cluster with durability on"
  pg_url=$(RECALL_PG_TEST_STATE="$pg_state" "$here/scripts/pg-test-cluster.sh" start)
  local dir port owner
  dir=$(pg_state_value dir); port=$(pg_state_value port); owner=$(pg_state_value owner)
  local as_owner=()
  [[ $(id -u) -eq 0 ]] && as_owner=(runuser -u "$owner" --)
  "${as_owner[@]}" "$pg_bin/pg_ctl" restart -D "$dir/data" -m fast -w -t 60 -l "$dir/server.log" \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c max_connections=200" >/dev/null
  local settings
  settings=$(psql -X -At "$pg_url" -c "SELECT current_setting('fsync') || current_setting('synchronous_commit') || current_setting('full_page_writes')")
  [[ $settings == onon*on ]] || die "PostgreSQL durability settings are '$settings', not on/on/on"
}

# ---------------------------------------------------------------------------------------------------
# (a) pgbench, on a fresh table each run
run_pgbench() {  # run_pgbench RUN (1 before Recall's runs, 2 between its backends, 3 after)
  local run=$1
  step "(a) pgbench, run $run: single-row INSERTs, autocommit, 32 clients, ${seconds}s"
  psql -X -q -v ON_ERROR_STOP=1 "$pg_url" -c "DROP TABLE IF EXISTS bench_sign" \
    -c "CREATE TABLE bench_sign (id bigserial, petition_id int, email text, UNIQUE (petition_id, email))"
  # One new row a transaction: the client id and a per-client counter make every email unique.
  cat >"$work/insert.sql" <<'SQL'
\set n :n + 1
INSERT INTO bench_sign (petition_id, email) VALUES (1, 's-' || :client_id || '-' || :n || '@example.org');
SQL
  pgbench -n -c 32 -j 2 -T "$seconds" -D n=0 -f "$work/insert.sql" "$pg_url" >"$work/pgbench.out" 2>&1 \
    || { cat "$work/pgbench.out" >&2; die "pgbench failed (output above)"; }
  local tps
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)$/\1/p' "$work/pgbench.out")
  [[ -n $tps ]] || { cat "$work/pgbench.out" >&2; die "no tps line in pgbench's output"; }
  grep -q "number of failed transactions: 0 " "$work/pgbench.out" || { cat "$work/pgbench.out" >&2; die "pgbench had failed transactions"; }
  record "pgbench_insert_tps_$run" "$tps"
  echo "pgbench_insert_tps (run $run)=$tps" >&2
}

# ---------------------------------------------------------------------------------------------------
# (b) nginx static 200
run_nginx() {  # run_nginx RUN (1 before Recall's runs, 2 between its backends, 3 after)
  local run=$1
  step "(b) nginx, run $run: a static 200, wrk -t2 -c$connections, $((seconds / 2))s"
  local port dir=$work/nginx
  port=$(free_port)
  mkdir -p "$dir/logs"
  cat >"$dir/nginx.conf" <<NGINX
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  server {
    listen 127.0.0.1:$port;
    location / { return 200 "ok\n"; }
  }
}
NGINX
  nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/logs/error.log" >"$dir/logs/stdout.log" 2>&1 &
  local nginx_pid=$!
  pids+=("$nginx_pid")
  wait_for_http "http://127.0.0.1:$port/" "$nginx_pid" "$dir/logs/error.log"
  wrk -t2 -c"$connections" -d"$((seconds / 2))s" --latency -s "$here/bench/wrk/static.lua" "http://127.0.0.1:$port/" \
    >"$work/nginx.wrk" 2>&1 || { cat "$work/nginx.wrk" >&2; die "wrk against nginx failed"; }
  stop_pid "$nginx_pid"
  local result
  result=$(wrk_result "$work/nginx.wrk")
  record "nginx_static_per_s_$run" "$(field per_s "$result")"
  record "p99_nginx_ms_$run" "$(field p99_ms "$result")"
  echo "nginx: $result" >&2
}

# ---------------------------------------------------------------------------------------------------
# (c), (d): Recall
postcodes_file="$work/postcodes.txt"
# Real postcodes, one per constituency, from the reference data: every signature gets a constituency.
sed -n 's/^[EWSN][0-9]\{8\}: *\([A-Z0-9]*\) *$/\1/p' "$here/data/example-postcodes.yml" | sort -u >"$postcodes_file"
[[ -s $postcodes_file ]] || die "no postcodes found in data/example-postcodes.yml"

recall_pid=""
recall_port=""
start_recall() {  # start_recall DB LOG [serve options...]
  local db=$1 log=$2
  shift 2
  # Port 0, read back from the log: a port found free beforehand can be taken (by one of the many
  # loopback connections the loads open) before the server binds it.
  RECALL_HOME="$here" "$recall_bin" --db "$db" serve --port 0 "$@" >"$log" 2>&1 &
  recall_pid=$!
  pids+=("$recall_pid")
  recall_port=""
  for _ in $(seq 1 1200); do
    kill -0 "$recall_pid" 2>/dev/null || { tail -n 30 "$log" >&2; die "recall serve exited at start (log above)"; }
    recall_port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$log" | head -n 1)
    [[ -n $recall_port ]] && break
    sleep 0.1
  done
  [[ -n $recall_port ]] || { tail -n 30 "$log" >&2; die "recall serve did not say where it listens within 120 s"; }
  wait_for_http "http://127.0.0.1:$recall_port/" "$recall_pid" "$log"
}
stop_recall() {
  stop_pid "$recall_pid"
  recall_pid=""
}

# An open petition to sign, made with the CLI: created, then published without sponsors (--force).
open_petition() {  # open_petition DB -> prints the id
  local db=$1 created id
  created=$(RECALL_HOME="$here" "$recall_bin" --db "$db" public-petition create \
    --action "Call a by-election in the surge benchmark" \
    --background "A petition made by scripts/bench-surge.sh to measure signing under load." \
    --creator-name "Bench Creator" --creator-email "creator@example.org" --creator-postcode "SW1A 1AA" --creator-uk-resident --json 2>"$work/create.err") \
    || { cat "$work/create.err" >&2; die "recall public-petition create failed"; }
  id=$(printf '%s' "$created" | "$python" -c 'import json, sys; print(json.load(sys.stdin)["id"])') \
    || die "cannot read the petition id from: $created"
  RECALL_HOME="$here" "$recall_bin" --db "$db" public-petition publish "$id" --force >/dev/null 2>"$work/publish.err" \
    || { cat "$work/publish.err" >&2; die "recall public-petition publish $id --force failed"; }
  echo "$id"
}

# count.json reads with signing beside them: reads_beside LABEL KIND SIGN_URL COUNT_URL SCRIPT [RATE]
# records count_reads_per_s_KIND_LABEL and the signing rate meanwhile (KIND: paced or full).
reads_beside() {
  local label=$1 kind=$2 sign_url=$3 count_url=$4 script=$5 rate=${6:-}
  local pace="as fast as answered"
  [[ -n $rate ]] && pace="at $rate a second"
  step "(d) Recall with $label: count.json reads (wrk -t2 -c$connections) while signing runs $pace (wrk -t1 -c$connections), ${seconds}s"
  # The reads use the client that measured nginx in (b), two threads, so the ratio compares servers.
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$here/bench/wrk/static.lua" "$count_url" \
    >"$work/count-$kind-$label.wrk" 2>&1 &
  local count_wrk=$!
  pids+=("$count_wrk")
  wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$here/bench/wrk/$script" "$sign_url" -- "$postcodes_file" "beside-$kind-$label" ${rate:+"$rate"} \
    >"$work/sign-beside-$kind-$label.wrk" 2>&1 || { cat "$work/sign-beside-$kind-$label.wrk" >&2; die "wrk signing beside reads with $label failed"; }
  wait "$count_wrk" || { cat "$work/count-$kind-$label.wrk" >&2; die "wrk reading count.json with $label failed"; }
  forget_pid "$count_wrk"
  local beside count
  beside=$(wrk_result "$work/sign-beside-$kind-$label.wrk")
  count=$(wrk_result "$work/count-$kind-$label.wrk")
  echo "count.json beside signing $pace ($label): $count" >&2
  echo "signing $pace beside the reads ($label): $beside" >&2
  (( $(field ok "$count") > 0 )) || die "no count.json read succeeded with $label"
  (( $(field ok "$beside") > 0 )) || die "no signature was acknowledged beside the reads with $label"
  record "count_reads_per_s_${kind}_$label" "$(field per_s "$count")"
  record "p99_count_ms_${kind}_$label" "$(field p99_ms "$count")"
  record "sign_beside_reads_per_s_${kind}_$label" "$(field per_s "$beside")"
  record "p99_sign_beside_reads_ms_${kind}_$label" "$(field p99_ms "$beside")"
}

# Signing alone, then signing with count reads beside it, then confirmations, for one backend.
run_recall() {  # run_recall LABEL DB
  local label=$1 db=$2 id base
  id=$(open_petition "$db")
  start_recall "$db" "$work/recall-$label.log"
  base="http://127.0.0.1:$recall_port"
  local sign_url="$base/api/public/petitions/$id/signatures" count_url="$base/public/petitions/$id/count.json"
  local status
  status=$(curl -s -o "$work/first-sign.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"name":"First Signer","email":"first@example.org","postcode":"SW1A 1AA","uk_resident":true}' "$sign_url")
  [[ $status == 202 ]] || { cat "$work/first-sign.json" >&2; die "POST $sign_url answered $status, not 202"; }
  status=$(curl -s -o /dev/null -w '%{http_code}' "$count_url")
  [[ $status == 200 ]] || die "GET $count_url answered $status, not 200"

  if (( warmup > 0 )); then
    wrk -t1 -c"$connections" -d"${warmup}s" -s "$here/bench/wrk/sign.lua" "$sign_url" -- "$postcodes_file" "warm-$label" \
      >"$work/warmup-$label.wrk" 2>&1 || { cat "$work/warmup-$label.wrk" >&2; die "the warm-up wrk failed"; }
  fi

  # (c) signing on its own: the throughput and p99 the targets are about.
  step "(c) Recall with $label: signing, wrk -t1 -c$connections, ${seconds}s"
  wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$here/bench/wrk/sign.lua" "$sign_url" -- "$postcodes_file" "run-$label" \
    >"$work/sign-$label.wrk" 2>&1 || { cat "$work/sign-$label.wrk" >&2; die "wrk signing with $label failed"; }
  local sign
  sign=$(wrk_result "$work/sign-$label.wrk")
  echo "sign ($label): $sign" >&2
  (( $(field ok "$sign") > 0 )) || die "no signature was acknowledged (202) with $label: see $work/recall-$label.log"
  record "sign_per_s_$label" "$(field per_s "$sign")"
  record "p99_sign_ms_$label" "$(field p99_ms "$sign")"
  record "sign_not_ok_$label" "$(field not_ok "$sign")"

  # (d) count.json reads while signing runs, on the same two cores, each load with its own wrk: first
  # with signing at the set rate (the figure the target is about), then with signing as fast as it is
  # answered, which leaves the reads what is left of the cores (for the record).
  reads_beside "$label" paced "$sign_url" "$count_url" sign_paced.lua "$beside_rate"
  reads_beside "$label" full "$sign_url" "$count_url" sign.lua
  stop_recall

  # Confirmation emails: every one was queued with its signature; now a server with an SMTP sink
  # writes them into the outbox and delivers them until there are enough tokens. Delivery is not timed, and is
  # stopped before the confirmations are, so it takes no CPU from them.
  step "(c) Recall with $label: delivering confirmation emails to an SMTP sink until $confirms tokens"
  local smtp_port smtp_pid="" tokens=$work/tokens-$label.txt attempt
  : >"$tokens"
  # Up to five ports, in case another process binds the one chosen before the sink does.
  for attempt in 1 2 3 4 5; do
    smtp_port=$(free_port)
    PYTHONPATH="$here/bench/surge" "$python" -m aiosmtpd -n -l "127.0.0.1:$smtp_port" \
      -c confirm_link_sink.ConfirmLinkSink "$tokens" >"$work/smtp-$label.log" 2>&1 &
    smtp_pid=$!
    pids+=("$smtp_pid")
    for _ in $(seq 1 100); do
      (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break
      kill -0 "$smtp_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$smtp_pid" 2>/dev/null && break
    forget_pid "$smtp_pid"
    echo "the SMTP sink could not listen on port $smtp_port (attempt $attempt); trying another" >&2
    smtp_pid=""
  done
  [[ -n $smtp_pid ]] || { cat "$work/smtp-$label.log" >&2; die "the SMTP sink did not start"; }
  start_recall "$db" "$work/recall-$label-mail.log" --smtp-url "smtp://127.0.0.1:$smtp_port" --mail-from bench@example.org
  local waited=0 have=0 last=0 still=0
  while :; do
    have=$(wc -l <"$tokens")
    (( have >= confirms )) && break
    if (( have == last )); then still=$((still + 1)); else still=0; last=$have; fi
    (( still >= 30 )) && break  # 30 s without a new email: the outbox has nothing more
    sleep 1
    waited=$((waited + 1))
  done
  stop_recall
  stop_pid "$smtp_pid"
  have=$(wc -l <"$tokens")
  (( have > 0 )) || { tail -n 20 "$work/recall-$label-mail.log" "$work/smtp-$label.log" >&2; die "no confirmation link arrived by email with $label"; }
  echo "$have tokens from $(cat "$tokens.messages" 2>/dev/null || echo 0) emails in ${waited}s" >&2
  head -n "$confirms" "$tokens" >"$tokens.used"
  have=$(wc -l <"$tokens.used")

  step "(c) Recall with $label: $have confirmations, wrk -t1 -c$connections"
  start_recall "$db" "$work/recall-$label-confirm.log"
  base="http://127.0.0.1:$recall_port"
  # wrk runs for its whole -d: the script notes in a file when its last answer is in (it times the run
  # itself), and SIGINT then ends wrk early, which still reports.
  local finished=$work/confirm-$label.finished
  : >"$finished"
  wrk -t1 -c"$connections" -d600s --latency -s "$here/bench/wrk/confirm.lua" "$base" -- "$tokens.used" 1 "$finished" \
    >"$work/confirm-$label.wrk" 2>&1 &
  local confirm_wrk=$!
  pids+=("$confirm_wrk")
  while [[ ! -s $finished ]] && kill -0 "$confirm_wrk" 2>/dev/null; do sleep 0.2; done
  kill -INT "$confirm_wrk" 2>/dev/null || true
  wait "$confirm_wrk" || { cat "$work/confirm-$label.wrk" >&2; die "wrk confirming with $label failed"; }
  forget_pid "$confirm_wrk"
  local confirm
  confirm=$(wrk_result "$work/confirm-$label.wrk")
  echo "confirm ($label): $confirm" >&2
  (( $(field ok "$confirm") > 0 )) || die "no confirmation succeeded (200) with $label: see $work/recall-$label-confirm.log"
  record "confirm_per_s_$label" "$(field per_s "$confirm")"
  record "p99_confirm_ms_$label" "$(field p99_ms "$confirm")"
  record "confirm_not_ok_$label" "$(field not_ok "$confirm")"
  stop_recall
}

# ---------------------------------------------------------------------------------------------------
run_memory() {
  step "(e) memory per signature at $memory_signatures signatures"
  [[ -x $memory_bin ]] || die "$memory_bin is missing: run without BENCH_SKIP_BUILD"
  "$memory_bin" --signatures "$memory_signatures" --data "$here/data" >"$work/memory.out" 2>&1 \
    || { cat "$work/memory.out" >&2; die "public_memory_bench failed"; }
  head -n -1 "$work/memory.out" >&2
  local json
  json=$(tail -n 1 "$work/memory.out")
  record bytes_per_signature "$(printf '%s' "$json" | "$python" -c 'import json, sys; print(json.load(sys.stdin)["bytes_per_signature"])')"
  record peak_bytes_per_signature "$(printf '%s' "$json" | "$python" -c 'import json, sys; print(json.load(sys.stdin)["peak_rss_bytes_per_signature"])')"
}

# ---------------------------------------------------------------------------------------------------
if wants pgbench || wants postgres; then start_postgres; fi
# The baselines before Recall's runs, between its two backends and after them, so that a machine
# whose speed drifts during the run (this one moves by a fifth from minute to minute) is compared
# with its middle, not with one moment, and one outlying measurement (nginx once gave 315,000 /s
# against 180,000-255,000 for every other) does not move the ratio by a third.
wants pgbench && run_pgbench 1
wants nginx && run_nginx 1
wants sqlite && run_recall sqlite "$work/recall-bench.sqlite"
if wants sqlite && wants postgres; then
  wants pgbench && run_pgbench 2
  wants nginx && run_nginx 2
fi
if wants postgres; then
  pg_admin -c "CREATE DATABASE recall_bench OWNER recall_test"
  run_recall postgres "${pg_url%/*}/recall_bench"
fi
if wants sqlite || wants postgres; then
  wants pgbench && run_pgbench 3
  wants nginx && run_nginx 3
fi
wants memory && run_memory

# ---------------------------------------------------------------------------------------------------
# The figures, the ratios against the targets, and the JSON line (last).
"$python" - "$results" "$(nproc)" "$beside_rate" <<'PY'
import json
import sys

figures = {}
with open(sys.argv[1]) as lines:
    for line in lines:
        key, _, value = line.strip().partition("=")
        figures[key] = float(value)
cores = int(sys.argv[2])
beside_rate = float(sys.argv[3])

# Each baseline is the median of its runs: before, between and after Recall's backends (the mean of
# two when only one backend ran, the one run when Recall was not run).
for baseline in ("pgbench_insert_tps", "nginx_static_per_s", "p99_nginx_ms"):
    runs = sorted(figures[f"{baseline}_{run}"] for run in (1, 2, 3) if f"{baseline}_{run}" in figures)
    if runs:
        middle = len(runs) // 2
        figures[baseline] = runs[middle] if len(runs) % 2 else (runs[middle - 1] + runs[middle]) / 2

def pick(*keys, worst=min):
    values = [figures[k] for k in keys if k in figures]
    return worst(values) if values else None

out = {
    "sign_per_s_sqlite": figures.get("sign_per_s_sqlite"),
    "sign_per_s_postgres": figures.get("sign_per_s_postgres"),
    "pgbench_insert_tps": figures.get("pgbench_insert_tps"),
    "pgbench_insert_tps_before": figures.get("pgbench_insert_tps_1"),
    "pgbench_insert_tps_between": figures.get("pgbench_insert_tps_2"),
    "pgbench_insert_tps_after": figures.get("pgbench_insert_tps_3"),
    # The worse of the two backends' runs: count reads ran beside each, with signing at the set rate.
    "count_reads_per_s": pick("count_reads_per_s_paced_sqlite", "count_reads_per_s_paced_postgres"),
    "nginx_static_per_s": figures.get("nginx_static_per_s"),
    "nginx_static_per_s_before": figures.get("nginx_static_per_s_1"),
    "nginx_static_per_s_between": figures.get("nginx_static_per_s_2"),
    "nginx_static_per_s_after": figures.get("nginx_static_per_s_3"),
    "p99_sign_ms": pick("p99_sign_ms_sqlite", "p99_sign_ms_postgres", worst=max),
    "p99_sign_ms_sqlite": figures.get("p99_sign_ms_sqlite"),
    "p99_sign_ms_postgres": figures.get("p99_sign_ms_postgres"),
    "confirm_per_s": pick("confirm_per_s_sqlite", "confirm_per_s_postgres"),
    "confirm_per_s_sqlite": figures.get("confirm_per_s_sqlite"),
    "confirm_per_s_postgres": figures.get("confirm_per_s_postgres"),
    "p99_confirm_ms": pick("p99_confirm_ms_sqlite", "p99_confirm_ms_postgres", worst=max),
    "count_reads_per_s_sqlite": figures.get("count_reads_per_s_paced_sqlite"),
    "count_reads_per_s_postgres": figures.get("count_reads_per_s_paced_postgres"),
    "p99_count_ms": pick("p99_count_ms_paced_sqlite", "p99_count_ms_paced_postgres", worst=max),
    # The signing rate set for (d), and what each backend kept up meanwhile.
    "sign_rate_beside_reads": beside_rate,
    "sign_beside_reads_per_s_sqlite": figures.get("sign_beside_reads_per_s_paced_sqlite"),
    "sign_beside_reads_per_s_postgres": figures.get("sign_beside_reads_per_s_paced_postgres"),
    "p99_sign_beside_reads_ms": pick("p99_sign_beside_reads_ms_paced_sqlite", "p99_sign_beside_reads_ms_paced_postgres", worst=max),
    # For the record, not a target: the same reads beside signing as fast as it is answered.
    "count_reads_beside_full_signing_per_s_sqlite": figures.get("count_reads_per_s_full_sqlite"),
    "count_reads_beside_full_signing_per_s_postgres": figures.get("count_reads_per_s_full_postgres"),
    "sign_full_beside_reads_per_s_sqlite": figures.get("sign_beside_reads_per_s_full_sqlite"),
    "sign_full_beside_reads_per_s_postgres": figures.get("sign_beside_reads_per_s_full_postgres"),
    "bytes_per_signature": figures.get("bytes_per_signature"),
    "peak_bytes_per_signature": figures.get("peak_bytes_per_signature"),
    "cores": cores,
}

def ratio(numerator, denominator):
    a, b = out.get(numerator), out.get(denominator)
    return round(a / b, 2) if a is not None and b else None

out["ratio_sign_sqlite_to_pgbench"] = ratio("sign_per_s_sqlite", "pgbench_insert_tps")
out["ratio_sign_postgres_to_pgbench"] = ratio("sign_per_s_postgres", "pgbench_insert_tps")
out["ratio_count_reads_to_nginx"] = ratio("count_reads_per_s", "nginx_static_per_s")

# The reads only count as "while signing runs" if signing kept (nearly) to its set rate.
behind = [backend for backend in ("sqlite", "postgres")
          if out[f"sign_beside_reads_per_s_{backend}"] is not None
          and out[f"sign_beside_reads_per_s_{backend}"] < 0.95 * beside_rate]
COUNT_TARGET = "count.json reads / nginx static 200"
targets = [
    ("SQLite signing / pgbench inserts", out["ratio_sign_sqlite_to_pgbench"], ">=", 2.0, "x"),
    ("PostgreSQL signing / pgbench inserts", out["ratio_sign_postgres_to_pgbench"], ">=", 1.0, "x"),
    (COUNT_TARGET, out["ratio_count_reads_to_nginx"], ">=", 0.5, "x"),
    ("p99 signing latency", out["p99_sign_ms"], "<=", 50.0, " ms"),
    ("bytes per signature at 10M", out["bytes_per_signature"], "<=", 100.0, " B"),
]

def show(value, unit=""):
    return "-" if value is None else f"{value:,.1f}{unit}"

print()
print(f"Surge benchmark ({cores} cores)")
for label, key, unit in [
    ("(a) pgbench single-row INSERTs (median)", "pgbench_insert_tps", " tps"),
    ("    before / between / after Recall's backends", ("pgbench_insert_tps_before", "pgbench_insert_tps_between", "pgbench_insert_tps_after"), " tps"),
    ("(b) nginx static 200 (median)", "nginx_static_per_s", " /s"),
    ("    before / between / after Recall's backends", ("nginx_static_per_s_before", "nginx_static_per_s_between", "nginx_static_per_s_after"), " /s"),
    ("(c) signing, SQLite", "sign_per_s_sqlite", " /s"),
    ("    p99", "p99_sign_ms_sqlite", " ms"),
    ("(c) signing, PostgreSQL", "sign_per_s_postgres", " /s"),
    ("    p99", "p99_sign_ms_postgres", " ms"),
    ("(c) confirming, SQLite", "confirm_per_s_sqlite", " /s"),
    ("(c) confirming, PostgreSQL", "confirm_per_s_postgres", " /s"),
    ("    p99 (worse backend)", "p99_confirm_ms", " ms"),
    ("(d) signing rate set beside the reads", "sign_rate_beside_reads", " /s"),
    ("(d) count.json beside SQLite signing", "count_reads_per_s_sqlite", " /s"),
    ("    SQLite signing meanwhile", "sign_beside_reads_per_s_sqlite", " /s"),
    ("(d) count.json beside PostgreSQL signing", "count_reads_per_s_postgres", " /s"),
    ("    PostgreSQL signing meanwhile", "sign_beside_reads_per_s_postgres", " /s"),
    ("    p99 count.json (worse backend)", "p99_count_ms", " ms"),
    ("    p99 signing meanwhile (worse backend)", "p99_sign_beside_reads_ms", " ms"),
    ("    count.json beside full-speed SQLite signing", "count_reads_beside_full_signing_per_s_sqlite", " /s"),
    ("    count.json beside full-speed PostgreSQL signing", "count_reads_beside_full_signing_per_s_postgres", " /s"),
    ("(e) bytes per signature at 10M", "bytes_per_signature", " B"),
    ("    peak while the set doubles", "peak_bytes_per_signature", " B"),
]:
    if isinstance(key, tuple):  # the runs of one figure
        shown = " / ".join("-" if out[k] is None else f"{out[k]:,.0f}" for k in key) + unit
    else:
        shown = show(out[key], unit)
    print(f"  {label:<48} {shown:>16}")
print("Targets")
for label, value, op, bound, unit in targets:
    if value is None:
        verdict = "NOT RUN"
    else:
        met = value >= bound if op == ">=" else value <= bound
        verdict = "met" if met else "MISSED"
        if label == COUNT_TARGET and behind:
            verdict = f"MISSED (signing fell behind its set rate: {', '.join(behind)})"
    shown = "-" if value is None else (f"{value:.2f}{unit}" if unit == "x" else f"{value:.1f}{unit}")
    print(f"  {label:<48} {shown:>16}  (target {op} {bound:g}{unit.strip()})  {verdict}")
print(json.dumps(out))
PY
