"""An interviewer's own page of interviews and their calendar feed: a
secret address (only its hash is stored; making a new one revokes the old)
that a calendar app subscribes to, listing their upcoming interviews."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from rekryt.accounts.models import User
from rekryt.accounts.roles import staff_required
from rekryt.applications.hooks import blind_for, shown_name
from rekryt.applications.models import Application
from rekryt.interviews import calendar
from rekryt.interviews.models import FeedToken, Interview, Status
from rekryt.lib.tokens import hash_token, new_token


def upcoming_for(user: User) -> list[Interview]:
    """The user's booked interviews from yesterday on, of applications they
    may still see (someone taken off a hiring team drops out of its feed)."""
    visible = Application.objects.visible_to(user).values("pk")
    return list(
        Interview.objects.filter(
            application__in=visible,
            interviewers=user,
            status=Status.BOOKED,
            ends_at__gt=timezone.now() - timedelta(days=1),
        )
        .select_related("application__candidate", "application__job", "step__location")
        .prefetch_related("interviewers")
        .order_by("starts_at")
    )


@staff_required
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    interviews = upcoming_for(user)
    blind = blind_for([i.application for i in interviews])
    rows = [(i, shown_name(i.application, blind)) for i in interviews]
    context = {
        "rows": rows,
        "has_feed": FeedToken.objects.filter(user=user).exists(),
        "feed_url": request.session.pop("interviews_feed_url", ""),
    }
    return render(request, "interviews/mine.html", context)


@staff_required
@require_POST
def feed_new(request: HttpRequest) -> HttpResponse:
    raw, hashed = new_token()
    FeedToken.objects.update_or_create(
        user=request.user,  # type: ignore[misc]
        defaults={"token_hash": hashed, "created_at": timezone.now()},
    )
    # Shown once, on the next page; the database keeps only the hash.
    request.session["interviews_feed_url"] = settings.SITE_URL + reverse(
        "interview_feed", args=[raw]
    )
    messages.success(request, _("Your new calendar address is below. The old one no longer works."))
    return redirect("my_interviews")


@staff_required
@require_POST
def feed_revoke(request: HttpRequest) -> HttpResponse:
    FeedToken.objects.filter(user=request.user).delete()  # type: ignore[misc]
    messages.success(request, _("Your calendar address no longer works."))
    return redirect("my_interviews")


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    found = (
        FeedToken.objects.select_related("user").filter(token_hash=hash_token(token)).first()
        if len(token) < 100
        else None
    )
    if found is None or not found.user.is_active:
        raise Http404
    interviews = upcoming_for(found.user)
    blind = blind_for([i.application for i in interviews])
    events = []
    for interview in interviews:
        name = shown_name(interview.application, blind)
        kit = settings.SITE_URL + reverse("interview_kit", args=[interview.pk])
        events.append(
            calendar.event_for(
                interview,
                summary=f"{interview.step.name}: {name} · {interview.application.job.title}",
                description=kit,
                location=interview.meeting_url()
                or (interview.step.location.address if interview.step.location else ""),
                cancelled=False,
                for_staff=True,
            )
        )
    response = HttpResponse(calendar.feed(events), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response
