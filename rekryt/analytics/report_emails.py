"""Sending a report as an email to its reader, through the outbox: one
Message with an idempotency key per reader and period, so a retry after a
crash sends nothing twice. Nothing is sent when there is nothing to say."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from rekryt.accounts.models import Organisation, User
from rekryt.analytics import reports
from rekryt.analytics.models import ReportKind
from rekryt.messaging import outbox
from rekryt.messaging.models import Message

SEND_HOUR = time(7)


def next_time(kind: str, after: datetime) -> datetime:
    """Weekly: the next Monday 07:00 local time strictly after `after`;
    monthly: the next first of a month at 07:00 (in UTC)."""
    zone = ZoneInfo(settings.TIME_ZONE)
    local = after.astimezone(zone)
    day = local.date()
    if kind == ReportKind.MONTHLY:
        candidates = [day.replace(day=1), reports.month_start(day, 1)]
    else:
        monday = day - timedelta(days=day.weekday())
        candidates = [monday, monday + timedelta(days=7)]
    for start in candidates:
        due = datetime.combine(start, SEND_HOUR, tzinfo=zone)
        if due > local:
            return due.astimezone(ZoneInfo("UTC"))
    raise AssertionError("unreachable")  # the second candidate is always later


def send_report(user: User, kind: str, now: datetime) -> Message | None:
    if not reports.may_get(user, kind):
        return None
    org = Organisation.get()
    language = user.language or org.default_language
    with translation.override(language):
        if kind == ReportKind.MONTHLY:
            report = reports.monthly(user, now)
            context = {
                "report": report,
                "subject": _("Recruitment in %(month)s") % {"month": _month_name(report.month)},
            }
            key = f"analytics-monthly:{user.pk}:{report.month:%Y-%m}"
        else:
            weekly = reports.weekly(user, now)
            if not weekly.lines:
                return None
            context = {"report": weekly, "subject": _("Your jobs this week")}
            key = f"analytics-weekly:{user.pk}:{timezone.localtime(now).date().isoformat()}"
        context |= {"user": user, "organisation": org, "site_url": settings.SITE_URL}
        text = render_to_string(f"analytics/email/{kind}.txt", context)
        inner = render_to_string(f"analytics/email/{kind}_inner.html", context)
        html = render_to_string("messaging/email.html", {**context, "inner": inner})
    return outbox.queue_rendered(
        key=key,
        kind=f"analytics_{kind}",
        to_email=user.email,
        to_name=user.display_name,
        subject=str(context["subject"]),
        text=text,
        html=html,
        language=language,
    )


def _month_name(month: date) -> str:
    from django.utils.formats import date_format

    return date_format(month, "F Y")
