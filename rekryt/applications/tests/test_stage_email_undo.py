"""A stage email caused by a staff move waits (the organisation's delay, or
the stage's own longer one), can be previewed, and the move can be undone
until it goes out; "don't send" keeps the move."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from conftest import make_application
from rekryt.applications.actions import move_to_stage
from rekryt.applications.models import Application
from rekryt.jobs.models import Stage, StageKind, stages_for
from rekryt.messaging.duties import DeliverDueMessages
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.tests.helpers import work

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client: Any) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def stage(job: Any, kind: str) -> Stage:
    return next(s for s in stages_for(job) if s.kind == kind)


def invitation(application: Application) -> Message:
    return Message.objects.get(application=application, kind="interview_invitation")


def later(minutes: float) -> Any:
    return time_machine.travel(timezone.now() + timedelta(minutes=minutes), tick=False)


def undo(client: Any, application: Application, **headers: Any) -> Any:
    return client.post(
        reverse("application_undo_move", args=[application.pk]),
        {"next": reverse("board", args=[application.job_id])},
        **headers,
    )


def test_a_moves_email_waits_the_organisations_delay(rita: Any, job: Any, org: Any) -> None:
    org.stage_email_delay_minutes = 10
    org.save()
    application = make_application(job)
    before = timezone.now()

    move_to_stage(application, stage(job, StageKind.INTERVIEW), rita)

    waits = invitation(application).send_after - before
    assert timedelta(minutes=10) <= waits < timedelta(minutes=10, seconds=30)


def test_a_stages_own_longer_delay_wins(rita: Any, job: Any, org: Any) -> None:
    interview = stage(job, StageKind.INTERVIEW)
    interview.email_delay_hours = 2
    interview.save()
    application = make_application(job)
    before = timezone.now()

    move_to_stage(application, interview, rita)

    waits = invitation(application).send_after - before
    assert timedelta(hours=2) <= waits < timedelta(hours=2, minutes=1)


def test_the_receipt_on_applying_goes_out_at_once(job: Any, org: Any) -> None:
    application = make_application(job)
    receipt = Message.objects.get(application=application, kind="application_received")
    assert receipt.send_after <= timezone.now()


def test_the_worker_never_sends_it_before_its_time(rita: Any, job: Any, org: Any) -> None:
    application = make_application(job)
    work()
    move_to_stage(application, stage(job, StageKind.INTERVIEW), rita)

    with later(4.9):
        assert work() == 0
    assert invitation(application).status == MessageStatus.SCHEDULED
    with later(5.1):
        assert work() == 1
    assert invitation(application).status == MessageStatus.SENT


def test_undo_returns_the_card_and_the_email_is_never_sent(
    client: Any, rita: Any, job: Any, org: Any
) -> None:
    application = make_application(job)
    work()
    applied = application.stage
    entered = Application.objects.get(pk=application.pk).stage_entered_at
    move_to_stage(application, stage(job, StageKind.INTERVIEW), rita)
    client.force_login(rita)

    response = undo(client, application)

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == applied
    assert application.stage_entered_at == entered  # days in stage go on counting
    assert invitation(application).status == MessageStatus.CANCELLED
    with later(60 * 24):
        work()
    assert invitation(application).status == MessageStatus.CANCELLED
    # The return move queued nothing: the receipt and the cancelled invitation.
    assert Message.objects.filter(application=application).count() == 2
    moves = application.events.filter(kind="stage_moved").order_by("pk")
    assert [m.data.get("undo") for m in moves] == [None, moves[0].pk]


def test_undo_restores_the_waiting_email_the_move_had_cancelled(
    rita: Any, job: Any, org: Any
) -> None:
    screening = stage(job, StageKind.SCREENING)
    screening.email_kind = "interview_invitation"  # any email the stage may send
    screening.save()
    application = make_application(job)
    move_to_stage(application, screening, rita)
    first = invitation(application)
    move_to_stage(application, stage(job, StageKind.INTERVIEW), rita)
    assert Message.objects.get(pk=first.pk).status == MessageStatus.CANCELLED
    from rekryt.applications.stage_emails import undo_move

    assert undo_move(application, rita)

    restored = Message.objects.get(pk=first.pk)
    assert restored.status == MessageStatus.SCHEDULED
    assert restored.send_after == first.send_after
    second = Message.objects.filter(application=application, kind="interview_invitation")
    assert second.exclude(pk=first.pk).get().status == MessageStatus.CANCELLED
    with later(6):
        work()
    assert Message.objects.get(pk=first.pk).status == MessageStatus.SENT


def test_undo_does_not_send_the_previous_stages_email_again(rita: Any, job: Any, org: Any) -> None:
    screening = stage(job, StageKind.SCREENING)
    screening.email_kind = "hired_welcome"
    screening.save()
    application = make_application(job)
    move_to_stage(application, screening, rita)
    with later(6):
        work()  # the screening email has gone out
        move_to_stage(application, stage(job, StageKind.INTERVIEW), rita)
        from rekryt.applications.stage_emails import undo_move

        assert undo_move(application, rita)
    with later(60):
        work()

    welcome = Message.objects.filter(application=application, kind="hired_welcome")
    assert [m.status for m in welcome] == [MessageStatus.SENT]
    assert invitation(application).status == MessageStatus.CANCELLED


def test_dont_send_keeps_the_move(client: Any, rita: Any, job: Any, org: Any) -> None:
    application = make_application(job)
    interview = stage(job, StageKind.INTERVIEW)
    move_to_stage(application, interview, rita)
    client.force_login(rita)

    client.post(reverse("message_cancel", args=[invitation(application).pk]))

    application.refresh_from_db()
    assert application.stage == interview
    assert invitation(application).status == MessageStatus.CANCELLED
    with later(10):
        work()
    assert invitation(application).status == MessageStatus.CANCELLED


def test_undo_is_refused_once_the_email_has_gone_out(
    client: Any, rita: Any, job: Any, org: Any
) -> None:
    application = make_application(job)
    interview = stage(job, StageKind.INTERVIEW)
    move_to_stage(application, interview, rita)
    client.force_login(rita)
    with later(6):
        work()
        response = undo(client, application)

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == interview
    page = client.get(reverse("board", args=[job.pk])).content.decode()
    assert "can no longer be undone" in page


def test_undo_is_refused_while_a_worker_is_sending_the_email(
    client: Any, rita: Any, job: Any, org: Any
) -> None:
    application = make_application(job)
    work()
    interview = stage(job, StageKind.INTERVIEW)
    move_to_stage(application, interview, rita)
    Message.objects.filter(pk=invitation(application).pk).update(
        claimed_until=timezone.now() + timedelta(minutes=5)
    )
    client.force_login(rita)

    undo(client, application)

    application.refresh_from_db()
    assert application.stage == interview
    assert invitation(application).status == MessageStatus.SCHEDULED


def test_an_undo_cannot_itself_be_undone(rita: Any, job: Any, org: Any) -> None:
    from rekryt.applications.stage_emails import undo_move

    application = make_application(job)
    move_to_stage(application, stage(job, StageKind.SCREENING), rita)
    move_to_stage(application, stage(job, StageKind.INTERVIEW), rita)
    assert undo_move(application, rita)
    assert not undo_move(application, rita)
    application.refresh_from_db()
    assert application.stage == stage(job, StageKind.SCREENING)


@pytest.mark.parametrize("persona", ["otto", "ivan"])
def test_staff_who_may_not_move_the_card_get_404(
    client: Any, request: Any, job: Any, rita: Any, persona: str
) -> None:
    application = make_application(job)
    interview = stage(job, StageKind.INTERVIEW)
    move_to_stage(application, interview, rita)
    user = request.getfixturevalue(persona)
    job.team.add(user)  # ivan sees the job as an interviewer, but never decides
    if persona == "otto":
        job.team.remove(user)
    client.force_login(user)

    assert undo(client, application).status_code == 404
    application.refresh_from_db()
    assert application.stage == interview


def test_the_worker_does_not_send_an_undone_email_it_had_claimed(
    rita: Any, job: Any, org: Any
) -> None:
    """If a worker picked the email up just before the undo committed, the
    pre-send check still finds the card gone from the stage."""
    application = make_application(job)
    work()
    move_to_stage(application, stage(job, StageKind.INTERVIEW), rita)
    Application.objects.filter(pk=application.pk).update(stage=job.first_stage())
    with later(6):
        DeliverDueMessages().handle_one()
    assert invitation(application).status == MessageStatus.CANCELLED
