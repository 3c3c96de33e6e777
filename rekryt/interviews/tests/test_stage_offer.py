"""Moving a card to the Interview stage of a job with open times sends the
times to choose from instead of the plain "we will be in touch" email, with
the stage email's delay, preview and undo; without open times the plain
invitation still goes, so nobody is left in silence."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import make_application
from rekryt.applications.actions import move_to_stage
from rekryt.applications.stage_emails import undo_move
from rekryt.interviews.models import Interview, Status
from rekryt.interviews.panels import candidate_interviews
from rekryt.interviews.tests.helpers import plan, slot
from rekryt.jobs.models import StageKind, stages_for
from rekryt.messaging.models import Message, MessageStatus

pytestmark = pytest.mark.django_db


def interview_stage(job):
    return next(s for s in stages_for(job) if s.kind == StageKind.INTERVIEW)


def test_the_interview_stage_offers_the_times(job, rita, ivan, org):
    step = plan(job)
    slot(step, timezone.now() + timedelta(days=2), [ivan])
    application = make_application(job)
    stage = interview_stage(job)
    assert stage.email_kind == "interview_invitation"
    move_to_stage(application, stage, rita)
    assert not Message.objects.filter(kind="interview_invitation").exists()
    offer = Message.objects.get(kind="interview_offer")
    assert offer.idempotency_key.startswith(f"stage:{application.pk}:{stage.pk}:")
    assert offer.send_after >= timezone.now() + timedelta(minutes=org.stage_email_delay_minutes - 1)
    assert "/portal/t/" in offer.body_text
    interview = Interview.objects.get(application=application)
    assert interview.status == Status.OFFERED
    assert candidate_interviews(application.candidate) == [interview]
    # Undoing the move withdraws the offer: the email and the portal's page.
    application.refresh_from_db()
    assert undo_move(application, rita)
    offer.refresh_from_db()
    assert offer.status == MessageStatus.CANCELLED
    assert candidate_interviews(application.candidate) == []


def test_without_open_times_the_plain_invitation_goes(job, rita):
    plan(job)
    application = make_application(job)
    move_to_stage(application, interview_stage(job), rita)
    assert Message.objects.filter(kind="interview_invitation").exists()
    assert not Interview.objects.exists()
