"""Taking a test: starting, saving answers as they come (so a dropped
connection loses nothing and the next visit goes on where it stopped),
refusing answers after the time limit, and scoring at the end.

Every answer is saved under a row lock and only once per item, so a double
click or a resent form changes nothing; an answer that arrives after the
logic test's time limit (plus a short grace) is refused and the test is
finished with the answers given in time."""

from __future__ import annotations

import secrets
from datetime import datetime
from enum import Enum
from typing import Any

from django.db import transaction
from django.utils import timezone

from rekryt.applications.models import EventKind, record
from rekryt.lib.months import add_months
from rekryt.screening import logic, norms, personality
from rekryt.screening.models import AssessmentKind, Invitation, JobTest, Result


class Saved(Enum):
    SAVED = "saved"
    FINISHED = "finished"
    LATE = "late"
    ALREADY = "already"


@transaction.atomic
def start(invitation: Invitation, language: str) -> Result:
    invitation = (
        Invitation.objects.select_for_update().select_related("application").get(pk=invitation.pk)
    )
    if invitation.result_id is not None:
        return invitation.result  # type: ignore[return-value]
    now = timezone.now()
    result = Result.objects.create(
        candidate_id=invitation.application.candidate_id,
        kind=invitation.kind,
        seed=secrets.token_hex(8),
        language=language[:2],
        started_at=now,
        time_limit_ends_at=now + logic.TIME_LIMIT
        if invitation.kind == AssessmentKind.LOGIC
        else None,
    )
    Invitation.objects.filter(pk=invitation.pk).update(result=result)
    return result


def next_item(result: Result) -> int | None:
    """The logic item to show: the first unanswered one (None when done)."""
    for index in range(logic.COUNT):
        if str(index) not in result.answers:
            return index
    return None


def next_page(result: Result) -> int | None:
    for number in range(personality.PAGES):
        if any(str(s.index) not in result.answers for s in personality.page_of(number)):
            return number
    return None


def is_late(result: Result, now: datetime | None = None) -> bool:
    ends = result.time_limit_ends_at
    return ends is not None and (now or timezone.now()) > ends + logic.GRACE


@transaction.atomic
def save_answers(result: Result, answers: dict[str, int]) -> Saved:
    """Keep the answers not given before; finish when the last is in."""
    locked = Result.objects.select_for_update().get(pk=result.pk)
    if locked.is_complete:
        return Saved.ALREADY
    if is_late(locked):
        finish(locked)
        return Saved.LATE
    fresh = {k: v for k, v in answers.items() if k not in locked.answers}
    if not fresh:
        return Saved.ALREADY
    locked.answers = {**locked.answers, **fresh}
    locked.save(update_fields=["answers"])
    done = next_item(locked) if locked.kind == AssessmentKind.LOGIC else next_page(locked)
    if done is None:
        finish(locked)
        return Saved.FINISHED
    return Saved.SAVED


def finish(result: Result) -> Result:
    """Score the result (inside the caller's transaction) and hand it to
    every open invitation of the candidate to the same test."""
    now = timezone.now()
    if result.kind == AssessmentKind.LOGIC:
        result.score = logic.score(result.seed, result.answers)
        result.percentile = norms.logic_percentile(result.score)
    else:
        raw = personality.raw_scores(result.answers)
        percentiles = norms.trait_percentiles(raw)
        result.traits = {t: {"raw": raw[t], "percentile": percentiles[t]} for t in raw}
    result.completed_at = now
    result.valid_until = add_months(now, _valid_months(result))
    result.save()
    for invitation in Invitation.objects.filter(
        application__candidate_id=result.candidate_id, kind=result.kind
    ).select_related("application"):
        if invitation.result_id in (None, result.pk):
            reused = invitation.result_id is None
            Invitation.objects.filter(pk=invitation.pk).update(result=result, reused=reused)
            record(
                invitation.application, EventKind.TEST_COMPLETED, test=result.kind, result=result.pk
            )
    return result


def _valid_months(result: Result) -> int:
    found = (
        JobTest.objects.filter(kind=result.kind, job__applications__test_invitations__result=result)
        .values_list("valid_months", flat=True)
        .first()
    )
    return found or 12


def logic_answer(result: Result, posted: Any) -> dict[str, int] | None:
    """The one answer a logic page posts, if it is one of the item's choices."""
    index = str(posted.get("item", ""))
    if not index.isdigit() or int(index) >= logic.COUNT:
        return None
    item = logic.items(result.seed)[int(index)]
    choice = str(posted.get("choice", "")).strip()
    if not choice.lstrip("-").isdigit() or len(choice) > 12 or int(choice) not in item.options:
        return None
    return {index: int(choice)}
