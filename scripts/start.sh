#!/usr/bin/env bash
# Quick start: install what is missing, build, and serve Recall at http://localhost:8080 on the embedded
# SQLite database (recall.db), loading the reference data on first start.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/install-deps.sh"
"$here/scripts/build.sh" release recall
exec "$here/build/release/recall" serve --db "${RECALL_DB:-$here/recall.db}" --port "${RECALL_PORT:-8080}"
