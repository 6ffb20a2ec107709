#!/usr/bin/env bash
# Configures and builds one CMake preset (default: release), optionally only some targets:
#   scripts/build.sh release recall
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
preset="${1:-release}"
shift || true
cd "$here"
cmake --preset "$preset" >/dev/null
if [ $# -gt 0 ]; then
  cmake --build --preset "$preset" --target "$@"
else
  cmake --build --preset "$preset"
fi
