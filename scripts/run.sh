#!/usr/bin/env bash
# `make run`: migrate, load the demo company into an empty database, then run
# gunicorn (with whitenoise) and the background worker until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DEBUG="${DEBUG:-true}"
export PORT="${PORT:-8000}"
export SITE_URL="${SITE_URL:-http://127.0.0.1:${PORT}}"
DATA_DIR="${DATA_DIR:-var}"
export DATA_DIR
mkdir -p "$DATA_DIR"
logins="$DATA_DIR/demo-logins.txt"

$PY manage.py migrate --noinput -v 0
$PY manage.py collectstatic --noinput -v 0
if [ "${DEMO:-1}" != "0" ]; then
  out=$($PY manage.py seed_demo --if-empty)
  if [ -n "$out" ]; then
    printf '%s\n' "$out" > "$logins"
    chmod 600 "$logins"
  fi
fi

# The worker runs one process per lane and starts a lane again when it dies;
# should the worker itself die, this loop starts it again and says so.
keep_worker_running() {
  local child="" status
  trap '[ -n "$child" ] && kill -TERM "$child" 2>/dev/null; wait "$child" 2>/dev/null; exit 0' TERM INT
  while true; do
    $PY manage.py worker &
    child=$!
    status=0
    wait "$child" || status=$?
    [ "$status" -eq 0 ] && exit 0
    echo "Rekryt: the worker stopped (exit status $status); starting it again in 2 s" >&2
    sleep 2
  done
}
keep_worker_running &
worker=$!
.venv/bin/gunicorn rekryt.wsgi:application \
  --bind "127.0.0.1:${PORT}" --workers "${WEB_CONCURRENCY:-4}" --threads "${WEB_THREADS:-2}" \
  --access-logfile - --logger-class rekryt.lib.gunicorn_logger.AccessLogger \
  --graceful-timeout 5 &
web=$!

stop() {
  trap - INT TERM
  echo; echo "Stopping Rekryt…"
  kill -TERM "$web" "$worker" 2>/dev/null || true
  wait "$web" "$worker" 2>/dev/null || true
  exit 0
}
trap stop INT TERM

sleep 1
echo
echo "Rekryt is running at ${SITE_URL}  (staff: ${SITE_URL}/staff/)  — Ctrl-C stops it."
if [ -f "$logins" ]; then
  echo "Demo logins (also in $logins):"
  cat "$logins"
fi
wait -n "$web" "$worker" || true
stop
