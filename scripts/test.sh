#!/usr/bin/env bash
# `npm test`: every test of the studio, from a fresh clone: the typecheck and the linter,
# unit and integration tests (vitest, against real PostgreSQL and the Venice simulator over
# HTTP), then browser tests (Playwright in Debian's Chromium against the built studio in demo mode).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

node scripts/ensure-deps.mjs

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

echo "== typecheck"
npx --no-install tsc --noEmit

echo "== lint"
npm run --silent lint

echo "== unit and integration tests"
npx --no-install vitest run

echo "== browser tests"
npx --no-install playwright test
