"""The candidate's side of the tests: the link from the email (a GET shows
a button, its POST swaps the token for a portal session, as the portal's
own link does), the list of their tests and results, and taking a test one
page at a time. Works without JavaScript, one question group per page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from rekryt.candidates.models import Candidate
from rekryt.candidates.portal_session import candidate_required, sign_in
from rekryt.lib.tokens import hash_token
from rekryt.portal.views import invalid_link
from rekryt.screening import interpret, logic, personality, sittings
from rekryt.screening.models import AssessmentKind, Invitation, Result


@never_cache
@require_http_methods(["GET", "POST"])
def test_link(request: HttpRequest, token: str) -> HttpResponse:
    invitation = (
        Invitation.objects.filter(token_hash=hash_token(token[:100]))
        .select_related("application__candidate", "message")
        .first()
    )
    if invitation is None or invitation.is_cancelled:
        return invalid_link(request)
    if request.method == "GET":
        context = {"invitation": invitation, "signed_in_staff": request.user.is_authenticated}
        return render(request, "screening/sitting/continue.html", context)
    sign_in(request, invitation.application.candidate)
    return redirect("portal_test", invitation.pk)


@candidate_required
def portal_tests(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    invitations = (
        Invitation.objects.filter(application__candidate=candidate)
        .select_related("application__job", "result", "message")
        .order_by("-created_at")
    )
    results = Result.objects.filter(candidate=candidate, completed_at__isnull=False)
    language = translation.get_language() or "sv"
    context = {
        "candidate": candidate,
        "invitations": [i for i in invitations if not i.is_cancelled],
        "results": [(r, interpret.summary(r, language)) for r in results],
        "now": timezone.now(),
    }
    return render(request, "screening/sitting/list.html", context)


class PersonalityPage(forms.Form):
    def __init__(self, number: int, language: str, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.statements = personality.page_of(number)
        for statement in self.statements:
            self.fields[f"s{statement.index}"] = forms.TypedChoiceField(
                label=statement.text_in(language),
                choices=personality.SCALE,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Please choose how well this describes you.")},
            )

    def answers(self) -> dict[str, int]:
        return {str(s.index): self.cleaned_data[f"s{s.index}"] for s in self.statements}


@candidate_required
@require_http_methods(["GET", "POST"])
def portal_test(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.select_related("application__job", "result", "message"),
        pk=pk,
        application__candidate=candidate,
    )
    if invitation.is_cancelled:
        return invalid_link(request)
    language = (translation.get_language() or "sv")[:2]
    result = invitation.result
    if result is None:
        return _intro(request, candidate, invitation, language)
    if result.is_complete:
        return _done(request, candidate, invitation, result, language)
    if request.method == "POST":
        return _answer(request, candidate, invitation, result, language)
    return _question(request, candidate, invitation, result, language)


def _context(candidate: Candidate, invitation: Invitation, **extra: Any) -> dict[str, Any]:
    return {
        "candidate": candidate,
        "invitation": invitation,
        "job": invitation.application.job,
        **extra,
    }


def _intro(
    request: HttpRequest, candidate: Candidate, invitation: Invitation, language: str
) -> HttpResponse:
    closed = invitation.deadline <= timezone.now()
    if request.method == "POST" and "start" in request.POST and not closed:
        sittings.start(invitation, language)
        return redirect("portal_test", invitation.pk)
    context = _context(
        candidate, invitation, closed=closed, minutes=int(logic.TIME_LIMIT.total_seconds() // 60)
    )
    return render(request, "screening/sitting/intro.html", context, status=410 if closed else 200)


def _done(
    request: HttpRequest,
    candidate: Candidate,
    invitation: Invitation,
    result: Result,
    language: str,
    late: bool = False,
) -> HttpResponse:
    context = _context(
        candidate, invitation, result=result, summary=interpret.summary(result, language), late=late
    )
    return render(request, "screening/sitting/done.html", context)


def _question(
    request: HttpRequest,
    candidate: Candidate,
    invitation: Invitation,
    result: Result,
    language: str,
    form: Any = None,
    status: int = 200,
) -> HttpResponse:
    if result.kind == AssessmentKind.LOGIC:
        index = sittings.next_item(result)
        if index is None or sittings.is_late(result):
            return _finish_now(request, candidate, invitation, result, language)
        context = _context(
            candidate,
            invitation,
            result=result,
            item=logic.items(result.seed)[index],
            number=index + 1,
            total=logic.COUNT,
            error=form == "invalid",
        )
        return render(request, "screening/sitting/logic.html", context, status=status)
    number = sittings.next_page(result)
    if number is None:
        return _finish_now(request, candidate, invitation, result, language)
    page = form if isinstance(form, PersonalityPage) else PersonalityPage(number, language)
    context = _context(
        candidate, invitation, result=result, form=page, number=number + 1, total=personality.PAGES
    )
    return render(request, "screening/sitting/personality.html", context, status=status)


def _finish_now(
    request: HttpRequest,
    candidate: Candidate,
    invitation: Invitation,
    result: Result,
    language: str,
) -> HttpResponse:
    late = sittings.save_answers(result, {}) == sittings.Saved.LATE
    result.refresh_from_db()
    if not result.is_complete:
        sittings.finish(result)
    return _done(request, candidate, invitation, result, language, late=late)


def _answer(
    request: HttpRequest,
    candidate: Candidate,
    invitation: Invitation,
    result: Result,
    language: str,
) -> HttpResponse:
    if result.kind == AssessmentKind.LOGIC:
        answer = sittings.logic_answer(result, request.POST)
        if answer is None:
            return _question(
                request, candidate, invitation, result, language, form="invalid", status=400
            )
    else:
        number = sittings.next_page(result)
        posted = str(request.POST.get("page", ""))
        if number is None or posted != str(number):
            return redirect("portal_test", invitation.pk)  # a resent page: already saved
        page = PersonalityPage(number, language, request.POST)
        if not page.is_valid():
            return _question(
                request, candidate, invitation, result, language, form=page, status=400
            )
        answer = page.answers()
    saved = sittings.save_answers(result, answer)
    if saved == sittings.Saved.LATE:
        result.refresh_from_db()
        return _done(request, candidate, invitation, result, language, late=True)
    return redirect("portal_test", invitation.pk)
