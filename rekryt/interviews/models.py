"""Structured interviews: each job's scorecard (categories of attributes,
copied from organisation templates) and interview plan, the interviews
booked from it, and the scorecards interviewers fill in.

Times are stored in UTC; calendar invitations carry Europe/Stockholm (the
organisation's zone) with its VTIMEZONE (rekryt.interviews.calendar)."""

from __future__ import annotations

import uuid
from datetime import timedelta
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


class Named(models.Model):
    name_sv = models.CharField(_("name (Swedish)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    def name_in(self, language: str) -> str:
        return names_in(self.name_sv, self.name_en, language)

    @property
    def name(self) -> str:
        return self.name_in(_lang())


class ScorecardTemplate(Named):
    """An organisation's scorecard to start a job's from (copied, never shared)."""

    class Meta:
        ordering = ["name_sv", "pk"]


class Category(Named):
    """A group of attributes, of either a template or one job's scorecard."""

    template = models.ForeignKey(
        ScorecardTemplate,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="categories",
    )
    job = models.ForeignKey(
        "jobs.Job", null=True, blank=True, on_delete=models.CASCADE, related_name="categories"
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(template__isnull=True, job__isnull=False)
                | Q(template__isnull=False, job__isnull=True),
                name="category_of_template_or_job",
            )
        ]


class Attribute(Named):
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="attributes")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["category__order", "category_id", "order", "pk"]


class Location(models.Model):
    """Where in-person interviews happen, with what the preparation email says."""

    name = models.CharField(_("name"), max_length=120)
    address = models.TextField(_("address"), max_length=500)
    directions_sv = models.TextField(_("directions (Swedish)"), blank=True, max_length=2000)
    directions_en = models.TextField(_("directions (English)"), blank=True, max_length=2000)
    transit_sv = models.TextField(_("public transport (Swedish)"), blank=True, max_length=2000)
    transit_en = models.TextField(_("public transport (English)"), blank=True, max_length=2000)
    parking_sv = models.TextField(_("parking (Swedish)"), blank=True, max_length=2000)
    parking_en = models.TextField(_("parking (English)"), blank=True, max_length=2000)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def text_in(self, field: str, language: str) -> str:
        return names_in(getattr(self, f"{field}_sv"), getattr(self, f"{field}_en"), language)


class PlanStep(Named):
    """One interview of a job's plan (screening call, competence interview…)."""

    job = models.ForeignKey("jobs.Job", on_delete=models.CASCADE, related_name="interview_plan")
    order = models.PositiveSmallIntegerField(default=0)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=45)
    video = models.BooleanField(_("by video"), default=True)
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("location")
    )
    instructions = models.TextField(_("instructions for interviewers"), blank=True, max_length=5000)
    agenda_sv = models.TextField(_("agenda (Swedish)"), blank=True, max_length=2000)
    agenda_en = models.TextField(_("agenda (English)"), blank=True, max_length=2000)
    bring_sv = models.TextField(_("what to bring (Swedish)"), blank=True, max_length=1000)
    bring_en = models.TextField(_("what to bring (English)"), blank=True, max_length=1000)
    focus = models.ManyToManyField(Attribute, blank=True, related_name="steps")
    one_way = models.BooleanField(
        _("reviews the one-way video answers"),
        default=False,
        help_text=_(
            "When a candidate has answered the job's video questions, the recruiter and the "
            "hiring managers review them with this interview's scorecard."
        ),
    )

    class Meta:
        ordering = ["order", "pk"]

    def text_in(self, field: str, language: str) -> str:
        return names_in(getattr(self, f"{field}_sv"), getattr(self, f"{field}_en"), language)


class Question(models.Model):
    step = models.ForeignKey(PlanStep, on_delete=models.CASCADE, related_name="questions")
    attribute = models.ForeignKey(Attribute, on_delete=models.CASCADE, related_name="questions")
    text_sv = models.CharField(_("question (Swedish)"), max_length=500)
    text_en = models.CharField(_("question (English)"), max_length=500)

    class Meta:
        ordering = ["attribute__order", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return names_in(self.text_sv, self.text_en, _lang())


class Slot(models.Model):
    """A time offered for one plan step; one interview at most can hold it
    (Interview.slot is unique), so two candidates racing for it cannot both win."""

    step = models.ForeignKey(PlanStep, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    interviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["step", "starts_at"], name="slot_step_start")]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}"


class Status(models.TextChoices):
    OFFERED = "offered", _("Waiting for the candidate to choose a time")
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")


class Interview(models.Model):
    """One interview of one application. `uid` and `sequence` are its
    calendar identity: the UID never changes, the SEQUENCE goes up with every
    change the invitations carry (moved, cancelled)."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="interviews"
    )
    step = models.ForeignKey(PlanStep, on_delete=models.CASCADE, related_name="interviews")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OFFERED)
    slot = models.OneToOneField(
        Slot, null=True, blank=True, on_delete=models.SET_NULL, related_name="interview"
    )
    # The stage whose entry offered it: an offer stands only while the
    # application is still there (undoing the move withdraws it).
    stage = models.ForeignKey(
        "jobs.Stage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    starts_at = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True)
    interviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="interviews")
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Whom the candidate calls if something goes wrong.",
    )
    video_url = models.URLField(_("video link"), max_length=500, blank=True)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    # The candidate asked for other times than those offered.
    times_asked = models.TextField(blank=True, max_length=2000)
    cancel_reason = models.TextField(blank=True, max_length=1000)
    cancelled_by_candidate = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "step"],
                condition=~Q(status="cancelled"),
                name="one_open_interview_per_step",
            )
        ]

    def __str__(self) -> str:
        return f"{self.step} · {self.application_id}"

    @property
    def is_booked(self) -> bool:
        return self.status == Status.BOOKED

    @property
    def is_open(self) -> bool:
        return self.status != Status.CANCELLED

    @property
    def is_upcoming(self) -> bool:
        return self.is_booked and self.ends_at is not None and self.ends_at > timezone.now()

    @property
    def duration(self) -> timedelta:
        if self.starts_at and self.ends_at:
            return self.ends_at - self.starts_at
        return timedelta(minutes=self.step.duration_minutes)

    @property
    def minutes(self) -> int:
        return int(self.duration.total_seconds() // 60)

    def meeting_url(self) -> str:
        """The pasted link, or the room on the configured server (unguessable:
        the UID is 122 random bits)."""
        if self.video_url:
            return self.video_url
        base = settings.VIDEO_MEETING_BASE_URL
        if not self.step.video or not base:
            return ""
        return f"{base}/rekryt-{self.uid.hex}"

    def can_be_cancelled(self) -> bool:
        return self.is_open and (self.starts_at is None or self.starts_at > timezone.now())


class Recommendation(models.TextChoices):
    DEFINITELY_NOT = "definitely_not", _("Definitely not")
    NO = "no", _("No")
    YES = "yes", _("Yes")
    STRONG_YES = "strong_yes", _("Strong yes")


RATINGS: list[tuple[int, Any]] = [
    (1, _("1 – not shown")),
    (2, _("2 – partly shown")),
    (3, _("3 – shown")),
    (4, _("4 – clearly shown")),
]


class Scorecard(models.Model):
    """One interviewer's judgement of one interview. A blank recommendation
    counts as "no decision". Colleagues' scorecards stay hidden from an
    interviewer of the application until they have submitted their own
    (rekryt.interviews.secrecy)."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="scorecards")
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scorecards"
    )
    recommendation = models.CharField(
        _("overall recommendation"), max_length=20, choices=Recommendation.choices, blank=True
    )
    notes = models.TextField(_("notes"), blank=True, max_length=10000)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "interviewer"], name="one_scorecard_each")
        ]

    def __str__(self) -> str:
        return f"{self.interview_id} · {self.interviewer_id}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class AttributeRating(models.Model):
    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="ratings")
    attribute = models.ForeignKey(Attribute, on_delete=models.CASCADE, related_name="+")
    rating = models.PositiveSmallIntegerField(choices=RATINGS)
    note = models.CharField(blank=True, max_length=1000)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scorecard", "attribute"], name="one_rating_each")
        ]

    def __str__(self) -> str:
        return f"{self.attribute_id}: {self.rating}"


class ReminderKind(models.TextChoices):
    CANDIDATE = "candidate", _("Reminder to the candidate")
    KIT = "kit", _("Interview kit to an interviewer")
    SCORECARD = "scorecard", _("Scorecard reminder to an interviewer")


class Reminder(models.Model):
    """A reminder due at a time, read by the duty
    rekryt.interviews.duties.SendInterviewReminders through the partial index
    reminder_due. It names the start it was made for: a moved interview's
    old reminders are deleted, and one that survives a race is recognised
    by its stale `for_start` and sends nothing."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    hours_before = models.PositiveSmallIntegerField(default=0)
    for_start = models.DateTimeField()
    due_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at", "pk"]
        indexes = [
            models.Index(fields=["due_at"], name="reminder_due", condition=Q(done_at__isnull=True))
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_at:%Y-%m-%d %H:%M}"


class CalendarPart(models.Model):
    """The iCalendar object an outgoing email carries (added by delivery
    through rekryt.messaging.hooks.provide_calendar)."""

    message = models.OneToOneField(
        "messaging.Message", on_delete=models.CASCADE, related_name="calendar"
    )
    method = models.CharField(max_length=10)
    ics = models.TextField()

    def __str__(self) -> str:
        return f"{self.method} · {self.message_id}"


class FeedToken(models.Model):
    """A staff member's secret calendar feed address; only the hash is kept,
    and making a new one revokes the old."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interview_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"feed of {self.user_id}"


class VideoQuestion(models.Model):
    """A one-way video question of a job: shown after the thinking time, then
    answered on camera for at most `answer_seconds`, with `tries` attempts."""

    job = models.ForeignKey("jobs.Job", on_delete=models.CASCADE, related_name="video_questions")
    order = models.PositiveSmallIntegerField(default=0)
    text_sv = models.CharField(_("question (Swedish)"), max_length=500)
    text_en = models.CharField(_("question (English)"), max_length=500)
    think_seconds = models.PositiveSmallIntegerField(_("thinking time (seconds)"), default=30)
    answer_seconds = models.PositiveSmallIntegerField(_("answer length (seconds)"), default=90)
    tries = models.PositiveSmallIntegerField(_("tries"), default=2)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text_sv

    def text_in(self, language: str) -> str:
        return names_in(self.text_sv, self.text_en, language)


def video_path(instance: Any, filename: str) -> str:
    # Generated names only, like documents: nothing the browser sent names a file.
    return f"video/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class VideoAnswer(models.Model):
    """A candidate's answer to one video question: a recording (stored
    privately like documents, identified by its content, size-capped) or,
    for a candidate without a camera, a written answer. A recording arrives
    in chunks (`received` bytes so far of the upload `upload_id`), so a
    dropped connection resumes where it stopped."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="video_answers"
    )
    question = models.ForeignKey(VideoQuestion, on_delete=models.CASCADE, related_name="answers")
    tries_used = models.PositiveSmallIntegerField(default=0)
    upload_id = models.UUIDField(default=uuid.uuid4)
    received = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to=video_path, blank=True)
    content_type = models.CharField(max_length=40, blank=True)
    size = models.PositiveIntegerField(default=0)
    text = models.TextField(blank=True, max_length=5000)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["question__order", "question_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "question"], name="one_video_answer_each"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_id} · {self.question_id}"

    @property
    def tries_left(self) -> int:
        return max(0, self.question.tries - self.tries_used)
