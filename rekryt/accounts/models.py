from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractUser
from django.core.cache import cache
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from rekryt.jobs.models import Job


class Role(models.TextChoices):
    ADMIN = "admin", _("Admin")
    RECRUITER = "recruiter", _("Recruiter")
    HIRING_MANAGER = "hiring_manager", _("Hiring manager")
    INTERVIEWER = "interviewer", _("Interviewer")


class User(AbstractUser):
    """A staff member. Candidates never have accounts."""

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.INTERVIEWER)
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=[("sv", "Svenska"), ("en", "English")],
        blank=True,
        help_text=_("Language of the staff interface; blank follows the organisation."),
    )

    @property
    def sees_all_jobs(self) -> bool:
        return self.is_active and self.role in (Role.ADMIN, Role.RECRUITER)

    @property
    def is_admin(self) -> bool:
        return self.is_active and self.role == Role.ADMIN

    @property
    def can_manage_jobs(self) -> bool:
        return self.sees_all_jobs

    def is_on_team(self, job: Job) -> bool:
        return job.team.filter(pk=self.pk).exists()

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour like #1f5f8b."))


class Organisation(models.Model):
    """The employer or agency running this install (one row)."""

    # Bump when fields change: a cached row from before a migration lacks them.
    CACHE_KEY = "organisation:v3"

    name = models.CharField(_("company name"), max_length=200, default="Rekryt")
    logo = models.FileField(_("logo"), upload_to="logo/", blank=True)
    brand_colour = models.CharField(
        _("brand colour"), max_length=7, default="#1f5f8b", validators=[hex_colour]
    )
    privacy_contact = models.EmailField(_("privacy contact"), blank=True)
    default_language = models.CharField(
        _("default language"),
        max_length=5,
        choices=[("sv", "Svenska"), ("en", "English")],
        default="sv",
    )
    website = models.URLField(_("website"), blank=True)
    country = models.CharField(_("country code"), max_length=2, default="SE")
    reply_to_email = models.EmailField(
        _("reply-to address"),
        blank=True,
        help_text=_("Where candidates' replies to emails go."),
    )

    # Rejections with care (issue: no candidate left hanging).
    rejection_delay_hours = models.PositiveSmallIntegerField(
        _("rejection delay (hours)"),
        default=24,
        help_text=_("Rejection emails are sent no sooner than this after the decision."),
    )
    # Emails a staff member's stage move causes (an interview invitation, say)
    # wait this long, so the move can be undone and the email previewed.
    stage_email_delay_minutes = models.PositiveSmallIntegerField(
        _("stage email delay (minutes)"),
        default=5,
        help_text=_(
            "An email caused by moving a card goes out no sooner than this, so the move "
            "can be undone. A stage's own longer delay still applies."
        ),
    )
    # The no-silence promise.
    first_response_days = models.PositiveSmallIntegerField(
        _("first personal response within (working days)"), default=5
    )
    max_silence_days = models.PositiveSmallIntegerField(
        _("never longer without news (days)"), default=14
    )
    status_update_after_days = models.PositiveSmallIntegerField(
        _("automatic status update after (days without contact)"),
        null=True,
        blank=True,
        help_text=_("Leave empty to send no automatic status updates."),
    )
    # Candidate surveys.
    surveys_enabled = models.BooleanField(_("send candidate surveys"), default=True)
    survey_cooldown_days = models.PositiveSmallIntegerField(
        _("at most one survey per candidate per (days)"), default=30
    )

    # Privacy notice (GDPR Art. 13): the controller and what happens to data.
    legal_name = models.CharField(
        _("legal name of the controller"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the company name."),
    )
    org_number = models.CharField(_("organisation number"), max_length=20, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True, max_length=500)
    dpo_email = models.EmailField(
        _("data protection officer"),
        blank=True,
        help_text=_("Only if you have appointed one."),
    )
    # Shown in the privacy notice, so written in both languages.
    privacy_recipients = models.TextField(
        _("who else receives applicants' data (Swedish)"),
        blank=True,
        max_length=2000,
        help_text=_("For example your hosting provider or a recruitment agency."),
    )
    privacy_recipients_en = models.TextField(
        _("who else receives applicants' data (English)"),
        blank=True,
        max_length=2000,
        help_text=_("The same, for the English privacy notice."),
    )
    # Retention (rekryt.privacy): what is kept, for how long.
    retention_months = models.PositiveSmallIntegerField(
        _("anonymise applications that did not lead to a hire after (months)"),
        default=24,
        help_text=_("Counted from the final decision. Swedish practice is 24 months."),
    )
    consent_months = models.PositiveSmallIntegerField(
        _("consent to future contact lasts (months)"), default=12
    )
    consent_renewal_days = models.PositiveSmallIntegerField(
        _("ask to renew consent this many days before it ends"), default=30
    )
    retention_grace_days = models.PositiveSmallIntegerField(
        _("grace period before removal (days)"),
        default=7,
        help_text=_("Items are listed in the preview this long before they are removed."),
    )
    audit_retention_months = models.PositiveSmallIntegerField(
        _("keep the audit log for (months)"), default=36
    )
    # Staff accounts.
    require_two_factor = models.BooleanField(
        _("require two-factor authentication for all staff"), default=False
    )

    class Meta:
        verbose_name = _("organisation")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.pk = 1
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        cache.delete(self.CACHE_KEY)

    @property
    def controller_name(self) -> str:
        return self.legal_name or self.name

    @classmethod
    def get(cls) -> Organisation:
        org = cache.get(cls.CACHE_KEY)
        if org is None:
            org, _created = cls.objects.get_or_create(pk=1)
            cache.set(cls.CACHE_KEY, org, 60)
        return org


class StaffInviteQuerySet(models.QuerySet["StaffInvite"]):
    def pending(self) -> StaffInviteQuerySet:
        from django.utils import timezone

        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class StaffInvite(models.Model):
    """An invitation for a new staff member. The email carries the raw token;
    only its SHA-256 is stored (rekryt.lib.tokens). Single use, and it
    expires after `StaffInvite.VALID_DAYS` days."""

    VALID_DAYS = 7

    email = models.EmailField(_("email"))
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invites_accepted",
        help_text="The account created when the invitation was accepted.",
    )

    objects = StaffInviteQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("staff invitation")

    def __str__(self) -> str:
        return f"Invitation {self.pk}"

    @property
    def is_pending(self) -> bool:
        from django.utils import timezone

        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class RateCounter(models.Model):
    """One rate-limit or lockout window (rekryt.accounts.ratelimit). `key` is an
    HMAC of what is counted (an address, an account), so the table holds no
    address or name; `expires` is when the window ends, in epoch seconds.
    Counted with one upsert statement, so parallel requests never lose a hit;
    the worker's `purge_expired_counters` duty deletes ended windows."""

    key = models.CharField(max_length=64, unique=True)
    hits = models.PositiveIntegerField(default=0)
    expires = models.BigIntegerField(db_index=True)

    def __str__(self) -> str:
        return f"{self.hits} hits until {self.expires}"


class EmailRequestKind(models.TextChoices):
    PASSWORD_RESET = "password_reset", _("password reset")
    PORTAL_LINK = "portal_link", _("portal link")


class EmailRequest(models.Model):
    """An address typed into a form that emails a link (a staff password
    reset, a candidate's new portal link). The request only stores this row,
    the same work whether or not the address is known; a worker duty looks
    the address up, queues the email if there is someone to send it to and
    deletes the row (rekryt.accounts.email_requests)."""

    kind = models.CharField(max_length=20, choices=EmailRequestKind.choices)
    email = models.EmailField()
    language = models.CharField(max_length=8, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["kind", "id"], name="email_request_kind")]

    def __str__(self) -> str:
        return f"{self.kind} request {self.pk}"
