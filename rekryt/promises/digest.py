"""The daily waiting-candidates digest for one recruiter."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rekryt.accounts.models import Organisation, User
from rekryt.applications.models import Application
from rekryt.messaging import outbox
from rekryt.messaging.models import Message
from rekryt.promises import rules
from rekryt.promises.waiting import waiting, with_applications

DIGEST_HOUR = time(7)


def next_digest_time(after: datetime) -> datetime:
    """The next 07:00 local time strictly after `after`, in UTC. Computed on
    the local calendar so it stays at 07:00 across daylight-saving changes."""
    zone = ZoneInfo(settings.TIME_ZONE)
    local = after.astimezone(zone)
    due = datetime.combine(local.date(), DIGEST_HOUR, tzinfo=zone)
    if due <= local:
        due = datetime.combine(local.date() + timedelta(days=1), DIGEST_HOUR, tzinfo=zone)
    return due.astimezone(ZoneInfo("UTC"))


def send_digest(user: User, today: date) -> Message | None:
    """Queue today's digest of the user's waiting candidates; None when there
    is nothing to report (or nowhere to send it)."""
    if not user.email:
        return None
    org = Organisation.get()
    mine = Application.objects.filter(job__recruiter=user)
    rows = with_applications(waiting(mine, today, rules.Terms.of(org)))
    if not rows:
        return None
    language = user.language or org.default_language
    with translation.override(language):
        overdue = sum(1 for w, _a in rows if w.standing.state == rules.OVERDUE)
        subject = ngettext(
            "%(n)s candidate is waiting for news (%(overdue)s overdue)",
            "%(n)s candidates are waiting for news (%(overdue)s overdue)",
            len(rows),
        ) % {"n": len(rows), "overdue": overdue}
        context = {
            "user": user,
            "rows": rows,
            "organisation": org,
            "site_url": settings.SITE_URL,
            "subject": subject,
            "language": language,
            "intro": _("These candidates are close to or past what we promised them."),
        }
        text = render_to_string("promises/email/digest.txt", context)
        inner = render_to_string("promises/email/digest_inner.html", context)
        html = render_to_string("messaging/email.html", {**context, "inner": inner})
    return outbox.queue_rendered(
        key=f"digest:{user.pk}:{today.isoformat()}",
        kind="waiting_digest",
        to_email=user.email,
        to_name=user.display_name,
        subject=subject,
        text=text,
        html=html,
        language=language,
    )


def is_recipient(user: User) -> bool:
    return user.sees_all_jobs
