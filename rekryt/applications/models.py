from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from rekryt.accounts.models import Role
from rekryt.candidates.models import Candidate, Document
from rekryt.jobs.models import Job, Stage

if TYPE_CHECKING:
    from rekryt.accounts.models import User


class Outcome(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("outcome", "Active")
    HIRED = "hired", _("Hired")
    REJECTED = "rejected", pgettext_lazy("outcome", "Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ReasonKind(models.TextChoices):
    DECLINED = "declined", _("We declined")
    WITHDREW = "withdrew", _("Candidate withdrew")


class RejectionReason(models.Model):
    """Editable list of reasons an application ended without a hire."""

    name_sv = models.CharField(_("name (Swedish)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    kind = models.CharField(max_length=10, choices=ReasonKind.choices, default=ReasonKind.DECLINED)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)
    # The messaging TemplateKind of the email the candidate gets for this
    # reason (rekryt.applications.rejections).
    template_kind = models.CharField(_("email template"), max_length=40, default="rejection")

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name_en

    def name_in(self, language: str) -> str:
        return self.name_sv if language == "sv" else self.name_en


class Source(models.TextChoices):
    """Choices for 'where did you hear about us'; ?source= may add any slug."""

    CAREER_SITE = "career_site", _("Our career site")
    LINKEDIN = "linkedin", _("LinkedIn")
    PLATSBANKEN = "platsbanken", _("Platsbanken (Arbetsförmedlingen)")
    INDEED = "indeed", _("Indeed")
    FRIEND = "friend", _("A friend or colleague")
    SOCIAL = "social", _("Social media")
    EVENT = "event", _("An event or fair")
    OTHER = "other", _("Other")


def source_label(value: str) -> str:
    """A source as people read it: the label of a known one ("linkedin" is
    "LinkedIn"), a campaign's own ?source= slug as it was given."""
    label = _SOURCE_LABELS.get(value)
    return str(label) if label is not None else value


# Read for every card of a board: `Source.values` is built anew on each access.
_SOURCE_LABELS = dict(Source.choices)


def may_decide(user: User) -> bool:
    """Whether the user's role may move applications and set outcomes (on the
    jobs they can see). Interviewers may read and add notes, never decide."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.sees_all_jobs or user.role == Role.HIRING_MANAGER


class ApplicationQuerySet(models.QuerySet["Application"]):
    def visible_to(self, user: User) -> ApplicationQuerySet:
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.sees_all_jobs:
            return self.all()
        return self.filter(job__team=user)

    def active(self) -> ApplicationQuerySet:
        return self.filter(outcome=Outcome.ACTIVE)

    def decidable_by(self, user: User) -> ApplicationQuerySet:
        """Applications whose stage and outcome the user may change: recruiters
        and admins everywhere, hiring managers on their teams' jobs. Interviewers
        may read and add notes, never decide."""
        visible = self.visible_to(user)
        return visible if may_decide(user) else visible.none()


class Application(models.Model):
    """One candidate's application for one job.

    The name and contact details are a snapshot of what the form submitted:
    they belong to this application. The candidate's own details
    (`Candidate`) change only when the owner of the address proves it, so
    typing someone's address into the form renames no one; see
    `differing_details` for what staff are shown when the two differ."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="applications")
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    email = models.EmailField(_("email"), max_length=254)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    link = models.URLField(_("LinkedIn or portfolio"), max_length=500, blank=True)
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="applications")
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="applications")
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.ACTIVE)
    rejection_reason = models.ForeignKey(
        RejectionReason, null=True, blank=True, on_delete=models.PROTECT
    )
    # The stage the application was in when it ended (hired, rejected or
    # withdrawn): "where do we lose people" reads this.
    ended_stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    # Set with a rejection: the candidate is asked about future roles.
    keep_in_mind = models.BooleanField(_("keep in mind for future roles"), default=False)
    about = models.TextField(_("about you"), blank=True)
    cover_letter = models.TextField(_("cover letter"), blank=True)
    source = models.CharField(max_length=40, blank=True, db_index=True)
    heard_from = models.CharField(max_length=20, choices=Source.choices, blank=True)
    language = models.CharField(max_length=2, default="sv")
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    # The privacy notice version shown on the form when the candidate applied.
    notice = models.ForeignKey(
        "privacy.PrivacyNotice", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    stage_entered_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "job"], name="one_application_per_job"),
        ]
        indexes = [
            # Board columns: active cards of a job's stage, newest first.
            models.Index(
                fields=["job", "stage", "-stage_entered_at"],
                name="application_board",
                condition=Q(outcome="active"),
            ),
            models.Index(fields=["job", "outcome"], name="application_job_outcome"),
            # Covers the board's grouped count of a job's applications per
            # stage, outcome and source (a quarter of the time of a table read).
            models.Index(fields=["job", "stage", "outcome", "source"], name="application_counts"),
            # The REST API's pages in update order (`updated_since` syncs).
            models.Index(fields=["updated_at", "id"], name="application_updated"),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} → {self.job}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def differing_details(self) -> list[DetailDifference]:
        """Where what this application submitted differs from the candidate's
        own details (needs `candidate` loaded)."""
        return compare_details(self, self.candidate)

    @property
    def is_active(self) -> bool:
        return self.outcome == Outcome.ACTIVE

    @property
    def source_label(self) -> str:
        return source_label(self.source)

    @property
    def days_in_stage(self) -> int:
        return max((timezone.now() - self.stage_entered_at).days, 0)

    def can_move_to(self, stage: Stage) -> bool:
        return self.is_active and stage.job_id == self.job_id and stage.pk != self.stage_id

    def can_set_outcome(self, outcome: str) -> bool:
        if outcome == Outcome.ACTIVE:
            return not self.is_active
        return self.is_active


# Contact details a submission carries, in the order staff read them.
DETAIL_FIELDS = ("first_name", "last_name", "email", "phone", "link")
DETAIL_LABELS = {
    "first_name": _("First name"),
    "last_name": _("Last name"),
    "email": _("Email"),
    "phone": _("Phone"),
    "link": _("Link"),
}


@dataclass
class DetailDifference:
    field: str
    submitted: str
    confirmed: str

    @property
    def label(self) -> str:
        return str(DETAIL_LABELS[self.field])


def _comparable(field: str, value: str) -> str:
    value = " ".join((value or "").split())
    return value.casefold() if field == "email" else value


def compare_details(submitted: Any, candidate: Candidate) -> list[DetailDifference]:
    """The detail fields where `submitted` (an application or a resubmission)
    differs from the candidate's own. An empty phone or link submitted is not
    a difference: leaving out an optional field changes nothing."""
    differences = []
    for name in DETAIL_FIELDS:
        mine, theirs = getattr(submitted, name), getattr(candidate, name)
        if name in ("phone", "link") and not mine:
            continue
        if _comparable(name, mine) != _comparable(name, theirs):
            differences.append(DetailDifference(name, mine, theirs))
    return differences


class EventKind(models.TextChoices):
    CREATED = "created", pgettext_lazy("event", "Applied")
    STAGE_MOVED = "stage_moved", _("Moved")
    NOTE_ADDED = "note_added", _("Note added")
    MENTIONS_CANCELLED = "mentions_cancelled", _("Mention emails stopped by the note's author")
    DOCUMENT_ADDED = "document_added", _("Document added")
    MESSAGE_QUEUED = "message_queued", _("Email queued")
    MESSAGE_SENT = "message_sent", _("Email sent")
    MESSAGE_FAILED = "message_failed", _("Email failed")
    MESSAGE_CANCELLED = "message_cancelled", _("Email cancelled")
    OUTCOME_SET = "outcome_set", _("Outcome set")
    REOPENED = "reopened", _("Reopened")
    CANDIDATE_MESSAGE = "candidate_message", _("Candidate wrote")
    DETAILS_UPDATED = "details_updated", _("Candidate updated their details")
    PROMISE_SET = "promise_set", _("Candidate promised news by a date")
    SURVEY_SENT = "survey_sent", _("Survey sent")
    RESUBMITTED = "resubmitted", _("Sent again from the candidate's address")
    RESUBMISSION_ADDED = "resubmission_added", _("Candidate added what they sent again")
    RESUBMISSION_DISCARDED = "resubmission_discarded", _("Candidate discarded what was sent again")
    DETAILS_ADOPTED = "details_adopted", _("Candidate made these details their own")
    SCREENED = "screened", _("Screening questions answered")
    REVEALED = "revealed", _("Identity revealed before the blind stage")
    TEST_INVITED = "test_invited", _("Invited to a test")
    TEST_COMPLETED = "test_completed", _("Test completed")
    INTERVIEW_OFFERED = "interview_offered", _("Invited to choose an interview time")
    INTERVIEW_BOOKED = "interview_booked", _("Interview booked")
    INTERVIEW_MOVED = "interview_moved", _("Interview moved")
    INTERVIEW_CANCELLED = "interview_cancelled", _("Interview cancelled")
    INTERVIEW_TIMES_ASKED = "interview_times_asked", _("Candidate asked for other times")
    SCORECARD_SUBMITTED = "scorecard_submitted", _("Scorecard submitted")
    VIDEO_ANSWERED = "video_answered", _("One-way video questions answered")
    REFEREE_ADDED = "referee_added", _("Referee added")
    REFEREE_REMOVED = "referee_removed", _("Referee removed by the candidate")
    REFERENCES_REQUESTED = "references_requested", _("References requested")
    REFERENCES_UNDONE = "references_undone", _("Reference requests taken back")
    REFERENCE_ANSWERED = "reference_answered", _("Reference answered")
    REFERENCE_DECLINED = "reference_declined", _("Referee declined")
    REFERENCES_COMPLETE = "references_complete", _("All references in")
    REFEREE_ERASED = "referee_erased", _("A referee's details and answers erased")
    ONBOARDING_STARTED = "onboarding_started", _("Onboarding started")
    ONBOARDING_INVITED = "onboarding_invited", _("Invited to preboarding")
    ONBOARDING_INVITE_UNDONE = "onboarding_invite_undone", _("Preboarding invitation undone")
    START_DATE_SET = "start_date_set", _("Start date set")
    ONBOARDING_TASK_DONE = "onboarding_task_done", _("Onboarding task done")
    PAPERWORK_DONE = "paperwork_done", _("New hire sent paperwork")
    PAY_DETAILS_SAVED = "pay_details_saved", _("New hire saved bank and tax details")
    PAY_DETAILS_HANDED_OVER = "pay_details_handed_over", _("Bank and tax details handed to payroll")
    PAY_DETAILS_ERASED = "pay_details_erased", _("Bank and tax details erased")
    ONBOARDING_DONE = "onboarding_done", _("Onboarding done")
    ONBOARDING_CANCELLED = "onboarding_cancelled", _("Onboarding cancelled")
    OFFER_DRAFTED = "offer_drafted", _("Offer drafted")
    OFFER_CHANGED = "offer_changed", _("Offer changed")
    OFFER_APPROVAL_ASKED = "offer_approval_asked", _("Offer approval asked for")
    OFFER_APPROVAL_TAKEN_BACK = "offer_approval_taken_back", _("Offer approval request taken back")
    OFFER_APPROVED = "offer_approved", _("Offer approved")
    OFFER_RETURNED = "offer_returned", _("Offer returned for changes")
    OFFER_SENT = "offer_sent", _("Offer sent")
    OFFER_SEND_UNDONE = "offer_send_undone", _("Offer sending undone")
    OFFER_WITHDRAWN = "offer_withdrawn", _("Offer withdrawn")
    OFFER_ACCEPTED = "offer_accepted", _("Offer accepted and signed")
    OFFER_DECLINED = "offer_declined", _("Offer declined")


class ResubmissionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the candidate to confirm")
    ADDED = "added", _("Added by the candidate")
    DISCARDED = "discarded", _("Discarded by the candidate")


class Resubmission(models.Model):
    """The form sent again for a job the address has already applied for.

    Anyone can type an address, so what was sent does not join the
    application until the owner of the address adds it from the portal (the
    email about it carries their link). Until then staff see it marked as
    unconfirmed, it is not searched, and its files are not the application's.
    Nothing typed is lost either way."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="resubmissions"
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    email = models.EmailField(_("email"), max_length=254)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    link = models.URLField(_("LinkedIn or portfolio"), max_length=500, blank=True)
    about = models.TextField(_("about you"), blank=True)
    cover_letter = models.TextField(_("cover letter"), blank=True)
    heard_from = models.CharField(max_length=20, choices=Source.choices, blank=True)
    source = models.CharField(max_length=40, blank=True)
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=ResubmissionStatus.choices, default=ResubmissionStatus.PENDING
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"resubmission {self.pk} of application {self.application_id}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_pending(self) -> bool:
        return self.status == ResubmissionStatus.PENDING

    def differing_details(self) -> list[DetailDifference]:
        return compare_details(self, self.application.candidate)


def documents_visible_to(user: User) -> models.QuerySet[Document]:
    """Documents a staff member may open: those sent with an application they
    may see (added to it, or sent again and not yet confirmed), and the
    candidate's own (not job-bound) documents when they may see the
    candidate. A cover letter written for one job stays with that job."""
    applications = Application.objects.visible_to(user).values("pk")
    candidates = Candidate.objects.visible_to(user).values("pk")
    return Document.objects.filter(
        Q(application__in=applications)
        | Q(resubmission__application__in=applications)
        | Q(application__isnull=True, resubmission__isnull=True, candidate__in=candidates)
    )


class Event(models.Model):
    """One row per thing that happened to an application: the timeline and the
    only source for analytics. Append-only."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["application", "created_at"], name="event_timeline")]

    def __str__(self) -> str:
        return f"{self.kind} @ {self.created_at:%Y-%m-%d %H:%M}"


def record(application: Application, kind: str, actor: Any = None, **data: Any) -> Event:
    return Event.objects.create(application=application, kind=kind, actor=actor, data=data)


class Note(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("note"), max_length=10000)
    # How many colleagues the note told by email (rekryt.applications.mentions).
    told = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:40]


class BulkRejection(models.Model):
    """One "reject these with this reason" request from the board or from
    closing a job. Large ones are worked through by the worker duty
    `rekryt.applications.duties.ProcessBulkRejections`, which advances `done`
    so the progress page can show it."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="bulk_rejections")
    reason = models.ForeignKey(RejectionReason, on_delete=models.PROTECT, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    personal_note = models.TextField(blank=True)
    keep_in_mind = models.BooleanField(default=False)
    application_ids = models.JSONField(default=list)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["created_at"], name="bulk_rejection_due", condition=Q(finished_at=None)
            )
        ]

    def __str__(self) -> str:
        return f"{self.done}/{self.total} of {self.job}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    @property
    def skipped(self) -> int:
        """Handled but not rejected: they had ended before their turn came."""
        return self.done - self.rejected

    @property
    def percent(self) -> int:
        return 100 if not self.total else int(100 * self.done / self.total)


class AnonymisedApplication(models.Model):
    """What is left of an application after its retention period: enough for
    statistics (job, stages passed, month applied and decided, source,
    outcome, reason), nothing that could point at the person."""

    job = models.ForeignKey(Job, null=True, on_delete=models.SET_NULL, related_name="+")
    # Stage ids in the order the application passed them.
    stages_passed = models.JSONField(default=list, blank=True)
    ended_stage = models.ForeignKey(Stage, null=True, on_delete=models.SET_NULL, related_name="+")
    applied_month = models.DateField()
    decided_month = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=40, blank=True)
    heard_from = models.CharField(max_length=20, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    rejection_reason = models.ForeignKey(
        RejectionReason, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason_kind = models.CharField(max_length=10, blank=True)
    anonymised_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-applied_month", "-pk"]
        indexes = [models.Index(fields=["job", "applied_month"], name="anon_job_month")]

    def __str__(self) -> str:
        return f"anonymised application {self.pk}"
