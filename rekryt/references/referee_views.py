"""The referee's pages, opened from the link in their email (no account):
the questionnaire in their language with the privacy notice, saving and
coming back, sending, and declining. A GET only shows: mail scanners open
links, so nothing changes until the referee sends a form."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from rekryt.references import actions, tokens
from rekryt.references.forms import AnswerForm, DeclineForm, shown_time
from rekryt.references.models import ReferenceRequest, Status


def _closed(request: HttpRequest, found: ReferenceRequest | None) -> HttpResponse:
    """Unknown, expired, answered, declined or cancelled: a short page that
    says so and shows nothing of the questionnaire."""
    status = found.status if found else ""
    code = 200 if status in (Status.ANSWERED, Status.DECLINED) else 404
    return render(request, "references/closed.html", {"status": status}, status=code)


def _context(found: ReferenceRequest, token: str) -> dict[str, object]:
    application = found.referee.application
    return {
        "referee": found.referee,
        "candidate_name": application.full_name,
        "job": application.job,
        "token": token,
        "expires_at": found.expires_at,
    }


@never_cache
@csrf_protect
def answer(request: HttpRequest, token: str) -> HttpResponse:
    found = tokens.find(token)
    if found is None or not found.is_open or not found.referee.application.is_active:
        return _closed(request, found)
    language = found.referee.language
    translation.activate(language)
    request.LANGUAGE_CODE = language
    items = list(found.items.all())
    form = AnswerForm(items, language, request.POST if request.method == "POST" else None)
    saved = request.GET.get("saved") == "1"
    if request.method == "POST" and form.is_valid():
        submit = "send" in request.POST
        if not submit or form.require_all():
            shown = shown_time(form.cleaned_data.get("shown") or "")
            if not actions.save_answers(found, form.answers(), shown, submit=submit):
                return _closed(request, tokens.find(token))
            if submit:
                return render(request, "references/closed.html", {"status": Status.ANSWERED})
            return redirect(f"{request.path}?saved=1")
    context = {**_context(found, token), "form": form, "saved": saved}
    status = 400 if request.method == "POST" else 200
    return render(request, "references/answer.html", context, status=status)


@never_cache
@csrf_protect
def decline(request: HttpRequest, token: str) -> HttpResponse:
    found = tokens.find(token)
    if found is None or not found.is_open or not found.referee.application.is_active:
        return _closed(request, found)
    translation.activate(found.referee.language)
    request.LANGUAGE_CODE = found.referee.language
    form = DeclineForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        actions.decline(found, form.cleaned_data["reason"])
        return render(request, "references/closed.html", {"status": Status.DECLINED})
    return render(request, "references/decline.html", {**_context(found, token), "form": form})
