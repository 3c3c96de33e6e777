"""The public page behind the "may we contact you about future roles?" link.

The link carries a signed token (rejections.future_contact_token). A GET only
shows the question: mail scanners open links before people do. Only the
form's POST records the answer, with the exact sentence shown."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rekryt.accounts.models import Organisation
from rekryt.applications.forms import current_language
from rekryt.applications.models import Application
from rekryt.applications.rejections import read_future_contact_token
from rekryt.lib.ratelimit import client_ip
from rekryt.privacy.consent import record_consent
from rekryt.privacy.models import ConsentMethod, ConsentPurpose


def consent_sentence() -> str:
    return _("%(company)s may keep my details and contact me about future roles.") % {
        "company": Organisation.get().name
    }


@require_http_methods(["GET", "POST"])
def future_contact(request: HttpRequest, token: str) -> HttpResponse:
    data = read_future_contact_token(token)
    application = None
    if data is not None and isinstance(data.get("a"), int) and isinstance(data.get("c"), int):
        application = (
            Application.objects.select_related("candidate", "job")
            .filter(pk=data["a"], candidate_id=data["c"])
            .first()
        )
    if application is None:
        # One generic answer for tampered, expired and unknown links.
        return render(request, "applications/future_contact_invalid.html", status=404)
    sentence = consent_sentence()
    context = {"application": application, "sentence": sentence, "answered": None}
    if request.method == "POST":
        answer = request.POST.get("answer")
        if answer in ("yes", "no"):
            record_consent(
                application.candidate,
                purpose=ConsentPurpose.FUTURE_CONTACT,
                given=answer == "yes",
                text=sentence,
                method=ConsentMethod.EMAIL_LINK,
                language=current_language(),
                ip=client_ip(request),
            )
            context["answered"] = answer
        else:
            context["error"] = _("Choose yes or no.")
            return render(request, "applications/future_contact.html", context, status=400)
    return render(request, "applications/future_contact.html", context)
