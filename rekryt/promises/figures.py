"""Measured figures for the no-silence promise, read from Messages and Events.

Definitions (over the applications given, by default all of them):

- Contact: an email to the candidate about the application with status
  "sent", of any kind except a survey invitation or a portal link. A personal
  response is a contact other than the receipt (`application_received`) and
  the automatic status update. Dates are local dates in settings.TIME_ZONE.
- Receipts: the share of applications with a sent receipt.
- Final messages: the share of ended applications (hired, rejected,
  withdrawn) with a personal response sent at or after the end, or any sent
  rejection, position-filled, withdrawal or welcome email. `final_pending`
  counts ended applications without one whose final email is still scheduled.
- Days without contact: an application's timeline runs from applying to now
  while it is active; once ended, to its final message, or to now when it has
  none (that candidate is still waiting to be told). Every gap between
  consecutive contacts on it, and from the last contact to its end, is one
  sample. Reported for active and ended applications separately: median,
  95th percentile (nearest rank) and maximum, in days.
- Promises kept: every deadline whose date is before today counts once.
  First response: N working days after applying, kept when a personal
  response was sent by then. Silence: max_silence_days after each contact
  (or applying), kept when the next contact came by then. Promised dates of
  status updates (`promise_set` events): kept when a personal response was
  sent after the promise and by that date."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import pairwise

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from rekryt.accounts.models import Organisation
from rekryt.applications.models import Application, Event, EventKind, Outcome
from rekryt.messaging.models import Message, MessageStatus, TemplateKind
from rekryt.promises import rules
from rekryt.promises.waiting import NOT_CONTACT, NOT_PERSONAL

FINAL_KINDS = {
    TemplateKind.REJECTION,
    TemplateKind.REJECTION_AFTER_INTERVIEW,
    TemplateKind.POSITION_FILLED,
    TemplateKind.WITHDRAWAL_CONFIRMED,
    TemplateKind.HIRED_WELCOME,
}


@dataclass(frozen=True)
class Spread:
    count: int = 0
    median: float = 0.0
    p95: float = 0.0
    maximum: float = 0.0

    @classmethod
    def of(cls, days: list[float]) -> Spread:
        if not days:
            return cls()
        ordered = sorted(days)
        rank = max(math.ceil(0.95 * len(ordered)) - 1, 0)
        return cls(
            count=len(ordered),
            median=round(statistics.median(ordered), 1),
            p95=round(ordered[rank], 1),
            maximum=round(ordered[-1], 1),
        )


@dataclass
class Tally:
    kept: int = 0
    broken: int = 0

    def add(self, kept: bool) -> None:
        if kept:
            self.kept += 1
        else:
            self.broken += 1

    @property
    def total(self) -> int:
        return self.kept + self.broken

    @property
    def share(self) -> float | None:
        return self.kept / self.total if self.total else None


@dataclass
class Figures:
    applications: int = 0
    receipts: int = 0
    ended: int = 0
    final_messages: int = 0
    final_pending: int = 0
    silence_active: Spread = field(default_factory=Spread)
    silence_ended: Spread = field(default_factory=Spread)
    first_response: Tally = field(default_factory=Tally)
    silence: Tally = field(default_factory=Tally)
    promise: Tally = field(default_factory=Tally)

    @property
    def receipt_share(self) -> float | None:
        return self.receipts / self.applications if self.applications else None

    @property
    def final_share(self) -> float | None:
        return self.final_messages / self.ended if self.ended else None

    @property
    def kept(self) -> Tally:
        return Tally(
            kept=self.first_response.kept + self.silence.kept + self.promise.kept,
            broken=self.first_response.broken + self.silence.broken + self.promise.broken,
        )

    def lines(self) -> list[str]:
        """The figures as plain text, for commands that print them."""

        def pct(value: float | None) -> str:
            return "–" if value is None else f"{value:.1%}"

        def spread(s: Spread) -> str:
            return _("median %(m)s, 95th percentile %(p)s, maximum %(x)s days (%(n)s gaps)") % {
                "m": s.median,
                "p": s.p95,
                "x": s.maximum,
                "n": s.count,
            }

        return [
            _("Receipts: %(share)s of %(n)s applications")
            % {"share": pct(self.receipt_share), "n": self.applications},
            _("Final message: %(share)s of %(n)s ended applications (%(pending)s scheduled)")
            % {"share": pct(self.final_share), "n": self.ended, "pending": self.final_pending},
            _("Days without contact, active: %(s)s") % {"s": spread(self.silence_active)},
            _("Days without contact, ended: %(s)s") % {"s": spread(self.silence_ended)},
            _("Promises kept: %(share)s of %(n)s passed deadlines")
            % {"share": pct(self.kept.share), "n": self.kept.total},
        ]

    def __str__(self) -> str:
        return "\n".join(self.lines())


@dataclass
class _Mail:
    kind: str
    status: str
    sent_at: datetime | None


def measure(
    applications: QuerySet[Application] | None = None, now: datetime | None = None
) -> Figures:
    """Compute the figures in three queries, whatever the number of rows."""
    now = now or timezone.now()
    applications = applications if applications is not None else Application.objects.all()
    terms = rules.Terms.of(Organisation.get())
    rows = list(applications.order_by().values_list("pk", "created_at", "outcome", "ended_at"))
    ids = applications.order_by().values("pk")
    mails: dict[int, list[_Mail]] = defaultdict(list)
    for app_id, kind, status, sent_at in (
        Message.objects.filter(
            application__in=ids, status__in=[MessageStatus.SENT, MessageStatus.SCHEDULED]
        )
        .order_by("sent_at", "pk")
        .values_list("application_id", "kind", "status", "sent_at")
    ):
        mails[app_id].append(_Mail(kind, status, sent_at))
    promises: dict[int, list[tuple[datetime, date]]] = defaultdict(list)
    for app_id, created, data in Event.objects.filter(
        application__in=ids, kind=EventKind.PROMISE_SET
    ).values_list("application_id", "created_at", "data"):
        day = rules.parse_day((data or {}).get("hear_by"))
        if day is not None:
            promises[app_id].append((created, day))
    figures = Figures()
    active_gaps: list[float] = []
    ended_gaps: list[float] = []
    for pk, created, outcome, ended_at in rows:
        gaps = _measure_one(
            figures, terms, now, created, outcome, ended_at, mails[pk], promises[pk]
        )
        (active_gaps if outcome == Outcome.ACTIVE else ended_gaps).extend(gaps)
    figures.silence_active = Spread.of(active_gaps)
    figures.silence_ended = Spread.of(ended_gaps)
    return figures


def _measure_one(
    figures: Figures,
    terms: rules.Terms,
    now: datetime,
    created: datetime,
    outcome: str,
    ended_at: datetime | None,
    mails: list[_Mail],
    promises: list[tuple[datetime, date]],
) -> list[float]:
    """Add one application to the counts; return its gaps in days."""
    sent = [m for m in mails if m.status == MessageStatus.SENT and m.sent_at is not None]
    contacts: list[datetime] = [m.sent_at for m in sent if m.kind not in NOT_CONTACT]  # type: ignore[misc]
    personal: list[datetime] = [m.sent_at for m in sent if m.kind not in NOT_PERSONAL]  # type: ignore[misc]
    figures.applications += 1
    figures.receipts += any(m.kind == TemplateKind.APPLICATION_RECEIVED for m in sent)
    end, open_end = now, True
    if outcome != Outcome.ACTIVE and ended_at is not None:
        figures.ended += 1
        final = _final_message(sent, ended_at)
        if final is not None:
            figures.final_messages += 1
            end, open_end = max(final, created), False
        elif any(m.status == MessageStatus.SCHEDULED and _is_final(m.kind) for m in mails):
            figures.final_pending += 1
    points = [created, *(c for c in contacts if created <= c <= end)]
    if open_end:
        points.append(end)
    _count_deadlines(figures, terms, timezone.localdate(now), points, open_end, personal, promises)
    return [(b - a) / timedelta(days=1) for a, b in pairwise(points)]


def _is_final(kind: str) -> bool:
    return kind in FINAL_KINDS or kind not in NOT_PERSONAL


def _final_message(sent: list[_Mail], ended_at: datetime) -> datetime | None:
    for mail in sent:
        assert mail.sent_at is not None  # noqa: S101 (filtered by the caller)
        if mail.kind in FINAL_KINDS or (mail.sent_at >= ended_at and mail.kind not in NOT_PERSONAL):
            return mail.sent_at
    return None


def _count_deadlines(
    figures: Figures,
    terms: rules.Terms,
    today: date,
    points: list[datetime],
    open_end: bool,
    personal: list[datetime],
    promises: list[tuple[datetime, date]],
) -> None:
    day = rules.local_date
    first_due = rules.add_working_days(day(points[0]), terms.first_response_days)
    if first_due < today:
        figures.first_response.add(any(day(p) <= first_due for p in personal))
    windows = list(pairwise(points))
    for n, (start, following) in enumerate(windows):
        due = day(start) + timedelta(days=terms.max_silence_days)
        if due >= today:
            continue
        # An open timeline ends "now", which is not a contact.
        real = not (open_end and n == len(windows) - 1)
        figures.silence.add(real and day(following) <= due)
    for promised_at, hear_by in promises:
        if hear_by < today:
            figures.promise.add(any(promised_at < p and day(p) <= hear_by for p in personal))
