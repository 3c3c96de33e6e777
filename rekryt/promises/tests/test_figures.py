"""The measured figures on a small, known dataset (see figures.py for the
definitions). All times are noon UTC; today is Tuesday 24 November 2026."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from conftest import make_application
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import Outcome, RejectionReason, record
from rekryt.messaging.models import Message, MessageStatus, TemplateKind
from rekryt.promises.figures import Spread, measure
from rekryt.promises.tests.conftest import contact

NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)


def noon(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 12, tzinfo=UTC)


def apply(job, when: datetime, receipt: bool = True):
    with time_machine.travel(when, tick=False):
        application = make_application(job)
    if receipt:
        Message.objects.filter(application=application).update(
            status=MessageStatus.SENT, sent_at=when
        )
    return application


def end(application, outcome: str, when: datetime, actor) -> None:
    with time_machine.travel(when, tick=False):
        set_outcome(application, outcome, actor, RejectionReason.objects.first())


def promise(application, when: datetime, hear_by: str) -> None:
    with time_machine.travel(when, tick=False):
        record(application, "promise_set", hear_by=hear_by)
    contact(application, TemplateKind.STATUS_UPDATE, when)


@pytest.fixture
def figures(org, rita, job):
    a = apply(job, noon(11, 2))
    contact(a, TemplateKind.INTERVIEW_INVITATION, noon(11, 5))
    b = apply(job, noon(11, 2))
    end(b, Outcome.REJECTED, noon(11, 10), rita)
    contact(b, TemplateKind.REJECTION, noon(11, 11))
    apply(job, noon(11, 20), receipt=False)  # c: the receipt is still scheduled
    d = apply(job, noon(10, 1))
    end(d, Outcome.WITHDRAWN, noon(10, 5), rita)  # never told anything
    e = apply(job, noon(10, 20))
    contact(e, TemplateKind.INTERVIEW_INVITATION, noon(10, 21))
    promise(e, noon(11, 1), "2026-11-15")
    contact(e, TemplateKind.INTERVIEW_INVITATION, noon(11, 14))  # kept
    f = apply(job, noon(10, 20))
    contact(f, TemplateKind.INTERVIEW_INVITATION, noon(10, 21))
    promise(f, noon(11, 1), "2026-11-15")  # broken
    return measure(now=NOW)


def test_it_counts_receipts(figures):
    assert (figures.receipts, figures.applications) == (5, 6)


def test_it_counts_final_messages_of_ended_applications(figures):
    assert (figures.final_messages, figures.ended, figures.final_pending) == (1, 2, 0)
    assert figures.final_share == 0.5


def test_it_measures_days_without_contact(figures):
    # Active gaps: a 0 3 19 · c 4 · e 0 1 11 13 10 · f 0 1 11 23.
    assert figures.silence_active == Spread(count=13, median=4.0, p95=23.0, maximum=23.0)
    # Ended: b 0 9 (to its rejection) · d 0 54 (never told: to now).
    assert figures.silence_ended == Spread(count=4, median=4.5, p95=54.0, maximum=54.0)


def test_it_counts_promises_kept(figures):
    assert (figures.first_response.kept, figures.first_response.broken) == (3, 2)
    assert (figures.silence.kept, figures.silence.broken) == (12, 3)
    assert (figures.promise.kept, figures.promise.broken) == (1, 1)
    assert (figures.kept.kept, figures.kept.total) == (16, 22)


def test_it_prints_the_figures(figures):
    text = str(figures)
    assert "Receipts: 83.3% of 6 applications" in text
    assert "Promises kept: 72.7% of 22 passed deadlines" in text


def test_a_scheduled_rejection_counts_as_pending(org, rita, job):
    application = apply(job, noon(11, 2))
    end(application, Outcome.REJECTED, noon(11, 23), rita)
    Message.objects.create(
        idempotency_key="reject:x",
        kind=TemplateKind.REJECTION,
        to_email="x@example.org",
        subject="s",
        body_text="b",
        application=application,
        send_after=NOW,
        give_up_at=NOW,
    )
    figures = measure(now=NOW)
    assert (figures.final_messages, figures.final_pending) == (0, 1)


def test_it_works_with_no_applications(db):
    figures = measure(now=NOW)
    assert figures.receipt_share is None
    assert figures.kept.share is None
    assert "–" in str(figures)
