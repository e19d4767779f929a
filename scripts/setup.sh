#!/usr/bin/env bash
# One-command setup for a fresh machine: npm packages, plus the two system tools the tests drive
# for real (Debian's chromium for the viewer test, golang-go for `go tool pprof`, the reference reader).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v go >/dev/null 2>&1 || missing+=(golang-go)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install ${missing[*]} (Debian/Ubuntu: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi
echo "setup: done"
