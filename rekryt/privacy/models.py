"""Privacy by design: notices, consent records, legal holds, access requests,
retention runs and the evidence that an erasure happened.

None of these rows may keep personal data longer than the person's own
records: consents and holds go with the candidate, an access request keeps
only dates and outcome once its candidate is erased, and an ErasureRecord
holds counts, never names."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from rekryt.candidates.models import Candidate
from rekryt.lib.months import add_months


class PrivacyNotice(models.Model):
    """One published version of the privacy notice (GDPR Art. 13), generated
    from the organisation settings and frozen, so it can be shown later which
    text a candidate saw."""

    version = models.PositiveIntegerField(unique=True)
    text_sv = models.TextField()
    text_en = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"privacy notice v{self.version}"

    def text(self, language: str) -> str:
        return self.text_sv if language == "sv" else self.text_en


class ConsentPurpose(models.TextChoices):
    FUTURE_CONTACT = "future_contact", _("Contact about future roles")
    TALENT_POOL = "talent_pool", _("Talent pool")


class ConsentMethod(models.TextChoices):
    APPLY_FORM = "apply_form", _("Application form")
    EMAIL_LINK = "email_link", _("Link in an email")
    PORTAL = "portal", _("Candidate portal")
    STAFF = "staff", _("Recorded by staff")
    EXPIRY = "expiry", _("Expired")


class ConsentQuerySet(models.QuerySet["Consent"]):
    def latest_per_purpose(self) -> ConsentQuerySet:
        """The record that decides the current answer: the newest per candidate and purpose."""
        newer = Consent.objects.filter(
            candidate=models.OuterRef("candidate"),
            purpose=models.OuterRef("purpose"),
            created_at__gt=models.OuterRef("created_at"),
        )
        return self.exclude(models.Exists(newer))

    def in_force(self, now: object = None) -> ConsentQuerySet:
        now = now or timezone.now()
        return (
            self.latest_per_purpose()
            .filter(given=True)
            .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        )


class Consent(models.Model):
    """One answer a candidate gave, kept as evidence: the exact sentence, the
    notice version shown, when and how. Records are never edited; withdrawing
    or renewing adds a record, and the newest one per purpose is in force."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(max_length=20, choices=ConsentPurpose.choices)
    given = models.BooleanField()
    text = models.TextField()
    notice = models.ForeignKey(
        PrivacyNotice, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    language = models.CharField(max_length=2, default="sv")
    method = models.CharField(max_length=20, choices=ConsentMethod.choices)
    ip = models.GenericIPAddressField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)
    # Set when the renewal email went out, so it goes once per consent.
    renewal_sent_at = models.DateTimeField(null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["candidate", "purpose", "created_at"], name="consent_latest"),
            models.Index(fields=["expires_at"], name="consent_expiry"),
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} {self.purpose}: {self.given}"


class LegalHoldQuerySet(models.QuerySet["LegalHold"]):
    def active(self) -> LegalHoldQuerySet:
        return self.filter(released_at__isnull=True)


class LegalHold(models.Model):
    """Suspends every retention rule for a candidate or a job (a dispute, a
    discrimination claim) until released."""

    candidate = models.ForeignKey(
        Candidate, null=True, blank=True, on_delete=models.CASCADE, related_name="legal_holds"
    )
    job = models.ForeignKey(
        "jobs.Job", null=True, blank=True, on_delete=models.CASCADE, related_name="legal_holds"
    )
    reason = models.TextField(_("reason"), max_length=2000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = LegalHoldQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(candidate__isnull=False, job__isnull=True)
                    | Q(candidate__isnull=True, job__isnull=False)
                ),
                name="legal_hold_one_target",
            )
        ]

    def __str__(self) -> str:
        return f"hold on {'candidate' if self.candidate_id else 'job'}"

    @property
    def is_active(self) -> bool:
        return self.released_at is None


class RequestKind(models.TextChoices):
    ACCESS = "access", _("Access to their data")
    ERASURE = "erasure", _("Erasure")
    RECTIFICATION = "rectification", _("Correction")
    OBJECTION = "objection", _("Objection or restriction")


class RequestChannel(models.TextChoices):
    PORTAL = "portal", _("Candidate portal")
    EMAIL = "email", _("Email")
    POST = "post", _("Letter")
    OTHER = "other", _("Other")


class RequestStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("request status", "Open")
    ANSWERED = "answered", _("Answered")
    REFUSED = "refused", _("Refused")


def one_month_after(moment: datetime) -> datetime:
    """GDPR Art. 12(3): "within one month of receipt": the same day next
    month, or its last day when it has no such day (31 January)."""
    return add_months(moment, 1)


class AccessRequest(models.Model):
    """A data-subject request, tracked until answered within its deadline.

    Portal requests carry a one-time download token sent by email; staff
    record requests that came by letter or email and produce the export."""

    candidate = models.ForeignKey(
        Candidate, null=True, blank=True, on_delete=models.SET_NULL, related_name="access_requests"
    )
    kind = models.CharField(max_length=20, choices=RequestKind.choices, default=RequestKind.ACCESS)
    channel = models.CharField(max_length=10, choices=RequestChannel.choices)
    status = models.CharField(
        max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    # Who asked, as written on the request; blanked when the candidate is erased.
    requester = models.CharField(_("who asked"), max_length=200, blank=True)
    details = models.TextField(_("details"), blank=True, max_length=5000)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    due_at = models.DateTimeField(_("answer by"))
    extension_reason = models.TextField(_("reason for extending the deadline"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answer_note = models.TextField(_("how it was answered"), blank=True, max_length=5000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Portal self-service: a hashed one-time token, emailed to the candidate.
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    token_expires_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    downloaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at", "pk"]
        indexes = [models.Index(fields=["status", "due_at"], name="access_request_due")]

    def __str__(self) -> str:
        return f"{self.kind} request {self.pk}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.due_at is None:
            self.due_at = one_month_after(self.received_at)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def is_open(self) -> bool:
        return self.status == RequestStatus.OPEN

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_at < timezone.now()


class RetentionRun(models.Model):
    """One day's run of the retention duty: claimed once, idempotent, logged.

    `log` lists what was done as [rule, model, id] triples: ids, not names."""

    day = models.DateField(unique=True)
    started_at = models.DateTimeField(default=timezone.now)
    claimed_until = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    counts = models.JSONField(default=dict, blank=True)
    log = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-day"]

    def __str__(self) -> str:
        return f"retention {self.day}"


class ErasureReason(models.TextChoices):
    REQUEST = "request", _("The candidate asked")
    RETENTION = "retention", _("Retention period ended")
    STAFF = "staff", _("Removed by staff")


class ErasureRecord(models.Model):
    """Evidence that a candidate was erased, without saying who they were."""

    reason = models.CharField(max_length=20, choices=ErasureReason.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    access_request = models.ForeignKey(
        AccessRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    counts = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"erasure {self.pk} ({self.reason})"
