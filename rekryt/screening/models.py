"""Screening questions: an organisation's question bank, the questions each
job asks with their criteria, and the answers each application was sent with.

A must-have ("skallkrav") lists the accepted answers; a merit gives points
per answer. Neither ever ends an application: a missed must-have flags it
("requirement not met") and a person decides (rekryt.applications.rejections)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from rekryt.applications.models import Application
from rekryt.candidates.models import Document
from rekryt.jobs.models import Job, Stage, names_in


class QuestionKind(models.TextChoices):
    YES_NO = "yes_no", _("Yes or no")
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    NUMBER = "number", pgettext_lazy("question kind", "Number")
    TEXT = "text", _("Short text")
    DATE = "date", pgettext_lazy("question kind", "Date")
    FILE = "file", pgettext_lazy("question kind", "File")


CHOICE_KINDS = {QuestionKind.SINGLE, QuestionKind.MULTIPLE}
# Kinds whose answers can be compared with a criterion.
JUDGED_KINDS = {QuestionKind.YES_NO, *CHOICE_KINDS, QuestionKind.NUMBER, QuestionKind.DATE}
YES, NO = "yes", "no"


class Question(models.Model):
    """One question of the organisation's bank, reusable across jobs."""

    text_sv = models.CharField(_("question (Swedish)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300)
    help_sv = models.CharField(_("help text (Swedish)"), max_length=300, blank=True)
    help_en = models.CharField(_("help text (English)"), max_length=300, blank=True)
    kind = models.CharField(_("kind of answer"), max_length=10, choices=QuestionKind.choices)
    active = models.BooleanField(_("offered for new jobs"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["text_sv", "pk"]

    def __str__(self) -> str:
        return self.text_en

    def text_in(self, language: str) -> str:
        return names_in(self.text_sv, self.text_en, language)

    def help_in(self, language: str) -> str:
        return names_in(self.help_sv, self.help_en, language)

    @property
    def has_choices(self) -> bool:
        return self.kind in CHOICE_KINDS


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    label_sv = models.CharField(_("choice (Swedish)"), max_length=120)
    label_en = models.CharField(_("choice (English)"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.label_en

    def label_in(self, language: str) -> str:
        return names_in(self.label_sv, self.label_en, language)


class Rule(models.TextChoices):
    NONE = "none", _("Neither")
    MUST = "must", _("Must-have")
    MERIT = "merit", _("Merit")


class JobQuestion(models.Model):
    """A question as one job asks it: its place, whether an answer is needed
    to send the form, and its criterion.

    `accepted` (must-have) and `points` (merit) are keyed by answer: "yes" or
    "no", or a choice's id as a string. A number's criterion is `minimum`
    (met at or above it), a date's `latest` (met on or before it)."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="screening_questions")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="uses")
    order = models.PositiveSmallIntegerField(default=0)
    required = models.BooleanField(_("an answer is needed to send"), default=True)
    rule = models.CharField(_("criterion"), max_length=5, choices=Rule.choices, default=Rule.NONE)
    accepted = models.JSONField(default=list, blank=True)
    points = models.JSONField(default=dict, blank=True)
    minimum = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    latest = models.DateField(null=True, blank=True)
    points_when_met = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["job", "question"], name="one_use_per_job"),
        ]

    def __str__(self) -> str:
        return f"{self.question} on {self.job_id}"

    @property
    def kind(self) -> str:
        return self.question.kind

    def judge(self, value: Any) -> tuple[bool | None, int]:
        """(met, points) for an answer: `met` is None unless a must-have."""
        met = self._meets(value)
        if self.rule == Rule.MUST:
            return met, 0
        if self.rule == Rule.MERIT:
            return None, self._points(value, met)
        return None, 0

    def _keys(self, value: Any) -> list[str]:
        if value in (None, "", []):
            return []
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]

    def _meets(self, value: Any) -> bool:
        kind = self.kind
        if kind == QuestionKind.NUMBER:
            return value is not None and self.minimum is not None and Decimal(value) >= self.minimum
        if kind == QuestionKind.DATE:
            return bool(value) and self.latest is not None and str(value) <= self.latest.isoformat()
        if kind in (QuestionKind.TEXT, QuestionKind.FILE):
            return bool(str(value or "").strip())  # a must-have here is "answered"
        accepted = {str(a) for a in self.accepted}
        return any(key in accepted for key in self._keys(value))

    def _points(self, value: Any, met: bool) -> int:
        if self.kind in (QuestionKind.NUMBER, QuestionKind.DATE):
            return self.points_when_met if met else 0
        table = {str(k): int(v) for k, v in (self.points or {}).items()}
        return sum(table.get(key, 0) for key in self._keys(value))


class Screening(models.Model):
    """What the answers of one application add up to, for the board's filter
    and sort: the merit score and whether every must-have was met."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="screening", primary_key=True
    )
    score = models.PositiveIntegerField(default=0)
    requirements_met = models.BooleanField(default=True)
    missed = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["requirements_met", "-score"], name="screening_sort")]

    def __str__(self) -> str:
        return f"screening of {self.application_id}: {self.score}"


class Answer(models.Model):
    """One answer as the application was sent with it: the question and its
    criterion are copied in both languages, so a later edit of the question
    or the job changes nothing about what was answered and judged."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="screening_answers"
    )
    job_question = models.ForeignKey(
        JobQuestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="answers"
    )
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=10, choices=QuestionKind.choices)
    question_sv = models.CharField(max_length=300)
    question_en = models.CharField(max_length=300)
    value = models.JSONField(null=True, blank=True)
    shown_sv = models.TextField(blank=True)
    shown_en = models.TextField(blank=True)
    rule = models.CharField(max_length=5, choices=Rule.choices, default=Rule.NONE)
    criterion_sv = models.CharField(max_length=500, blank=True)
    criterion_en = models.CharField(max_length=500, blank=True)
    met = models.BooleanField(null=True, blank=True)
    points = models.PositiveSmallIntegerField(default=0)
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["order", "pk"]
        indexes = [
            models.Index(fields=["application"], name="answer_missed", condition=Q(met=False))
        ]

    def __str__(self) -> str:
        return f"answer {self.pk} of {self.application_id}"

    def question_in(self, language: str) -> str:
        return names_in(self.question_sv, self.question_en, language)

    def shown_in(self, language: str) -> str:
        return names_in(self.shown_sv, self.shown_en, language)

    def criterion_in(self, language: str) -> str:
        return names_in(self.criterion_sv, self.criterion_en, language)


class BlindReview(models.Model):
    """ "Blind until stage X" for one job: until an application reaches
    `until_stage` (by the pipeline's order), staff see a pseudonym and no
    name, contact details or original documents (rekryt.screening.blind)."""

    job = models.OneToOneField(Job, on_delete=models.CASCADE, related_name="blind_review")
    until_stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"blind review of {self.job_id}"


class Reveal(models.Model):
    """An admin showed a blind application's identity before its stage, with
    a reason (also in the audit log and on the timeline)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="blind_reveals"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"reveal of {self.application_id}"


from rekryt.screening.assessments import (  # noqa: E402  (the tests' models)
    AssessmentKind,
    Invitation,
    JobTest,
    Result,
)

__all__ = [
    "CHOICE_KINDS",
    "NO",
    "YES",
    "Answer",
    "AssessmentKind",
    "BlindReview",
    "Choice",
    "Invitation",
    "JobQuestion",
    "JobTest",
    "Question",
    "QuestionKind",
    "Result",
    "Reveal",
    "Rule",
    "Screening",
]
