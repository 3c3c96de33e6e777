from __future__ import annotations

import string
import uuid
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Placeholders a template may use. Values are filled by
# `rekryt.messaging.rendering.context_for`; anything else is refused on save
# so a candidate never receives "Hello {first_nmae}".
PLACEHOLDERS: dict[str, StrOrPromise] = {
    "candidate_first_name": _("the candidate's first name"),
    "candidate_name": _("the candidate's full name"),
    "job_title": _("the job title"),
    "company": _("the company name"),
    "recruiter_name": _("the recruiter's name"),
    "reply_by": _("the date the candidate will hear from us by"),
    "job_url": _("the job ad's address"),
    "career_site_url": _("the career site's address"),
    "privacy_contact": _("the privacy contact's email"),
    "portal_url": _("the candidate's personal link to follow their applications"),
    "stage_name": _("the step the application is in"),
    "personal_note": _("the recruiter's personal sentence, if any"),
    "rejection_reason": _("the reason for the decision, in the candidate's language"),
    "hear_by": _("the date the candidate is promised to hear from us by"),
    "survey_url": _("the link to the candidate survey"),
    "consent_url": _("the link to renew or withdraw consent"),
    "consent_until": _("the date the candidate's consent ends"),
    "download_url": _("the one-time link to download the candidate's data"),
    "resubmitted_on": _("the date the application form was sent again"),
}


class TemplateKind(models.TextChoices):
    APPLICATION_RECEIVED = "application_received", _("Application received")
    INTERVIEW_INVITATION = "interview_invitation", _("Invitation to interview")
    HIRED_WELCOME = "hired_welcome", _("Welcome aboard")
    REJECTION = "rejection", _("Rejection")
    REJECTION_AFTER_INTERVIEW = "rejection_after_interview", _("Rejection after an interview")
    POSITION_FILLED = "position_filled", _("The position has been filled")
    WITHDRAWAL_CONFIRMED = "withdrawal_confirmed", _("Withdrawal confirmed")
    STATUS_UPDATE = "status_update", _("Status update: still working on it")
    PORTAL_LINK = "portal_link", _("A new link to your applications")
    SURVEY_INVITATION = "survey_invitation", _("Candidate survey")
    FUTURE_CONTACT = "future_contact", _("May we contact you about future roles?")
    CONSENT_RENEWAL = "consent_renewal", _("Renew your consent")
    DATA_EXPORT = "data_export", _("Your data is ready to download")
    APPLICATION_REPEATED = "application_repeated", _("You already have an application for this job")


def placeholder_errors(text: str) -> list[str]:
    """Return a message per problem with the {placeholders} in text."""
    errors: list[str] = []
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        return [
            _("Braces do not match: %(error)s. Write {{ and }} for literal braces.")
            % {"error": exc}
        ]
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if field not in PLACEHOLDERS:
            errors.append(_("Unknown placeholder {%(name)s}.") % {"name": field})
        elif spec or conversion:
            errors.append(_("Placeholder {%(name)s} cannot have a format.") % {"name": field})
    return errors


class EmailTemplate(models.Model):
    kind = models.CharField(max_length=40, choices=TemplateKind.choices)
    language = models.CharField(max_length=2, choices=[("sv", "Svenska"), ("en", "English")])
    subject = models.CharField(_("subject"), max_length=200)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(
        _("HTML"),
        blank=True,
        help_text=_("Optional. Leave empty to build the HTML version from the text."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "language"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "language"], name="one_template_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.language})"

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        for field in ("subject", "body_text", "body_html"):
            problems = placeholder_errors(getattr(self, field))
            if problems:
                errors[field] = problems
        if "\n" in self.subject or "\r" in self.subject:
            errors.setdefault("subject", []).append(str(_("The subject must be one line.")))
        if errors:
            raise ValidationError(errors)


class MessageStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


def new_message_id() -> str:
    return f"<{uuid.uuid4().hex}@rekryt>"


class Message(models.Model):
    """The outbox and the communication log: one row per email.

    Written in the same transaction as the change that causes it and delivered
    by the worker duty `rekryt.messaging.duties.DeliverDueMessages`."""

    idempotency_key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=40)
    language = models.CharField(max_length=2, default="sv")
    to_email = models.EmailField(max_length=254)
    to_name = models.CharField(max_length=200, blank=True)
    reply_to = models.EmailField(blank=True)
    subject = models.CharField(max_length=300)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    candidate = models.ForeignKey(
        "candidates.Candidate",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="messages",
    )
    application = models.ForeignKey(
        "applications.Application",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="messages",
    )
    status = models.CharField(
        max_length=10, choices=MessageStatus.choices, default=MessageStatus.SCHEDULED
    )
    send_after = models.DateTimeField(default=timezone.now)
    # Temporary failures are retried until this time, then the message fails.
    give_up_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=100, default=new_message_id, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True)
    to_mailbox = models.BooleanField(
        default=False, help_text="Delivered to the development mailbox, not by SMTP."
    )
    # Sent again after a worker stopped mid-batch, when the server may already
    # have accepted it: the receiver may see it twice (same Message-ID).
    possible_duplicate = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # Read by the delivery duty: due scheduled messages, oldest first.
            models.Index(
                fields=["send_after"], name="message_due", condition=Q(status="scheduled")
            ),
            models.Index(fields=["application", "created_at"], name="message_application"),
            models.Index(fields=["to_mailbox", "-sent_at"], name="message_mailbox"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to_email}"

    @property
    def is_pending(self) -> bool:
        return self.status == MessageStatus.SCHEDULED
