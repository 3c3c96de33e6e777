"""`make loadtest`: a hiring rush against the product as `make run` starts it.

Starts a real SMTP server on loopback (scripts/smtp_sink.py), then
scripts/run.sh with EMAIL_URL pointing at it (migrate, the demo company,
gunicorn and the worker's lanes), then N applicants at once, each
application from its own loopback address (127.x.y.z), so the per-address
limit is not what is measured. Each applicant reads the apply form, then
sends it with a CV. After the set time it waits for the backlog to drain and
checks that every accepted application got exactly one receipt.

SQLite in a fresh DATA_DIR by default; PostgreSQL with DATABASE_URL. A
benchmark, not a test: `make test` does not run it.

    python scripts/loadtest.py --users 20 --seconds 300 [--kill-delivery-at 60]
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
sys.path.insert(0, str(ROOT))
from rekryt.lib.pdfgen import text_pdf  # noqa: E402 (plain module, no Django)

CV = text_pdf(
    "Rush Applicant\nLagermedarbetare\n\nErfarenhet\nTruckförare, Göteborg, 2019–2025\n"
    "Plock och pack, 2016–2019\n\nUtbildning\nTruckkort A och B\nHeta arbeten",
    title="CV",
)
DRAIN_LIMIT = 300.0  # seconds to wait for the last receipts after the load


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@dataclass
class Results:
    lock: threading.Lock = field(default_factory=threading.Lock)
    accepted: dict[str, float] = field(default_factory=dict)  # email -> answered at
    post_ms: list[float] = field(default_factory=list)
    refused: dict[int, int] = field(default_factory=dict)  # status -> count
    errors: dict[str, int] = field(default_factory=dict)

    def count(self, table: dict, key) -> None:  # type: ignore[type-arg]
        with self.lock:
            table[key] = table.get(key, 0) + 1


class Addresses:
    """A fresh loopback address per application: 127.1.0.1, 127.1.0.2, …"""

    def __init__(self) -> None:
        self.counter = itertools.count(1)
        self.lock = threading.Lock()

    def next(self) -> str:
        with self.lock:
            n = next(self.counter)
        return f"127.{1 + n // 65025 % 254}.{n // 255 % 255}.{1 + n % 254}"


FIELD = re.compile(rb'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', re.IGNORECASE)


def multipart(fields: dict[str, str], cv: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="cv"; filename="cv.pdf"\r\n'
        f"Content-Type: application/pdf\r\n\r\n".encode()
        + cv
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@dataclass
class Target:
    port: int
    path: str
    until: float
    run_id: str


class Applicant(threading.Thread):
    def __init__(self, n: int, target: Target, results: Results, addresses: Addresses):
        super().__init__(daemon=True)
        self.n, self.results, self.addresses = n, results, addresses
        self.port, self.path = target.port, target.path
        self.until, self.run_id = target.until, target.run_id

    def run(self) -> None:
        for k in itertools.count():
            if time.monotonic() >= self.until:
                return
            try:
                self.apply_once(k)
            except Exception as exc:  # counted and reported, the run goes on
                self.results.count(self.results.errors, type(exc).__name__)
                time.sleep(0.2)

    def apply_once(self, k: int) -> None:
        source = self.addresses.next()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, 60, (source, 0))
        try:
            conn.request("GET", self.path)
            page = conn.getresponse()
            body = page.read()
            cookie = "; ".join(
                v.split(";", 1)[0] for k_, v in page.getheaders() if k_.lower() == "set-cookie"
            )
            if page.status != 200:
                self.results.count(self.results.refused, page.status)
                return
            fields = {m.group(1).decode(): m.group(2).decode() for m in FIELD.finditer(body)}
            email = f"rush-{self.run_id}-{self.n}-{k}@example.org"
            fields.update(
                {
                    "first_name": "Rush",
                    "last_name": f"Applicant {self.n}-{k}",
                    "email": email,
                    "about": "Jag söker jobbet under en rusning.",
                    "consent": "on",
                    "website": "",
                }
            )
            data, content_type = multipart(fields, CV)
            started = time.monotonic()
            conn.request(
                "POST",
                self.path,
                body=data,
                headers={
                    "Content-Type": content_type,
                    "Cookie": cookie,
                    "Referer": f"http://127.0.0.1:{self.port}{self.path}",
                },
            )
            answer = conn.getresponse()
            answer.read()
            done = time.monotonic()
            if answer.status == 302:
                with self.results.lock:
                    self.results.accepted[email] = time.time()
                    self.results.post_ms.append((done - started) * 1000)
            else:
                self.results.count(self.results.refused, answer.status)
        finally:
            conn.close()


def wait_for(url_port: int, path: str, timeout: float) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", url_port, timeout=5)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"the site did not answer {path} within {timeout:.0f} s")


def first_job_path(port: int) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/")
    page = conn.getresponse().read().decode()
    slugs = re.findall(r'href="/jobs/([a-z0-9-]+)/"', page)
    if not slugs:
        raise SystemExit("no published job on the career site")
    return f"/jobs/{slugs[0]}/apply/"


def read_receipts(log: Path) -> dict[str, list[float]]:
    arrivals: dict[str, list[float]] = {}
    if not log.exists():
        return arrivals
    for line in log.read_text().splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue  # a line being written
        for to in row["to"]:
            if to.startswith("rush-"):
                arrivals.setdefault(to, []).append(row["at"])
    return arrivals


def kill_delivery_lane() -> int:
    pattern = "manage.py worker --only delivery"
    found = subprocess.run(  # noqa: S603
        ["/usr/bin/pgrep", "-f", pattern], capture_output=True, text=True
    ).stdout.split()
    for pid in found:
        os.kill(int(pid), signal.SIGKILL)
    return len(found)


def possible_duplicates(env: dict[str, str]) -> str:
    code = (
        "from rekryt.messaging.models import Message;"
        "print(Message.objects.filter(possible_duplicate=True).count())"
    )
    out = subprocess.run(  # noqa: S603
        [PY, "manage.py", "shell", "-v", "0", "-c", code],
        env={"DEBUG": "true", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip() or out.stderr.strip()[-200:]


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument(
        "--kill-delivery-at",
        type=float,
        default=None,
        help="SIGKILL the delivery lane this many seconds in (the worker starts it again)",
    )
    return parser.parse_args()


def start_product(data_dir: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """scripts/run.sh, as `make run` starts it, in its own process group."""
    with open(data_dir / "site.log", "w") as log:
        return subprocess.Popen(  # noqa: S603 (our own script)
            [str(ROOT / "scripts" / "run.sh")],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def cpu_seconds(group: int) -> dict[str, float]:
    """CPU time used so far by each kind of process in the product's group."""
    used: dict[str, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if int(fields[2]) != group:  # the process group id
            continue
        kind = "web" if "gunicorn" in cmdline else "worker " + cmdline.split("--only ")[-1][:10]
        if "--only" not in cmdline and "gunicorn" not in cmdline:
            continue
        used[kind.strip()] = (
            used.get(kind.strip(), 0.0) + (int(fields[11]) + int(fields[12])) / tick
        )
    return used


def stop_product(site: subprocess.Popen[bytes]) -> None:
    os.killpg(site.pid, signal.SIGTERM)
    try:
        site.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(site.pid, signal.SIGKILL)


def apply_for(args: argparse.Namespace, target: Target, results: Results) -> float:
    """The applicants at work until the set time; the seconds it took."""
    addresses = Addresses()
    start = time.monotonic()
    users = [Applicant(n, target, results, addresses) for n in range(args.users)]
    for user in users:
        user.start()
    killed = args.kill_delivery_at is None
    while any(u.is_alive() for u in users):
        time.sleep(0.5)
        elapsed = time.monotonic() - start
        if not killed and elapsed >= args.kill_delivery_at:
            count = kill_delivery_lane()
            print(f"loadtest: SIGKILL to {count} delivery lane process(es) at {elapsed:.0f} s")
            killed = True
    return time.monotonic() - start


def drain(accepted: dict[str, float], received: Path) -> dict[str, list[float]]:
    """Wait until every accepted application has its receipt (or the limit)."""
    end = time.monotonic() + DRAIN_LIMIT
    while time.monotonic() < end and not set(accepted) <= set(read_receipts(received)):
        time.sleep(1)
    time.sleep(2)  # a late duplicate would arrive now
    return read_receipts(received)


def report(
    results: Results, accepted: dict[str, float], arrivals: dict[str, list[float]], seconds: float
) -> tuple[int, int]:
    delays = [min(arrivals[e]) - at for e, at in accepted.items() if e in arrivals]
    lost = sum(1 for e in accepted if e not in arrivals)
    duplicated = sum(1 for e in accepted if len(arrivals.get(e, [])) > 1)
    within = sum(1 for d in delays if d <= 60)
    posts = results.post_ms
    print()
    print(f"applications accepted  {len(accepted)} in {seconds:.0f} s")
    print(f"applications per s     {len(accepted) / seconds:.1f}")
    p50, p95, p99 = (percentile(posts, q) for q in (0.5, 0.95, 0.99))
    print(f"POST ms                p50 {p50:.0f}  p95 {p95:.0f}  p99 {p99:.0f}")
    if delays:
        d50, d99 = percentile(delays, 0.5), percentile(delays, 0.99)
        print(f"receipt delay s        p50 {d50:.1f}  p99 {d99:.1f}  max {max(delays):.1f}")
        share = 100 * within / max(1, len(accepted))
        print(f"receipts within 60 s   {within} of {len(accepted)} ({share:.1f} %)")
    print(f"lost                   {lost}")
    print(f"duplicated             {duplicated}")
    if results.refused or results.errors:
        print(f"refused by status      {results.refused}; client errors {results.errors}")
    return lost, duplicated


def main() -> int:
    args = arguments()
    data_dir = ROOT / "var" / "loadtest"
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    smtp_port, web_port = free_port(), free_port()
    received = data_dir / "received.jsonl"
    env = {
        **os.environ,
        "DATA_DIR": str(data_dir),
        "PORT": str(web_port),
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "PYTHONUNBUFFERED": "1",
    }
    sink_argv = [PY, str(ROOT / "scripts" / "smtp_sink.py"), "--port", str(smtp_port)]
    sink = subprocess.Popen([*sink_argv, "--log", str(received)])  # noqa: S603
    site = start_product(data_dir, env)
    try:
        wait_for(web_port, "/healthz", timeout=600)
        target = Target(web_port, first_job_path(web_port), 0.0, secrets.token_hex(3))
        target.until = time.monotonic() + args.seconds
        database = env.get("DATABASE_URL", f"SQLite in {data_dir}")
        print(f"loadtest: {args.users} applicants for {args.seconds:g} s, {database}", flush=True)
        results = Results()
        before = cpu_seconds(site.pid)
        own_before = time.process_time()
        seconds = apply_for(args, target, results)
        own = time.process_time() - own_before
        accepted = dict(results.accepted)
        arrivals = drain(accepted, received)
        after = cpu_seconds(site.pid)
        maybe_twice = possible_duplicates(env)
    finally:
        stop_product(site)
        sink.terminate()
        sink.wait(timeout=10)
    lost, duplicated = report(results, accepted, arrivals, seconds)
    per_application = {
        kind: 1000 * (used - before.get(kind, 0.0)) / max(1, len(accepted))
        for kind, used in sorted(after.items())
    }
    per_application["load generator"] = 1000 * own / max(1, len(accepted))
    shares = ", ".join(f"{kind} {ms:.0f}" for kind, ms in per_application.items())
    print(f"CPU ms per application {shares}")
    print(f"marked possible dupl.  {maybe_twice} (sent again after a killed worker)")
    print(f"site log               {data_dir / 'site.log'}")
    return 1 if lost or (duplicated and args.kill_delivery_at is None) else 0


if __name__ == "__main__":
    sys.exit(main())
