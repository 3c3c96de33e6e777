"""Two machines' worth of Rekryt: two web processes and two workers, each
with its own DATA_DIR (nothing shared through a disk), against one
PostgreSQL database, one Redis cache and one S3-compatible object store
(moto's standalone server, started here). Applications sent through both
web processes are each stored once with their CV in the object store and
read there by a worker's text extraction, each receipt is sent once, and
the per-address apply limit holds across both.

Runs with the PostgreSQL suite (`make test-postgres`); skipped, saying
which, where PostgreSQL, Redis or moto's server is missing."""

from __future__ import annotations

import http.client
import importlib.util
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PY = sys.executable
BUCKET = "rekryt-files"
MACHINES = 2
APPLICATIONS = 12
LIMIT = 3  # APPLY_RATE_LIMIT of both machines: applications per address per hour


def _loadtest() -> Any:
    """scripts/loadtest.py's applicant (the form read, then sent with a CV)."""
    if "rekryt_loadtest" in sys.modules:
        return sys.modules["rekryt_loadtest"]
    path = ROOT / "scripts" / "loadtest.py"
    spec = importlib.util.spec_from_file_location("rekryt_loadtest", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["rekryt_loadtest"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _postgres() -> dict[str, Any]:
    db = settings.DATABASES["default"]
    if "postgresql" not in db["ENGINE"]:
        pytest.skip("scale-out runs with the PostgreSQL suite (make test-postgres)")
    return db


def _redis_url() -> str:
    redis = pytest.importorskip("redis")
    url = os.environ.get("SCALE_OUT_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.skip(f"scale-out needs Redis at {url}: {exc}")
    return url


@pytest.fixture
def database() -> Iterator[str]:
    import psycopg

    db = _postgres()
    name = f"rekryt_scale_{secrets.token_hex(4)}"
    params = {"host": db["HOST"] or "127.0.0.1", "port": db["PORT"] or 5432, "user": db["USER"]}
    admin = psycopg.connect(dbname="postgres", autocommit=True, password=db["PASSWORD"], **params)
    admin.execute(f'CREATE DATABASE "{name}"')
    auth = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    yield f"postgres://{params['user']}{auth}@{params['host']}:{params['port']}/{name}"
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture
def object_store() -> Iterator[Any]:
    server_module = pytest.importorskip("moto.server", reason="scale-out needs moto[server]")
    import boto3

    port = _loadtest().free_port()
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    s3 = boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{port}",
        aws_access_key_id="scale",
        aws_secret_access_key="scale-secret",
        region_name="eu-north-1",
    )
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-north-1"})
    s3.endpoint = f"http://127.0.0.1:{port}"
    yield s3
    server.stop()


def _run(env: dict[str, str], *argv: str) -> str:
    done = subprocess.run(  # noqa: S603 (our own manage.py)
        [PY, "manage.py", *argv], env=env, cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


SETUP = """
from rekryt.accounts.models import Role, User
from rekryt.jobs.actions import create_job, publish_job
user = User.objects.create_user(username="skala", role=Role.RECRUITER, first_name="Skala")
job = create_job(actor=user, title="Lagermedarbetare", city="Borås")
publish_job(job, actor=user)
print(job.slug)
"""


def _machine_env(base: dict[str, str], data_dir: Path) -> dict[str, str]:
    data_dir.mkdir(parents=True)
    return {**base, "DATA_DIR": str(data_dir)}


def _start(env: dict[str, str], argv: list[str], log: Path) -> subprocess.Popen[bytes]:
    with open(log, "w") as out:
        return subprocess.Popen(  # noqa: S603 (our own commands)
            argv, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def _post_application(lt: Any, port: int, path: str, email: str, source: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, 30, (source, 0))
    try:
        conn.request("GET", path)
        page = conn.getresponse()
        body = page.read()
        cookie = "; ".join(
            v.split(";", 1)[0] for k, v in page.getheaders() if k.lower() == "set-cookie"
        )
        fields = {m.group(1).decode(): m.group(2).decode() for m in lt.FIELD.finditer(body)}
        fields.update(
            first_name="Skala",
            last_name=email.split("@")[0],
            email=email,
            about="Jag söker via två maskiner.",
            consent="on",
            website="",
        )
        data, content_type = lt.multipart(fields, lt.CV)
        conn.request(
            "POST", path, body=data, headers={"Content-Type": content_type, "Cookie": cookie}
        )
        answer = conn.getresponse()
        answer.read()
        return answer.status
    finally:
        conn.close()


def _wait_until(check: Any, timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.5)
    raise AssertionError(f"{what} did not happen within {timeout:.0f} s")


def _rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchall()


def test_two_web_processes_and_two_workers_share_database_cache_and_files(
    tmp_path: Path, database: str, object_store: Any
) -> None:
    redis_url = _redis_url()
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    lt = _loadtest()
    smtp_port = lt.free_port()
    received = tmp_path / "received.jsonl"
    ports = [lt.free_port() for _ in range(MACHINES)]
    base = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
        "DEBUG": "false",
        "SECRET_KEY": "scale-out-" + secrets.token_hex(16),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{ports[0]}",
        "DATABASE_URL": database,
        "REDIS_URL": redis_url,
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": object_store.endpoint,
        "S3_REGION": "eu-north-1",
        "S3_ACCESS_KEY_ID": "scale",
        "S3_SECRET_ACCESS_KEY": "scale-secret",
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "APPLY_RATE_LIMIT": str(LIMIT),
        "PYTHONUNBUFFERED": "1",
    }
    machines = [_machine_env(base, tmp_path / f"machine-{n}") for n in range(MACHINES)]
    _run(machines[0], "migrate", "--noinput", "-v", "0")
    slug = _run(machines[0], "shell", "-v", "0", "-c", SETUP).strip().splitlines()[-1]
    path = f"/jobs/{slug}/apply/"
    sink = [PY, str(ROOT / "scripts" / "smtp_sink.py"), "--port", str(smtp_port)]
    processes = [_start(base, [*sink, "--log", str(received)], tmp_path / "sink.log")]
    try:
        for n, env in enumerate(machines):
            _run(env, "collectstatic", "--noinput", "-v", "0")
            web = [PY, "-m", "gunicorn", "rekryt.wsgi:application", "--workers", "2"]
            web += ["--bind", f"127.0.0.1:{ports[n]}"]
            processes.append(_start(env, web, Path(env["DATA_DIR"]) / "web.log"))
            worker = [PY, "manage.py", "worker"]
            processes.append(_start(env, worker, Path(env["DATA_DIR"]) / "worker.log"))
        for port in ports:
            lt.wait_for(port, "/healthz", timeout=120)

        emails = [f"rush-scale-{n}@example.org" for n in range(APPLICATIONS)]
        statuses = [
            _post_application(lt, ports[n % MACHINES], path, email, f"127.4.0.{n + 1}")
            for n, email in enumerate(emails)
        ]
        assert statuses == [302] * APPLICATIONS

        # Stored once each, whichever machine took the form.
        stored = _rows(
            database, "SELECT email, count(*) FROM applications_application GROUP BY email"
        )
        assert dict(stored) == dict.fromkeys(emails, 1)
        # Each CV is an object in the store, none on either machine's disk …
        objects = object_store.list_objects_v2(Bucket=BUCKET).get("Contents", [])
        assert len(objects) >= APPLICATIONS
        for env in machines:
            on_disk = list((Path(env["DATA_DIR"]) / "files").rglob("*.*"))
            assert on_disk == [], on_disk
        # … which the workers read back: the extraction lane stores the CV's text.
        _wait_until(
            lambda: (
                _rows(
                    database,
                    "SELECT count(*) FROM candidates_document WHERE text LIKE '%Truckförare%'",
                )[0][0]
                >= APPLICATIONS
            ),
            120,
            "text extraction of every CV from the object store",
        )
        # One receipt per application, from whichever worker claimed it.
        _wait_until(lambda: set(lt.read_receipts(received)) >= set(emails), 120, "every receipt")
        time.sleep(3)  # a second copy would arrive now
        assert {e: len(t) for e, t in lt.read_receipts(received).items()} == dict.fromkeys(
            emails, 1
        )

        # The per-address limit counts across both machines.
        limited = [
            _post_application(
                lt, ports[n % MACHINES], path, f"rush-limit-{n}@example.org", "127.5.0.1"
            )
            for n in range(LIMIT + 2)
        ]
        assert limited[:LIMIT] == [302] * LIMIT
        assert all(status == 429 for status in limited[LIMIT:]), limited
        # The cache both machines read is the one Redis.
        assert redis.Redis.from_url(redis_url).dbsize() > 0
    finally:
        _stop(processes)
        for env in machines:
            for log in ("web.log", "worker.log"):
                text = (Path(env["DATA_DIR"]) / log).read_text(errors="replace")
                assert "Traceback" not in text, text[-3000:]
    assert json.loads(received.read_text().splitlines()[0])["to"]
