"""Silver medalists: rejected after a late stage → added with consent, asked
by email (after the undo delay) without; early rejections and hires leave
the pool alone; a reopened application's ask is never sent."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.utils import timezone

from conftest import make_application
from rekryt.applications.actions import move_to_stage, reopen, set_outcome
from rekryt.applications.models import Outcome, ReasonKind, RejectionReason
from rekryt.jobs.models import StageKind
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.tests.helpers import work
from rekryt.privacy.consent import record_consent
from rekryt.privacy.models import ConsentMethod, ConsentPurpose
from rekryt.talentpool import silver
from rekryt.talentpool.models import Member, PoolKind


def reason():
    return RejectionReason.objects.filter(kind=ReasonKind.DECLINED, active=True).first()


def reach(job, kind, rita):
    application = make_application(job)
    move_to_stage(application, job.stages.get(kind=kind), rita)
    application.refresh_from_db()
    return application


def agree(candidate):
    record_consent(
        candidate,
        purpose=ConsentPurpose.TALENT_POOL,
        given=True,
        text="pool",
        method=ConsentMethod.APPLY_FORM,
        language="sv",
    )


def test_a_late_stage_rejection_with_consent_joins_the_silver_pool(job, rita):
    application = reach(job, StageKind.INTERVIEW, rita)
    agree(application.candidate)
    set_outcome(application, Outcome.REJECTED, rita, reason())
    member = Member.objects.get(candidate=application.candidate)
    assert member.pool.kind == PoolKind.SILVER
    assert job.title in member.note
    assert not Message.objects.filter(kind=silver.ASK).exists()


def test_without_consent_they_are_asked_not_added(job, rita, org):
    application = reach(job, StageKind.OFFER, rita)
    work()
    set_outcome(application, Outcome.REJECTED, rita, reason())
    assert not Member.objects.exists()
    ask = Message.objects.get(kind=silver.ASK)
    assert "/talent/" in ask.body_text
    assert ask.send_after > timezone.now() + timedelta(minutes=org.stage_email_delay_minutes - 1)


def test_an_early_rejection_or_a_hire_changes_nothing(job, rita):
    early = make_application(job)
    agree(early.candidate)
    set_outcome(early, Outcome.REJECTED, rita, reason())
    hired = reach(job, StageKind.OFFER, rita)
    agree(hired.candidate)
    set_outcome(hired, Outcome.HIRED, rita)
    assert not Member.objects.exists()
    assert not Message.objects.filter(kind=silver.ASK).exists()


def test_a_reopened_application_is_never_asked(job, rita, org):
    application = reach(job, StageKind.INTERVIEW, rita)
    work()
    set_outcome(application, Outcome.REJECTED, rita, reason())
    reopen(application, rita)
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        work()
    assert Message.objects.get(kind=silver.ASK).status == MessageStatus.CANCELLED
