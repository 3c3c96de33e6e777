"""Retention rules for applications and the candidates behind them (see
rekryt.privacy.retention for the protocol and the runner).

- Applications that ended without a hire are anonymised `retention_months`
  calendar months after the decision, plus the grace period.
- A candidate left with no application and no consent in force is erased,
  a grace period after the last of those ended.
Both skip anything under a legal hold; hired applications are never due."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from rekryt.accounts.models import Organisation
from rekryt.applications.anonymise import anonymise_application
from rekryt.applications.hooks import blind_for, shown_name
from rekryt.applications.models import Application, Outcome
from rekryt.candidates.models import Candidate
from rekryt.lib.months import add_months
from rekryt.privacy.erasure import LegalHoldActive, erase_candidate
from rekryt.privacy.holds import held_job_ids
from rekryt.privacy.models import Consent
from rekryt.privacy.retention import Item, Rule, describe_date, grace, held_candidates

ENDED = [Outcome.REJECTED, Outcome.WITHDRAWN]
# Month-end days make "ended_at + n months <= t" and "ended_at <= t - n months"
# differ by up to three days: the query takes a little more, Python decides.
SLACK = timedelta(days=4)


def anonymise_at(ended_at: datetime, months: int, pause: timedelta) -> datetime:
    return add_months(ended_at, months) + pause


class AnonymiseEndedApplications:
    name = "anonymise_applications"
    label = _("Anonymise applications that did not lead to a hire")
    order = 50

    def _due(self, until: datetime, pk: int | None = None) -> list[tuple[Application, datetime]]:
        months = Organisation.get().retention_months
        pause = grace()
        cutoff = add_months(until - pause, -months) + SLACK
        found = (
            Application.objects.filter(outcome__in=ENDED, ended_at__lte=cutoff)
            .exclude(candidate_id__in=held_candidates())
            .exclude(job_id__in=held_job_ids())
            .select_related("candidate", "job")
            .order_by("ended_at", "pk")
        )
        if pk is not None:
            found = found.filter(pk=pk)
        result = []
        for application in found:
            at = anonymise_at(application.ended_at, months, pause)  # type: ignore[arg-type]
            if at <= until:
                result.append((application, at))
        return result

    def due(self, until: datetime) -> list[Item]:
        due = self._due(until)
        # One rejected while under blind review is still named by its pseudonym.
        blind = blind_for([a for a, _at in due])
        return [
            Item(
                self.name,
                "applications.application",
                a.pk,
                gettext("%(who)s, %(job)s: %(outcome)s %(date)s")
                % {
                    "who": shown_name(a, blind),
                    "job": a.job.title,
                    "outcome": a.get_outcome_display(),
                    "date": describe_date(a.ended_at),  # type: ignore[arg-type]
                },
                at,
            )
            for a, at in due
        ]

    def apply(self, item: Item) -> bool:
        found = self._due(timezone.now(), pk=item.pk)
        if not found:
            return False
        anonymise_application(found[0][0])
        return True


class EraseCandidates:
    """Candidates with nothing left to keep them for: every application gone
    (anonymised, or never made) and no consent in force."""

    name = "erase_candidates"
    label = _("Erase candidates with no application and no consent left")
    order = 90

    def _due(self, until: datetime, pk: int | None = None) -> list[tuple[Candidate, datetime]]:
        org = Organisation.get()
        pause = grace()
        app_cutoff = add_months(until - pause, -org.retention_months) + SLACK
        keeps = Application.objects.filter(candidate=OuterRef("pk")).filter(
            ~Q(outcome__in=ENDED) | Q(ended_at__isnull=True) | Q(ended_at__gt=app_cutoff)
        )
        found = (
            Candidate.objects.filter(created_at__lte=until - pause)
            .exclude(Exists(keeps))
            .exclude(pk__in=held_candidates())
            .prefetch_related(
                Prefetch(
                    "applications",
                    queryset=Application.objects.only("pk", "candidate_id", "ended_at"),
                    to_attr="ended_applications",
                ),
                Prefetch(
                    "consents",
                    queryset=Consent.objects.order_by("-created_at", "-pk"),
                    to_attr="consent_history",
                ),
            )
            .order_by("pk")
        )
        if pk is not None:
            found = found.filter(pk=pk)
        result: list[tuple[Candidate, datetime]] = []
        for candidate in found:
            at = self._erase_at(candidate, org.retention_months, pause)
            if at is not None and at <= until:
                result.append((candidate, at))
        return result

    @staticmethod
    def _erase_at(candidate: Candidate, months: int, pause: timedelta) -> datetime | None:
        """A grace period after the last reason to keep the candidate ended;
        None while a consent without an end date is in force."""
        moments = [candidate.created_at]
        for application in candidate.ended_applications:  # type: ignore[attr-defined]
            moments.append(add_months(application.ended_at, months))
        seen: set[str] = set()
        for consent in candidate.consent_history:  # type: ignore[attr-defined]
            if consent.purpose in seen:
                continue
            seen.add(consent.purpose)
            if consent.given and consent.expires_at is None:
                return None
            moments.append(consent.expires_at if consent.given else consent.created_at)
        return max(moments) + pause

    def due(self, until: datetime) -> list[Item]:
        return [
            Item(self.name, "candidates.candidate", c.pk, c.full_name, at)
            for c, at in self._due(until)
        ]

    def apply(self, item: Item) -> bool:
        found = self._due(timezone.now(), pk=item.pk)
        # Its applications must have been anonymised first (an earlier rule);
        # erasing the candidate would otherwise delete them unanonymised.
        if not found or found[0][0].ended_applications:  # type: ignore[attr-defined]
            return False
        try:
            erase_candidate(found[0][0], reason="retention")
        except LegalHoldActive:
            return False
        return True


RULES: list[Rule] = [AnonymiseEndedApplications(), EraseCandidates()]
