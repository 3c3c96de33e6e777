"""Outbound webhooks: endpoints an admin registers, one delivery per event
and endpoint (unique, so a fan-out run again adds nothing), and each HTTP
attempt kept for the endpoint's delivery log.

Payloads are thin: ids, the event's type and time and what changed, never a
name or an email address; an integration reads the rest with its own
access. The signing secret must be kept (not hashed) to sign with."""

from __future__ import annotations

import base64
import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Standard Webhooks' secret format: "whsec_" and base64 of 24 or more bytes.
SECRET_PREFIX = "whsec_"  # noqa: S105 (a format, not a secret)


def new_message_id() -> str:
    return f"msg_{uuid.uuid4().hex}"


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


class EventType(models.TextChoices):
    APPLICATION_CREATED = "application.created", _("Application created")
    STAGE_CHANGED = "application.stage_changed", _("Stage changed")
    OUTCOME_SET = "application.outcome_set", _("Outcome set (hired, rejected, withdrawn)")
    HIRED = "application.hired", _("Hired")
    INTERVIEW_SCHEDULED = "interview.scheduled", _("Interview scheduled")
    OFFER_ACCEPTED = "offer.accepted", _("Offer accepted")
    CANDIDATE_ERASED = "candidate.erased", _("Candidate erased")
    EMPLOYEE_HANDOVER = "employee.handover", _("New employee handed over (onboarding done)")


class Endpoint(models.Model):
    url = models.URLField(_("URL"), max_length=500)
    description = models.CharField(_("description"), max_length=200, blank=True)
    # Empty: every event type.
    event_types = models.JSONField(default=list, blank=True)
    secret = models.CharField(max_length=100, default=new_secret)
    allow_private = models.BooleanField(
        _("allow a private or loopback address"),
        default=False,
        help_text=_("Only for a system inside your own network; plain http is then allowed too."),
    )
    enabled = models.BooleanField(_("enabled"), default=True)
    disabled_reason = models.CharField(max_length=200, blank=True)
    # Since when every attempt has failed (None after a success).
    failing_since = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.url

    def wants(self, event_type: str) -> bool:
        return not self.event_types or event_type in self.event_types


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SUCCEEDED = "succeeded", _("Delivered")
    FAILED = "failed", _("Failed (gave up)")


class Delivery(models.Model):
    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    # The application event it tells of (None for candidate.erased); the
    # unique (endpoint, event, type) keeps a fan-out run again from adding a
    # copy (an outcome "hired" is told as two types).
    event_id = models.BigIntegerField(null=True, blank=True)
    application_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    event_type = models.CharField(max_length=40, choices=EventType.choices)
    payload = models.JSONField()
    # Standard Webhooks' webhook-id: the same on every attempt, so the
    # receiver can drop a copy it already has.
    message_id = models.CharField(max_length=40, unique=True, default=new_message_id)
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "event_id", "event_type"],
                condition=models.Q(event_id__isnull=False),
                name="one_delivery_per_event",
            )
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status="pending"),
                name="webhook_due",
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_type} {self.message_id}"


class Attempt(models.Model):
    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="log")
    at = models.DateTimeField(default=timezone.now)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    # The error without the response body (which could hold anything).
    error = models.CharField(max_length=200, blank=True)
    milliseconds = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.status_code or self.error}"

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class FanOut(models.Model):
    """The single row that remembers how far the application events have
    been turned into deliveries."""

    after_event = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"after event {self.after_event}"


# Retries after the first attempt: about a day in all (Standard Webhooks'
# schedule, shortened at the start).
RETRIES = [
    timedelta(seconds=5),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=8),
]


# --- Personal API tokens (rekryt.api.tokens, rekryt.api.v1) ------------------

# What a token may reach: read (and, where the API writes, write) per resource.
RESOURCES = (
    "jobs",
    "stages",
    "candidates",
    "applications",
    "events",
    "messages",
    "notes",
    "tags",
    "questions",
    "interviews",
    "scorecards",
    "offers",
    "pools",
    "handovers",
)
WRITABLE = ("applications", "notes", "tags")
SCOPES = [f"{name}:read" for name in RESOURCES] + [f"{name}:write" for name in WRITABLE]


class TokenQuerySet(models.QuerySet["Token"]):
    def usable(self) -> TokenQuerySet:
        now = timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now, user__is_active=True)


class Token(models.Model):
    """A personal API token. It acts as its user (the same roles and hiring
    teams as the pages), only within its scopes and until it expires or is
    revoked. The token itself is shown once; only its SHA-256 is kept (it
    has 256 bits of randomness, so a plain hash cannot be guessed back)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    # The first characters, to tell tokens apart in lists and logs.
    prefix = models.CharField(max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField(default=list)
    expires_at = models.DateTimeField(_("expires"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = TokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    def allows(self, resource: str, write: bool = False) -> bool:
        if f"{resource}:write" in self.scopes:
            return True
        return not write and f"{resource}:read" in self.scopes


class IdempotentRequest(models.Model):
    """A POST made with an Idempotency-Key: the same key and body again get
    this response back instead of doing the work twice. Kept a day
    (rekryt.api.duties)."""

    token = models.ForeignKey(Token, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    # The method, path and body, hashed: a key reused for something else is refused.
    fingerprint = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField()
    body = models.TextField()
    content_type = models.CharField(max_length=60)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["token", "key"], name="one_response_per_key")
        ]

    def __str__(self) -> str:
        return f"{self.key} → {self.status}"
