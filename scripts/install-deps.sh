#!/usr/bin/env bash
# Installs what Recall needs on Debian 12 (as root): compilers, libraries, PostgreSQL, Chromium, Node.
# Safe to run again: it installs only what is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

packages=(
  build-essential cmake pkg-config ccache git clang libclang-rt-14-dev
  libboost-dev libboost-system-dev libsqlite3-dev libpq-dev postgresql-15 postgresql-client-15
  nlohmann-json3-dev libfmt-dev libspdlog-dev libsodium-dev libssl-dev libcli11-dev libyaml-cpp-dev
  libkainjow-mustache-dev libgtest-dev libgmock-dev libbenchmark-dev libcurl4-openssl-dev libgoogle-perftools-dev
  python3-aiosmtpd
  chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js may come from elsewhere than Debian (with its own npm); only install Debian's when there is none.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Front-end packages (govuk-frontend) and browser-test packages (playwright-core, axe-core), from the lock files.
for dir in web tests/browser; do
  if [ -f "$here/$dir/package.json" ]; then
    (cd "$here/$dir" && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi)
  fi
done
(cd "$here/web" && npm run --silent build)
