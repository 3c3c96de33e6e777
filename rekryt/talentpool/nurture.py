"""Nurture: a message from a pool's owner or a recruiter to a segment of a
pool. Who gets it is decided twice: when it is queued (consent in force, a
known address, the per-person frequency cap) and again when the worker is
about to send it (`still_wanted`: a withdrawal in between is honoured). Every
email carries the consent link, waits the organisation's undo delay in the
outbox, is on the member's timeline and updates their last contact."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from rekryt.accounts.models import Organisation, User
from rekryt.jobs.models import Job
from rekryt.messaging.models import Message
from rekryt.messaging.outbox import candidate_values, queue_written
from rekryt.privacy.models import Consent, ConsentPurpose
from rekryt.talentpool.actions import consent_link, latest_consent
from rekryt.talentpool.models import Activity, ActivityKind, Member, Pool

KIND = "talentpool_nurture"
INVITATION = "talentpool_invitation"
DEFAULT_MIN_DAYS = 14  # actions.NURTURE_MIN_DAYS: one pool message per 14 days

NO_CONSENT = gettext_lazy("no talent-pool consent in force")
CAPPED = gettext_lazy("had a pool message too recently")
NO_ADDRESS = gettext_lazy("no email address")


@dataclass
class Segment:
    pool: Pool
    intent: str = ""
    tag_id: int | None = None
    language: str = ""
    not_contacted_since: date | None = None
    min_days: int = DEFAULT_MIN_DAYS

    def members(self) -> Any:
        found = Member.objects.filter(pool=self.pool)
        if self.intent:
            found = found.filter(intent=self.intent)
        if self.tag_id is not None:
            found = found.filter(candidate__tags=self.tag_id)
        if self.language:
            found = found.filter(candidate__language=self.language)
        if self.not_contacted_since is not None:
            found = found.filter(
                Q(last_contact__isnull=True) | Q(last_contact__lt=self.not_contacted_since)
            )
        return found.select_related("candidate").order_by("candidate__last_name", "pk")


@dataclass
class Preview:
    recipients: list[Member] = field(default_factory=list)
    left_out: list[tuple[Member, str]] = field(default_factory=list)


def consented(candidate_ids: Any, now: Any = None) -> set[int]:
    return set(
        Consent.objects.in_force(now)
        .filter(purpose=ConsentPurpose.TALENT_POOL, candidate_id__in=candidate_ids)
        .values_list("candidate_id", flat=True)
    )


def capped(candidate_ids: Any, min_days: int, now: Any = None) -> set[int]:
    """People who had a pool message (nurture or invitation) within min_days."""
    since = (now or timezone.now()) - timedelta(days=min_days)
    return set(
        Activity.objects.filter(
            member__candidate_id__in=candidate_ids,
            kind__in=[ActivityKind.NURTURE, ActivityKind.INVITED],
            created_at__gt=since,
        ).values_list("member__candidate_id", flat=True)
    )


def preview(segment: Segment, now: Any = None) -> Preview:
    """Who will get it and who is left out, and why (three queries)."""
    members = list(segment.members())
    ids = {m.candidate_id for m in members}
    allowed, recent = consented(ids, now), capped(ids, segment.min_days, now)
    result = Preview()
    for member in members:
        if member.candidate_id not in allowed:
            result.left_out.append((member, str(NO_CONSENT)))
        elif not member.candidate.email:
            result.left_out.append((member, str(NO_ADDRESS)))
        elif member.candidate_id in recent:
            result.left_out.append((member, str(CAPPED)))
        else:
            result.recipients.append(member)
    return result


FOOTER = {
    "sv": "\n\nLämna talangpoolen eller förnya ditt samtycke: {consent_url}",
    "en": "\n\nLeave the talent pool or renew your consent: {consent_url}",
}


ALERT_HEADING = {
    "sv": "\n\nLediga tjänster som kan passa dig:\n",
    "en": "\n\nOpen roles that may suit you:\n",
}


def job_alert(jobs: list[Job], language: str) -> str:
    """The chosen open jobs, each with its ad's address, as text to append.
    A title's braces are doubled: the body is filled like a template, and a
    title must never read as a placeholder."""
    if not jobs:
        return ""
    lines = []
    for job in jobs:
        title = job.title.replace("{", "{{").replace("}", "}}")
        lines.append(f"- {title}: {settings.SITE_URL}{reverse('career_job', args=[job.slug])}")
    return ALERT_HEADING[language] + "\n".join(lines)


@transaction.atomic
def send(
    segment: Segment,
    texts: dict[str, tuple[str, str]],
    actor: User,
    jobs: list[Job] | None = None,
) -> int:
    """Queue the message in each person's language (texts: language →
    (subject, body)), with a job alert for `jobs` when given; returns how
    many were queued. Jobs closed by now are left out of the alert."""
    jobs = [job for job in jobs or [] if job.is_published]
    delay = timedelta(minutes=Organisation.get().stage_email_delay_minutes)
    batch = uuid.uuid4().hex[:12]
    sent = 0
    today = timezone.localdate()
    for member in preview(segment).recipients:
        candidate = member.candidate
        consent = latest_consent(candidate)
        if consent is None:
            continue
        language = candidate.language if candidate.language in texts else "sv"
        subject, body = texts.get(language) or texts["sv"]
        message = queue_written(
            key=f"talentpool-nurture:{batch}:{member.pk}",
            kind=KIND,
            language=language,
            subject=subject,
            text=body + job_alert(jobs, language) + FOOTER[language],
            to_email=candidate.email,
            to_name=candidate.full_name,
            values={**candidate_values(candidate), "consent_url": consent_link(consent)},
            candidate=candidate,
            send_after=timezone.now() + delay,
        )
        Activity.objects.create(
            member=member, kind=ActivityKind.NURTURE, text=subject, actor=actor, message=message
        )
        Member.objects.filter(pk=member.pk).update(last_contact=today)
        sent += 1
    return sent


def still_wanted(message: Message) -> bool:
    """Registered with messaging.hooks.check_before_sending: a pool email
    leaves only if the talent-pool consent is still in force."""
    if message.candidate_id is None:
        return False
    return bool(consented([message.candidate_id]))
