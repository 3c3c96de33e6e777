"""Worker duties for surveys: read the Event log into planned surveys, then
send each planned survey when it is due."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from rekryt.applications.models import Event
from rekryt.lib.claims import claim_next, release, unclaimed
from rekryt.lib.duty import Duty
from rekryt.surveys.actions import plan_surveys, send_survey
from rekryt.surveys.models import Survey, SurveyCursor, SurveyStatus

BATCH = 200
# Events are read only once they are this old: a transaction that took its
# event id earlier but commits later is still seen (ids are handed out before
# commit on PostgreSQL).
SETTLE = timedelta(minutes=5)
# An event older than this (an import, a backdated demo) never sends a survey.
TOO_OLD = timedelta(days=7)
LEASE = timedelta(minutes=2)
RETRY_AFTER = timedelta(hours=1)

log = logging.getLogger(__name__)


class SendSurveys(Duty):
    """Steps: (1) read the next batch of settled events after the cursor and
    plan a Survey for each that calls for one, moving the cursor in the same
    transaction with a compare-and-set, so a batch is planned exactly once
    even with several workers; (2) claim one due planned survey and send it
    (or skip or postpone it; see `rekryt.surveys.actions.send_survey`)."""

    name = "send_surveys"

    def oldest_due(self) -> datetime | None:
        due = Survey.objects.filter(
            unclaimed(), status=SurveyStatus.SCHEDULED, due_at__lte=timezone.now()
        )
        return due.order_by("due_at").values_list("due_at", flat=True).first()

    def handle_one(self) -> bool:
        read = read_events()
        sent = send_one_due()
        return read or sent


def read_events() -> bool:
    """Plan surveys for one batch of events; true while more may be waiting."""
    cursor, _created = SurveyCursor.objects.get_or_create(pk=1)
    start = cursor.last_event_id
    now = timezone.now()
    with transaction.atomic():
        events = list(
            Event.objects.filter(pk__gt=start)
            .select_related("application__job")
            .order_by("pk")[:BATCH]
        )
        settled = []
        for event in events:
            if event.created_at > now - SETTLE:
                break  # later ids wait too, so none is passed over
            settled.append(event)
        if not settled:
            return False
        moved = SurveyCursor.objects.filter(pk=1, last_event_id=start).update(
            last_event_id=settled[-1].pk
        )
        if moved != 1:
            return True  # another worker read this batch; try the next one
        plan_surveys([e for e in settled if e.created_at >= now - TOO_OLD])
    return len(settled) == BATCH


def send_one_due() -> bool:
    due = Survey.objects.filter(status=SurveyStatus.SCHEDULED, due_at__lte=timezone.now()).order_by(
        "due_at", "pk"
    )
    survey = claim_next(due, LEASE)
    if survey is None:
        return False
    try:
        send_survey(survey)
    except Exception:
        # Say, the invitation template was deleted: try again later rather
        # than hold up every other survey behind this one.
        log.exception("survey %s not sent", survey.pk)
        release(survey, due_at=timezone.now() + RETRY_AFTER)
    return True


DUTIES = [SendSurveys]
