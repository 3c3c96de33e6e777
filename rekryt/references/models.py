"""References: the referees a candidate (or a recruiter) names for an
application, the request each referee gets (a tokened link to a structured
questionnaire), and the questionnaire templates and per-stage rules.

A request's questionnaire is copied into `Item` rows when it is made, so a
template edited later never changes what a referee was asked or answered."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rekryt.jobs.models import names_in


def _lang() -> str:
    return get_language() or settings.LANGUAGE_CODE


class Kind(models.TextChoices):
    LIKERT = "likert", _("Scale from 1 to 5")
    TEXT = "text", _("Free text")


class QuestionnaireTemplate(models.Model):
    """The questions referees answer for jobs of one department (blank: the
    default for every other job)."""

    name_sv = models.CharField(_("name (Swedish)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    department = models.CharField(
        _("department"),
        max_length=80,
        blank=True,
        help_text=_("Used for jobs of this department; leave blank for the default template."),
    )
    rate_scorecard = models.BooleanField(
        _("ask for a rating of each scorecard attribute"), default=True
    )

    class Meta:
        ordering = ["department", "pk"]

    def __str__(self) -> str:
        return names_in(self.name_sv, self.name_en, _lang())


class TemplateQuestion(models.Model):
    template = models.ForeignKey(
        QuestionnaireTemplate, on_delete=models.CASCADE, related_name="questions"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text_sv = models.CharField(_("question (Swedish)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return names_in(self.text_sv, self.text_en, _lang())


class StageRule(models.Model):
    """What a stage asks of references: how many referees, and whether the
    application moves on to the next stage once all of them have answered."""

    stage = models.OneToOneField(
        "jobs.Stage", on_delete=models.CASCADE, related_name="reference_rule"
    )
    referees_required = models.PositiveSmallIntegerField(_("referees needed"), default=2)
    advance_when_complete = models.BooleanField(
        _("move to the next stage when all references are in"), default=False
    )

    def __str__(self) -> str:
        return f"{self.stage_id}: {self.referees_required}"


class Relation(models.TextChoices):
    MANAGER = "manager", _("Manager")
    COLLEAGUE = "colleague", _("Colleague")
    REPORT = "report", _("Reported to the candidate")
    CLIENT = "client", _("Client or customer")
    TEACHER = "teacher", _("Teacher or supervisor")
    OTHER = "other", _("Other")


class Referee(models.Model):
    """A person who may be asked about the candidate for one application.
    Their details are personal data of the referee as well as the
    candidate's: they go with the application (rekryt.references.personal_data)."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="referees"
    )
    name = models.CharField(_("name"), max_length=120)
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    organisation = models.CharField(_("organisation"), max_length=120, blank=True)
    email = models.EmailField(_("email"), max_length=254)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=[("sv", "Svenska"), ("en", "English")], default="sv"
    )
    # None when the candidate named them in the portal.
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When the candidate confirmed the referee may be contacted.
    contact_confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "email"], name="one_referee_per_address")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def by_candidate(self) -> bool:
        return self.added_by_id is None


class Status(models.TextChoices):
    SENT = "sent", _("Waiting for an answer")
    STARTED = "started", _("Answer started")
    ANSWERED = "answered", _("Answered")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


OPEN = (Status.SENT, Status.STARTED)


class ReferenceRequest(models.Model):
    """One request to one referee. Its link is a random token (256 bits)
    kept only as a SHA-256 (rekryt.references.tokens), valid for this
    request until `expires_at` and while the request is open."""

    referee = models.ForeignKey(Referee, on_delete=models.CASCADE, related_name="requests")
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SENT)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    template_name = models.CharField(max_length=120, blank=True)
    # When the questionnaire was first shown to the referee (from the signed
    # time in the form they sent, never from a GET: mail scanners open links).
    shown_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["referee"],
                condition=Q(status__in=["sent", "started"]),
                name="one_open_request_per_referee",
            )
        ]

    def __str__(self) -> str:
        return f"{self.referee_id}: {self.status}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN and self.expires_at > timezone.now()

    @property
    def answer_seconds(self) -> int | None:
        if self.shown_at is None or self.answered_at is None:
            return None
        return int((self.answered_at - self.shown_at).total_seconds())


class Item(models.Model):
    """One question of a request's questionnaire, with the referee's answer."""

    request = models.ForeignKey(ReferenceRequest, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text_sv = models.CharField(max_length=300)
    text_en = models.CharField(max_length=300)
    attribute = models.ForeignKey(
        "interviews.Attribute", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    order = models.PositiveSmallIntegerField(default=0)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True, max_length=5000)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text_en

    def text_in(self, language: str) -> str:
        return names_in(self.text_sv, self.text_en, language)
