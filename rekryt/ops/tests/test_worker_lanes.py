"""`manage.py worker` runs one process per lane and starts a lane again when
it dies; a slow document never delays a due email."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings
from django.db import connection

from rekryt.lib.duty import DELIVERY, EXTRACTION, ROUTINE, Duty
from rekryt.messaging.duties import DeliverDueMessages
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.tests.helpers import queue_message
from rekryt.messaging.tests.test_leases import database_url
from rekryt.ops.duties import load_duties
from rekryt.ops.lanes import LaneLoop


class Lines:
    """The output of a process, line by line, waited for with a timeout."""

    def __init__(self, process: subprocess.Popen[str]):
        self.queue: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        assert process.stdout is not None
        stream = process.stdout
        threading.Thread(target=lambda: [self.queue.put(x) for x in stream], daemon=True).start()

    def wait_for(self, pattern: str, timeout: float = 30) -> re.Match[str]:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                line = self.queue.get(timeout=0.2)
            except queue.Empty:
                continue
            self.seen.append(line)
            match = re.search(pattern, line)
            if match:
                return match
        raise AssertionError(f"no line matched {pattern!r}; saw {self.seen}")


def test_each_duty_is_loaded_only_in_its_own_lane(db):
    delivery = {d.name for d in load_duties([DELIVERY])}
    extraction = {d.name for d in load_duties([EXTRACTION])}
    routine = {d.name for d in load_duties([ROUTINE])}

    assert {"deliver_due_messages", "send_password_resets", "send_new_portal_links"} <= delivery
    assert extraction == {"extract_document_text", "talentpool_index_cvs", "embed_search_entries"}
    assert {"apply_retention", "send_surveys"} <= routine
    assert not (delivery & extraction or delivery & routine or extraction & routine)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded")
def test_it_starts_a_killed_lane_again_and_the_lane_delivers_afterwards(smtp):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rekryt.settings",
        "DATABASE_URL": database_url(),
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}",
        "PYTHONUNBUFFERED": "1",
    }
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--idle-sleep", "0.1"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = Lines(worker)
    try:
        pid = int(lines.wait_for(r"lane delivery started \(pid (\d+)\)").group(1))
        os.kill(pid, signal.SIGKILL)
        lines.wait_for(r"lane delivery stopped \(killed by signal 9\); starting it again in 1 s")
        lines.wait_for(r"lane delivery started again")
        message = queue_message()
        end = time.monotonic() + 30
        while not smtp.received and time.monotonic() < end:
            time.sleep(0.1)
        assert [m["Message-ID"] for m in smtp.received] == [message.message_id]
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=30)
    lines.wait_for(r"worker: stopped")
    assert worker.returncode == 0


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded")
def test_the_lanes_stop_when_the_worker_above_them_is_killed(smtp):
    env = {**os.environ, "DATABASE_URL": database_url(), "PYTHONUNBUFFERED": "1"}
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--idle-sleep", "0.1"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = Lines(worker)
    pids = [int(lines.wait_for(r"started \(pid (\d+)\)").group(1)) for _lane in range(3)]

    worker.kill()
    worker.wait(timeout=10)

    assert wait_until(lambda: not any(alive(pid) for pid in pids), timeout=20)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie until init reaps it: gone for our purposes.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


class SlowExtraction(Duty):
    """Stands in for a document that takes long to read: it is busy until
    the test lets it finish."""

    name = "slow"
    lane = EXTRACTION

    def __init__(self) -> None:
        self.started = threading.Event()
        self.finish = threading.Event()

    def handle_one(self) -> bool:
        self.started.set()
        self.finish.wait(timeout=30)
        return False


def run_lane(duties: list[Duty], stop: threading.Event) -> threading.Thread:
    def run() -> None:
        try:
            LaneLoop(duties, stop.is_set, sleep=0.05).run()
        finally:
            connection.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def wait_until(condition, timeout: float = 10) -> bool:
    end = time.monotonic() + timeout
    while not condition() and time.monotonic() < end:
        time.sleep(0.02)
    return bool(condition())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded")
def test_a_slow_extraction_does_not_delay_a_due_email_in_its_own_lane(smtp):
    slow, stop = SlowExtraction(), threading.Event()
    lanes = [run_lane([slow], stop), run_lane([DeliverDueMessages()], stop)]
    try:
        assert slow.started.wait(timeout=10)
        message = queue_message()

        # Delivered while the document is still being read.
        assert wait_until(lambda: bool(smtp.received))
        assert not slow.finish.is_set()
    finally:
        slow.finish.set()
        stop.set()
        for lane in lanes:
            lane.join(timeout=10)

    assert [m["Message-ID"] for m in smtp.received] == [message.message_id]
    assert Message.objects.get().status == MessageStatus.SENT


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded")
def test_in_one_shared_loop_the_same_email_would_wait_for_the_document(smtp):
    # The counter-proof: why the lanes are separate processes.
    slow, stop = SlowExtraction(), threading.Event()
    lane = run_lane([slow, DeliverDueMessages()], stop)
    try:
        assert slow.started.wait(timeout=10)
        queue_message()

        assert not wait_until(lambda: bool(smtp.received), timeout=1)
        slow.finish.set()
        assert wait_until(lambda: bool(smtp.received))
    finally:
        slow.finish.set()
        stop.set()
        lane.join(timeout=10)
