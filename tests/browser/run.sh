#!/usr/bin/env bash
# Starts a real Recall server on a free loopback port with a fresh SQLite database, runs the browser tests
# against it in headless Chromium, and stops the server. Usage: run.sh PATH/TO/recall
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="$(realpath "${1:?usage: run.sh PATH/TO/recall}")"
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"

"$binary" serve --db "$work/recall.db" --address 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

for _ in $(seq 1 150); do
  if curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$work/server.log"; echo "server exited"; exit 1; fi
  sleep 0.2
done

cd "$here"
RECALL_URL="http://127.0.0.1:$port" node --test --test-concurrency=1 ./*.test.mjs || { tail -50 "$work/server.log"; exit 1; }
