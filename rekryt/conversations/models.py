"""Two-way conversations with candidates.

Outgoing: a recruiter's email is a `messaging.Message` like every other
(kind "conversation"), so it is on the timeline and in the portal already.
Every email to a candidate carries its own reply address
(`ReplyAddress`, `reply+<token>@REPLY_DOMAIN`), minted when the message is
queued. Incoming mail (`InboundMail`, one row per message received, with
no personal data) that matches an address becomes a `Reply` on the
application's timeline and in the candidate's portal."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekryt.applications.models import Application
from rekryt.candidates.models import Candidate
from rekryt.messaging.models import placeholder_errors


class ReplyAddress(models.Model):
    """One reply address, minted for one email to a candidate. Only the
    SHA-256 of its token is stored (rekryt.lib.tokens): the raw token exists
    in the email's Reply-To alone."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"reply address {self.pk} of candidate {self.candidate_id}"


class Reply(models.Model):
    """What a candidate wrote back by email, trimmed of quoted history and
    signature, as plain text."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="replies")
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField()
    # The sender's Message-ID: the same mail fetched twice is one reply.
    message_id = models.CharField(max_length=300)
    received_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    read_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["received_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "message_id"], name="one_reply_per_mail")
        ]
        indexes = [
            # Unread replies: the dashboard, the board's cards and filter, the waiting view.
            models.Index(fields=["application"], name="reply_unread", condition=Q(read_at=None)),
        ]

    def __str__(self) -> str:
        return f"reply {self.pk} to application {self.application_id}"

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class Verdict(models.TextChoices):
    ACCEPTED = "accepted", _("Reply from the candidate")
    DUPLICATE = "duplicate", _("Already received")
    AUTO_REPLY = "auto_reply", _("Automatic reply")
    BOUNCE = "bounce", _("Bounce")
    UNKNOWN = "unknown", _("No conversation for the address")
    REFUSED = "refused", _("Refused")


class InboundMail(models.Model):
    """One email received, whatever became of it: what the log may say about
    it. The sender is kept only as a keyed hash (for the flood limit)."""

    via = models.CharField(max_length=4)  # "smtp" or "imap"
    verdict = models.CharField(max_length=12, choices=Verdict.choices)
    reason = models.CharField(max_length=200, blank=True)
    size = models.PositiveIntegerField(default=0)
    sender_hash = models.CharField(max_length=64, blank=True)
    reply = models.ForeignKey(Reply, null=True, blank=True, on_delete=models.SET_NULL)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["sender_hash", "received_at"], name="inbound_sender")]

    def __str__(self) -> str:
        return f"{self.via} {self.verdict} {self.received_at:%Y-%m-%d %H:%M}"


class AddressFailure(models.Model):
    """The candidate's address bounced: mail to it does not arrive. Staff see
    it on the application page; cleared when the candidate replies."""

    candidate = models.OneToOneField(
        Candidate, on_delete=models.CASCADE, related_name="address_failure"
    )
    status = models.CharField(max_length=20, blank=True)
    first_at = models.DateTimeField(default=timezone.now)
    last_at = models.DateTimeField(default=timezone.now)
    bounces = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"failing address of candidate {self.candidate_id}"


class WritingTemplate(models.Model):
    """A message a recruiter starts from ("Book a call", "We need
    references"), in Swedish and English, with the same placeholders as the
    email templates."""

    name_sv = models.CharField(_("name (Swedish)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    subject_sv = models.CharField(_("subject (Swedish)"), max_length=200)
    subject_en = models.CharField(_("subject (English)"), max_length=200)
    body_sv = models.TextField(_("text (Swedish)"))
    body_en = models.TextField(_("text (English)"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name_en

    def name_in(self, language: str) -> str:
        return self.name_sv if language == "sv" else self.name_en

    def subject_in(self, language: str) -> str:
        return self.subject_sv if language == "sv" else self.subject_en

    def body_in(self, language: str) -> str:
        return self.body_sv if language == "sv" else self.body_en

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors = {
            field: problems
            for field in ("subject_sv", "subject_en", "body_sv", "body_en")
            if (problems := placeholder_errors(getattr(self, field)))
        }
        if errors:
            raise ValidationError(errors)


class MailboxPoll(models.Model):
    """The IMAP mailbox's polling state (one row), claimed like any due row
    by the duty `rekryt.conversations.duties.PollReplyMailbox`."""

    next_poll_at = models.DateTimeField(default=timezone.now)
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    def __str__(self) -> str:
        return f"mailbox poll due {self.next_poll_at:%Y-%m-%d %H:%M}"
