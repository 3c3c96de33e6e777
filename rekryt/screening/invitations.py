"""Inviting to tests: when an application is made (or enters the stage a
job names), each test the job asks for becomes an Invitation with a
deadline and a reminder, and an email with a personal link. A candidate
with a valid earlier result of that test is not asked again: the result is
reused and the email says so.

An invitation a staff member's move causes waits the organisation's stage
email delay and uses the stage's key (`stage:<app>:<stage>:…`), so undoing
the move cancels it like any stage email (rekryt.applications.stage_emails)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation

from rekryt.accounts.models import Organisation
from rekryt.applications.automations import entry_number, send_time
from rekryt.applications.candidate_mail import queue_to_candidate
from rekryt.applications.models import Application, EventKind, record
from rekryt.lib.tokens import new_token
from rekryt.messaging.models import Message
from rekryt.messaging.rendering import render_files
from rekryt.screening.models import Invitation, JobTest, Result

INVITED, REUSED, REMINDER = "test_invitation", "test_reused", "test_reminder"
KINDS = [INVITED, REUSED, REMINDER]
# The reminder goes this long before the deadline (or not at all when the
# deadline is closer than this when the invitation is sent).
REMIND_BEFORE = timedelta(days=2)


def on_stage_entered(application: Application, stage: Any, created: bool) -> None:
    """Registered with rekryt.applications.hooks.on_stage_entered."""
    tests = JobTest.objects.filter(job_id=application.job_id)
    tests = tests.filter(stage__isnull=True) if created else tests.filter(stage=stage)
    for job_test in tests:
        invite(application, job_test, stage=None if created else stage)


def reusable_result(application: Application, kind: str) -> Result | None:
    return (
        Result.objects.filter(
            candidate_id=application.candidate_id,
            kind=kind,
            completed_at__isnull=False,
            valid_until__gt=timezone.now(),
        )
        .order_by("-completed_at")
        .first()
    )


def invite(application: Application, job_test: JobTest, stage: Any = None) -> Invitation | None:
    if Invitation.objects.filter(application=application, kind=job_test.kind).exists():
        return None
    now = timezone.now()
    earlier = reusable_result(application, job_test.kind)
    if earlier is not None:
        invitation = Invitation.objects.create(
            application=application, kind=job_test.kind, deadline=now, result=earlier, reused=True
        )
        record(application, EventKind.TEST_INVITED, test=job_test.kind, reused=True)
        _email(invitation, REUSED, stage, raw="")
        return invitation
    raw, hashed = new_token()
    deadline = now + timedelta(days=job_test.days_to_answer)
    remind_at = (
        deadline - REMIND_BEFORE if deadline - REMIND_BEFORE > now + timedelta(hours=12) else None
    )
    invitation = Invitation.objects.create(
        application=application,
        kind=job_test.kind,
        token_hash=hashed,
        deadline=deadline,
        remind_at=remind_at,
    )
    record(application, EventKind.TEST_INVITED, test=job_test.kind, reused=False)
    _email(invitation, INVITED, stage, raw=raw)
    return invitation


def _key(invitation: Invitation, stage: Any) -> str:
    application = invitation.application
    if stage is None:
        return f"test:{application.pk}:{invitation.kind}"
    # The stage's own key shape, so leaving the stage or undoing the move
    # cancels it (rekryt.applications.automations.pending_in).
    entry = entry_number(application, stage)
    return f"stage:{application.pk}:{stage.pk}:{invitation.kind}{entry}"


def link(raw: str) -> str:
    return settings.SITE_URL + reverse("test_link", args=[raw])


def _email(invitation: Invitation, kind: str, stage: Any, raw: str, key: str = "") -> Message:
    application = invitation.application
    language = application.language
    org = Organisation.get()
    with translation.override(language):
        context = {
            "application": application,
            "invitation": invitation,
            "job": application.job,
            "organisation": org,
            "language": language,
            "link": link(raw) if raw else settings.SITE_URL + reverse("portal_tests"),
            "deadline": formats.date_format(
                timezone.localtime(invitation.deadline), "DATETIME_FORMAT"
            ),
            "result": invitation.result,
            "valid_until": _date(invitation.result.valid_until) if invitation.result else "",
            "taken_on": _date(invitation.result.completed_at) if invitation.result else "",
        }
    rendered = render_files("screening/email", kind, context, language)
    send_after = send_time(stage) if stage is not None else None
    message = queue_to_candidate(
        application, rendered, key=key or _key(invitation, stage), kind=kind, send_after=send_after
    )
    if kind != REMINDER:
        Invitation.objects.filter(pk=invitation.pk).update(message=message)
    return message


def _date(moment: Any) -> str:
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT") if moment else ""


def send_reminder(invitation: Invitation) -> Message:
    """The one reminder, with a fresh link (the first one's raw token was
    never stored)."""
    raw, hashed = new_token()
    Invitation.objects.filter(pk=invitation.pk).update(token_hash=hashed)
    return _email(invitation, REMINDER, None, raw=raw, key=f"test-reminder:{invitation.pk}")


def still_wanted(message: Message) -> bool:
    """Checked just before sending a reminder: only while the test is
    unfinished and its deadline ahead. (Invitations and "no need to retake"
    notices caused by a move are checked by the stage rule, still_in_stage.)"""
    if message.kind != REMINDER:
        return True
    pk = message.idempotency_key.rsplit(":", 1)[-1]
    invitation = Invitation.objects.select_related("result").filter(pk=pk).first()
    if invitation is None:
        return False
    done = invitation.result is not None and invitation.result.is_complete
    return not done and invitation.deadline > timezone.now()
