"""Staff pages for email: the development mailbox, the outbox and cancelling."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from rekryt.lib.params import local_url
from rekryt.messaging.access import admin_required, cancellable_messages, previewable_messages
from rekryt.messaging.actions import cancel_message
from rekryt.messaging.delivery import headers, recipient, sender
from rekryt.messaging.hooks import mask_for_staff, staff_mask
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.preview import without_secret_links
from rekryt.messaging.sandbox import sandboxed_html

PER_PAGE = 50
LIST_FIELDS = ("pk", "kind", "to_email", "to_name", "subject", "application_id")
# The outbox shows what still needs attention; ?status= narrows it.
OUTBOX_STATUSES = {
    "scheduled": MessageStatus.SCHEDULED,
    "failed": MessageStatus.FAILED,
}


def _page(request: HttpRequest, queryset: QuerySet[Message]) -> Page[Message]:
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))


@require_GET
@admin_required
def mailbox(request: HttpRequest) -> HttpResponse:
    found = (
        Message.objects.filter(to_mailbox=True)
        .only(*LIST_FIELDS, "sent_at")
        .order_by("-sent_at", "-pk")
    )
    page = _page(request, found)
    mask_for_staff(list(page.object_list))
    return render(request, "messaging/mailbox.html", {"page": page})


def _mailbox_message(pk: int) -> Message:
    return get_object_or_404(Message, pk=pk, to_mailbox=True)


@require_GET
@admin_required
def mailbox_message(request: HttpRequest, pk: int) -> HttpResponse:
    message = _mailbox_message(pk)
    header_rows = [
        (_("From"), sender()),
        (_("To"), recipient(message)),
        (_("Reply-To"), message.reply_to),
        (_("Subject"), message.subject),
        *headers(message).items(),
    ]
    mask = staff_mask(message)
    if mask is not None:  # an application under blind review: shown masked
        header_rows = [(name, mask(str(value))) for name, value in header_rows]
        message.body_text, message.subject = mask(message.body_text), mask(message.subject)
    context = {"message": message, "header_rows": [row for row in header_rows if row[1]]}
    return render(request, "messaging/mailbox_message.html", context)


@require_GET
@admin_required
def mailbox_message_html(request: HttpRequest, pk: int) -> HttpResponse:
    message = _mailbox_message(pk)
    mask = staff_mask(message)
    return sandboxed_html(mask(message.body_html) if mask is not None else message.body_html)


@require_GET
@admin_required
def outbox(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    wanted = [OUTBOX_STATUSES[status]] if status in OUTBOX_STATUSES else OUTBOX_STATUSES.values()
    found = (
        Message.objects.filter(status__in=wanted)
        .only(*LIST_FIELDS, "status", "send_after", "attempts", "last_error", "claimed_until")
        .order_by("status", "send_after", "pk")
    )
    page = _page(request, found)
    mask_for_staff(list(page.object_list))
    context = {
        "page": page,
        "status": status if status in OUTBOX_STATUSES else "",
        "statuses": [(key, value.label) for key, value in OUTBOX_STATUSES.items()],
    }
    return render(request, "messaging/outbox.html", context)


@require_POST
@login_required
def message_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    message = get_object_or_404(cancellable_messages(request.user), pk=pk)
    if cancel_message(message, request.user):
        messages.success(request, _("The email was cancelled and will not be sent."))
    else:
        messages.error(
            request,
            _("The email could not be cancelled: it has been sent or is being sent right now."),
        )
    return redirect(_back(request, message))


def _back(request: HttpRequest, message: Message) -> str:
    if message.application_id is not None:
        default = reverse("application_detail", args=[message.application_id])
    else:
        default = reverse("outbox")
    return local_url(request, request.POST.get("next"), default)


# --- A queued email as the candidate will get it -----------------------------


def _previewable(request: HttpRequest, pk: int) -> Message:
    return get_object_or_404(previewable_messages(request.user), pk=pk)


def _hidden_link() -> str:
    return _("[the candidate's personal link]")


@require_GET
@login_required
def message_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """Subject, text and HTML exactly as queued, in the candidate's language;
    only the personal links are left out. The HTML is shown sandboxed."""
    message = _previewable(request, pk)
    text = without_secret_links(message.body_text, _hidden_link())
    mask = staff_mask(message)
    if mask is not None:  # shown only: the page never saves the message
        message.subject, message.to_email, text = (
            mask(message.subject),
            mask(message.to_email),
            mask(text),
        )
    context = {
        "message": message,
        "text": text,
        "can_cancel": cancellable_messages(request.user).filter(pk=message.pk).exists(),
    }
    return render(request, "messaging/message_preview.html", context)


@require_GET
@login_required
def message_preview_html(request: HttpRequest, pk: int) -> HttpResponse:
    message = _previewable(request, pk)
    html = without_secret_links(message.body_html, _hidden_link())
    mask = staff_mask(message)
    return sandboxed_html(mask(html) if mask is not None else html)
