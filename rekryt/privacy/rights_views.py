"""Data-subject rights: the portal's "Your data" pages, staff handling of
access requests, and the staff privacy page of a candidate.

GET never acts: a download link shows a button, and the POST is the
download, because mail scanners open links before people do."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rekryt.accounts.ratelimit import Limit
from rekryt.accounts.roles import recruiter_required, staff_required
from rekryt.audit.log import record
from rekryt.audit.models import Action
from rekryt.candidates.models import Candidate
from rekryt.candidates.portal_session import candidate_required
from rekryt.lib.params import id_or_none
from rekryt.lib.ratelimit import client_ip
from rekryt.privacy import requests as rights
from rekryt.privacy.erasure import LegalHoldActive, erase_candidate
from rekryt.privacy.export import export_response
from rekryt.privacy.models import AccessRequest, ErasureReason, RequestKind, RequestStatus
from rekryt.privacy.rights_forms import (
    AnswerForm,
    EraseForm,
    ExtendForm,
    RefuseForm,
    RegisterRequestForm,
)

# Download links per candidate and per address, per hour.
LINK_LIMIT = Limit("portal-data-link", 3)
LINK_LIMIT_BY_ADDRESS = Limit("portal-data-link-ip", 10)


# --- Portal ---------------------------------------------------------------


def _open_requests(candidate: Candidate) -> list[AccessRequest]:
    return list(
        AccessRequest.objects.filter(candidate=candidate, status=RequestStatus.OPEN).order_by(
            "received_at", "pk"
        )
    )


@candidate_required
@require_GET
def portal_data(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    return render(
        request,
        "privacy/rights/portal_data.html",
        {"candidate": candidate, "open_requests": _open_requests(candidate)},
    )


@candidate_required
@require_POST
def portal_data_link(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    if not LINK_LIMIT_BY_ADDRESS.hit(client_ip(request)) or not LINK_LIMIT.hit(
        f"candidate:{candidate.pk}"
    ):
        response = render(request, "privacy/rights/portal_link_limited.html", status=429)
        response["Retry-After"] = str(LINK_LIMIT.retry_after())
        return response
    rights.send_download_link(candidate)
    return redirect("rights_portal_link_sent")


@candidate_required
@require_GET
def portal_link_sent(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    return render(request, "privacy/rights/portal_link_sent.html", {"candidate": candidate})


@candidate_required
@require_http_methods(["GET", "POST"])
def portal_erase(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    if request.method == "POST":
        rights.ask_for_erasure(candidate)
        return redirect("rights_portal_erase_sent")
    return render(request, "privacy/rights/portal_erase.html", {"candidate": candidate})


@candidate_required
@require_GET
def portal_erase_sent(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    found = (
        AccessRequest.objects.filter(
            candidate=candidate, kind=RequestKind.ERASURE, status=RequestStatus.OPEN
        )
        .order_by("-received_at")
        .first()
    )
    if found is None:
        return redirect("rights_portal_data")
    return render(
        request, "privacy/rights/portal_erase_sent.html", {"candidate": candidate, "found": found}
    )


def _invalid_download(request: HttpRequest) -> HttpResponse:
    """One answer for every download link that does not work, whatever the reason."""
    response = render(request, "privacy/rights/download_invalid.html", status=404)
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def portal_download(request: HttpRequest, token: str) -> HttpResponse:
    found = rights.find_download(token)
    if found is None or found.candidate is None:
        return _invalid_download(request)
    if request.method == "GET":
        response = render(request, "privacy/rights/download_confirm.html")
        response["X-Robots-Tag"] = "noindex"
        return response
    if not rights.use_download(found):
        return _invalid_download(request)
    record(
        Action.EXPORT,
        request=request,
        target=found.candidate,
        detail="portal_download",
        params={"request": found.pk},
    )
    return export_response(found.candidate)  # type: ignore[return-value]


# --- Staff: access requests -------------------------------------------------


@recruiter_required
@require_GET
def request_list(request: HttpRequest) -> HttpResponse:
    base = AccessRequest.objects.select_related("candidate")
    open_requests = list(base.filter(status=RequestStatus.OPEN).order_by("due_at", "pk"))
    closed = list(base.exclude(status=RequestStatus.OPEN).order_by("-answered_at", "-pk")[:50])
    now = timezone.now()
    return render(
        request,
        "privacy/rights/request_list.html",
        {
            "open_requests": open_requests,
            "closed_requests": closed,
            "soon": now + rights.SOON,
            "now": now,
        },
    )


@recruiter_required
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = RegisterRequestForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            received = timezone.make_aware(datetime.combine(data["received_on"], time.min))
            if data["received_on"] == timezone.localdate():
                received = timezone.now()
            access_request = rights.register(
                candidate=form.candidate,
                kind=data["kind"],
                channel=data["channel"],
                received_at=received,
                requester=data["requester"],
                details=data["details"],
                actor=request.user,
            )
            record(Action.EDIT, request=request, target=access_request, detail="request_registered")
            return redirect("rights_request_detail", access_request.pk)
    else:
        initial: dict[str, Any] = {"received_on": timezone.localdate()}
        pk = id_or_none(request.GET.get("candidate"))
        if pk is not None:
            candidate = Candidate.objects.filter(pk=pk).first()
            if candidate is not None:
                initial["candidate_email"] = candidate.email
        form = RegisterRequestForm(initial=initial)
    return render(request, "privacy/rights/request_new.html", {"form": form})


def _request_page(
    request: HttpRequest, access_request: AccessRequest, status: int = 200, **forms: object
) -> HttpResponse:
    context = {
        "access_request": access_request,
        "candidate": access_request.candidate,
        "latest_deadline": rights.latest_allowed_deadline(access_request),
        "extend_form": forms.get("extend_form") or ExtendForm(),
        "answer_form": forms.get("answer_form") or AnswerForm(),
        "refuse_form": forms.get("refuse_form") or RefuseForm(),
    }
    return render(request, "privacy/rights/request_detail.html", context, status=status)


@recruiter_required
@require_GET
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access_request = get_object_or_404(AccessRequest.objects.select_related("candidate"), pk=pk)
    return _request_page(request, access_request)


@recruiter_required
@require_POST
def request_export(request: HttpRequest, pk: int) -> HttpResponse:
    access_request = get_object_or_404(AccessRequest, pk=pk)
    if access_request.candidate is None:
        raise Http404
    record(
        Action.EXPORT,
        request=request,
        target=access_request.candidate,
        detail="request_exported",
        params={"request": access_request.pk},
    )
    # A streaming response; roles.View is bound to HttpResponse only.
    return export_response(access_request.candidate)  # type: ignore[return-value]


@recruiter_required
@require_POST
def request_extend(request: HttpRequest, pk: int) -> HttpResponse:
    access_request = get_object_or_404(AccessRequest, pk=pk)
    form = ExtendForm(request.POST)
    if not form.is_valid() or not rights.extend(
        access_request, months=form.cleaned_data["months"], reason=form.cleaned_data["reason"]
    ):
        return _request_page(request, access_request, status=400, extend_form=form)
    record(Action.EDIT, request=request, target=access_request, detail="deadline_extended")
    messages.success(request, _("The deadline was extended."))
    return redirect("rights_request_detail", pk)


@recruiter_required
@require_POST
def request_close(request: HttpRequest, pk: int, outcome: str) -> HttpResponse:
    access_request = get_object_or_404(AccessRequest, pk=pk)
    form_class = RefuseForm if outcome == RequestStatus.REFUSED else AnswerForm
    form = form_class(request.POST)
    if not form.is_valid() or not rights.close(
        access_request, status=outcome, note=form.cleaned_data["note"], actor=request.user
    ):
        key = "refuse_form" if outcome == RequestStatus.REFUSED else "answer_form"
        return _request_page(request, access_request, status=400, **{key: form})
    record(
        Action.EDIT,
        request=request,
        target=access_request,
        detail="request_closed",
        params={"status": outcome},
    )
    return redirect("rights_request_detail", pk)


def _erase(
    request: HttpRequest,
    candidate: Candidate,
    *,
    reason: str,
    access_request: AccessRequest | None,
    back: str,
) -> HttpResponse:
    form = EraseForm(request.POST if request.method == "POST" else None)
    context = {"candidate": candidate, "form": form, "access_request": access_request, "back": back}
    if request.method == "POST" and form.is_valid():
        try:
            erase_candidate(
                candidate, reason=reason, actor=request.user, access_request=access_request
            )
        except LegalHoldActive:
            context["held"] = True
            return render(request, "privacy/rights/erase_confirm.html", context, status=409)
        messages.success(request, _("The candidate's data was erased."))
        if access_request is not None:
            return redirect("rights_request_detail", access_request.pk)
        return redirect("rights_request_list")
    status = 400 if request.method == "POST" else 200
    return render(request, "privacy/rights/erase_confirm.html", context, status=status)


@recruiter_required
@require_http_methods(["GET", "POST"])
def request_erase(request: HttpRequest, pk: int) -> HttpResponse:
    access_request = get_object_or_404(AccessRequest, pk=pk, kind=RequestKind.ERASURE)
    if access_request.candidate is None or not access_request.is_open:
        raise Http404
    return _erase(
        request,
        access_request.candidate,
        reason=ErasureReason.REQUEST,
        access_request=access_request,
        back=reverse("rights_request_detail", args=[pk]),
    )


# --- Staff: a candidate's privacy page -----------------------------------------


@staff_required
@require_GET
def candidate_privacy(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_object_or_404(Candidate.objects.visible_to(request.user), pk=pk)  # type: ignore[arg-type]
    requests_ = AccessRequest.objects.filter(candidate=candidate).order_by("-received_at", "-pk")
    return render(
        request,
        "privacy/rights/candidate_privacy.html",
        {
            "candidate": candidate,
            "requests": list(requests_),
            "may_manage": request.user.can_manage_jobs,  # type: ignore[union-attr]
        },
    )


@recruiter_required
@require_POST
def candidate_export(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_object_or_404(Candidate, pk=pk)
    record(Action.EXPORT, request=request, target=candidate, detail="staff_export")
    # A streaming response; roles.View is bound to HttpResponse only.
    return export_response(candidate)  # type: ignore[return-value]


@recruiter_required
@require_http_methods(["GET", "POST"])
def candidate_erase(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_object_or_404(Candidate, pk=pk)
    return _erase(
        request,
        candidate,
        reason=ErasureReason.STAFF,
        access_request=None,
        back=reverse("rights_candidate", args=[pk]),
    )
