"""Admin-only editor for rejection reasons (linked from the settings page).

Reasons are never deleted once an application points at one: the decision
and the analytics that read it must keep their meaning. Deactivating hides
a reason from the rejection form instead."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Max, ProtectedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rekryt.accounts.roles import admin_required
from rekryt.applications.models import Application, ReasonKind, RejectionReason
from rekryt.jobs.actions import move_in_order
from rekryt.jobs.forms import MoveForm
from rekryt.messaging.models import TemplateKind

# Emails a "we declined" reason may send; a withdrawal always sends the
# withdrawal confirmation (rekryt.applications.rejections.email_kind_for).
REASON_EMAILS = [
    TemplateKind.REJECTION,
    TemplateKind.REJECTION_AFTER_INTERVIEW,
    TemplateKind.POSITION_FILLED,
    TemplateKind.WITHDRAWAL_CONFIRMED,
]


class ReasonForm(forms.ModelForm):
    template_kind = forms.ChoiceField(
        label=gettext_lazy("Email to the candidate"),
        choices=[(kind.value, kind.label) for kind in REASON_EMAILS],
        initial=TemplateKind.REJECTION,
        required=False,
        help_text=gettext_lazy(
            "For reasons of the kind “candidate withdrew”, the withdrawal confirmation is sent."
        ),
    )

    class Meta:
        model = RejectionReason
        fields = ["name_sv", "name_en", "kind", "template_kind"]

    def clean_template_kind(self) -> str:
        if self.cleaned_data.get("kind") == ReasonKind.WITHDREW:
            return TemplateKind.WITHDRAWAL_CONFIRMED
        chosen = str(self.cleaned_data.get("template_kind") or self.instance.template_kind)
        if chosen == TemplateKind.WITHDRAWAL_CONFIRMED:
            raise forms.ValidationError(
                gettext_lazy("A reason where we declined needs a rejection email.")
            )
        return chosen


def _reasons_page(
    request: HttpRequest, add_form: ReasonForm | None = None, bound: ReasonForm | None = None
) -> HttpResponse:
    used = set(
        Application.objects.filter(rejection_reason__isnull=False)
        .values_list("rejection_reason_id", flat=True)
        .distinct()
    )
    rows = []
    for reason in RejectionReason.objects.all():
        reason.used = reason.pk in used  # type: ignore[attr-defined]
        prefix = f"reason-{reason.pk}"
        if bound is not None and bound.prefix == prefix:
            rows.append((reason, bound))
        else:
            rows.append((reason, ReasonForm(prefix=prefix, instance=reason)))
    context = {"rows": rows, "add_form": add_form or ReasonForm()}
    return render(request, "applications/settings_reasons.html", context)


@admin_required
def settings_reasons(request: HttpRequest) -> HttpResponse:
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            last = RejectionReason.objects.aggregate(Max("order"))["order__max"]
            form.instance.order = 0 if last is None else last + 1
            form.save()
        messages.success(request, _("Reason added."))
        return redirect("settings_reasons")
    return _reasons_page(request, add_form=form)


@admin_required
@require_POST
def settings_reason_edit(request: HttpRequest, pk: int) -> HttpResponse:
    reason = get_object_or_404(RejectionReason, pk=pk)
    form = ReasonForm(request.POST, prefix=f"reason-{reason.pk}", instance=reason)
    if not form.is_valid():
        return _reasons_page(request, bound=form)
    form.save()
    messages.success(request, _("Reason saved."))
    return redirect("settings_reasons")


@admin_required
@require_POST
def settings_reason_move(request: HttpRequest, pk: int) -> HttpResponse:
    reason = get_object_or_404(RejectionReason, pk=pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        with transaction.atomic():
            move_in_order(reason, RejectionReason.objects.all(), form.step)
    return redirect("settings_reasons")


@admin_required
@require_POST
def settings_reason_active(request: HttpRequest, pk: int) -> HttpResponse:
    reason = get_object_or_404(RejectionReason, pk=pk)
    reason.active = request.POST.get("active") == "1"
    reason.save(update_fields=["active"])
    if reason.active:
        messages.success(request, _("Reason reactivated."))
    else:
        messages.success(request, _("Reason deactivated. It is no longer offered."))
    return redirect("settings_reasons")


@admin_required
@require_POST
def settings_reason_delete(request: HttpRequest, pk: int) -> HttpResponse:
    reason = get_object_or_404(RejectionReason, pk=pk)
    in_use = _("Applications use this reason, so it cannot be deleted. Deactivate it instead.")
    if Application.objects.filter(rejection_reason=reason).exists():
        messages.error(request, in_use)
        return redirect("settings_reasons")
    try:
        reason.delete()
    except ProtectedError:  # an application took it between the check and the delete
        messages.error(request, in_use)
    else:
        messages.success(request, _("Reason deleted."))
    return redirect("settings_reasons")
