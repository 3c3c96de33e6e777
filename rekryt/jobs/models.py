from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from rekryt.accounts.models import User


class Language(models.TextChoices):
    SV = "sv", "Svenska"
    EN = "en", "English"


class EmploymentType(models.TextChoices):
    # Values are schema.org JobPosting employmentType values.
    FULL_TIME = "FULL_TIME", _("Full time")
    PART_TIME = "PART_TIME", _("Part time")
    TEMPORARY = "TEMPORARY", _("Fixed term")
    CONTRACTOR = "CONTRACTOR", _("Contractor")
    INTERN = "INTERN", _("Internship")


class Workplace(models.TextChoices):
    ONSITE = "onsite", _("On site")
    HYBRID = "hybrid", _("Hybrid")
    REMOTE = "remote", _("Remote")


class SalaryUnit(models.TextChoices):
    MONTH = "MONTH", _("per month")
    HOUR = "HOUR", _("per hour")
    YEAR = "YEAR", _("per year")


class JobStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CLOSED = "closed", _("Closed")


class StageKind(models.TextChoices):
    APPLIED = "applied", pgettext_lazy("stage kind", "Applied")
    SCREENING = "screening", _("Screening")
    INTERVIEW = "interview", _("Interview")
    REFERENCES = "references", _("References")
    OFFER = "offer", _("Offer")
    HIRED = "hired", _("Hired")
    OTHER = "other", _("Other")


# The emails a stage may send on entering (messaging TemplateKind values; jobs
# sits above messaging). Each makes sense the moment a card enters a stage and
# needs only values every application has. Decisions (rejections, withdrawal),
# surveys, portal links, consent renewals, data exports and the status update
# (whose "hear by" date is a promise the promises app records) are sent by
# their own workflows and would reach the candidate with blanks or wrongly.
STAGE_EMAIL_KINDS = ("application_received", "interview_invitation", "hired_welcome")


class StageTemplate(models.Model):
    """The editable default pipeline copied into each new job."""

    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=StageKind.choices, default=StageKind.OTHER)
    name_sv = models.CharField(_("name (Swedish)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)
    # Stage automation, copied into each new job's stage (see Stage).
    email_kind = models.CharField(_("email on entering"), max_length=40, blank=True)
    email_delay_hours = models.PositiveSmallIntegerField(_("email delay (hours)"), default=0)
    send_survey = models.BooleanField(_("send a survey on entering"), default=False)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name

    def name_in(self, language: str) -> str:
        return names_in(self.name_sv, self.name_en, language)

    @property
    def name(self) -> str:
        return self.name_in(get_language() or settings.LANGUAGE_CODE)


def names_in(sv: str, en: str, language: str) -> str:
    """The name in `language` ("sv", "en", "en-gb"...), or the other one when
    that is missing (an old event, say)."""
    return (sv or en) if str(language)[:2] == "sv" else (en or sv)


class JobQuerySet(models.QuerySet["Job"]):
    def visible_to(self, user: User) -> JobQuerySet:
        """The one place the job visibility rule lives."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.sees_all_jobs:
            return self.all()
        return self.filter(team=user)

    def published(self) -> JobQuerySet:
        return self.filter(status=JobStatus.PUBLISHED)


class Job(models.Model):
    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    department = models.CharField(_("department"), max_length=80, blank=True, db_index=True)
    city = models.CharField(_("city"), max_length=80, blank=True, db_index=True)
    region = models.CharField(_("region"), max_length=80, blank=True)
    country = models.CharField(_("country code"), max_length=2, default="SE")
    workplace = models.CharField(
        _("workplace"), max_length=10, choices=Workplace.choices, default=Workplace.ONSITE
    )
    employment_type = models.CharField(
        _("employment type"),
        max_length=12,
        choices=EmploymentType.choices,
        default=EmploymentType.FULL_TIME,
    )
    working_hours = models.CharField(
        _("working hours"),
        max_length=120,
        blank=True,
        help_text=_("For example: full time, 40 hours a week, flexible hours."),
    )
    salary_min = models.PositiveIntegerField(_("salary from"), null=True, blank=True)
    salary_max = models.PositiveIntegerField(_("salary to"), null=True, blank=True)
    salary_currency = models.CharField(_("currency"), max_length=3, default="SEK")
    salary_unit = models.CharField(
        _("salary per"), max_length=5, choices=SalaryUnit.choices, default=SalaryUnit.MONTH
    )
    benefits = models.TextField(_("benefits"), blank=True)
    team_description = models.TextField(_("the team"), blank=True)
    description = models.TextField(_("description"))
    requirements = models.TextField(_("requirements"), blank=True)
    after_apply = models.TextField(
        _("what happens after you apply"),
        blank=True,
        help_text=_("The steps of the process and when the candidate will hear back."),
    )
    reply_within_days = models.PositiveSmallIntegerField(
        _("first reply within (days)"),
        default=5,
        help_text=_("The candidate is told they will hear from you within this many days."),
    )
    deadline = models.DateField(_("application deadline"), null=True, blank=True)
    # JobTech taxonomy concept ids (rekryt.jobs.taxonomy), for Platsbanken.
    # Blank until chosen; the job form accepts only ids in the vendored list.
    jobtech_occupation = models.CharField(_("occupation (JobTech)"), max_length=20, blank=True)
    jobtech_municipality = models.CharField(_("municipality (JobTech)"), max_length=20, blank=True)
    jobtech_employment_type = models.CharField(
        _("employment type (JobTech)"), max_length=20, blank=True
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.SV
    )
    status = models.CharField(
        max_length=10, choices=JobStatus.choices, default=JobStatus.DRAFT, db_index=True
    )
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="team_jobs",
        verbose_name=_("hiring team"),
    )
    recruiter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recruiter_jobs",
        verbose_name=_("recruiter"),
    )
    published_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="job_status_published"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True)
                | Q(salary_max__isnull=True)
                | Q(salary_min__lte=models.F("salary_max")),
                name="job_salary_range_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("career_job", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == JobStatus.PUBLISHED

    @property
    def is_open_for_applications(self) -> bool:
        if self.status != JobStatus.PUBLISHED:
            return False
        return self.deadline is None or self.deadline >= timezone.localdate()

    @property
    def has_salary(self) -> bool:
        return self.salary_min is not None or self.salary_max is not None

    @property
    def is_remote(self) -> bool:
        return self.workplace == Workplace.REMOTE

    def first_stage(self) -> Stage:
        return self.stages.order_by("order", "pk")[0]

    def can_transition_to(self, status: str) -> bool:
        allowed: dict[str, set[str]] = {
            JobStatus.DRAFT: {JobStatus.PUBLISHED},
            JobStatus.PUBLISHED: {JobStatus.CLOSED},
            JobStatus.CLOSED: {JobStatus.PUBLISHED},
        }
        return status in allowed[self.status]


class Stage(models.Model):
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="stages")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=StageKind.choices, default=StageKind.OTHER)
    # Both names are always filled: staff read the stage in their interface's
    # language, candidates in theirs (the portal, the `{stage_name}` email
    # placeholder). `name` is the active language's.
    name_sv = models.CharField(_("name (Swedish)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)
    # Stage automation: `email_kind` names a messaging TemplateKind queued when
    # an application enters the stage (rekryt.applications.automations);
    # `send_survey` is read by the surveys app from the stage_moved events.
    email_kind = models.CharField(_("email on entering"), max_length=40, blank=True)
    email_delay_hours = models.PositiveSmallIntegerField(_("email delay (hours)"), default=0)
    send_survey = models.BooleanField(_("send a survey on entering"), default=False)

    class Meta:
        ordering = ["order", "pk"]
        indexes = [models.Index(fields=["job", "order"], name="stage_job_order")]

    def __str__(self) -> str:
        return self.name

    def name_in(self, language: str) -> str:
        return names_in(self.name_sv, self.name_en, language)

    @property
    def name(self) -> str:
        """The name in the active language: the staff member's on staff pages,
        the page's in the portal."""
        return self.name_in(get_language() or settings.LANGUAGE_CODE)

    @property
    def is_hired(self) -> bool:
        return self.kind == StageKind.HIRED


def stages_for(job: Job) -> QuerySet[Stage]:
    return job.stages.order_by("order", "pk")


def visible_job_or_404(user: Any, pk: int) -> Job:
    """Scoped getter: outsiders get 404, never 403."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(Job.objects.visible_to(user), pk=pk)


class JobTemplate(models.Model):
    """A job to start from: its ad text and facts (`fields`, the JobForm's
    values without dates, recruiter or team) and its stages (`stages`, each
    with its names and automation). Saved from a job, used to create drafts
    (rekryt.jobs.reuse)."""

    name = models.CharField(_("name"), max_length=120)
    fields = models.JSONField(default=dict)
    stages = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name
