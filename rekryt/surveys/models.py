"""Candidate surveys: one invitation per Survey row, at most one answer each.

Answers are confidential. Staff pages read aggregates and comments through
`rekryt.surveys.stats` only; nothing there joins an answer to a name."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How long an invitation's link accepts an answer.
VALID_FOR = timedelta(days=30)


class Step(models.TextChoices):
    """When the survey was sent: the outcome steps plus every stage kind."""

    APPLIED = "applied", _("After applying")
    SCREENING = "screening", _("After screening")
    INTERVIEW = "interview", _("After an interview")
    REFERENCES = "references", _("After references")
    OFFER = "offer", _("After an offer")
    OTHER = "other", _("After another step")
    REJECTED = "rejected", _("After a rejection")
    HIRED = "hired", _("After being hired")


class SurveyStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    SENT = "sent", _("Sent")
    SKIPPED = "skipped", _("Not sent")


class Band(models.TextChoices):
    PROMOTER = "promoter", _("Promoter (9–10)")
    PASSIVE = "passive", _("Passive (7–8)")
    DETRACTOR = "detractor", _("Detractor (0–6)")


def band_of(score: int) -> str:
    if score >= 9:
        return Band.PROMOTER
    if score >= 7:
        return Band.PASSIVE
    return Band.DETRACTOR


class Survey(models.Model):
    """One invitation. Created `scheduled` by the duty reading the Event log
    (`rekryt.surveys.duties.ReadSurveyEvents`) and sent, or skipped with a
    reason, by `rekryt.surveys.duties.SendDueSurveys` once `due_at` passes."""

    # Erasing a person or an application keeps the anonymous answer.
    candidate = models.ForeignKey(
        "candidates.Candidate", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    application = models.ForeignKey(
        "applications.Application", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    job = models.ForeignKey("jobs.Job", null=True, on_delete=models.SET_NULL, related_name="+")
    department = models.CharField(max_length=80, blank=True)
    step = models.CharField(max_length=20, choices=Step.choices)
    language = models.CharField(max_length=2, default="sv")
    # The Event that caused it: reading the log twice never makes two surveys.
    source_event = models.BigIntegerField(unique=True)
    status = models.CharField(
        max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.SCHEDULED
    )
    skip_reason = models.CharField(max_length=40, blank=True)
    due_at = models.DateTimeField()
    claimed_until = models.DateTimeField(null=True, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # Read by SendDueSurveys: scheduled invitations, earliest due first.
            models.Index(fields=["due_at"], name="survey_due", condition=Q(status="scheduled")),
            # The cooldown check: a candidate's recent invitations.
            models.Index(fields=["candidate", "sent_at"], name="survey_candidate_sent"),
        ]

    def __str__(self) -> str:
        return f"survey {self.pk} ({self.step})"

    @property
    def is_open(self) -> bool:
        return (
            self.status == SurveyStatus.SENT
            and self.answered_at is None
            and self.expires_at is not None
            and self.expires_at > timezone.now()
        )


def month_of(moment: datetime) -> date:
    return timezone.localtime(moment).date().replace(day=1)


class SurveyAnswer(models.Model):
    """An answer keeps only its month, so no page can show when, to the day,
    someone answered."""

    survey = models.OneToOneField(Survey, on_delete=models.CASCADE, related_name="answer")
    score = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True, max_length=5000)
    extra_answers = models.JSONField(default=dict, blank=True)
    month = models.DateField(db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-month", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(score__lte=10), name="survey_score_0_to_10"),
        ]

    def __str__(self) -> str:
        return f"answer {self.pk}"

    @property
    def band(self) -> str:
        return band_of(self.score)


class SurveyQuestion(models.Model):
    """An optional extra free-text question shown after the score."""

    text_sv = models.CharField(_("question (Swedish)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300)
    active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text_en

    def text_in(self, language: str) -> str:
        return self.text_sv if language == "sv" else self.text_en


class SurveyCursor(models.Model):
    """How far `ReadSurveyEvents` has read the Event log (one row, pk 1)."""

    last_event_id = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"survey cursor at event {self.last_event_id}"
