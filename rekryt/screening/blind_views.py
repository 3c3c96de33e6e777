"""Staff pages of blind review: a job's "blind until stage", a document's
masked text (the original is withheld), and an admin's early reveal."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from rekryt.accounts.roles import admin_required, recruiter_required, staff_required
from rekryt.applications.models import Application, documents_visible_to
from rekryt.applications.views import visible_application
from rekryt.jobs.models import Stage, stages_for, visible_job_or_404
from rekryt.screening.actions import reveal_application, set_blind_review
from rekryt.screening.blind import blind_for


class BlindForm(forms.Form):
    until_stage = forms.ModelChoiceField(
        label=gettext_lazy("Blind until the stage"),
        queryset=Stage.objects.none(),
        required=False,
        empty_label=gettext_lazy("No blind review"),
        help_text=gettext_lazy(
            "Reviewers see a pseudonym and no name, contact details or original documents "
            "until an application reaches this stage."
        ),
    )

    def __init__(self, job: object, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["until_stage"]
        field.queryset = stages_for(job).exclude(pk=job.first_stage().pk)  # type: ignore[attr-defined, arg-type]


@recruiter_required
@require_POST
def job_blind(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    form = BlindForm(job, request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the job's stages."))
        return redirect("job_screening", job.pk)
    set_blind_review(job, form.cleaned_data["until_stage"])
    messages.success(request, _("Blind review was saved."))
    return redirect("job_screening", job.pk)


class RevealForm(forms.Form):
    reason = forms.CharField(max_length=500, min_length=10, strip=True)


@admin_required
@require_POST
def blind_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    application = visible_application(request, pk)
    if not blind_for([application]):
        messages.error(request, _("This application is not under blind review."))
        return redirect("application_detail", application.pk)
    form = RevealForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the reason, in a sentence, before revealing."))
        return redirect("application_detail", application.pk)
    reveal_application(application, request.user, form.cleaned_data["reason"], request)
    messages.success(request, _("The identity is revealed, and the reason recorded."))
    return redirect("application_detail", application.pk)


@staff_required
@require_GET
def blind_document(request: HttpRequest, pk: int) -> HttpResponse:
    visible = Application.objects.visible_to(request.user)  # type: ignore[arg-type]
    document = get_object_or_404(
        documents_visible_to(request.user).filter(application__in=visible),  # type: ignore[arg-type]
        pk=pk,
    )
    application = visible.select_related("candidate", "job").get(pk=document.application_id or 0)
    blind = blind_for([application]).get(application.pk)
    if blind is None:  # not (or no longer) blind: the original
        return redirect("document_download", document.pk)
    context = {
        "application": application,
        "blind": blind,
        "document": document,
        "text": blind.mask(document.text),
    }
    return render(request, "screening/blind_document.html", context)
