"""The recruiter's workspace in `manage.py bench`: the big job's board with
two filters on, an application page whose timeline has 20 events, and a CV
page image — rendered once (timed alone) and then read from the cache."""

from __future__ import annotations

import hashlib
import time
from typing import Any

from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from rekryt.accounts.models import User
from rekryt.applications.actions import add_note, move_to_stage
from rekryt.applications.models import Application, Event, Outcome
from rekryt.candidates.models import Document, DocumentKind, TextStatus
from rekryt.jobs.models import Job, stages_for
from rekryt.lib.pdfgen import Block, build_pdf


class BenchError(Exception):
    pass


TARGETS = {
    "filtered board (2)": (50.0, 12),
    # 21 since interviews added its panel (one query, constant as rows grow).
    "application (20 events)": (30.0, 24),
    "cv page (cached)": (10.0, None),
}
TIMELINE_EVENTS = 20


def _with_history(job: Job, recruiter: User) -> Application:
    application = (
        Application.objects.filter(job=job, outcome=Outcome.ACTIVE).order_by("-created_at").first()
    )
    if application is None:
        raise BenchError("the big job has no active application")
    stages = list(stages_for(job))
    n = 0
    while Event.objects.filter(application=application).count() < TIMELINE_EVENTS:
        add_note(application, recruiter, f"Anteckning {n}: stark på lagersystem, truckkort B.")
        if Event.objects.filter(application=application).count() < TIMELINE_EVENTS:
            move_to_stage(application, stages[(n + 1) % len(stages)], recruiter)
            application.refresh_from_db()
        n += 1
    return application


def _cv(application: Application) -> Document:
    data = build_pdf(
        [Block("Kandidat Lind", "h1")]
        + [Block(f"Erfarenhet {n}: lager och logistik") for n in range(60)]
    )
    document = Document(
        candidate=application.candidate,
        application=application,
        kind=DocumentKind.CV,
        original_name="cv.pdf",
        content_type="application/pdf",
        size=len(data),
        sha256=hashlib.sha256(data + str(application.pk).encode()).hexdigest(),
        text_status=TextStatus.DONE,
    )
    document.file.save("upload", ContentFile(data), save=False)
    document.save()
    return document


def workspace_pages(
    job: Job, recruiter: User, client: Client
) -> tuple[list[tuple[str, Any, str]], float]:
    """The pages to time like the others, and the first (uncached) render of
    a CV page in ms."""
    application = _with_history(job, recruiter)
    document = _cv(application)
    page = reverse("document_page", args=[document.pk, 1])
    started = time.perf_counter()
    response = client.get(page)
    first_ms = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise BenchError(f"{page} answered HTTP {response.status_code}")
    pages = [
        ("filtered board (2)", client, reverse("board", args=[job.pk]) + "?source=linkedin&days=1"),
        ("application (20 events)", client, reverse("application_detail", args=[application.pk])),
        ("cv page (cached)", client, page),
    ]
    return pages, first_ms
