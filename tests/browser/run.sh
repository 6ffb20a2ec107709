#!/usr/bin/env bash
# Starts a real Recall server on a free loopback port (--port 0) with a fresh SQLite database, runs the
# browser tests against it in headless Chromium, and stops the server. Usage: run.sh PATH/TO/recall
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="$(realpath "${1:?usage: run.sh PATH/TO/recall}")"
work="$(mktemp -d)"

"$binary" serve --db "$work/recall.db" --address 127.0.0.1 --port 0 >"$work/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# The server logs "listening on http://127.0.0.1:PORT" once the port is open.
url=""
for _ in $(seq 1 300); do
  url="$(grep -o 'listening on http://[0-9.]*:[0-9]*' "$work/server.log" | head -n 1 | sed 's/^listening on //')" || true
  [ -n "$url" ] && break
  if ! kill -0 "$server" 2>/dev/null; then cat "$work/server.log"; echo "the server exited before listening"; exit 1; fi
  sleep 0.2
done
[ -n "$url" ] || { cat "$work/server.log"; echo "the server did not start listening within 60 s"; exit 1; }

cd "$here"
RECALL_URL="$url" RECALL_BINARY="$binary" node --test --test-concurrency=1 ./*.test.mjs || { tail -50 "$work/server.log"; exit 1; }
