"""Talent pools: people who are not (yet) applying for a job, each pool with
an owner who reviews it; each member with an intent, a review date and a
timeline. Whether we may keep and contact them is the privacy app's
talent-pool consent (`rekryt.privacy.models.Consent`): the newest record
decides, it has an end date, and a withdrawal is a new record in force at
once. Nobody without a consent in force is suggested or mailed."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rekryt.candidates.models import Candidate
from rekryt.privacy.models import Consent, ConsentPurpose
from rekryt.screening.models import Question


class PoolKind(models.TextChoices):
    GENERAL = "general", _("General")
    AREA = "area", _("Role area")
    SILVER = "silver", _("Silver medalists")
    FORMER = "former", _("Former employees")
    CUSTOM = "custom", _("Custom")


class Pool(models.Model):
    """A pool with an owner. General and area pools have a public form at
    /talent/ and /talent/<slug>/."""

    kind = models.CharField(_("kind"), max_length=10, choices=PoolKind.choices)
    name_sv = models.CharField(_("name (Swedish)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    intro_sv = models.TextField(_("introduction (Swedish)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    slug = models.SlugField(_("address"), max_length=60, unique=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_pools"
    )
    public = models.BooleanField(_("has a public registration form"), default=False)
    # Silver medalists from a closed job go to the silver pool of the job's
    # department (made on first use); blank: the pool for any department.
    department = models.CharField(
        _("department"),
        max_length=80,
        blank=True,
        help_text=_("Jobs in this department fill it (silver medalists); blank for any."),
    )
    answer_days = models.PositiveSmallIntegerField(
        _("answer active job seekers within (working days)"), default=5
    )
    review_days = models.PositiveSmallIntegerField(_("review each member every (days)"), default=90)
    questions = models.ManyToManyField(Question, through="PoolQuestion", blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "name_sv"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "sv").startswith("en") else self.name_sv

    @property
    def intro(self) -> str:
        return self.intro_en if (get_language() or "sv").startswith("en") else self.intro_sv


class PoolQuestion(models.Model):
    """A question from the screening bank on a pool's form. A must-have
    (yes/no: "yes" needed) gets honest feedback on the spot."""

    pool = models.ForeignKey(Pool, on_delete=models.CASCADE, related_name="pool_questions")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)
    must_have = models.BooleanField(_("must-have (yes needed)"), default=False)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"question {self.question_id} in pool {self.pool_id}"


class Intent(models.TextChoices):
    NOW = "now", _("I am looking for a job now")
    FUTURE = "future", _("I'm interested in the future")
    ADDED = "added", _("Added by staff")


class MemberQuerySet(models.QuerySet["Member"]):
    def with_consent(self) -> MemberQuerySet:
        """Members whose talent-pool consent is in force now."""
        ok = (
            Consent.objects.in_force()
            .filter(purpose=ConsentPurpose.TALENT_POOL)
            .values("candidate_id")
        )
        return self.filter(candidate_id__in=ok)

    def due_for_review(self, today: date | None = None) -> MemberQuerySet:
        """New (never reviewed), owed an answer, or past their next contact."""
        today = today or timezone.localdate()
        return self.filter(
            Q(reviewed_at__isnull=True)
            | Q(next_contact__lte=today)
            | Q(answer_due__isnull=False, answered_at__isnull=True)
        )


class Member(models.Model):
    pool = models.ForeignKey(Pool, on_delete=models.CASCADE, related_name="members")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="pool_entries")
    intent = models.CharField(_("intent"), max_length=10, choices=Intent.choices)
    note = models.TextField(_("note"), blank=True)
    last_contact = models.DateField(_("last contact"), null=True, blank=True)
    next_contact = models.DateField(_("next contact"), null=True, blank=True)
    answer_due = models.DateField(_("answer promised by"), null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    must_haves_met = models.BooleanField(default=True)
    added_at = models.DateTimeField(default=timezone.now)

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["-added_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["pool", "candidate"], name="one_membership_per_pool")
        ]
        indexes = [models.Index(fields=["pool", "next_contact"], name="member_next_contact")]

    def __str__(self) -> str:
        return f"{self.candidate_id} in {self.pool_id}"

    def schedule_next(self) -> None:
        self.next_contact = timezone.localdate() + timedelta(days=self.pool.review_days)


class MemberAnswer(models.Model):
    """An answer on the registration form, as the question read then."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="answers")
    question_sv = models.CharField(max_length=300)
    question_en = models.CharField(max_length=300)
    value = models.CharField(max_length=500, blank=True)
    met = models.BooleanField(null=True, blank=True)

    def __str__(self) -> str:
        return f"answer of member {self.member_id}"


class ActivityKind(models.TextChoices):
    JOINED = "joined", _("Joined the pool")
    REVIEWED = "reviewed", _("Reviewed")
    NOTE = "note", _("Note")
    ANSWERED = "answered", _("Answered")
    NURTURE = "nurture", _("Message sent to the pool")
    INVITED = "invited", _("Invited to apply")


class Activity(models.Model):
    """The member's timeline in the pool."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(max_length=10, choices=ActivityKind.choices)
    text = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.ForeignKey(
        "messaging.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["kind", "created_at"], name="activity_kind_time")]

    def __str__(self) -> str:
        return f"{self.kind} for member {self.member_id}"


class MemberEntry(models.Model):
    """What candidate search and job suggestions look in for a member: the
    pool's name, their answers, the note and the candidate's tags (SQLite:
    FTS5 over `stems`; PostgreSQL: a stored tsvector, see migration 0001)."""

    member = models.OneToOneField(
        Member, on_delete=models.CASCADE, primary_key=True, related_name="entry"
    )
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(blank=True)
    stems = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"search entry for member {self.member_id}"


class Digest(models.Model):
    """The weekly review digest sent to one owner (one per ISO week)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week = models.DateField()
    due = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "week"], name="one_digest_a_week")]

    def __str__(self) -> str:
        return f"digest for {self.owner_id} in week {self.week}"


class MemberDocument(models.Model):
    """A CV sent with the registration form. The extraction duty reads its
    text; `talentpool_index_cvs` then adds it to the member's search entry."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="documents")
    document = models.OneToOneField(
        "candidates.Document", on_delete=models.CASCADE, related_name="pool_member"
    )
    indexed = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["member"], name="memberdoc_unindexed", condition=Q(indexed=False))
        ]

    def __str__(self) -> str:
        return f"document {self.document_id} of member {self.member_id}"


class Departure(models.Model):
    """A hire who has left, as an admin marked it (`former.mark_left`). With a
    talent-pool consent in force the person joins the "Former employees"
    pool (`member`); otherwise they are asked by email, never added."""

    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="departure"
    )
    left_on = models.DateField(_("left on"))
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"departure of application {self.application_id}"
