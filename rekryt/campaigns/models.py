"""Recruitment campaigns: who we look for, how many we need by when, and
which channels we pay for to reach them; the daily visit counters that
measure each channel; and a job's Platsbanken listing."""

from __future__ import annotations

import secrets

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekryt.accounts.models import User
from rekryt.jobs.models import Job, StageKind


class ChannelKind(models.TextChoices):
    JOB_BOARD = "job_board", _("Job board")
    SOCIAL = "social", _("Social media")
    EVENT = "event", _("Event or fair")
    SCHOOL = "school", _("School or university")
    REFERRAL = "referral", _("Referrals")
    PRINT = "print", _("Print")
    OTHER = "other", _("Other")


# The stages a campaign may count as "qualified": the applicant got past
# screening into this stage (or further).
QUALIFYING_KINDS = [StageKind.SCREENING, StageKind.INTERVIEW, StageKind.REFERENCES]


class CampaignQuerySet(models.QuerySet["Campaign"]):
    def visible_to(self, user: User) -> CampaignQuerySet:
        """Admins and recruiters see every campaign; a hiring manager only
        campaigns all of whose jobs are on their teams (a campaign's figures
        are about all its jobs). Interviewers see none."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.sees_all_jobs:
            return self.all()
        if user.role != "hiring_manager":
            return self.none()
        foreign = Job.objects.exclude(team=user)
        return self.filter(jobs__team=user).exclude(jobs__in=foreign).distinct()


class Campaign(models.Model):
    name = models.CharField(_("name"), max_length=120)
    jobs = models.ManyToManyField(Job, related_name="campaigns", verbose_name=_("jobs"))
    # The persona: what the work needs and where such people are. Never age,
    # gender or any other trait the Discrimination Act protects.
    persona_education = models.TextField(_("education"), blank=True)
    persona_experience = models.TextField(_("experience"), blank=True)
    persona_interests = models.TextField(_("interests and motivations"), blank=True)
    persona_whereabouts = models.TextField(_("where they spend their time"), blank=True)
    starts_on = models.DateField(_("starts on"), default=timezone.localdate)
    goal_date = models.DateField(_("goal date"))
    goal_applicants = models.PositiveIntegerField(_("applicants wanted"), default=0)
    goal_qualified = models.PositiveIntegerField(_("qualified applicants wanted"), default=0)
    qualified_stage = models.CharField(
        _("qualified means reaching"),
        max_length=20,
        choices=[(k.value, k.label) for k in QUALIFYING_KINDS],
        default=StageKind.INTERVIEW,
    )
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]

    def __str__(self) -> str:
        return self.name


def new_code() -> str:
    # Short links are public and need not be secret (they only carry a
    # channel name), but unguessable codes keep strangers from inflating
    # another channel's figures by walking the space.
    return secrets.token_urlsafe(6)


class Channel(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(_("kind"), max_length=20, choices=ChannelKind.choices)
    name = models.CharField(_("name"), max_length=80)
    # The ?source= value its links carry; unique so figures add up.
    source = models.SlugField(_("source tag"), max_length=40, unique=True)
    code = models.CharField(max_length=16, unique=True, default=new_code)
    budget = models.PositiveIntegerField(_("planned budget (SEK)"), default=0)
    cost = models.PositiveIntegerField(_("actual cost (SEK)"), default=0)
    message_sv = models.TextField(_("message (Swedish)"), blank=True)
    message_en = models.TextField(_("message (English)"), blank=True)
    # A removed channel that had brought visits or applications, or cost
    # money, is archived rather than deleted (actions.remove_channel): its
    # row and cost stay in the figures and its short link keeps working for
    # posters already printed; it leaves the share links.
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class DailyCount(models.Model):
    """Visits to a job's page and its application form per channel (the
    ?source= tag, "" for none) and day. Nothing about the visitor is kept:
    no cookie is set, no IP address or user agent stored."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=40, blank=True)
    day = models.DateField()
    visits = models.PositiveIntegerField(default=0)
    starts = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "source", "day"], name="one_count_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.job_id} {self.source} {self.day}: {self.visits}"


class ListingState(models.TextChoices):
    DRAFT = "draft", _("Not sent")
    TO_SEND = "to_send", _("Waiting to be sent")
    SENT = "sent", _("Published")
    TO_WITHDRAW = "to_withdraw", _("Waiting to be withdrawn")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PlatsbankenListing(models.Model):
    """A job's ad on Platsbanken: what only Platsbanken needs (openings, a
    contact) and the state of sending it (the worker's SyncPlatsbanken duty
    does the HTTP). The JobTech taxonomy ids are the job's own, chosen in
    the job form (Job.jobtech_*)."""

    job = models.OneToOneField(Job, on_delete=models.CASCADE, related_name="platsbanken")
    openings = models.PositiveSmallIntegerField(_("number of openings"), default=1)
    contact_email = models.EmailField(_("contact email"), blank=True)
    state = models.CharField(max_length=12, choices=ListingState.choices, default="draft")
    sent_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    next_try_at = models.DateTimeField(null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            # Read by rekryt.campaigns.duties.SyncPlatsbanken.
            models.Index(
                fields=["next_try_at"],
                name="platsbanken_due",
                condition=Q(state__in=["to_send", "to_withdraw"]),
            ),
        ]

    def __str__(self) -> str:
        return f"Platsbanken: {self.job_id} ({self.state})"
