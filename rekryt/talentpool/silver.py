"""Silver medalists: people who reached a late stage (interview, references,
offer) and were not hired. They are added to the "Silver medalists" pool of
the job's department if their talent-pool consent is in force; otherwise
they are asked by email to join (never added silently), after the
organisation's undo delay, at most once per person. It happens when such an
application is rejected (`applications.hooks.on_outcome_changed`) and when
the job closes (`jobs.extensions.on_job_closed`: everyone rejected or still
in the process at a late stage). Someone asked who then joins the talent
pool through the link is added to the silver pool too (`on_joined`)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from rekryt.accounts.models import Organisation
from rekryt.applications.models import Application, Outcome
from rekryt.candidates.models import Candidate
from rekryt.jobs.models import Job, JobStatus, StageKind
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.outbox import candidate_values, queue_written
from rekryt.talentpool.actions import general_pool, latest_consent
from rekryt.talentpool.cv import reindex
from rekryt.talentpool.models import Activity, ActivityKind, Intent, Member, Pool, PoolKind

LATE = (StageKind.INTERVIEW, StageKind.REFERENCES, StageKind.OFFER)
ASK = "talentpool_silver_invitation"
# Not hired: turned down, or still in the process when the job closed.
NOT_HIRED = (Outcome.REJECTED, Outcome.ACTIVE)


def silver_pool(department: str = "") -> Pool | None:
    """The silver pool of `department` (made on first use, owned by the
    owner of an area pool for that department, else like the general pool);
    the one for any department when `department` is blank."""
    department = department.strip()
    found = (
        Pool.objects.filter(kind=PoolKind.SILVER, department__iexact=department)
        .order_by("pk")
        .first()
    )
    if found is not None:
        return found
    general = general_pool()
    if general is None:
        return None
    area = Pool.objects.filter(kind=PoolKind.AREA, department__iexact=department).first()
    owner = area.owner if department and area is not None else general.owner
    suffix = f" – {department}" if department else ""
    slug = "silver-medalists" + (f"-{slugify(department)[:30]}" if department else "")
    if Pool.objects.filter(slug=slug).exists():
        slug = f"{slug}-{Pool.objects.count() + 1}"
    return Pool.objects.create(
        kind=PoolKind.SILVER,
        name_sv="Silvermedaljörer" + suffix,
        name_en="Silver medalists" + suffix,
        slug=slug,
        department=department,
        owner=owner,
    )


def late_stage(application: Application) -> Any:
    """The late stage the application ended in (or is in), else None."""
    stage = application.ended_stage if application.outcome == Outcome.REJECTED else None
    if application.outcome == Outcome.ACTIVE:
        stage = application.stage
    return stage if stage is not None and stage.kind in LATE else None


def on_outcome_changed(application: Any, actor: Any) -> None:
    if application.outcome == Outcome.REJECTED:
        consider(application)


def on_job_closed(job: Job) -> None:
    """Everyone not hired who reached a late stage of the closed job."""
    applications = (
        Application.objects.filter(job=job, outcome__in=NOT_HIRED)
        .filter(Q(stage__kind__in=LATE) | Q(ended_stage__kind__in=LATE))
        .select_related("candidate", "job", "stage", "ended_stage")
        .order_by("pk")
    )
    for application in applications:
        consider(application)


def consider(application: Application) -> None:
    """Add the person to the job's silver pool with consent, ask without."""
    stage = late_stage(application)
    if stage is None:
        return
    pool = silver_pool(application.job.department)
    if pool is None:
        return
    candidate = application.candidate
    if latest_consent(candidate) is not None:
        add(pool, candidate, application)
    elif not already_asked_or_in(candidate, pool):
        _ask_to_join(application)


def add(pool: Pool, candidate: Candidate, application: Application) -> Member:
    member, created = Member.objects.get_or_create(
        pool=pool, candidate=candidate, defaults={"intent": Intent.ADDED}
    )
    if created:
        stage = late_stage(application) or application.ended_stage or application.stage
        member.note = _("Reached “%(stage)s” for %(job)s") % {
            "stage": stage.name,
            "job": application.job.title,
        }
        member.schedule_next()
        member.save()
        Activity.objects.create(member=member, kind=ActivityKind.JOINED, text=member.note)
        reindex(member)
    return member


def already_asked_or_in(candidate: Candidate, pool: Pool) -> bool:
    """Asked before (an ask that was not cancelled) or a member already."""
    asked = Message.objects.filter(candidate=candidate, kind=ASK).exclude(
        status=MessageStatus.CANCELLED
    )
    return asked.exists() or Member.objects.filter(pool=pool, candidate=candidate).exists()


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
    """At send time: still not hired (rejected, or active in a job that is
    still closed), and not in the talent pool by then."""
    if message.application_id is None:
        return False
    application = (
        Application.objects.filter(pk=message.application_id).select_related("job").first()
    )
    if application is None or latest_consent(application.candidate) is not None:
        return False
    if application.outcome == Outcome.REJECTED:
        return True
    return application.outcome == Outcome.ACTIVE and application.job.status == JobStatus.CLOSED


def on_joined(member: Member) -> None:
    """Someone we asked joined the talent pool: into the silver pool of each
    job they were asked about (the consent they just gave is in force)."""
    asks = (
        Message.objects.filter(candidate=member.candidate, kind=ASK, status=MessageStatus.SENT)
        .exclude(application=None)
        .select_related("application__job", "application__stage", "application__ended_stage")
    )
    for ask in asks:
        application = ask.application
        if application is None or application.outcome not in NOT_HIRED:
            continue
        pool = silver_pool(application.job.department)
        if pool is not None and pool.pk != member.pool_id:
            add(pool, member.candidate, application)
