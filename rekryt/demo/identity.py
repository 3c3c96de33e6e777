"""Two things a recruiter meets every week, for the demo: a candidate who
applied for a second job with a new phone number and a double-barrelled
name, and a form sent again for a job with a newer CV, waiting for the
candidate to add it from their portal. Both go through the real apply
action, then are dated to this morning like the rest of the demo's past."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from django.core.files.base import ContentFile

from rekryt.applications.actions import Submission, Upload
from rekryt.applications.models import Application, Event, EventKind, Outcome
from rekryt.applications.submissions import submit_application
from rekryt.candidates.models import Document, TextStatus
from rekryt.demo.backdate import Timeline, emails_sent
from rekryt.jobs.models import Job
from rekryt.lib.pdfgen import text_pdf


def add_identity_cases(application_ids: list[int], now: datetime) -> Timeline | None:
    """Send the two forms; returns the new application's timeline (for
    `backdate`), after dating the resubmission itself."""
    active = list(
        Application.objects.filter(pk__in=application_ids, outcome=Outcome.ACTIVE)
        .select_related("job", "candidate")
        .order_by("pk")
    )
    if len(active) < 2:
        return None
    _send_again(active[-1], now - timedelta(hours=2))
    return _apply_elsewhere(active[0], now - timedelta(hours=3))


def _apply_elsewhere(earlier: Application, at: datetime) -> Timeline | None:
    job = Job.objects.published().exclude(applications__candidate=earlier.candidate).first()
    if job is None:
        return None
    submitted = submit_application(
        job,
        Submission(
            first_name=earlier.first_name,
            last_name=f"{earlier.last_name}-Nyberg",
            email=earlier.email,
            phone="+46 70 555 12 34",
            about=earlier.about,
            language=job.language,
            source="career_site",
        ),
    )
    return Timeline(submitted.application.pk, earlier.candidate_id, at, [])


def _send_again(application: Application, at: datetime) -> None:
    text = f"{application.full_name}\nUppdaterat CV, december\nNy kurs: truckkort B"
    pdf = text_pdf(text)
    upload = Upload(
        kind="cv",
        file=ContentFile(pdf),
        original_name=f"CV {application.full_name} (ny).pdf",
        content_type="application/pdf",
        size=len(pdf),
        sha256=hashlib.sha256(pdf).hexdigest(),
    )
    resubmission = submit_application(
        application.job,
        Submission(
            first_name=application.first_name,
            last_name=application.last_name,
            email=application.email.upper(),
            phone=application.phone,
            about=application.about,
            language=application.job.language,
            uploads=[upload],
        ),
    ).resubmission
    if resubmission is None:
        return
    type(resubmission).objects.filter(pk=resubmission.pk).update(created_at=at)
    Document.objects.filter(resubmission=resubmission).update(
        created_at=at, text=text, text_status=TextStatus.DONE
    )
    recent = Event.objects.filter(application=application, created_at__gt=at)
    queued = list(recent.filter(kind=EventKind.MESSAGE_QUEUED).values_list("data", flat=True))
    recent.update(created_at=at)
    emails_sent({data["message"]: at for data in queued})
