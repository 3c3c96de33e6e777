"""Retention: the rule protocol, the rules about consent, and the runner.

Each app that keeps personal data past its use declares rules in
`<app>/retention.py` as `RULES = [...]` (found with rekryt.lib.appmodules).
A rule answers two questions:

- `due(until)`: which items may be acted on by `until`, each with the moment
  it becomes due (for removals: the policy moment plus the organisation's
  grace period). The daily duty asks with `until=now`; the preview page asks
  with `until=now + 7 days`, so it lists what the next week's runs will do.
- `apply(item)`: act on one item, checking again that it is still due (a
  hold may have been placed, a consent renewed). Returns whether it acted.

Every rule skips candidates and jobs under a legal hold. Rules run in
`order`: applications are anonymised before candidates left without any
are erased."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from rekryt.accounts.models import Organisation
from rekryt.lib.appmodules import app_modules
from rekryt.lib.claims import unclaimed
from rekryt.messaging.models import TemplateKind
from rekryt.messaging.outbox import candidate_values, queue
from rekryt.privacy.holds import candidates_on_held_jobs, held_candidate_ids
from rekryt.privacy.models import Consent, ConsentMethod, RetentionRun

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

log = logging.getLogger(__name__)

PREVIEW_DAYS = 7
RENEWAL_SALT = "rekryt.privacy.consent-renewal"
# The renewal link keeps working a while after the consent has ended, so a
# late reader can still give it again.
RENEWAL_MAX_AGE = timedelta(days=120)


@dataclass(frozen=True)
class Item:
    rule: str
    model: str  # the model's label_lower
    pk: int
    description: str  # for the staff preview only; never logged
    due_at: datetime


class Rule(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def label(self) -> StrOrPromise: ...

    @property
    def order(self) -> int: ...

    def due(self, until: datetime) -> list[Item]: ...

    def apply(self, item: Item) -> bool: ...


def all_rules() -> list[Rule]:
    rules: list[Rule] = []
    for module in app_modules("retention"):
        rules.extend(getattr(module, "RULES", []))
    return sorted(rules, key=lambda rule: rule.order)


def grace() -> timedelta:
    return timedelta(days=Organisation.get().retention_grace_days)


def held_candidates() -> set[int]:
    """Candidates no rule may touch: held themselves or through a job."""
    return held_candidate_ids() | candidates_on_held_jobs()


def preview(now: datetime | None = None) -> list[tuple[Rule, list[Item]]]:
    """What the runs of the next PREVIEW_DAYS days will do, per rule."""
    until = (now or timezone.now()) + timedelta(days=PREVIEW_DAYS)
    return [(rule, sorted(rule.due(until), key=lambda i: (i.due_at, i.pk))) for rule in all_rules()]


def describe_date(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


# Consent rules ---------------------------------------------------------------


def renewal_token(consent: Consent) -> str:
    return signing.dumps({"c": consent.pk, "k": consent.candidate_id}, salt=RENEWAL_SALT)


def read_renewal_token(token: str) -> dict[str, int] | None:
    try:
        data = signing.loads(token, salt=RENEWAL_SALT, max_age=RENEWAL_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not all(isinstance(data.get(k), int) for k in "ck"):
        return None
    return data


class SendConsentRenewals:
    """The email asking whether a consent should go on, sent once per consent
    (`renewal_sent_at`) consent_renewal_days before it ends."""

    name = "consent_renewal"
    label = _("Ask to renew consent")
    order = 10

    def _due(self, until: datetime, pk: int | None = None) -> list[Consent]:
        lead = timedelta(days=Organisation.get().consent_renewal_days)
        found = (
            Consent.objects.latest_per_purpose()
            .filter(
                given=True,
                renewal_sent_at__isnull=True,
                expires_at__gt=timezone.now(),
                expires_at__lte=until + lead,
            )
            .exclude(candidate_id__in=held_candidates())
            .select_related("candidate")
            .order_by("expires_at", "pk")
        )
        if pk is not None:
            found = found.filter(pk=pk)
        return list(found)

    def due(self, until: datetime) -> list[Item]:
        lead = timedelta(days=Organisation.get().consent_renewal_days)
        return [
            Item(
                self.name,
                "privacy.consent",
                c.pk,
                gettext("%(who)s: %(purpose)s, ends %(date)s")
                % {
                    "who": c.candidate.full_name,
                    "purpose": c.get_purpose_display(),
                    "date": describe_date(c.expires_at),  # type: ignore[arg-type]
                },
                c.expires_at - lead,  # type: ignore[operator,arg-type]
            )
            for c in self._due(until)
        ]

    def apply(self, item: Item) -> bool:
        with transaction.atomic():
            found = self._due(timezone.now(), pk=item.pk)
            if not found:
                return False
            consent = found[0]
            sent = Consent.objects.filter(pk=consent.pk, renewal_sent_at__isnull=True).update(
                renewal_sent_at=timezone.now()
            )
            if not sent:
                return False
            send_renewal_email(consent)
        return True


def send_renewal_email(consent: Consent) -> None:
    candidate = consent.candidate
    language = consent.language if consent.language in ("sv", "en") else candidate.language
    url = settings.SITE_URL + reverse("privacy_consent_renew", args=[renewal_token(consent)])
    with translation.override(language):
        until = formats.date_format(timezone.localtime(consent.expires_at), "DATE_FORMAT")
    queue(
        key=f"consent-renewal:{consent.pk}",
        kind=TemplateKind.CONSENT_RENEWAL,
        language=language,
        to_email=candidate.email,
        to_name=candidate.full_name,
        values={**candidate_values(candidate), "consent_url": url, "consent_until": until},
        candidate=candidate,
    )


class ExpireConsents:
    """When a consent's time is up, add the record that says so (given=False,
    method=expiry, dated when it ended), so the history reads as it happened."""

    name = "consent_expiry"
    label = _("Consent ends")
    order = 20

    def _due(self, until: datetime, pk: int | None = None) -> list[Consent]:
        found = (
            Consent.objects.latest_per_purpose()
            .filter(given=True, expires_at__lte=until)
            .exclude(candidate_id__in=held_candidates())
            .select_related("candidate")
            .order_by("expires_at", "pk")
        )
        if pk is not None:
            found = found.filter(pk=pk)
        return list(found)

    def due(self, until: datetime) -> list[Item]:
        return [
            Item(
                self.name,
                "privacy.consent",
                c.pk,
                f"{c.candidate.full_name}: {c.get_purpose_display()}",
                c.expires_at,  # type: ignore[arg-type]
            )
            for c in self._due(until)
        ]

    def apply(self, item: Item) -> bool:
        with transaction.atomic():
            found = self._due(timezone.now(), pk=item.pk)
            if not found:
                return False
            consent = found[0]
            Consent.objects.create(
                candidate_id=consent.candidate_id,
                purpose=consent.purpose,
                given=False,
                text=consent.text,
                notice_id=consent.notice_id,
                language=consent.language,
                method=ConsentMethod.EXPIRY,
                created_at=consent.expires_at,  # type: ignore[misc]
            )
        return True


RULES: list[Rule] = [SendConsentRenewals(), ExpireConsents()]


# The runner ------------------------------------------------------------------

BATCH = 50
LEASE = timedelta(minutes=10)


def claim_run(now: datetime) -> tuple[RetentionRun, bool]:
    """Today's run and whether this worker holds it now. The day is unique,
    and the lease (`claimed_until`) goes to one worker at a time."""
    run, _created = RetentionRun.objects.get_or_create(day=timezone.localdate(now))
    if run.finished_at is not None:
        return run, False
    won = (
        RetentionRun.objects.filter(pk=run.pk, finished_at__isnull=True)
        .filter(unclaimed(now))
        .update(claimed_until=now + LEASE)
    )
    if won:
        run.refresh_from_db()
    return run, bool(won)


def run_batch(run: RetentionRun, rules: list[Rule] | None = None) -> int:
    """Apply up to BATCH due items, in rule order, and return how many were
    handled; 0 means nothing was left and the run is now finished. Items
    already handled in this run (done, failed or no longer due) are not tried
    again, so a run always ends."""
    rules = rules if rules is not None else all_rules()
    handled = {(entry[0], entry[1], entry[2]) for entry in run.log}
    counts: dict[str, int] = dict(run.counts)
    done = 0
    try:
        for rule in rules:
            if done >= BATCH:
                break
            for item in rule.due(timezone.now()):
                if done >= BATCH:
                    break
                if (rule.name, item.model, item.pk) in handled:
                    continue
                done += 1
                run.log.append(_apply(rule, item, counts))
    except Exception as exc:
        log.exception("retention run %s stopped", run.day)
        run.error = f"{type(exc).__name__}: {exc}"[:2000]
        done = 0  # finish: tomorrow's run tries again, not a crash loop
    run.counts = counts
    # Give the lease back after each batch; the next claim (this worker's or
    # another's) continues from the saved log.
    run.claimed_until = None
    if done == 0:
        run.finished_at = timezone.now()
        log.info("retention run %s finished: %s", run.day, counts)
    run.save(update_fields=["counts", "log", "finished_at", "claimed_until", "error"])
    return done


def _apply(rule: Rule, item: Item, counts: dict[str, int]) -> list[object]:
    entry: list[object] = [rule.name, item.model, item.pk]
    try:
        acted = rule.apply(item)
    except Exception:
        log.exception("retention rule %s failed on %s %s", rule.name, item.model, item.pk)
        counts[f"{rule.name}:failed"] = counts.get(f"{rule.name}:failed", 0) + 1
        return [*entry, "failed"]
    if not acted:
        return [*entry, "skipped"]
    counts[rule.name] = counts.get(rule.name, 0) + 1
    log.info("retention: %s %s %s", rule.name, item.model, item.pk)
    return entry
