"""A real gunicorn process, started the way scripts/run.sh starts it, logs
neither a portal token nor a typed search, in its access log or in Django's
"Not Found" line."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

TOKEN = "Zq3x-SECRET-portal-token_0123456789abcdef"
ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def get(url: str, **headers: str) -> int:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - a local test server
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def gunicorn(transactional_db: Any, tmp_path: Path) -> Any:
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rekryt.settings",
        "DEBUG": "true",  # as `make run`: Django's own console logging is on
        "SECRET_KEY": "gunicorn-test-secret",
        "DATA_DIR": str(tmp_path),
        "DATABASE_URL": database_url(),
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "rekryt.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--access-logfile",
        "-",
        "--logger-class",
        "rekryt.lib.gunicorn_logger.AccessLogger",
    ]
    process = subprocess.Popen(  # noqa: S603 - our own command line
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            get(base + "/healthz")
            break
        except OSError:
            time.sleep(0.2)
    yield base, process
    if process.poll() is None:
        process.terminate()
        process.communicate(timeout=20)


def test_a_real_gunicorn_logs_no_token_and_no_search(gunicorn: Any) -> None:
    base, process = gunicorn
    referer = f"{base}/staff/candidates/?q=Anna+Andersson"
    assert get(f"{base}/portal/t/{TOKEN}/?utm_source=mail", Referer=referer) == 404
    get(f"{base}/staff/candidates/?q=Anna+Andersson")  # to the login page
    process.terminate()
    out, err = process.communicate(timeout=20)
    logged = out + err
    assert '"GET /portal/t/…/?utm_source=mail HTTP/1.1" 404' in logged
    assert '"GET /staff/candidates/?q=… HTTP/1.1" 302' in logged
    assert "Not Found: /portal/t/…/" in logged
    assert TOKEN not in logged
    assert "Anna" not in logged
