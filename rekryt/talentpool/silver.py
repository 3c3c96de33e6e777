"""Silver medalists: when an application is rejected after reaching a late
stage (interview, references, offer), the person is added to the
"Silver medalists" pool if their talent-pool consent is in force; otherwise
they are asked by email to join (never added silently), after the
organisation's undo delay. The pool's owner is set in the Django admin; the
pool is made on first use, owned like the general pool. Wired through
`applications.hooks.on_outcome_changed` (talentpool sits above
applications). Not built: the same when a job closes, and former employees."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from rekryt.accounts.models import Organisation
from rekryt.applications.models import Application, Outcome
from rekryt.jobs.models import StageKind
from rekryt.messaging.models import Message
from rekryt.messaging.outbox import candidate_values, queue_written
from rekryt.talentpool.actions import general_pool, latest_consent
from rekryt.talentpool.cv import reindex
from rekryt.talentpool.models import Activity, ActivityKind, Intent, Member, Pool, PoolKind

LATE = (StageKind.INTERVIEW, StageKind.REFERENCES, StageKind.OFFER)
ASK = "talentpool_silver_invitation"


def silver_pool() -> Pool | None:
    found = Pool.objects.filter(kind=PoolKind.SILVER).order_by("pk").first()
    if found is not None:
        return found
    general = general_pool()
    if general is None:
        return None
    return Pool.objects.create(
        kind=PoolKind.SILVER,
        name_sv="Silvermedaljörer",
        name_en="Silver medalists",
        slug="silver-medalists",
        owner=general.owner,
    )


def on_outcome_changed(application: Any, actor: Any) -> None:
    stage = application.ended_stage
    if application.outcome != Outcome.REJECTED or stage is None or stage.kind not in LATE:
        return
    pool = silver_pool()
    if pool is None:
        return
    candidate = application.candidate
    if latest_consent(candidate) is not None:
        member, created = Member.objects.get_or_create(
            pool=pool, candidate=candidate, defaults={"intent": Intent.ADDED}
        )
        if created:
            member.note = _("Reached “%(stage)s” for %(job)s") % {
                "stage": stage.name,
                "job": application.job.title,
            }
            member.schedule_next()
            member.save()
            Activity.objects.create(member=member, kind=ActivityKind.JOINED, text=member.note)
            reindex(member)
        return
    _ask_to_join(application)


def _ask_to_join(application: Application) -> None:
    candidate = application.candidate
    language = candidate.language if candidate.language in ("sv", "en") else "sv"
    with translation.override(language):
        subject = _("Would you like to stay in touch?")
        text = _(
            "Hello {candidate_first_name},\n\nyou came far in our process for {job_title}. "
            "We would like to contact you when a similar role opens. If you want that, "
            "join our talent pool here (we keep nothing about you for this unless you do): "
            "%(url)s\n\n{company}"
        ) % {"url": settings.SITE_URL + reverse("talent_join")}
    delay = timedelta(minutes=Organisation.get().stage_email_delay_minutes)
    queue_written(
        key=f"talentpool-silver:{application.pk}",
        kind=ASK,
        language=language,
        subject=subject,
        text=text,
        to_email=candidate.email,
        to_name=candidate.full_name,
        values={
            **candidate_values(candidate),
            "job_title": application.job.title,
        },
        candidate=candidate,
        application=application,
        send_after=timezone.now() + delay,
    )


def still_wanted(message: Message) -> bool:
    """The ask goes only while the application is still rejected."""
    return (
        message.application_id is not None
        and Application.objects.filter(pk=message.application_id, outcome=Outcome.REJECTED).exists()
    )
