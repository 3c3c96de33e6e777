"""Admin pages for webhooks: endpoints (add, change, switch on and off,
new secret, delete) and each endpoint's delivery log with the answers it
gave, where a delivery can be sent again."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekryt.accounts.roles import admin_required
from rekryt.api.forms import EndpointForm
from rekryt.api.models import Attempt, Delivery, DeliveryStatus, Endpoint, new_secret
from rekryt.audit.log import record
from rekryt.audit.models import Action

LOG_SIZE = 50


@admin_required
def endpoints(request: HttpRequest) -> HttpResponse:
    form = EndpointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        endpoint = form.save(commit=False)
        endpoint.created_by = request.user
        endpoint.save()
        record(Action.SECURITY, request=request, target=endpoint, detail="webhook endpoint added")
        messages.success(request, _("Endpoint added. Give its secret to the receiving system."))
        return redirect("webhook_endpoint", endpoint.pk)
    return render(
        request, "api/endpoints.html", {"form": form, "endpoints": Endpoint.objects.all()}
    )


@admin_required
def endpoint(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Endpoint, pk=pk)
    was_private = found.allow_private
    form = EndpointForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        if saved.enabled:
            saved.disabled_reason = ""
        saved.save()
        if saved.allow_private != was_private:
            record(Action.SECURITY, request=request, target=saved, detail="private address")
        messages.success(request, _("Endpoint saved."))
        return redirect("webhook_endpoint", found.pk)
    log = (
        Delivery.objects.filter(endpoint=found)
        .prefetch_related(Prefetch("log", queryset=Attempt.objects.order_by("-at", "-pk")))
        .order_by("-pk")[:LOG_SIZE]
    )
    context = {"endpoint": found, "form": form, "deliveries": log}
    return render(request, "api/endpoint.html", context)


@admin_required
@require_POST
def rotate_secret(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Endpoint, pk=pk)
    found.secret = new_secret()
    found.save(update_fields=["secret"])
    record(Action.SECURITY, request=request, target=found, detail="webhook secret replaced")
    messages.success(request, _("A new secret is in use from now on."))
    return redirect("webhook_endpoint", found.pk)


@admin_required
@require_POST
def delete_endpoint(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Endpoint, pk=pk)
    record(Action.SECURITY, request=request, target=found, detail="webhook endpoint deleted")
    found.delete()
    messages.success(request, _("Endpoint deleted."))
    return redirect("webhook_endpoints")


@admin_required
@require_POST
def resend(request: HttpRequest, pk: int, delivery_pk: int) -> HttpResponse:
    """Queue the delivery again now (same webhook-id, so a receiver that
    has it already can tell)."""
    delivery = get_object_or_404(Delivery, pk=delivery_pk, endpoint_id=pk)
    Delivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.PENDING, next_attempt_at=timezone.now(), attempts=0
    )
    messages.success(request, _("The delivery will be sent again within a minute."))
    return redirect("webhook_endpoint", pk)
