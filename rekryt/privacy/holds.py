"""Legal holds: while one is active on a candidate, or on a job they applied
to, no retention rule touches that candidate or those applications.

Every retention rule asks these helpers; placing and releasing are audited."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.audit.log import record
from rekryt.audit.models import Action
from rekryt.candidates.models import Candidate
from rekryt.jobs.models import Job
from rekryt.privacy.models import LegalHold


def held_candidate_ids() -> set[int]:
    """Candidates with an active hold of their own (not through a job)."""
    return set(
        LegalHold.objects.active()
        .filter(candidate__isnull=False)
        .values_list("candidate_id", flat=True)
    )


def held_job_ids() -> set[int]:
    return set(
        LegalHold.objects.active().filter(job__isnull=False).values_list("job_id", flat=True)
    )


def candidates_on_held_jobs() -> set[int]:
    """Candidates with an application to a held job: erasing them would erase
    that application too."""
    jobs = LegalHold.objects.active().filter(job__isnull=False).values("job_id")
    return set(Candidate.objects.filter(applications__job_id__in=jobs).values_list("pk", flat=True))


def is_held(candidate: Candidate) -> bool:
    """A hold on the candidate, or on a job they applied to."""
    holds = LegalHold.objects.active()
    return (
        holds.filter(candidate=candidate).exists()
        or holds.filter(job__applications__candidate=candidate).exists()
    )


@transaction.atomic
def place_hold(
    *,
    reason: str,
    actor: User,
    candidate: Candidate | None = None,
    job: Job | None = None,
    request: HttpRequest | None = None,
) -> LegalHold:
    hold = LegalHold.objects.create(candidate=candidate, job=job, reason=reason, created_by=actor)
    record(
        Action.EDIT,
        request=request,
        actor=actor,
        target=candidate or job,
        detail="legal_hold_placed",
        params={"hold": hold.pk},
    )
    return hold


@transaction.atomic
def release_hold(hold: LegalHold, *, actor: User, request: HttpRequest | None = None) -> bool:
    """Release an active hold; False when it was already released."""
    released = LegalHold.objects.filter(pk=hold.pk, released_at__isnull=True).update(
        released_at=timezone.now(), released_by=actor
    )
    if not released:
        return False
    hold.refresh_from_db()
    record(
        Action.EDIT,
        request=request,
        actor=actor,
        target=hold.candidate if hold.candidate_id else hold.job,
        detail="legal_hold_released",
        params={"hold": hold.pk},
    )
    return True
