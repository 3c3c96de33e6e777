"""The candidate's interview pages in the portal: choose one of the offered
times (a plain form: no JavaScript needed), ask for other times, move to
another time, cancel with a reason, add it to a calendar; and the
device-check page, which needs no sign-in.

Times are shown in the time zone the candidate chose (kept in their
session; the page's script suggests the browser's own), Europe/Stockholm
until they do."""

from __future__ import annotations

import functools
import zoneinfo

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from rekryt.candidates.models import Candidate
from rekryt.candidates.portal_session import candidate_required
from rekryt.interviews import calendar, emails, scheduling
from rekryt.interviews.forms import OtherTimesForm, PickForm, ReasonForm
from rekryt.interviews.models import Interview, Status
from rekryt.interviews.panels import candidate_interviews

TZ_SESSION = "interviews_tz"


@functools.cache
def zones() -> list[str]:
    return sorted(z for z in zoneinfo.available_timezones() if "/" in z and not z.startswith("Etc"))


def chosen_zone(request: HttpRequest) -> str:
    asked = request.GET.get("tz", "")
    if asked and asked in zones():
        request.session[TZ_SESSION] = asked
    saved = request.session.get(TZ_SESSION, "")
    return saved if saved in zones() else settings.TIME_ZONE


def _interview(candidate: Candidate, pk: int) -> Interview:
    shown = {i.pk: i for i in candidate_interviews(candidate)}
    if pk not in shown:
        raise Http404
    return shown[pk]


def _page(
    request: HttpRequest, interview: Interview, status: int = 200, **forms: object
) -> HttpResponse:
    slots = scheduling.open_slots(interview.step).prefetch_related("interviewers")
    context = {
        "interview": interview,
        "job": interview.application.job,
        "language": interview.application.language,
        "tz": chosen_zone(request),
        "zones": zones(),
        "zone_set": TZ_SESSION in request.session,
        "pick_form": forms.get("pick_form") or PickForm(slots),
        "slots": slots,
        "other_form": forms.get("other_form") or OtherTimesForm(),
        "cancel_form": forms.get("cancel_form") or ReasonForm(),
        "meeting_url": interview.meeting_url(),
        "location": interview.step.location,
        "language_code": interview.application.language,
    }
    return render(request, "interviews/portal_interview.html", context, status=status)


@never_cache
@candidate_required
def interview_page(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    interview = _interview(candidate, pk)
    if request.method != "POST":
        return _page(request, interview)
    slots = scheduling.open_slots(interview.step)
    form = PickForm(slots, request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("That time has just been taken or is no longer offered. Please choose another one."),
        )
        return _page(request, interview, status=409)
    try:
        scheduling.book(interview, form.cleaned_data["slot"], None, by_candidate=True)
    except scheduling.SlotTaken:
        messages.error(
            request,
            _("Someone booked that time a moment before you. Please choose another one."),
        )
        return _page(request, interview, status=409)
    except scheduling.NotPossible:
        raise Http404 from None
    messages.success(request, _("Your interview is booked. We have sent you an invitation."))
    return redirect("portal_interview", pk)


@candidate_required
@require_POST
def other_times(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    interview = _interview(candidate, pk)
    form = OtherTimesForm(request.POST)
    if not form.is_valid():
        return _page(request, interview, status=400, other_form=form)
    scheduling.ask_for_other_times(interview, form.cleaned_data["times"])
    messages.success(request, _("Thank you. We will get back to you with other times."))
    return redirect("portal_interview", pk)


@candidate_required
@require_POST
def cancel(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    interview = _interview(candidate, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return _page(request, interview, status=400, cancel_form=form)
    scheduling.cancel(interview, form.cleaned_data["reason"], None, by_candidate=True)
    messages.success(request, _("The interview is cancelled. We have told the interviewers."))
    return redirect("portal_home")


@candidate_required
@require_GET
def ics(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    interview = _interview(candidate, pk)
    if interview.status != Status.BOOKED:
        raise Http404
    language = interview.application.language
    context = emails.candidate_context(interview, language)
    event = calendar.event_for(
        interview,
        summary=f"{context['step_name']}: {interview.application.job.title}",
        description=context["agenda"],
        location=emails.location_text(interview, language),
        cancelled=False,
    )
    response = HttpResponse(
        calendar.calendar_text(calendar.PUBLISH, [event]),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="interview.ics"'
    return response


@require_GET
def device_check(request: HttpRequest) -> HttpResponse:
    """Camera, microphone, speakers and connection, tried before the day."""
    response = render(request, "interviews/device_check.html")
    # The one page that may ask for the camera and microphone.
    response["Permissions-Policy"] = "camera=(self), microphone=(self), geolocation=()"
    return response


@require_GET
def ping(request: HttpRequest) -> HttpResponse:
    """The connection check downloads this (a fixed 256 KB, never cached)."""
    response = HttpResponse(b"0" * 262144, content_type="application/octet-stream")
    response["Cache-Control"] = "no-store"
    return response
