"""Pages for the privacy notice, consent, legal holds and retention.

Public: the notice (/privacy/, /privacy/v<n>/) and the consent renewal link
(GET only asks; mail scanners open links). Portal: the candidate's consents.
Staff: legal holds, consent recorded by staff, the retention settings and
preview."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from rekryt.accounts.models import Organisation
from rekryt.accounts.roles import recruiter_required
from rekryt.audit.log import record
from rekryt.audit.models import Action
from rekryt.candidates.models import Candidate
from rekryt.candidates.portal_session import candidate_required
from rekryt.jobs.models import Job
from rekryt.lib.params import local_url
from rekryt.lib.ratelimit import client_ip
from rekryt.privacy.consent import consent_sentence, record_consent, states_for
from rekryt.privacy.holds import place_hold, release_hold
from rekryt.privacy.models import (
    Consent,
    ConsentMethod,
    ConsentPurpose,
    LegalHold,
    PrivacyNotice,
    RetentionRun,
)
from rekryt.privacy.notice import blocks, current_notice, publish_if_changed
from rekryt.privacy.policy_forms import HoldForm, PolicySettingsForm, StaffConsentForm
from rekryt.privacy.retention import PREVIEW_DAYS, preview, read_renewal_token


def _language() -> str:
    return (get_language() or "sv")[:2]


def _next_or(request: HttpRequest, fallback: str) -> str:
    return local_url(request, request.POST.get("next") or request.GET.get("next"), fallback)


# Public ----------------------------------------------------------------------


def notice(request: HttpRequest, version: int | None = None) -> HttpResponse:
    latest = current_notice()
    shown = latest if version is None else get_object_or_404(PrivacyNotice, version=version)
    context = {
        "notice": shown,
        "latest": latest,
        "blocks": blocks(shown.text(_language())),
        "versions": list(
            PrivacyNotice.objects.order_by("-version").values("version", "created_at")
        ),
    }
    return render(request, "privacy/notice.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def consent_renew(request: HttpRequest, token: str) -> HttpResponse:
    data = read_renewal_token(token)
    consent = None
    if data is not None:
        consent = (
            Consent.objects.select_related("candidate")
            .filter(pk=data["c"], candidate_id=data["k"])
            .first()
        )
    if consent is None:
        return render(request, "privacy/consent_invalid.html", status=404)
    purpose = consent.purpose
    sentence = consent_sentence(purpose)
    context = {"consent": consent, "sentence": sentence, "answered": None}
    if request.method == "POST":
        answer = request.POST.get("answer")
        if answer not in ("renew", "withdraw"):
            context["error"] = _("Choose one of the two answers.")
            return render(request, "privacy/consent_renew.html", context, status=400)
        context["answered"] = record_consent(
            consent.candidate,
            purpose=purpose,
            given=answer == "renew",
            text=sentence,
            method=ConsentMethod.EMAIL_LINK,
            language=_language(),
            ip=client_ip(request),
        )
    response = render(request, "privacy/consent_renew.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


# Portal ----------------------------------------------------------------------


@candidate_required
@require_http_methods(["GET"])
def portal_privacy(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    context = {
        "candidate": candidate,
        "states": states_for(candidate),
        "sentences": {p: consent_sentence(p) for p in ConsentPurpose.values},
        "notice": current_notice(),
    }
    for state in context["states"]:  # type: ignore[attr-defined]
        state.sentence = context["sentences"][state.purpose]  # type: ignore[index]
    return render(request, "privacy/policy/portal.html", context)


@candidate_required
@require_POST
def portal_consent(request: HttpRequest, candidate: Candidate, purpose: str) -> HttpResponse:
    action = request.POST.get("action")
    if purpose not in ConsentPurpose.values or action not in ("give", "renew", "withdraw"):
        raise Http404
    record_consent(
        candidate,
        purpose=purpose,
        given=action != "withdraw",
        text=consent_sentence(purpose),
        method=ConsentMethod.PORTAL,
        language=_language(),
        ip=client_ip(request),
    )
    messages.success(
        request,
        _("Your consent is withdrawn.") if action == "withdraw" else _("Thank you: saved."),
    )
    return redirect("portal_privacy")


# Staff: legal holds and consent ------------------------------------------------


@recruiter_required
def holds(request: HttpRequest) -> HttpResponse:
    rows = LegalHold.objects.select_related("candidate", "job", "created_by", "released_by")
    context = {
        "active": list(rows.active()),
        "released": list(rows.filter(released_at__isnull=False).order_by("-released_at")[:50]),
    }
    return render(request, "privacy/policy/holds.html", context)


def _hold_page(
    request: HttpRequest, *, candidate: Candidate | None, job: Job | None
) -> HttpResponse:
    form = HoldForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        place_hold(
            reason=form.cleaned_data["reason"],
            actor=request.user,  # type: ignore[arg-type]
            candidate=candidate,
            job=job,
            request=request,
        )
        messages.success(request, _("Legal hold placed. Nothing is removed until it is released."))
        return redirect(_next_or(request, reverse("privacy_holds")))
    context = {"form": form, "candidate": candidate, "job": job, "next": _next_or(request, "")}
    return render(
        request, "privacy/policy/hold_form.html", context, status=400 if form.errors else 200
    )


@recruiter_required
@require_http_methods(["GET", "POST"])
def hold_candidate(request: HttpRequest, pk: int) -> HttpResponse:
    return _hold_page(request, candidate=get_object_or_404(Candidate, pk=pk), job=None)


@recruiter_required
@require_http_methods(["GET", "POST"])
def hold_job(request: HttpRequest, pk: int) -> HttpResponse:
    return _hold_page(request, candidate=None, job=get_object_or_404(Job, pk=pk))


@recruiter_required
@require_POST
def hold_release(request: HttpRequest, pk: int) -> HttpResponse:
    hold = get_object_or_404(LegalHold, pk=pk)
    if release_hold(hold, actor=request.user, request=request):  # type: ignore[arg-type]
        messages.success(request, _("Legal hold released."))
    return redirect(_next_or(request, reverse("privacy_holds")))


@recruiter_required
@require_POST
def staff_consent(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_object_or_404(Candidate, pk=pk)
    form = StaffConsentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the purpose, the answer and the language."))
    else:
        data = form.cleaned_data
        with translation.override(data["language"]):
            sentence = consent_sentence(data["purpose"])
        consent = record_consent(
            candidate,
            purpose=data["purpose"],
            given=data["given"],
            text=sentence,
            method=ConsentMethod.STAFF,
            language=data["language"],
            recorded_by=request.user,  # type: ignore[arg-type]
        )
        record(
            Action.EDIT,
            request=request,
            target=candidate,
            detail="consent_recorded",
            params={"purpose": consent.purpose, "given": consent.given},
        )
        messages.success(request, _("Consent recorded."))
    return redirect(_next_or(request, reverse("privacy_holds")))


# Staff: retention ---------------------------------------------------------------


@recruiter_required
@require_http_methods(["GET", "POST"])
def retention(request: HttpRequest) -> HttpResponse:
    is_admin = request.user.is_admin  # type: ignore[union-attr]
    organisation = Organisation.objects.get_or_create(pk=1)[0]
    if request.method == "POST" and not is_admin:
        raise Http404
    form = PolicySettingsForm(
        request.POST if request.method == "POST" else None,
        instance=organisation,
        read_only=not is_admin,
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        published = publish_if_changed(request.user)  # type: ignore[arg-type]
        record(
            Action.EDIT,
            request=request,
            target=organisation,
            detail="privacy_settings_saved",
            params={"version": published.version},
        )
        messages.success(
            request, _("Saved. The privacy notice is now version %(n)s.") % {"n": published.version}
        )
        return redirect("privacy_retention")
    holds_in_force = LegalHold.objects.active().select_related("candidate", "job", "created_by")
    context = {
        "form": form,
        "is_admin": is_admin,
        "preview": preview(),
        "preview_days": PREVIEW_DAYS,
        "holds": list(holds_in_force),
        "runs": list(RetentionRun.objects.order_by("-day")[:14]),
        "notice": current_notice(),
    }
    return render(
        request, "privacy/policy/retention.html", context, status=400 if form.errors else 200
    )
