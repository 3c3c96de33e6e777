#!/usr/bin/env bash
# The whole suite. Browser tests need Debian's Chromium at /usr/bin/chromium:
# without it they are skipped and this script says so; CI (CI=true) never skips.
set -euo pipefail
cd "$(dirname "$0")/.."
# Two or more processes (pytest-xdist): each has its own test database.
args=(-q -p no:cacheprovider -n "${TEST_WORKERS:-auto}")
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "CI: Chromium is missing at /usr/bin/chromium; browser tests must not be skipped." >&2
    exit 1
  fi
  echo "NOTE: /usr/bin/chromium not found: browser tests are skipped (apt-get install chromium)."
fi
if [ -n "${DATABASE_URL:-}" ]; then
  echo "Running the suite against ${DATABASE_URL%%:*}"
fi
exec .venv/bin/python -m pytest "${args[@]}" "$@"
