"""Staff scheduling from the application page: invite to choose a time,
book a time directly, move, cancel with a reason, and undo while the
emails wait. Deciding roles only (recruiters, admins, the hiring managers
of the job); everyone else gets 404."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekryt.accounts.models import User
from rekryt.accounts.roles import staff_required
from rekryt.applications.models import Application
from rekryt.interviews import scheduling
from rekryt.interviews.forms import BookForm, MoveForm, OfferForm, ReasonForm
from rekryt.interviews.models import Interview, Status


def _application(request: HttpRequest, pk: int) -> Application:
    queryset = Application.objects.decidable_by(request.user)  # type: ignore[arg-type]
    return get_object_or_404(queryset.select_related("job", "candidate"), pk=pk)


def _interview(request: HttpRequest, pk: int) -> Interview:
    applications = Application.objects.decidable_by(request.user)  # type: ignore[arg-type]
    return get_object_or_404(
        Interview.objects.filter(application__in=applications.values("pk")).select_related(
            "application", "step"
        ),
        pk=pk,
    )


def _back(application_id: int) -> HttpResponse:
    return redirect("application_detail", application_id)


def _errors(request: HttpRequest, form: object) -> None:
    for errors in form.errors.values():  # type: ignore[attr-defined]
        for error in errors:
            messages.error(request, error)


@staff_required
@require_POST
def offer(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    form = OfferForm(application.job, request.POST)
    if not form.is_valid():
        _errors(request, form)
        return _back(pk)
    step = form.cleaned_data["step"]
    if (
        Interview.objects.filter(application=application, step=step)
        .exclude(status=Status.CANCELLED)
        .exists()
    ):
        messages.error(request, _("This candidate already has that interview."))
    elif not scheduling.open_slots(step).exists():
        messages.error(request, _("Offer some times for that interview on the job's plan first."))
    else:
        scheduling.offer(application, step, request.user)  # type: ignore[arg-type]
        messages.success(
            request,
            _("The candidate will be asked to choose a time (the email waits a few minutes)."),
        )
    return _back(pk)


@staff_required
@require_POST
def book(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    form = BookForm(application.job, request.POST)
    if not form.is_valid():
        _errors(request, form)
        return _back(pk)
    data = form.cleaned_data
    open_one = (
        Interview.objects.filter(application=application, step=data["step"])
        .exclude(status=Status.CANCELLED)
        .first()
    )
    if open_one is not None and open_one.status == Status.BOOKED:
        messages.error(request, _("That interview is booked already: move it instead."))
        return _back(pk)
    try:
        scheduling.book_directly(
            application,
            data["step"],
            data["starts_at"],
            list(data["interviewers"]),
            request.user,  # type: ignore[arg-type]
            video_url=data["video_url"],
            interview=open_one,
        )
    except (scheduling.SlotTaken, scheduling.NotPossible):
        messages.error(request, _("That time could not be booked. Please try again."))
        return _back(pk)
    messages.success(request, _("The interview was booked. Invitations go out in a few minutes."))
    return _back(pk)


@staff_required
@require_POST
def move(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _interview(request, pk)
    form = MoveForm(request.POST)
    if not form.is_valid() or interview.status != Status.BOOKED:
        _errors(request, form)
        return _back(interview.application_id)
    people = list(interview.interviewers.all())
    step = interview.step
    from rekryt.interviews.models import Slot

    slot = Slot.objects.create(
        step=step,
        starts_at=form.cleaned_data["starts_at"],
        ends_at=form.cleaned_data["starts_at"] + interview.duration,
    )
    slot.interviewers.set(people)
    try:
        scheduling.book(interview, slot, request.user)  # type: ignore[arg-type]
    except (scheduling.SlotTaken, scheduling.NotPossible):
        slot.delete()
        messages.error(request, _("The interview could not be moved. Please try again."))
        return _back(interview.application_id)
    messages.success(request, _("The interview was moved. Everyone gets an updated invitation."))
    return _back(interview.application_id)


@staff_required
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _interview(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        _errors(request, form)
        return _back(interview.application_id)
    user: User = request.user  # type: ignore[assignment]
    if scheduling.cancel(interview, form.cleaned_data["reason"], user, by_candidate=False):
        messages.success(request, _("The interview was cancelled."))
    else:
        messages.error(request, _("This interview can no longer be cancelled."))
    return _back(interview.application_id)


@staff_required
@require_POST
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _interview(request, pk)
    if scheduling.undo(interview, request.user):  # type: ignore[arg-type]
        messages.success(request, _("Undone: nobody was told."))
    else:
        messages.error(request, _("Too late to undo: the emails have gone out."))
    return _back(interview.application_id)
