"""The roll-ups analytics pages read, kept from the Event log by the
`roll_up` duty (rekryt.analytics.duties); nothing here is written by a page.

`Figure` is one additive counter: how many applications made in `month`
(its first day) to `job` through `source` had something (`kind`) happen at
`stage` for `reason`, and the seconds that took in total (so averages are a
division). Rows are keyed by the month the application was made, so a
period's figures are about the applications of that period (a cohort):
conversions never exceed 100 % and the sources page adds up with the
funnel. A month, not a day: a year of a thousand jobs stays a few hundred
thousand rows, which a page sums in well under its 300 ms, and no count is
tied to the day someone applied.

`Progress` is what the fold needs to remember about one application between
batches (the furthest stage reached, the standing outcome, the last
contact); it goes with the application. `Cursor` is the high-water mark."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rekryt.applications.models import Application
from rekryt.jobs.models import Job


class Kind(models.TextChoices):
    APPLIED = "applied"
    # First reaching a stage (or passing it: a skipped stage counts as passed).
    REACHED = "reached"
    # Leaving a stage by a move; `seconds` is the time spent in it.
    LEFT = "left"
    HIRED = "hired"  # seconds: from applying to the hire
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    OFFER_SENT = "offer_sent"
    OFFER_ACCEPTED = "offer_accepted"
    OFFER_DECLINED = "offer_declined"
    RECEIPT = "receipt"  # the first receipt sent
    FINAL = "final"  # the first final message after the end
    CONTACT = "contact"  # an email sent; seconds: the silence before it
    SILENCE = "silence"  # reason: the bucket of that silence (rekryt.analytics.fold)
    PROMISE_KEPT = "promise_kept"
    PROMISE_BROKEN = "promise_broken"
    SURVEY_SENT = "survey_sent"


class Figure(models.Model):
    month = models.DateField()
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=40, blank=True)
    # Plain ids, 0 for none: a NULL would make every row unique to the
    # upsert's ON CONFLICT.
    stage = models.IntegerField(default=0)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    reason = models.IntegerField(default=0)
    # Moved here, by month and with a rare source made "other", when the
    # application was erased or anonymised (rekryt.analytics.personal_data).
    erased = models.BooleanField(default=False)
    n = models.BigIntegerField(default=0)
    seconds = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "job", "source", "stage", "kind", "reason", "erased"],
                name="analytics_figure_key",
            )
        ]
        # Covers what the pages read (they filter by job and month and sum n
        # and seconds by the rest), so a sum never visits the table itself.
        indexes = [
            models.Index(
                fields=["job", "month", "kind", "stage", "reason", "source", "n", "seconds"],
                name="analytics_figure_read",
            )
        ]

    def __str__(self) -> str:
        return f"{self.month} job {self.job_id} {self.kind}: {self.n}"


class Summary(models.Model):
    """The same counters over every job, by stage kind instead of stage (and
    for reaching, only each job's first stage of a kind): what a page for
    all jobs reads, a few thousand rows a year whatever the number of jobs.
    Written with `Figure` in the same upsert (rekryt.analytics.rollup)."""

    month = models.DateField()
    source = models.CharField(max_length=40, blank=True)
    stage = models.CharField(max_length=20, blank=True)  # a StageKind, "" for none
    kind = models.CharField(max_length=20, choices=Kind.choices)
    reason = models.IntegerField(default=0)
    erased = models.BooleanField(default=False)
    n = models.BigIntegerField(default=0)
    seconds = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "source", "stage", "kind", "reason", "erased"],
                name="analytics_summary_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.month} {self.kind}: {self.n}"


class Progress(models.Model):
    """The fold's memory of one application (see rekryt.analytics.fold)."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    month = models.DateField()
    job_id_key = models.IntegerField()
    source = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField()
    reached_order = models.IntegerField(default=-1)
    outcome = models.CharField(max_length=10, blank=True)
    outcome_stage = models.IntegerField(default=0)
    outcome_reason = models.IntegerField(default=0)
    outcome_seconds = models.BigIntegerField(default=0)
    receipt = models.BooleanField(default=False)
    final = models.BooleanField(default=False)
    ended = models.BooleanField(default=False)
    last_contact_at = models.DateTimeField(null=True)
    promise_by = models.DateField(null=True)

    def __str__(self) -> str:
        return f"progress of application {self.application_id}"


class Cursor(models.Model):
    """How far the roll-up has read the Event log (one row, pk 1)."""

    last_event_id = models.BigIntegerField(default=0)
    caught_up_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"analytics cursor at event {self.last_event_id}"


class ReportKind(models.TextChoices):
    WEEKLY = "weekly", _("Weekly report")
    MONTHLY = "monthly", _("Monthly summary")


class ReportSchedule(models.Model):
    """When a staff member's next report is due; read and moved on by the
    `send_analytics_reports` duty (rekryt.analytics.report_duties)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="analytics_reports"
    )
    kind = models.CharField(max_length=10, choices=ReportKind.choices)
    next_at = models.DateTimeField(db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_report_schedule_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.kind} report for user {self.user_id} at {self.next_at}"
