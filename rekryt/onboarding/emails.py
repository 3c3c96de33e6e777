"""The emails of onboarding: the new hire's invitation to the preboarding
portal (with a fresh portal link), and the checklist owners' reminders.
Each is three templates (subject, text, HTML from the text) in the reader's
language, queued in the outbox."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.html import linebreaks, urlize

from rekryt.accounts.models import Organisation
from rekryt.applications.models import EventKind, record
from rekryt.messaging import outbox
from rekryt.messaging.models import Message
from rekryt.portal.tokens import portal_values

INVITE = "onboarding_invite"
TASK_SOON, TASK_OVERDUE = "onboarding_task_soon", "onboarding_task_overdue"
REMINDER_KINDS = [TASK_SOON, TASK_OVERDUE]


def _render(kind: str, context: dict[str, Any], language: str) -> tuple[str, str, str]:
    with translation.override(language):
        subject = render_to_string(f"onboarding/email/{kind}_subject.txt", context).strip()
        text = render_to_string(f"onboarding/email/{kind}.txt", context)
        inner = linebreaks(urlize(text, autoescape=True), autoescape=False)
        html = render_to_string(
            "messaging/email.html", {**context, "subject": subject, "inner": inner}
        )
    return subject, text, html


def day(value: Any, language: str) -> str:
    if value is None:
        return ""
    with translation.override(language):
        return formats.date_format(value, "DATE_FORMAT")


def queue_invitation(onboarding: Any, *, key: str, send_after: datetime) -> Message:
    application = onboarding.application
    language = application.language
    context = {
        "application": application,
        "job": application.job,
        "organisation": Organisation.get(),
        "start": day(onboarding.start_date, language),
        **portal_values(candidate=application.candidate, application=application, kind=INVITE),
    }
    subject, text, html = _render(INVITE, context, language)
    message = outbox.queue_rendered(
        key=key,
        kind=INVITE,
        to_email=application.candidate.email,
        to_name=application.full_name,
        subject=subject,
        text=text,
        html=html,
        language=language,
        send_after=send_after,
    )
    Message.objects.filter(pk=message.pk).update(
        application=application, candidate_id=application.candidate_id
    )
    message.application, message.candidate_id = application, application.candidate_id
    record(application, EventKind.MESSAGE_QUEUED, message=message.pk, subject=message.subject)
    return message


def queue_task_reminder(task: Any, kind: str, *, key: str) -> Message | None:
    user = task.user or task.onboarding.application.job.recruiter
    if user is None or not user.email or not user.is_active:
        return None
    onboarding = task.onboarding
    language = (user.language or settings.LANGUAGE_CODE)[:2]
    context = {
        "task": task,
        "title": task.text_in("title", language),
        "name": onboarding.application.full_name,
        "job": onboarding.application.job,
        "due": day(task.due_date, language),
        "start": day(onboarding.start_date, language),
        "url": settings.SITE_URL + reverse("onboarding_detail", args=[onboarding.pk]),
    }
    subject, text, html = _render(kind, context, language)
    return outbox.queue_rendered(
        key=key,
        kind=kind,
        to_email=user.email,
        to_name=user.display_name,
        subject=subject,
        text=text,
        html=html,
        language=language,
    )
