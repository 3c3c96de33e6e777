"""Built-in tests: the models. A job (or one of its stages) invites to a
test; the candidate's result belongs to the candidate, is valid for a while
(12 months by default) and is reused for their next application instead of
asking them to take the test again (rekryt.screening.invitations)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekryt.applications.models import Application
from rekryt.candidates.models import Candidate
from rekryt.jobs.models import Job, Stage


class AssessmentKind(models.TextChoices):
    LOGIC = "logic", _("Logic test")
    PERSONALITY = "personality", _("Personality questionnaire")


class JobTest(models.Model):
    """A test a job asks its applicants to take: on applying (no stage) or
    when an application enters `stage`."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="tests")
    kind = models.CharField(_("test"), max_length=12, choices=AssessmentKind.choices)
    stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    days_to_answer = models.PositiveSmallIntegerField(_("days to answer"), default=7)
    valid_months = models.PositiveSmallIntegerField(_("a result is valid for (months)"), default=12)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "kind"], name="one_test_kind_per_job")
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.job_id}"


class Result(models.Model):
    """One sitting of a test by a candidate, from start to the last answer.
    `seed` makes the logic test's items again, so a result can be re-scored."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="test_results")
    kind = models.CharField(max_length=12, choices=AssessmentKind.choices)
    seed = models.CharField(max_length=32)
    language = models.CharField(max_length=2, default="sv")
    answers = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    time_limit_ends_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    valid_until = models.DateTimeField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    percentile = models.PositiveSmallIntegerField(null=True, blank=True)
    traits = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [
            models.Index(
                fields=["candidate", "kind", "-valid_until"],
                name="result_reusable",
                condition=Q(completed_at__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} result {self.pk}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    def is_valid_at(self, moment: object) -> bool:
        return self.is_complete and self.valid_until is not None and self.valid_until > moment  # type: ignore[operator]


class Invitation(models.Model):
    """An application's invitation to a test, with its deadline and one
    reminder (due at `remind_at`, sent by rekryt.screening.duties). When the
    candidate already has a valid result, `result` is set at once and
    `reused` is true: they are told and asked nothing."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="test_invitations"
    )
    kind = models.CharField(max_length=12, choices=AssessmentKind.choices)
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    deadline = models.DateTimeField()
    remind_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    result = models.ForeignKey(
        Result, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitations"
    )
    reused = models.BooleanField(default=False)
    message = models.ForeignKey(
        "messaging.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "kind"], name="one_invitation_per_test")
        ]
        indexes = [
            # Read by the reminder duty (rekryt.screening.duties.SendTestReminders).
            models.Index(
                fields=["remind_at"], name="invitation_reminder_due", condition=Q(reminded_at=None)
            )
        ]

    def __str__(self) -> str:
        return f"invitation {self.pk} to {self.kind}"

    @property
    def is_cancelled(self) -> bool:
        """Its email was cancelled (the move that caused it was undone)."""
        return self.message is not None and self.message.status == "cancelled"
