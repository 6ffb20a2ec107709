#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the storage contract tests.
#
#   scripts/pg-test-cluster.sh start   # prints the connection URL (starts one if none is running)
#   scripts/pg-test-cluster.sh url     # prints the URL of the running cluster
#   scripts/pg-test-cluster.sh stop    # stops it and removes its directory
#
#   export RECALL_TEST_POSTGRES_URL=$(scripts/pg-test-cluster.sh start)
#
# The cluster lives in a fresh temporary directory, listens only on 127.0.0.1 on a free port, and
# has a database and a password-authenticated user for the tests. Run as root (as CI does), the
# server runs as the `postgres` system user (created if missing), because PostgreSQL refuses to run
# as root. Every subcommand is idempotent. Environment:
#   RECALL_PG_BIN         PostgreSQL binaries   (default /usr/lib/postgresql/15/bin)
#   RECALL_PG_TEST_STATE  the state file        (default ${TMPDIR:-/tmp}/recall-pg-test-cluster-<uid>.state)
set -euo pipefail

PG_BIN=${RECALL_PG_BIN:-/usr/lib/postgresql/15/bin}
STATE=${RECALL_PG_TEST_STATE:-${TMPDIR:-/tmp}/recall-pg-test-cluster-$(id -u).state}
TEST_USER=recall_test
TEST_DB=recall_test

die() { echo "pg-test-cluster: $*" >&2; exit 1; }

# Runs a PostgreSQL program as the cluster's owner.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u "$OWNER" -- "$@"
  else
    "$@"
  fi
}

choose_owner() {
  if [[ $(id -u) -ne 0 ]]; then
    OWNER=$(id -un)
  else
    OWNER=postgres
    if ! id "$OWNER" >/dev/null 2>&1; then
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$OWNER"
    fi
  fi
}

# Reads dir, port, url and owner from the state file into DIR, PORT, URL, OWNER.
read_state() {
  [[ -f $STATE ]] || return 1
  DIR=$(sed -n 's/^dir=//p' "$STATE")
  PORT=$(sed -n 's/^port=//p' "$STATE")
  URL=$(sed -n 's/^url=//p' "$STATE")
  OWNER=$(sed -n 's/^owner=//p' "$STATE")
  [[ -n $DIR && -n $PORT && -n $URL && -n $OWNER ]]
}

is_running() {
  [[ -d $DIR/data ]] && as_owner "$PG_BIN/pg_ctl" status -D "$DIR/data" >/dev/null 2>&1
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_cluster() {
  if read_state; then
    if is_running; then
      as_owner "$PG_BIN/pg_ctl" stop -D "$DIR/data" -m fast -w >/dev/null
    fi
    case $DIR in
      */recall-pg-test.*) rm -rf -- "$DIR" ;;
      *) die "refusing to remove unexpected directory '$DIR' named in $STATE" ;;
    esac
  fi
  rm -f -- "$STATE"
}

start_cluster() {
  [[ -x $PG_BIN/initdb && -x $PG_BIN/pg_ctl && -x $PG_BIN/postgres ]] \
    || die "PostgreSQL 15 binaries not found in $PG_BIN (apt-get install postgresql-15)"

  if read_state; then
    if is_running; then
      echo "$URL"
      return 0
    fi
    # Left over from a crash or reboot: start afresh.
    stop_cluster
  fi

  choose_owner
  DIR=$(mktemp -d "${TMPDIR:-/tmp}/recall-pg-test.XXXXXX")
  chmod 0755 "$DIR"
  [[ $(id -u) -eq 0 ]] && chown "$OWNER" "$DIR"
  local password
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')

  local pwfile=$DIR/superuser.pw
  as_owner sh -c "umask 077; printf '%s\n' '$password' > '$pwfile'"
  as_owner "$PG_BIN/initdb" -D "$DIR/data" --username=postgres --pwfile="$pwfile" --auth-local=trust \
    --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; rm -rf -- "$DIR"; die "initdb failed"; }
  rm -f -- "$pwfile"

  # The test user and database, created in single-user mode so no client is needed.
  as_owner "$PG_BIN/postgres" --single -D "$DIR/data" postgres >"$DIR/setup.log" 2>&1 <<SQL \
    || { cat "$DIR/setup.log" >&2; rm -rf -- "$DIR"; die "creating the test user failed"; }
CREATE ROLE $TEST_USER LOGIN PASSWORD '$password'
CREATE DATABASE $TEST_DB OWNER $TEST_USER
SQL

  # A free port: probe, then let the server's own bind decide (another process may take it first).
  local attempt port started=0
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 20000))
    port_in_use "$port" && continue
    # Durability off: the cluster is thrown away, and the tests run faster without fsync.
    if as_owner "$PG_BIN/pg_ctl" start -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$DIR' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        >/dev/null 2>&1; then
      started=1
      break
    fi
  done
  if [[ $started -ne 1 ]]; then
    tail -n 20 "$DIR/server.log" >&2 || true
    rm -rf -- "$DIR"
    die "could not start PostgreSQL on a free port after $attempt attempts"
  fi

  URL="postgresql://$TEST_USER:$password@127.0.0.1:$port/$TEST_DB"
  (umask 077; printf 'dir=%s\nport=%s\nurl=%s\nowner=%s\n' "$DIR" "$port" "$URL" "$OWNER" >"$STATE")
  echo "$URL"
}

case ${1:-} in
  start) start_cluster ;;
  stop) stop_cluster ;;
  url)
    read_state || die "no test cluster is running (start one with: $0 start)"
    is_running || die "the test cluster in $DIR is not running (restart it with: $0 start)"
    echo "$URL"
    ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
