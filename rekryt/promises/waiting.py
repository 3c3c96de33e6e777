"""Which active applications are close to or past the promise.

One aggregate query returns light rows for every application that may need
attention (a superset, filtered in the database with thresholds computed
here); the exact standing is computed in Python and sorted by how overdue.
Callers then fetch only the rows they show. The number of queries never
depends on the number of applications."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import CharField, DateTimeField, Max, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.fields.json import KT
from django.utils import timezone

from rekryt.applications.hooks import blind_for
from rekryt.applications.models import Application, Event, EventKind
from rekryt.conversations.panels import has_unread
from rekryt.messaging.models import MessageStatus, TemplateKind
from rekryt.promises import rules

# Sent emails that are not news about where the candidate stands.
NOT_CONTACT = (TemplateKind.SURVEY_INVITATION, TemplateKind.PORTAL_LINK)
# Sent emails that are not a personal response: automatic ones.
NOT_PERSONAL = (TemplateKind.APPLICATION_RECEIVED, TemplateKind.STATUS_UPDATE, *NOT_CONTACT)

_sent = Q(messages__status=MessageStatus.SENT, messages__sent_at__isnull=False)


def with_contact(queryset: QuerySet[Application]) -> QuerySet[Application]:
    """Annotate last contact, first and last personal response and the latest
    promise (its time and hear_by as an ISO string)."""
    promises = Event.objects.filter(
        application=OuterRef("pk"), kind=EventKind.PROMISE_SET
    ).order_by("-created_at", "-pk")
    personal = _sent & ~Q(messages__kind__in=NOT_PERSONAL)
    return queryset.annotate(
        last_contact=Max("messages__sent_at", filter=_sent & ~Q(messages__kind__in=NOT_CONTACT)),
        first_response=Min("messages__sent_at", filter=personal),
        last_personal=Max("messages__sent_at", filter=personal),
        promise_at=Subquery(promises.values("created_at")[:1], output_field=DateTimeField()),
        hear_by=Subquery(
            promises.annotate(day=KT("data__hear_by")).values("day")[:1],
            output_field=CharField(),
        ),
    )


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def attention_filter(today: date, terms: rules.Terms) -> Q:
    """A superset of the applications that are due soon or overdue today."""
    horizon = today + timedelta(days=rules.SOON_DAYS)
    first_cutoff = rules.latest_start_due_by(horizon, terms.first_response_days)
    silence_cutoff = horizon - timedelta(days=terms.max_silence_days)
    silent = Q(last_contact__lt=start_of(silence_cutoff + timedelta(days=1))) | Q(
        last_contact__isnull=True, created_at__lt=start_of(silence_cutoff + timedelta(days=1))
    )
    return (
        Q(first_response__isnull=True, created_at__lt=start_of(first_cutoff + timedelta(days=1)))
        | silent
        | Q(hear_by__lte=horizon.isoformat())
    )


@dataclass(frozen=True)
class Waiting:
    application_id: int
    job_id: int
    recruiter_id: int | None
    standing: rules.Standing


ROW = (
    "pk",
    "job_id",
    "job__recruiter_id",
    "created_at",
    "last_contact",
    "first_response",
    "last_personal",
    "promise_at",
    "hear_by",
)


def waiting(queryset: QuerySet[Application], today: date, terms: rules.Terms) -> list[Waiting]:
    """Active applications of `queryset` due soon or overdue, most overdue first."""
    rows = (
        with_contact(queryset.filter(outcome="active"))
        .filter(attention_filter(today, terms))
        .order_by()
        .values_list(*ROW)
    )
    found = [_waiting(row, today, terms) for row in rows]
    return sorted(
        (w for w in found if w.standing.state != rules.OK),
        key=lambda w: (w.standing.days_left, w.application_id),
    )


def _waiting(row: Any, today: date, terms: rules.Terms) -> Waiting:
    pk, job_id, recruiter_id, created, last, first, personal, promise_at, hear_by = row
    return Waiting(
        application_id=pk,
        job_id=job_id,
        recruiter_id=recruiter_id,
        standing=rules.standing(
            today=today,
            terms=terms,
            created_at=created,
            last_contact=last,
            first_response=first,
            last_personal=personal,
            promise_at=promise_at,
            hear_by=rules.parse_day(hear_by) if hear_by else None,
        ),
    )


def with_applications(items: list[Waiting]) -> list[tuple[Waiting, Application]]:
    """Pair each row with its application, fetched in one query, with
    `unread_replies` (the candidate has written back and nobody has read it);
    one under blind review carries how it is shown (`blind`,
    rekryt.applications.hooks)."""
    related = ("candidate", "job", "job__recruiter", "stage")
    found = (
        Application.objects.select_related(*related)
        .annotate(unread_replies=has_unread())
        .in_bulk([w.application_id for w in items])
    )
    blind = blind_for(found.values())
    for application in found.values():
        application.blind = blind.get(application.pk)  # type: ignore[attr-defined]
    return [(w, found[w.application_id]) for w in items if w.application_id in found]
