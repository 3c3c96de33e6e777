"""The candidate's actions on one application and on their details. Every
application is fetched through the signed-in candidate, so another person's
application id gives 404."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rekryt.accounts.ratelimit import Limit
from rekryt.applications.models import Application, Resubmission, ResubmissionStatus
from rekryt.applications.submissions import (
    add_resubmission,
    adopt_details,
    discard_resubmission,
)
from rekryt.candidates.models import Candidate
from rekryt.candidates.portal_session import candidate_required
from rekryt.lib.uploads import oversized_fields
from rekryt.portal.actions import add_cv, update_details, withdraw, write_to_recruiter
from rekryt.portal.forms import CvForm, DetailsForm, MessageForm, WithdrawForm


def own_application(candidate: Candidate, pk: int, active: bool = False) -> Application:
    """Scoped getter: only the signed-in candidate's own applications."""
    application = get_object_or_404(
        Application.objects.select_related("job", "stage", "candidate"), pk=pk, candidate=candidate
    )
    if active and not application.is_active:
        raise Http404
    return application


# Each message emails the recruiter; this caps what one person can send.
WRITE_LIMIT = Limit("portal-write", 20)


def _flooding(candidate: Candidate, form: MessageForm) -> bool:
    if WRITE_LIMIT.hit(str(candidate.pk)):
        return False
    form.add_error(None, _("You have sent many messages in a short time. Please wait a while."))
    return True


@candidate_required
@require_http_methods(["GET", "POST"])
def write(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    application = own_application(candidate, pk)
    form = MessageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid() and not _flooding(candidate, form):
        write_to_recruiter(application, form.cleaned_data["body"])
        messages.success(request, _("Your message has been sent. We will answer by email."))
        return redirect("portal_home")
    return render(request, "portal/write.html", {"application": application, "form": form})


@candidate_required
@require_http_methods(["GET", "POST"])
def withdraw_view(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    application = own_application(candidate, pk, active=True)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        withdraw(application, form.cleaned_data["reason"])
        messages.success(
            request, _("You have withdrawn your application. Thank you for telling us.")
        )
        return redirect("portal_home")
    return render(request, "portal/withdraw.html", {"application": application, "form": form})


@candidate_required
@require_http_methods(["GET", "POST"])
def details(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    initial = {f: getattr(candidate, f) for f in ("first_name", "last_name", "phone", "link")}
    form = DetailsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if update_details(candidate, form.cleaned_data):
            messages.success(request, _("Your details have been updated."))
        else:
            messages.success(request, _("Nothing changed: your details were already like this."))
        return redirect("portal_home")
    return render(request, "portal/details.html", {"candidate": candidate, "form": form})


@candidate_required
@require_http_methods(["GET", "POST"])
def cv(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    application = own_application(candidate, pk, active=True)
    if request.method == "POST":
        form = CvForm(request.POST, request.FILES, oversized=oversized_fields(request))
        if form.is_valid() and form.checked is not None:
            add_cv(application, form.cleaned_data["cv"], form.checked)
            messages.success(request, _("Thank you: your newer CV is now with your application."))
            return redirect("portal_home")
    else:
        form = CvForm()
    return render(request, "portal/cv.html", {"application": application, "form": form})


@candidate_required
@require_POST
def use_details(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    """Make the details one application was sent with the candidate's own: the
    session proves the address, so this is the owner's choice."""
    application = own_application(candidate, pk)
    adopt_details(application)
    messages.success(request, _("Your details have been updated."))
    return redirect("portal_home")


def own_resubmission(candidate: Candidate, pk: int) -> Resubmission:
    return get_object_or_404(
        Resubmission.objects.select_related("application__candidate"),
        pk=pk,
        application__candidate=candidate,
        status=ResubmissionStatus.PENDING,
    )


@candidate_required
@require_POST
def add_sent_again(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    add_resubmission(own_resubmission(candidate, pk))
    messages.success(request, _("Thank you: what you sent again is now with your application."))
    return redirect("portal_home")


@candidate_required
@require_POST
def discard_sent_again(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    discard_resubmission(own_resubmission(candidate, pk))
    messages.success(request, _("It has been discarded. Your application is as it was."))
    return redirect("portal_home")
