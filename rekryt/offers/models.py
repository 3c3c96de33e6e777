"""Offers of employment: templates in Swedish and English, and the offer
itself, one row per version.

An offer is written in the application's language from a template, may need
a hiring manager's or an admin's approval, and is sent as a PDF whose
SHA-256 is kept with it. The candidate accepts by typing their name (a
simple electronic signature: name, time, address and the hash of the exact
document shown) or declines. Changing a sent offer makes a new version and
supersedes the old one, which can then no longer be accepted.

Other apps read an accepted offer through `accepted_offer(application)`."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def names_in(sv: str, en: str, language: str) -> str:
    return (en or sv) if language == "en" else (sv or en)


class OfferTemplate(models.Model):
    """The texts an offer starts from, in both languages. Salary, start date
    and expiry are the offer's own; everything here can be edited per offer."""

    name = models.CharField(_("name"), max_length=120)
    title_sv = models.CharField(_("position title (Swedish)"), max_length=200, blank=True)
    title_en = models.CharField(_("position title (English)"), max_length=200, blank=True)
    intro_sv = models.TextField(_("letter (Swedish)"), max_length=4000, blank=True)
    intro_en = models.TextField(_("letter (English)"), max_length=4000, blank=True)
    terms_sv = models.TextField(_("terms (Swedish)"), max_length=4000, blank=True)
    terms_en = models.TextField(_("terms (English)"), max_length=4000, blank=True)
    benefits_sv = models.TextField(_("benefits (Swedish)"), max_length=4000, blank=True)
    benefits_en = models.TextField(_("benefits (English)"), max_length=4000, blank=True)
    collective_agreement = models.CharField(_("collective agreement"), max_length=200, blank=True)
    needs_approval = models.BooleanField(
        _("needs approval before sending"),
        default=True,
        help_text=_("A hiring manager on the job or an admin approves offers made from it."),
    )
    valid_days = models.PositiveSmallIntegerField(_("days to answer"), default=7)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def text_in(self, field: str, language: str) -> str:
        return names_in(getattr(self, f"{field}_sv"), getattr(self, f"{field}_en"), language)


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("offer", "Draft")
    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", pgettext_lazy("offer", "Approved")
    SENT = "sent", pgettext_lazy("offer", "Sent")
    ACCEPTED = "accepted", pgettext_lazy("offer", "Accepted")
    DECLINED = "declined", pgettext_lazy("offer", "Declined")
    SUPERSEDED = "superseded", _("Replaced by a newer version")
    WITHDRAWN = "withdrawn", pgettext_lazy("offer", "Withdrawn")


class SalaryPeriod(models.TextChoices):
    MONTH = "month", _("per month")
    HOUR = "hour", _("per hour")
    YEAR = "year", _("per year")


# Open: still being written or waiting for the candidate. One at a time.
OPEN = [Status.DRAFT, Status.PENDING, Status.APPROVED, Status.SENT]
EDITABLE = [Status.DRAFT, Status.PENDING, Status.APPROVED]
# What the candidate ever sees in the portal.
SHOWN = [Status.SENT, Status.ACCEPTED, Status.DECLINED, Status.SUPERSEDED, Status.WITHDRAWN]


def pdf_path(instance: Any, filename: str) -> str:
    # Generated names only, like documents.
    return f"offers/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.pdf"


class Offer(models.Model):
    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="offers"
    )
    version = models.PositiveSmallIntegerField(default=1)
    template = models.ForeignKey(
        OfferTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    # The texts, written in the application's language.
    title = models.CharField(_("position title"), max_length=200)
    salary = models.PositiveIntegerField(_("salary (SEK)"))
    salary_period = models.CharField(
        _("salary period"), max_length=5, choices=SalaryPeriod.choices, default=SalaryPeriod.MONTH
    )
    start_date = models.DateField(_("start date"))
    intro = models.TextField(_("letter"), max_length=4000, blank=True)
    terms = models.TextField(_("terms"), max_length=4000, blank=True)
    benefits = models.TextField(_("benefits"), max_length=4000, blank=True)
    collective_agreement = models.CharField(_("collective agreement"), max_length=200, blank=True)
    expires_on = models.DateField(_("answer by"))
    needs_approval = models.BooleanField(_("ask for approval before sending"), default=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    approval_asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approval_note = models.TextField(blank=True, max_length=2000)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    # The document the candidate is shown, fixed when the offer is sent.
    pdf = models.FileField(upload_to=pdf_path, blank=True, max_length=200)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    viewed_at = models.DateTimeField(null=True, blank=True)
    # The simple electronic signature (see accept_offer).
    signed_name = models.CharField(max_length=200, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    signed_ip = models.GenericIPAddressField(null=True, blank=True)
    signed_user_agent = models.CharField(max_length=300, blank=True)
    signed_pdf = models.FileField(upload_to=pdf_path, blank=True, max_length=200)
    signed_pdf_sha256 = models.CharField(max_length=64, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(blank=True, max_length=2000)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["application_id", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["application", "version"], name="one_offer_version"),
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(status__in=OPEN),
                name="one_open_offer",
            ),
        ]

    def __str__(self) -> str:
        return f"offer {self.application_id} v{self.version}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE

    @property
    def is_expired(self) -> bool:
        return self.status == Status.SENT and timezone.localdate() > self.expires_on

    def can_be_answered(self, today: date | None = None) -> bool:
        return self.status == Status.SENT and (today or timezone.localdate()) <= self.expires_on

    @property
    def may_send(self) -> bool:
        if self.status == Status.APPROVED:
            return True
        return self.status == Status.DRAFT and not self.needs_approval

    @property
    def shown_status(self) -> str:
        return str(_("Expired")) if self.is_expired else str(self.get_status_display())

    @property
    def salary_text(self) -> str:
        """ "42 000 kr per month", in the current language."""
        amount = formats.number_format(self.salary, force_grouping=True)
        return f"{amount} kr {self.get_salary_period_display()}"

    def file_name(self, signed: bool = False) -> str:
        suffix = "-signed" if signed else ""
        return f"offer-{self.application_id}-v{self.version}{suffix}.pdf"


def accepted_offer(application: Any) -> Offer | None:
    """The accepted offer of `application` (its `start_date`, `title`,
    `salary`…), or None. For apps below offers (onboarding)."""
    return (
        Offer.objects.filter(application=application, status=Status.ACCEPTED)
        .order_by("-version")
        .first()
    )
