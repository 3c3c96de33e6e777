"""Talent pool workflows: registering, reviewing, answering, suggesting
people for a job and inviting them. Every email to a candidate carries the
link to renew or withdraw their consent; a staff action's email waits the
organisation's undo delay in the outbox."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from rekryt.accounts.models import Organisation, Role, User
from rekryt.candidates.models import Candidate, normalise_email
from rekryt.jobs.models import Job
from rekryt.messaging.outbox import candidate_values, queue_rendered, queue_written
from rekryt.privacy.consent import consent_sentence, record_consent
from rekryt.privacy.models import Consent, ConsentMethod, ConsentPurpose
from rekryt.privacy.retention import renewal_token
from rekryt.talentpool.cv import CVUpload, reindex
from rekryt.talentpool.index import ranked_members
from rekryt.talentpool.models import (
    Activity,
    ActivityKind,
    Intent,
    Member,
    MemberAnswer,
    Pool,
    PoolKind,
)

SUGGESTIONS = 50
NURTURE_MIN_DAYS = 14

# Reactions to someone joining through the form with their consent (the
# silver-medalist and former-employee pools add those they asked by email),
# registered in the app's ready().
_joined: list[Callable[[Member], None]] = []


def on_joined(reaction: Callable[[Member], None]) -> None:
    if reaction not in _joined:
        _joined.append(reaction)


def add_working_days(start: date, days: int) -> date:
    """Monday to Friday (public holidays are not known here)."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def general_pool() -> Pool | None:
    """The general pool behind /talent/, made on first use and owned by the
    first admin (then recruiter) until someone else is made its owner."""
    found = Pool.objects.filter(public=True, kind=PoolKind.GENERAL).first()
    if found is not None:
        return found
    owner = (
        User.objects.filter(is_active=True, role__in=[Role.ADMIN, Role.RECRUITER])
        .order_by("role", "pk")
        .first()
    )
    if owner is None:
        return None
    pool, _created = Pool.objects.get_or_create(
        slug="general",
        defaults={
            "kind": PoolKind.GENERAL,
            "name_sv": "Allmän talangpool",
            "name_en": "General talent pool",
            "owner": owner,
            "public": True,
        },
    )
    return pool


@dataclass
class Registration:
    first_name: str
    last_name: str
    email: str
    intent: str
    about: str
    language: str
    answers: list[tuple[Any, str]] = field(default_factory=list)
    ip: str | None = None
    cv: CVUpload | None = None


def _candidate_for(reg: Registration) -> Candidate:
    """The person the address belongs to (whose confirmed details are never
    changed by a form), or a new one with what was typed."""
    normalised = normalise_email(reg.email)
    candidate = Candidate.objects.filter(email_normalised=normalised).first()
    if candidate is None:
        candidate = Candidate(
            first_name=reg.first_name,
            last_name=reg.last_name,
            email=reg.email,
            language=reg.language,
        )
        candidate.save()
    return candidate


@transaction.atomic
def register(pool: Pool, reg: Registration) -> Member:
    """Join `pool` (again): consent recorded, answers kept, must-haves
    judged, the owner told of an active seeker, an honest receipt queued."""
    candidate = _candidate_for(reg)
    consent = record_consent(
        candidate,
        purpose=ConsentPurpose.TALENT_POOL,
        given=True,
        text=consent_sentence(ConsentPurpose.TALENT_POOL),
        method=ConsentMethod.APPLY_FORM,
        language=reg.language,
        ip=reg.ip,
    )
    member, created = Member.objects.get_or_create(
        pool=pool, candidate=candidate, defaults={"intent": reg.intent}
    )
    member.intent = reg.intent
    member.answers.all().delete()
    met = True
    for pq, value in reg.answers:
        judged = (value == "yes") if pq.must_have else None
        met = met and judged is not False
        MemberAnswer.objects.create(
            member=member,
            question_sv=pq.question.text_sv,
            question_en=pq.question.text_en,
            value=value[:500],
            met=judged,
        )
    member.must_haves_met = met
    if reg.about:
        member.note = (member.note + "\n" + reg.about).strip()[:5000] if not created else reg.about
    if reg.intent == Intent.NOW:
        member.answer_due = add_working_days(timezone.localdate(), pool.answer_days)
        member.answered_at = None
    member.schedule_next()
    member.save()
    if reg.cv is not None:
        reg.cv.save(member)
    reindex(member)
    # The outbox is a table: the emails commit or roll back with the rest.
    _after_registration(member.pk, consent.pk)
    for reaction in _joined:
        reaction(member)
    return member


def consent_link(consent: Consent) -> str:
    return settings.SITE_URL + reverse("privacy_consent_renew", args=[renewal_token(consent)])


def latest_consent(candidate: Candidate) -> Consent | None:
    return (
        Consent.objects.in_force()
        .filter(candidate=candidate, purpose=ConsentPurpose.TALENT_POOL)
        .first()
    )


def _after_registration(member_id: int, consent_id: int) -> None:
    member = Member.objects.select_related("pool__owner", "candidate").get(pk=member_id)
    consent = Consent.objects.get(pk=consent_id)
    candidate, pool = member.candidate, member.pool
    language = candidate.language if candidate.language in ("sv", "en") else "sv"
    with translation.override(language):
        until = formats.date_format(timezone.localtime(consent.expires_at), "DATE_FORMAT")
        if member.intent == Intent.NOW:
            due = formats.date_format(member.answer_due or timezone.localdate(), "DATE_FORMAT")
            text = _(
                "Hello {candidate_first_name},\n\nthank you for telling us you are looking "
                "for a job now. There is no open position in {pool} right now, but a person "
                "({owner}) will read what you wrote and answer you personally by {due}.\n\n"
            )
        else:
            due = ""
            text = _(
                "Hello {candidate_first_name},\n\nthank you for your interest. There is no "
                "open position in {pool} right now. We keep your details until {until} and "
                "email you when a role that fits you opens; nobody will call you before then. "
                "Before {until} we will ask whether you want to stay.\n\n"
            )
        text += _("Leave the talent pool or renew your consent: {consent_url}\n\n{company}")
        text = (
            text.replace("{pool}", pool.name)
            .replace("{owner}", pool.owner.get_full_name() or pool.owner.username)
            .replace("{due}", due)
            .replace("{until}", until)
        )
        subject = _("You are in our talent pool")
    message = queue_written(
        key=f"talentpool-joined:{member.pk}:{consent.pk}",
        kind="talentpool_joined",
        language=language,
        subject=subject,
        text=text,
        to_email=candidate.email,
        to_name=candidate.full_name,
        values={**candidate_values(candidate), "consent_url": consent_link(consent)},
        candidate=candidate,
    )
    Activity.objects.create(member=member, kind=ActivityKind.JOINED, message=message)
    if member.intent == Intent.NOW and pool.owner.email:
        _notify_owner(member)


def _notify_owner(member: Member) -> None:
    owner = member.pool.owner
    with translation.override(owner.language or "sv"):
        url = settings.SITE_URL + reverse("talentpool_member", args=[member.pk])
        queue_rendered(
            key=f"talentpool-owner:{member.pk}:{member.answer_due}",
            kind="talentpool_owner",
            to_email=owner.email,
            to_name=owner.get_full_name(),
            subject=_("An active job seeker joined %(pool)s") % {"pool": member.pool.name},
            text=_(
                "Someone looking for a job now joined your pool. Answer them by %(due)s: %(url)s"
            )
            % {"due": formats.date_format(member.answer_due or timezone.localdate()), "url": url},
            language=owner.language or "sv",
        )


def mark_reviewed(member: Member, actor: User, note: str = "", answered: bool = False) -> None:
    now = timezone.now()
    member.reviewed_at = now
    member.last_contact = timezone.localdate() if answered else member.last_contact
    if answered:
        member.answered_at = now
    if note:
        member.note = (member.note + "\n" + note).strip()[:5000]
    member.schedule_next()
    member.save()
    kind = ActivityKind.ANSWERED if answered else ActivityKind.REVIEWED
    Activity.objects.create(member=member, kind=kind, text=note[:2000], actor=actor)
    reindex(member)


def review_queue(owner: User) -> Any:
    """Everyone due in the owner's pools: new, owed an answer, or past their
    next contact (consent or not: a person without consent is to be removed)."""
    return (
        Member.objects.filter(pool__owner=owner)
        .due_for_review()
        .select_related("candidate", "pool")
        .order_by("answer_due", "next_contact", "added_at")
    )


@dataclass
class Suggestion:
    candidate: Candidate
    member: Member
    reasons: list[str]


def suggestions(job: Job, limit: int = SUGGESTIONS) -> list[Suggestion]:
    """Pool members with a talent-pool consent in force whose pool, answers
    or notes match the job's title or department, best first."""
    words = " ".join(w for w in f"{job.title} {job.department}".split() if len(w) > 2)
    query = " OR ".join(words.split()[:8])
    members = Member.objects.with_consent()
    best = ranked_members(query, members)
    chosen = best.candidate_ids[:limit]
    by_id = Member.objects.select_related("candidate", "pool").in_bulk(
        [best.best_entry[c] for c in chosen]
    )
    result = []
    for candidate_id in chosen:
        member = by_id[best.best_entry[candidate_id]]
        reasons = [_("In the pool “%(pool)s”") % {"pool": member.pool.name}]
        reasons.append(_("Matches: %(words)s") % {"words": ", ".join(words.split()[:8])})
        if member.intent == Intent.NOW:
            reasons.append(_("Looking for a job now"))
        result.append(Suggestion(member.candidate, member, reasons))
    return result


def invite(member: Member, job: Job, actor: User, reasons: list[str]) -> bool:
    """A personal invitation to apply, saying why; only with consent in force."""
    consent = latest_consent(member.candidate)
    if consent is None:
        return False
    candidate = member.candidate
    language = candidate.language if candidate.language in ("sv", "en") else "sv"
    delay = timedelta(minutes=Organisation.get().stage_email_delay_minutes)
    with translation.override(language):
        subject = _("A role that may suit you: %(title)s") % {"title": job.title}
        text = _(
            "Hello {candidate_first_name},\n\nyou are in our talent pool, and we have "
            "opened a role we think fits you: {job_title}. Why we thought of you: %(why)s.\n\n"
            "Read more and apply: {job_url}\n\n"
            "Leave the talent pool or renew your consent: {consent_url}\n\n{recruiter_name}"
        ) % {"why": "; ".join(reasons)}
    url = settings.SITE_URL + reverse("career_job", args=[job.slug])
    message = queue_written(
        key=f"talentpool-invite:{member.pk}:{job.pk}",
        kind="talentpool_invitation",
        language=language,
        subject=subject,
        text=text,
        to_email=candidate.email,
        to_name=candidate.full_name,
        values={
            **candidate_values(candidate),
            "job_title": job.title,
            "job_url": url,
            "consent_url": consent_link(consent),
            "recruiter_name": actor.get_full_name() or actor.username,
        },
        candidate=candidate,
        send_after=timezone.now() + delay,
    )
    member.last_contact = timezone.localdate()
    member.save(update_fields=["last_contact"])
    Activity.objects.create(
        member=member, kind=ActivityKind.INVITED, text=job.title, actor=actor, message=message
    )
    return True


def nurture_allowed(candidate: Candidate, now: Any = None) -> bool:
    """The frequency cap: one pool message per person per NURTURE_MIN_DAYS."""
    now = now or timezone.now()
    since = now - timedelta(days=NURTURE_MIN_DAYS)
    return not Activity.objects.filter(
        member__candidate=candidate,
        kind__in=[ActivityKind.NURTURE, ActivityKind.INVITED],
        created_at__gt=since,
    ).exists()
