"""Preboarding and onboarding: what the new hire reads, confirms, fills in
and uploads before day one, and the checklist the manager, IT and HR work
through around the start date.

An Onboarding starts when an application's outcome becomes Hired
(rekryt.onboarding.actions.start_onboarding, through applications' outcome
hook). Its content (welcome, first week, practical details) is per hire,
in Swedish and English; the organisation's Materials (culture book,
handbook, policies) and TaskTemplates are shared by all hires.

Bank and tax details are optional and stored only encrypted
(rekryt.onboarding.sealing); they are erased once handed over to payroll,
or by the worker PAY_DETAILS_DAYS after the start date if they never are."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rekryt.jobs.models import names_in


def _lang() -> str:
    return get_language() or settings.LANGUAGE_CODE


class Bilingual(models.Model):
    class Meta:
        abstract = True

    def text_in(self, field: str, language: str) -> str:
        return names_in(getattr(self, f"{field}_sv"), getattr(self, f"{field}_en"), language)


class MaterialKind(models.TextChoices):
    CULTURE = "culture", _("Culture book")
    HANDBOOK = "handbook", _("Employee handbook")
    POLICY = "policy", _("Policy to read and confirm")


class Material(Bilingual):
    """A document every new hire gets: read in the portal, and confirmed
    when `must_confirm` (a policy, the handbook)."""

    kind = models.CharField(_("kind"), max_length=20, choices=MaterialKind.choices)
    title_sv = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    body_sv = models.TextField(_("text (Swedish)"))
    body_en = models.TextField(_("text (English)"), blank=True)
    must_confirm = models.BooleanField(_("the new hire confirms having read it"), default=False)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(_("given to new hires"), default=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title_sv


class Owner(models.TextChoices):
    MANAGER = "manager", _("Manager")
    IT = "it", _("IT")
    HR = "hr", _("HR")


class TaskTemplate(Bilingual):
    """A checklist item every onboarding gets, due `days` working days from
    the start date (negative: before it; 0: on the first day)."""

    title_sv = models.CharField(_("task (Swedish)"), max_length=200)
    title_en = models.CharField(_("task (English)"), max_length=200)
    owner = models.CharField(_("owner"), max_length=10, choices=Owner.choices)
    days = models.SmallIntegerField(_("working days from the start date"), default=0)
    # IT has no role of its own: the person who takes IT's tasks.
    default_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("done by (when not the job's manager or recruiter)"),
    )
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["days", "order", "pk"]

    def __str__(self) -> str:
        return self.title_sv


class Status(models.TextChoices):
    PREPARING = "preparing", _("Being prepared")
    INVITED = "invited", _("Preboarding open")
    DONE = "done", _("Onboarding done")
    CANCELLED = "cancelled", _("Cancelled (no longer hired)")


class OnboardingQuerySet(models.QuerySet["Onboarding"]):
    def visible_to(self, user: Any) -> OnboardingQuerySet:
        """Staff see the onboardings of the jobs they see (jobs.visible_to)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.sees_all_jobs:
            return self.all()
        if user.role == "interviewer":
            return self.none()
        return self.filter(application__job__team=user)

    def upcoming(self) -> OnboardingQuerySet:
        return self.filter(status__in=[Status.PREPARING, Status.INVITED])


class Onboarding(Bilingual):
    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="onboarding"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PREPARING)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    start_time = models.TimeField(_("time on the first day"), default=time(9, 0))
    address = models.CharField(_("address on the first day"), max_length=300, blank=True)
    met_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who meets them at the door"),
    )
    buddy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("buddy"),
    )
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("people to meet")
    )
    welcome_sv = models.TextField(_("welcome message (Swedish)"), blank=True)
    welcome_en = models.TextField(_("welcome message (English)"), blank=True)
    videos = models.TextField(_("video links, one per line"), blank=True)
    first_week_sv = models.TextField(_("first-week plan (Swedish)"), blank=True)
    first_week_en = models.TextField(_("first-week plan (English)"), blank=True)
    practical_sv = models.TextField(_("other practical information (Swedish)"), blank=True)
    practical_en = models.TextField(_("other practical information (English)"), blank=True)

    # What the new hire fills in (the form "About you").
    preferred_name = models.CharField(_("name you like to be called"), max_length=100, blank=True)
    emergency_contact = models.CharField(
        _("emergency contact (name and phone)"), max_length=200, blank=True
    )
    dietary = models.CharField(_("food allergies or preferences"), max_length=300, blank=True)
    needs = models.TextField(_("anything we should arrange for you"), blank=True)
    computer = models.CharField(_("computer you prefer"), max_length=20, blank=True)
    details_saved_at = models.DateTimeField(null=True, blank=True)

    # Fernet tokens (rekryt.onboarding.sealing); never plaintext.
    bank_sealed = models.TextField(blank=True)
    tax_sealed = models.TextField(blank=True)
    pay_saved_at = models.DateTimeField(null=True, blank=True)
    # Read by the duty erase_pay_details (partial index onboarding_pay_due).
    pay_erase_at = models.DateTimeField(null=True, blank=True)
    pay_handed_over_at = models.DateTimeField(null=True, blank=True)
    pay_handed_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_until = models.DateTimeField(null=True, blank=True)

    invited_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = OnboardingQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["pay_erase_at"],
                name="onboarding_pay_due",
                condition=~Q(bank_sealed="") | ~Q(tax_sealed=""),
            ),
            models.Index(fields=["status", "start_date"], name="onboarding_upcoming"),
        ]

    def __str__(self) -> str:
        return f"onboarding {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in (Status.PREPARING, Status.INVITED)

    @property
    def has_pay_details(self) -> bool:
        return bool(self.bank_sealed or self.tax_sealed)

    @property
    def video_links(self) -> list[str]:
        lines = (line.strip() for line in self.videos.splitlines())
        return [line for line in lines if line.startswith("https://")]

    def days_to_start(self, today: date | None = None) -> int | None:
        if self.start_date is None:
            return None
        return (self.start_date - (today or timezone.localdate())).days


class Task(Bilingual):
    onboarding = models.ForeignKey(Onboarding, on_delete=models.CASCADE, related_name="tasks")
    template = models.ForeignKey(TaskTemplate, null=True, blank=True, on_delete=models.SET_NULL)
    title_sv = models.CharField(_("task (Swedish)"), max_length=200)
    title_en = models.CharField(_("task (English)"), max_length=200)
    owner = models.CharField(_("owner"), max_length=10, choices=Owner.choices)
    days = models.SmallIntegerField(default=0)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="onboarding_tasks",
        verbose_name=_("done by"),
    )
    due_date = models.DateField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Read by the duty send_task_reminders (partial index task_remind_due).
    remind_at = models.DateTimeField(null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "days", "pk"]
        indexes = [
            models.Index(
                fields=["remind_at"], name="task_remind_due", condition=Q(done_at__isnull=True)
            )
        ]

    def __str__(self) -> str:
        return self.title_sv

    @property
    def title(self) -> str:
        return self.text_in("title", _lang())

    def is_overdue(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.done_at is None and self.due_date is not None and self.due_date < today


class Confirmation(models.Model):
    onboarding = models.ForeignKey(
        Onboarding, on_delete=models.CASCADE, related_name="confirmations"
    )
    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="+")
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["onboarding", "material"], name="one_confirmation")
        ]

    def __str__(self) -> str:
        return f"confirmation {self.pk}"


def upload_path(instance: Upload, filename: str) -> str:
    return f"onboarding/{instance.onboarding_id}/{timezone.now():%Y%m%d%H%M%S%f}.bin"


class UploadKind(models.TextChoices):
    CONTRACT = "contract", _("Signed contract")
    ID = "id", _("Copy of ID document")
    CERTIFICATE = "certificate", _("Certificate or diploma")
    OTHER = "other", _("Other")


class Upload(models.Model):
    """A file the new hire sent (checked by rekryt.lib.sniff like every
    upload; never text-extracted or searched)."""

    onboarding = models.ForeignKey(Onboarding, on_delete=models.CASCADE, related_name="uploads")
    kind = models.CharField(_("what it is"), max_length=20, choices=UploadKind.choices)
    file = models.FileField(upload_to=upload_path, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"upload {self.pk}"

    @property
    def extension(self) -> str:
        from rekryt.lib.sniff import EXTENSIONS

        return EXTENSIONS.get(self.content_type, "bin")
