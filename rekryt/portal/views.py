"""The candidate portal: the link exchange, the overview and a new link.

GET never changes anything here (mail scanners open links before people
do): the link page only shows a button, and its POST exchanges the token for
a session and redirects, so the token leaves the address bar."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from rekryt.accounts import email_requests
from rekryt.accounts.models import EmailRequestKind, Organisation
from rekryt.accounts.ratelimit import Limit
from rekryt.applications.models import (
    Application,
    DetailDifference,
    Resubmission,
    ResubmissionStatus,
)
from rekryt.candidates.models import Candidate
from rekryt.candidates.portal_session import candidate_required, sign_in, sign_out
from rekryt.conversations.models import Reply
from rekryt.lib.ratelimit import client_ip
from rekryt.messaging.models import Message, MessageStatus
from rekryt.portal.extensions import home_panels
from rekryt.portal.forms import NewLinkForm
from rekryt.portal.models import PortalMessage
from rekryt.portal.status import Standing, standing_for
from rekryt.portal.tokens import find_valid

NEW_LINK_LIMIT = Limit("portal-new-link", 10)  # requests per address per hour
_PORTAL_LINK = re.compile(re.escape(settings.SITE_URL) + r"/portal/t/[A-Za-z0-9_-]+/?")


def invalid_link(request: HttpRequest) -> HttpResponse:
    """The one answer for every link that does not work, whatever the reason."""
    response = render(request, "portal/invalid_link.html", status=404)
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def token(request: HttpRequest, token: str) -> HttpResponse:
    found = find_valid(token)
    if found is None:
        return invalid_link(request)
    if request.method == "GET":
        response = render(
            request, "portal/continue.html", {"signed_in_staff": request.user.is_authenticated}
        )
        response["X-Robots-Tag"] = "noindex"
        return response
    sign_in(request, found.candidate)
    found.last_used_at = timezone.now()
    found.save(update_fields=["last_used_at"])
    return redirect("portal_home")


@require_POST
def sign_out_view(request: HttpRequest) -> HttpResponse:
    sign_out(request)
    return redirect("portal_signed_out")


@never_cache
def signed_out(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/signed_out.html")


@dataclass
class Said:
    """One line of the conversation: an email to the candidate or their message."""

    at: datetime
    mine: bool
    body: str
    subject: str = ""
    language: str = ""
    # A reply by email (rekryt.conversations), not a message from the portal.
    by_email: bool = False


@dataclass
class Card:
    application: Application
    standing: Standing
    conversation: list[Said] = field(default_factory=list)
    # Where the application was sent with other details than the candidate's
    # own, and forms sent again for it that wait for the candidate's choice.
    differences: list[DetailDifference] = field(default_factory=list)
    resubmissions: list[Resubmission] = field(default_factory=list)


def without_links(text: str) -> str:
    # Emails carry portal links; they are not needed here and should not be
    # copied out of a screenshot.
    return _PORTAL_LINK.sub("[…]", text)


def _pending_resubmissions(candidate: Candidate) -> dict[int, list[Resubmission]]:
    pending = Resubmission.objects.filter(
        application__candidate=candidate, status=ResubmissionStatus.PENDING
    ).prefetch_related("documents")
    found: dict[int, list[Resubmission]] = {}
    for resubmission in pending:
        found.setdefault(resubmission.application_id, []).append(resubmission)
    return found


def cards_for(candidate: Candidate) -> list[Card]:
    """Every application with its standing, conversation and what waits for
    the candidate's choice, in seven queries."""
    applications = list(
        candidate.applications.select_related("job", "stage", "ended_stage").order_by(
            "-created_at", "-pk"
        )
    )
    messages = Message.objects.filter(
        candidate=candidate,
        application__isnull=False,
        status__in=[MessageStatus.SENT, MessageStatus.SCHEDULED],
    ).order_by("created_at", "pk")
    mine = PortalMessage.objects.filter(application__candidate=candidate)
    replies = Reply.objects.filter(application__candidate=candidate)
    sent: dict[int, list[Message]] = {}
    pending: dict[int, list[Message]] = {}
    for message in messages:
        bucket = sent if message.status == MessageStatus.SENT else pending
        bucket.setdefault(message.application_id or 0, []).append(message)
    written: dict[int, list[PortalMessage]] = {}
    for own in mine:
        written.setdefault(own.application_id, []).append(own)
    by_email: dict[int, list[Reply]] = {}
    for reply in replies:
        by_email.setdefault(reply.application_id, []).append(reply)
    org = Organisation.get()
    resubmissions = _pending_resubmissions(candidate)
    cards = []
    for application in applications:
        application.candidate = candidate
        emails = sent.get(application.pk, [])
        standing = standing_for(application, emails, pending.get(application.pk, []), org)
        conversation = [
            Said(
                m.sent_at or m.created_at, False, without_links(m.body_text), m.subject, m.language
            )
            for m in emails
        ]
        conversation += [Said(p.created_at, True, p.body) for p in written.get(application.pk, [])]
        conversation += [
            Said(r.received_at, True, r.body, r.subject, by_email=True)
            for r in by_email.get(application.pk, [])
        ]
        conversation.sort(key=lambda said: said.at)
        cards.append(
            Card(
                application,
                standing,
                conversation,
                differences=application.differing_details(),
                resubmissions=resubmissions.get(application.pk, []),
            )
        )
    return cards


@candidate_required
def home(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    context = {
        "candidate": candidate,
        "cards": cards_for(candidate),
        "panels": home_panels(request, candidate),
    }
    return render(request, "portal/home.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def new_link(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "portal/new_link.html", {"form": NewLinkForm()})
    if not NEW_LINK_LIMIT.hit(client_ip(request)):
        response = render(request, "portal/new_link_limited.html", status=429)
        response["Retry-After"] = str(NEW_LINK_LIMIT.retry_after())
        return response
    form = NewLinkForm(request.POST)
    if not form.is_valid():
        return render(request, "portal/new_link.html", {"form": form})
    # The same page, after the same work, whether or not the address is
    # known: the worker looks it up and sends the link (rekryt.portal.duties).
    email_requests.ask(EmailRequestKind.PORTAL_LINK, form.cleaned_data["email"])
    return redirect("portal_new_link_sent")


@never_cache
def new_link_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/new_link_sent.html")
