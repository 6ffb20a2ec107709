#!/usr/bin/env bash
# Configures and builds one CMake preset (default: release).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
preset="${1:-release}"
cd "$here"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
