"""Staff pages for reusing jobs: duplicate, save as a template, start from
one (recruiters and admins; others get 404)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rekryt.accounts.models import User
from rekryt.accounts.roles import recruiter_required
from rekryt.jobs import reuse
from rekryt.jobs.models import JobTemplate, visible_job_or_404
from rekryt.lib.params import id_or_none


class TemplateNameForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Template name"), max_length=120)


@recruiter_required
@require_POST
def job_duplicate(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    user: User = request.user  # type: ignore[assignment]
    copy = reuse.duplicate_job(job, user)
    messages.success(request, _("A copy was saved as a draft. Check it, then publish when ready."))
    return redirect("job_edit", copy.pk)


@recruiter_required
@require_POST
def job_save_template(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    form = TemplateNameForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the template a name."))
        return redirect("job_edit", job.pk)
    reuse.save_as_template(job, form.cleaned_data["name"])
    messages.success(request, _("Saved as a job template."))
    return redirect("job_edit", job.pk)


@recruiter_required
def job_templates(request: HttpRequest) -> HttpResponse:
    """GET: the templates. POST with `template`: a new draft from it."""
    if request.method == "POST":
        template = get_object_or_404(JobTemplate, pk=id_or_none(request.POST.get("template")) or 0)
        user: User = request.user  # type: ignore[assignment]
        job = reuse.start_from_template(template, user)
        messages.success(request, _("A draft was made from the template. Check it, then publish."))
        return redirect("job_edit", job.pk)
    return render(request, "jobs/job_templates.html", {"templates": JobTemplate.objects.all()})


@recruiter_required
@require_POST
def job_template_delete(request: HttpRequest, pk: int) -> HttpResponse:
    get_object_or_404(JobTemplate, pk=pk).delete()
    messages.success(request, _("The job template was deleted. Jobs made from it are unchanged."))
    return redirect("job_templates")
