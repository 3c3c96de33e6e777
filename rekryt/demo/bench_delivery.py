"""`make bench`, delivery: how many emails per second one delivery worker
sends to a real SMTP server on loopback (scripts/smtp_sink.py, a separate
process) over one reused connection, and how fast a backlog drains.

The backlog is the receipts of the fixture's big job: real Message rows
about real applications, so each sent email also writes its timeline event
as in production. The figure is the delivery duty's own loop, end to end:
claim, build, SMTP transaction, record."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db.models import Count
from django.test.utils import override_settings
from django.utils import timezone

from rekryt.applications.models import Application
from rekryt.jobs.models import Job
from rekryt.messaging import outbox
from rekryt.messaging.duties import DeliverDueMessages
from rekryt.messaging.models import Message, MessageStatus, TemplateKind, new_message_id
from rekryt.ops.duties import run_until_idle

TARGET_PER_SECOND = 500.0


@dataclass
class DeliveryFigure:
    emails: int
    seconds: float
    received: int

    @property
    def per_second(self) -> float:
        return self.emails / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        verdict = "ok" if self.per_second >= TARGET_PER_SECOND else "UNDER"
        return (
            f"delivery: {self.emails} emails in {self.seconds:.2f} s = "
            f"{self.per_second:.0f} emails/s, {self.received} received by the server "
            f"({verdict}: ≥ {TARGET_PER_SECOND:g}/s on one connection)"
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def busiest_job() -> Job:
    """The fixture's big job: the one with the most applications."""
    return Job.objects.annotate(n=Count("applications")).order_by("-n").first()  # type: ignore[return-value]


def queue_receipts(job: Job, count: int) -> None:
    """One receipt per application, rendered once and copied (bulk insert)."""
    applications = list(
        Application.objects.filter(job=job).select_related("candidate").order_by("pk")[:count]
    )
    first = applications[0]
    template = outbox.queue(
        key=f"bench-receipt:{first.pk}",
        kind=TemplateKind.APPLICATION_RECEIVED,
        language="sv",
        to_email=first.email or "bench@example.org",
        to_name=first.first_name,
        values={"candidate_first_name": first.first_name, "job_title": job.title},
        candidate=first.candidate,
        application=first,
    )
    copies = [
        Message(
            idempotency_key=f"bench-receipt:{a.pk}",
            kind=template.kind,
            language=template.language,
            to_email=f"bench-{a.pk}@example.org",
            to_name=a.first_name,
            subject=template.subject,
            body_text=template.body_text,
            body_html=template.body_html,
            candidate_id=a.candidate_id,
            application_id=a.pk,
            send_after=template.send_after,
            give_up_at=template.give_up_at,
            message_id=new_message_id(),
        )
        for a in applications[1:]
    ]
    Message.objects.bulk_create(copies, batch_size=500)


def measure_delivery(job: Job, count: int) -> DeliveryFigure:
    queue_receipts(job, count)
    due = Message.objects.filter(
        status=MessageStatus.SCHEDULED, send_after__lte=timezone.now()
    ).count()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        received = Path(tmp) / "received.jsonl"
        script = str(settings.BASE_DIR / "scripts" / "smtp_sink.py")
        argv = [sys.executable, script, "--port", str(port), "--log", str(received)]
        sink = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)  # noqa: S603
        try:
            if sink.stdout is not None:
                sink.stdout.readline()  # "listening": the server is up
            with override_settings(EMAIL_URL=f"smtp://127.0.0.1:{port}"):
                duty = DeliverDueMessages()
                started_at = timezone.now()
                started = time.perf_counter()
                done = run_until_idle([duty])
                seconds = time.perf_counter() - started
        finally:
            sink.terminate()
            sink.wait(timeout=30)
        lines = [json.loads(line) for line in received.read_text().splitlines()]
    sent = Message.objects.filter(status=MessageStatus.SENT, sent_at__gte=started_at).count()
    if done != due or sent != due:
        raise RuntimeError(f"delivery bench: {due} due, {done} handled, {sent} sent")
    return DeliveryFigure(emails=done, seconds=seconds, received=len(lines))
