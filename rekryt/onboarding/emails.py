"""The emails of onboarding: the new hire's invitation to the preboarding
portal (with a fresh portal link), and the checklist owners' reminders.
Each is three templates (subject, text, HTML from the text) in the reader's
language, queued in the outbox."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation

from rekryt.accounts.models import Organisation
from rekryt.applications.candidate_mail import queue_to_candidate
from rekryt.messaging import outbox
from rekryt.messaging.models import Message
from rekryt.messaging.rendering import render_files
from rekryt.portal.tokens import portal_values

INVITE = "onboarding_invite"
TASK_SOON, TASK_OVERDUE = "onboarding_task_soon", "onboarding_task_overdue"
REMINDER_KINDS = [TASK_SOON, TASK_OVERDUE]


FOLDER = "onboarding/email"


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
    rendered = render_files(FOLDER, INVITE, context, language)
    return queue_to_candidate(application, rendered, key=key, kind=INVITE, send_after=send_after)


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
    rendered = render_files(FOLDER, kind, context, language)
    return outbox.queue_rendered(
        key=key,
        kind=kind,
        to_email=user.email,
        to_name=user.display_name,
        subject=rendered.subject,
        text=rendered.text,
        html=rendered.html,
        language=language,
    )
